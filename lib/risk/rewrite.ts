/** Applies a finding's suggested rewrite to the draft. */
import type { RiskFinding } from '../types';

const SENTENCE_END = /[。！!？?\n]/;

/** The [start, end) of the sentence holding [from, to), end punctuation excluded. */
export function sentenceRange(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  // Keep the rep's leading whitespace.
  while (start < from && /\s/.test(text[start]!)) start++;
  return [start, end];
}

/**
 * Replace the finding's characters with its rewrite, or the whole sentence
 * when the rule rewrites sentences (an off-platform invitation has no polite
 * half). Returns the text unchanged when there is no rewrite or the finding
 * no longer matches the text.
 */
export function applyRewrite(text: string, finding: RiskFinding & { rewriteScope?: 'match' | 'sentence' }): string {
  if (finding.rewrite === undefined) return text;
  const { start, end } = finding;
  if (start < 0 || end > text.length || start > end) return text;
  if (text.slice(start, end) !== finding.match) return text;
  if (finding.rewriteScope === 'sentence') {
    const [s, e] = sentenceRange(text, start, end);
    return text.slice(0, s) + finding.rewrite + text.slice(e);
  }
  return text.slice(0, start) + finding.rewrite + text.slice(end);
}
