/**
 * Features of one sentence of a draft for the risk guard's learned layer:
 * character 1–3-grams of the folded text with every separator dropped
 * (好.评 reads as 好评), English words and pairs, the sound of characters
 * that read like a chat or payment app (薇芯 and 微信 share s:wei s:xin), and
 * the shape of what was typed — a long digit run, a handle mixing letters and
 * digits, a masked number, repeated ?! — which carry across wordings.
 */
import { fold } from '../../text/normalize.ts';
import { addCjkGrams, addWordGrams, dampenAndScale } from '../../learn/text-features.ts';
import type { FeatureVector } from '../../learn/softmax.ts';
import { syllablesOf } from '../sound-table.ts';

/** Spaces, punctuation, symbols and emoji between characters: dropped before the n-grams. */
const SEPARATORS = /[\s\p{P}\p{S}\u200b-\u200f\u2060\ufeff]+/gu;
const DIGITS_5 = /[0-9]{5,}/;
/** A run of 5+ letters, digits and "_" that holds both a letter and a digit (ab12cd). */
const WORD_RUN = /[a-z0-9_]{5,}/g;
/**
 * 13**89 and longer. Same answer as /[0-9]{2,}\*{2,}[0-9]{2,}/, which retried
 * every start inside a long digit run (quadratic: 40,000 digits took seconds).
 */
const MASKED = /[0-9]{2}\*{2,}[0-9]{2}/;

/**
 * Same answer as /(?=[a-z_]*[0-9])(?=[0-9_]*[a-z])[a-z0-9_]{5,}/ — a run that
 * holds a letter and a digit — in one pass: the lookaheads stay inside the run,
 * so its first character is the best start, and each run is read once (the
 * pattern re-read the rest of the run from every start).
 */
function hasHandle(text: string): boolean {
  for (const run of text.matchAll(WORD_RUN)) if (/[0-9]/.test(run[0]) && /[a-z]/.test(run[0])) return true;
  return false;
}

export function riskFeatures(sentence: string): FeatureVector {
  const out: FeatureVector = new Map();
  const folded = fold(sentence);
  const joined = folded.replace(SEPARATORS, '');
  addCjkGrams(out, joined, 1);
  addWordGrams(out, folded, 1); // English keeps its spaces

  let previous: string | undefined;
  for (const ch of joined) {
    const syllable = syllablesOf(ch)[0]; // the first reading, as the weights were trained
    if (syllable) {
      out.set(`s:${syllable}`, (out.get(`s:${syllable}`) ?? 0) + 1);
      if (previous) out.set(`s:${previous}_${syllable}`, (out.get(`s:${previous}_${syllable}`) ?? 0) + 1);
    }
    previous = syllable;
  }
  if (DIGITS_5.test(joined)) out.set('#digits', 1);
  if (hasHandle(folded)) out.set('#handle', 1);
  if (MASKED.test(folded)) out.set('#masked', 1);
  if (/[?？]{2,}|[!！]{2,}|[?？][!！]|[!！][?？]/.test(sentence)) out.set('#punct', 1);
  return dampenAndScale(out);
}
