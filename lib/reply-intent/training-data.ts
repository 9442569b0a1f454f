/**
 * The examples the reply-intent classifier learns from: the default library's
 * scripts (text, group, title) and the labelled corpora of seller replies in
 * assets/models/reply-corpus/ (written for the project by people outside the
 * team, in many shops' styles). Pure: the caller reads the files.
 */
import type { ReplyScript } from '../types.ts';
import type { TrainingExample } from './train.ts';
import { parseLabelledJsonl } from '../learn/corpus.ts';

/** One JSON object per line: {"text", "intent", "group"?}; blank lines skipped; a bad line is an error naming it. */
export function parseCorpus(jsonl: string, source: string, known: ReadonlySet<string>): TrainingExample[] {
  return parseLabelledJsonl(jsonl, source, 'intent', known).map(({ text, label, extra }) => ({
    text,
    intent: label,
    ...(extra.group ? { group: extra.group } : {}),
  }));
}

export function libraryExamples(scripts: readonly ReplyScript[]): TrainingExample[] {
  return scripts.filter((s) => !s.deleted && s.intent).map((s) => ({ text: s.text, group: s.group, title: s.title, intent: s.intent }));
}
