/**
 * Features of a reply script for the reply-intent classifier: character
 * 1–3-grams of its text (Traditional folded to Simplified, full width to half,
 * case folded, placeholders removed), English words and word pairs, and the
 * same n-grams of its group name and title at half weight (a rep's group
 * 尺码 or 催付款 says something; 常用 or 默认分组 says little). Every document
 * is scaled to unit length so a long reply and a short one weigh alike.
 */
import { fold } from '../text/normalize.ts';

export interface ReplyDocument {
  text: string;
  group?: string;
  title?: string;
}

export type FeatureVector = Map<string, number>;

const VARIABLE = /\{[^{}]{1,12}\}|【[^【】]{0,12}】|\[[^[\]]{0,12}\]/g;
const CJK = /[\u3400-\u9fff]/;
const WORD = /[a-z]{2,}/g;
/** Replies run long; their opening and the rest say the same. */
const MAX_CHARS = 300;

function addGrams(out: FeatureVector, text: string, weight: number): void {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (!CJK.test(a)) continue;
    out.set(a, (out.get(a) ?? 0) + weight);
    const b = chars[i + 1];
    if (b === undefined || !CJK.test(b)) continue;
    out.set(a + b, (out.get(a + b) ?? 0) + weight);
    const c = chars[i + 2];
    if (c !== undefined && CJK.test(c)) out.set(a + b + c, (out.get(a + b + c) ?? 0) + weight);
  }
  const words = text.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = `w:${words[i]}`;
    out.set(w, (out.get(w) ?? 0) + weight);
    if (i + 1 < words.length) {
      const pair = `w:${words[i]} ${words[i + 1]}`;
      out.set(pair, (out.get(pair) ?? 0) + weight);
    }
  }
}

export function replyFeatures(doc: ReplyDocument): FeatureVector {
  const out: FeatureVector = new Map();
  addGrams(out, fold(doc.text.slice(0, MAX_CHARS).replace(VARIABLE, ' ')), 1);
  if (doc.group) addGrams(out, fold(doc.group), 0.5);
  if (doc.title && !doc.text.startsWith(doc.title.replace(/…$/, ''))) addGrams(out, fold(doc.title), 0.5);
  // Counts beyond the first say little: dampen, then scale to unit length.
  let norm = 0;
  for (const [k, v] of out) {
    const d = Math.log1p(v);
    out.set(k, d);
    norm += d * d;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of out) out.set(k, v / norm);
  return out;
}
