/**
 * Features of a reply script for the reply-intent classifier: character
 * 1–3-grams of its text (Traditional folded to Simplified, full width to half,
 * case folded, placeholders removed), English words and word pairs, and the
 * same n-grams of its group name and title at half weight (a rep's group
 * 尺码 or 催付款 says something; 常用 or 默认分组 says little). Every document
 * is scaled to unit length so a long reply and a short one weigh alike.
 */
import { fold } from '../text/normalize.ts';
import { addTextGrams, dampenAndScale } from '../learn/text-features.ts';
import type { FeatureVector } from '../learn/softmax.ts';

export interface ReplyDocument {
  text: string;
  group?: string;
  title?: string;
}

const VARIABLE = /\{[^{}]{1,12}\}|【[^【】]{0,12}】|\[[^[\]]{0,12}\]/g;
/** Replies run long; their opening and the rest say the same. */
const MAX_CHARS = 300;

export function replyFeatures(doc: ReplyDocument): FeatureVector {
  const out: FeatureVector = new Map();
  addTextGrams(out, fold(doc.text.slice(0, MAX_CHARS).replace(VARIABLE, ' ')), 1);
  if (doc.group) addTextGrams(out, fold(doc.group), 0.5);
  if (doc.title && !doc.text.startsWith(doc.title.replace(/…$/, ''))) addTextGrams(out, fold(doc.title), 0.5);
  return dampenAndScale(out);
}
