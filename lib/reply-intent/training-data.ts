/**
 * The examples the reply-intent classifier learns from: the default library's
 * scripts (text, group, title) and the labelled corpora of seller replies in
 * assets/models/reply-corpus/ (written for the project by people outside the
 * team, in many shops' styles). Pure: the caller reads the files.
 */
import type { ReplyScript } from '../types.ts';
import type { TrainingExample } from './train.ts';

/** One JSON object per line: {"text", "intent", "group"?}; blank lines skipped; a bad line is an error naming it. */
export function parseCorpus(jsonl: string, source: string, known: ReadonlySet<string>): TrainingExample[] {
  const out: TrainingExample[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: { text?: unknown; intent?: unknown; group?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    if (typeof row.text !== 'string' || !row.text.trim() || typeof row.intent !== 'string' || !known.has(row.intent)) {
      throw new Error(`${source}:${i + 1}: needs a "text" and a known "intent"`);
    }
    out.push({ text: row.text, intent: row.intent, ...(typeof row.group === 'string' ? { group: row.group } : {}) });
  });
  return out;
}

export function libraryExamples(scripts: readonly ReplyScript[]): TrainingExample[] {
  return scripts.filter((s) => !s.deleted && s.intent).map((s) => ({ text: s.text, group: s.group, title: s.title, intent: s.intent }));
}
