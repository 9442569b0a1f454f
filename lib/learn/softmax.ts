/**
 * A small text classifier shared by the reply-intent model and the risk
 * guard's learned layer: multinomial logistic regression over sparse features
 * (character n-grams and the like, computed by the caller), L2 and L1
 * (truncated gradient) regularisation, fitted by Adagrad over a fixed number
 * of passes in a seeded order — the same data gives the same weights on every
 * machine, so tests can retrain and compare with what ships. Weights are
 * stored sparse and rounded, to keep the shipped files small.
 */
import { seededRandom } from './seeded-random.ts';

export type FeatureVector = Map<string, number>;

export interface SoftmaxWeights {
  version: 1;
  labels: string[];
  bias: number[];
  /** Per feature, the non-zero weights as [label index, weight] pairs. */
  features: Record<string, Array<[number, number]>>;
}

export interface LabelScore {
  label: string;
  probability: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** L1 (truncated gradient): pushes useless weights to exactly zero. */
  l1?: number;
  /** Features seen in fewer documents are dropped (noise, names, order numbers). */
  minDocs?: number;
  /** Stored weights are rounded to this many decimals… */
  decimals?: number;
  /** …and those smaller than this dropped. */
  minWeight?: number;
  seed?: number;
  /** Weight of each example by its label (e.g. rarer classes count more); default 1. */
  labelWeight?: Record<string, number>;
}

export function trainSoftmax(examples: ReadonlyArray<{ features: FeatureVector; label: string }>, options: TrainOptions = {}): SoftmaxWeights {
  const { epochs = 30, learningRate = 0.5, l2 = 1e-4, l1 = 0, minDocs = 2, decimals = 3, minWeight = 0.05, seed = 20261204, labelWeight = {} } = options;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((s, i) => [s, i]));
  const K = labels.length;
  const docFreq = new Map<string, number>();
  for (const e of examples) for (const f of e.features.keys()) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  const vocabulary = [...docFreq]
    .filter(([, n]) => n >= minDocs)
    .map(([f]) => f)
    .sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const docs = examples.map((e) => ({
    y: labelIndex.get(e.label)!,
    weight: labelWeight[e.label] ?? 1,
    x: [...e.features].filter(([f]) => featureIndex.has(f)).map(([f, value]) => [featureIndex.get(f)!, value] as [number, number]),
  }));

  const W = new Float64Array(vocabulary.length * K);
  const G = new Float64Array(vocabulary.length * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  const order = docs.map((_, i) => i);
  const random = seededRandom(seed);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const { x, y, weight } = docs[d]!;
      for (let k = 0; k < K; k++) logits[k] = b[k]!;
      for (const [f, v] of x) for (let k = 0; k < K; k++) logits[k]! += W[f * K + k]! * v;
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (logits[k]! > max) max = logits[k]!;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += logits[k] = Math.exp(logits[k]! - max);
      for (let k = 0; k < K; k++) {
        const g = weight * (logits[k]! / sum - (k === y ? 1 : 0));
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
  const features: SoftmaxWeights['features'] = {};
  vocabulary.forEach((f, i) => {
    const row: Array<[number, number]> = [];
    for (let k = 0; k < K; k++) {
      const w = round(W[i * K + k]!);
      if (Math.abs(w) >= minWeight) row.push([k, w]);
    }
    if (row.length) features[f] = row;
  });
  return { version: 1, labels, bias: [...b].map(round), features };
}

export class SoftmaxModel {
  private readonly rows: Map<string, Array<[number, number]>>;

  constructor(readonly weights: SoftmaxWeights) {
    this.rows = new Map(Object.entries(weights.features));
  }

  get labels(): readonly string[] {
    return this.weights.labels;
  }

  /** Every label with its probability, best first. */
  classify(features: FeatureVector): LabelScore[] {
    const logits = [...this.weights.bias];
    for (const [feature, value] of features) {
      const row = this.rows.get(feature);
      if (!row) continue;
      for (const [i, w] of row) logits[i]! += w * value;
    }
    const max = Math.max(...logits);
    let sum = 0;
    const exps = logits.map((l) => {
      const e = Math.exp(l - max);
      sum += e;
      return e;
    });
    return exps
      .map((e, i) => ({ label: this.weights.labels[i]!, probability: e / sum }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  }

  /** The features that pushed most toward `label`, strongest first (what "drove" a finding). */
  drivers(features: FeatureVector, label: string, count = 5): Array<[string, number]> {
    const k = this.weights.labels.indexOf(label);
    const out: Array<[string, number]> = [];
    for (const [feature, value] of features) {
      const w = this.rows.get(feature)?.find(([i]) => i === k)?.[1];
      if (w !== undefined && w * value > 0) out.push([feature, w * value]);
    }
    return out.sort((a, b) => b[1] - a[1]).slice(0, count);
  }
}

/**
 * How many weights of `a` differ from `b` by more than `tolerance` (labels and features must match
 * too): tests retrain a model and compare it with the shipped file this way.
 */
export function weightsDiffer(a: SoftmaxWeights, b: SoftmaxWeights, tolerance = 0.0011): number {
  if (a.labels.join() !== b.labels.join()) return Infinity;
  const fa = Object.keys(a.features).sort();
  const fb = Object.keys(b.features).sort();
  if (fa.join('\u0001') !== fb.join('\u0001')) return Infinity;
  let off = a.bias.filter((v, i) => Math.abs(v - b.bias[i]!) > tolerance).length;
  for (const [f, row] of Object.entries(a.features)) {
    const other = new Map(b.features[f]!);
    for (const [k, w] of row) if (Math.abs((other.get(k) ?? 0) - w) > tolerance) off++;
  }
  return off;
}
