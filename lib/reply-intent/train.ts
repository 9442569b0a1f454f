/**
 * Training the reply-intent classifier (model.ts): multinomial logistic
 * regression with L2 regularisation, fitted by Adagrad over a fixed number of
 * passes in a seeded order, so the same data gives the same weights on every
 * machine (a unit test retrains and compares with the shipped weights).
 */
import { replyFeatures, type ReplyDocument } from './features.ts';
import type { ReplyIntentWeights } from './model.ts';

export interface TrainingExample extends ReplyDocument {
  intent: string;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** L1 (truncated gradient): pushes useless weights to exactly zero, which keeps the file small. */
  l1?: number;
  /** Features seen in fewer documents are dropped (noise, names, order numbers). */
  minDocs?: number;
  /** Stored weights are rounded to this many decimals… */
  decimals?: number;
  /** …and those smaller than this dropped (keeps the shipped file small; costs no accuracy). */
  minWeight?: number;
  seed?: number;
}

/** The settings the shipped weights are trained with (chosen by cross-validation on the training data). */
export const REPLY_INTENT_TRAINING: TrainOptions = { minDocs: 3, l1: 0.001, minWeight: 0.05 };

/** A small seeded generator (mulberry32) for the order of examples. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainReplyIntent(examples: readonly TrainingExample[], options: TrainOptions = {}): ReplyIntentWeights {
  const { epochs = 30, learningRate = 0.5, l2 = 1e-4, l1 = 0, minDocs = 2, decimals = 3, minWeight = 0.05, seed = 20261204 } = options;
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const intentIndex = new Map(intents.map((s, i) => [s, i]));
  const K = intents.length;
  const vectors = examples.map((e) => replyFeatures(e));
  const docFreq = new Map<string, number>();
  for (const v of vectors) for (const f of v.keys()) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  const vocabulary = [...docFreq].filter(([, n]) => n >= minDocs).map(([f]) => f).sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const docs = vectors.map((v, d) => ({
    y: intentIndex.get(examples[d]!.intent)!,
    x: [...v].filter(([f]) => featureIndex.has(f)).map(([f, value]) => [featureIndex.get(f)!, value] as [number, number]),
  }));

  const W = new Float64Array(vocabulary.length * K);
  const G = new Float64Array(vocabulary.length * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  const order = docs.map((_, i) => i);
  const random = seeded(seed);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const { x, y } = docs[d]!;
      for (let k = 0; k < K; k++) logits[k] = b[k]!;
      for (const [f, v] of x) for (let k = 0; k < K; k++) logits[k]! += W[f * K + k]! * v;
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (logits[k]! > max) max = logits[k]!;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += logits[k] = Math.exp(logits[k]! - max);
      for (let k = 0; k < K; k++) {
        const g = logits[k]! / sum - (k === y ? 1 : 0);
        Gb[k]! += g * g;
        b[k]! -= (learningRate * g) / Math.sqrt(Gb[k]!);
        for (const [f, v] of x) {
          const at = f * K + k;
          const gw = g * v + l2 * W[at]!;
          G[at]! += gw * gw;
          const step = learningRate / Math.sqrt(G[at]!);
          const w = W[at]! - step * gw;
          // Truncate toward zero by the L1 share of this step (never across zero).
          W[at] = l1 > 0 ? Math.sign(w) * Math.max(0, Math.abs(w) - step * l1) : w;
        }
      }
    }
  }
  const scale = 10 ** decimals;
  const round = (v: number) => Math.round(v * scale) / scale;
  const features: ReplyIntentWeights['features'] = {};
  vocabulary.forEach((f, i) => {
    const row: Array<[number, number]> = [];
    for (let k = 0; k < K; k++) {
      const w = round(W[i * K + k]!);
      if (Math.abs(w) >= minWeight) row.push([k, w]);
    }
    if (row.length) features[f] = row;
  });
  return { version: 1, intents, bias: [...b].map(round), features };
}
