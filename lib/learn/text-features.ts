/**
 * Building blocks for text features of the learned models: character 1–3-grams
 * of CJK runs, English words and word pairs, and dampened unit-length scaling
 * so a long text and a short one weigh alike.
 */
import type { FeatureVector } from './softmax.ts';

const CJK = /[\u3400-\u9fff]/;
const WORD = /[a-z]{2,}/g;

const add = (out: FeatureVector, key: string, weight: number) => out.set(key, (out.get(key) ?? 0) + weight);

/** Character 1–3-grams inside runs of CJK characters, and English words and word pairs (prefixed w:). */
export function addTextGrams(out: FeatureVector, text: string, weight: number, prefix = ''): void {
  addCjkGrams(out, text, weight, prefix);
  addWordGrams(out, text, weight, prefix);
}

/** Character 1–3-grams inside runs of CJK characters. */
export function addCjkGrams(out: FeatureVector, text: string, weight: number, prefix = ''): void {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (!CJK.test(a)) continue;
    add(out, prefix + a, weight);
    const b = chars[i + 1];
    if (b === undefined || !CJK.test(b)) continue;
    add(out, prefix + a + b, weight);
    const c = chars[i + 2];
    if (c !== undefined && CJK.test(c)) add(out, prefix + a + b + c, weight);
  }
}

/** English words and word pairs (prefixed w:). */
export function addWordGrams(out: FeatureVector, text: string, weight: number, prefix = ''): void {
  const words = text.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    add(out, `${prefix}w:${words[i]}`, weight);
    if (i + 1 < words.length) add(out, `${prefix}w:${words[i]} ${words[i + 1]}`, weight);
  }
}

/** Counts beyond the first say little: log-dampen, then scale to unit length (in place). */
export function dampenAndScale(out: FeatureVector): FeatureVector {
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
