/**
 * The reply-intent classifier: which intent a reply script serves, read from
 * its own words (and its group and title). A multinomial logistic regression
 * over features.ts, trained by scripts/train-reply-intent.ts on the default
 * library and a labelled corpus of seller replies; the weights ship as data
 * (assets/models/reply-intent.json). Used at import to guess the intent of a
 * rep's phrase, with a confidence: below CONFIDENT the preview asks.
 */
import { replyFeatures, type ReplyDocument } from './features.ts';

/** Weights as stored: per feature, the non-zero weights as [intent index, weight] pairs. */
export interface ReplyIntentWeights {
  version: 1;
  intents: string[];
  bias: number[];
  features: Record<string, Array<[number, number]>>;
}

export interface IntentGuess {
  intent: string;
  probability: number;
}

/**
 * Below this probability the guess is shown as a question with the top three intents. Chosen on
 * the training corpora written by two different authors (train on one, test on the other): at 0.4
 * about a quarter of phrases are asked, the rest are right about 9 times in 10, and the three
 * choices hold the right intent 19 times in 20.
 */
export const CONFIDENT = 0.4;

export class ReplyIntentModel {
  private readonly features: Map<string, Array<[number, number]>>;

  constructor(private readonly weights: ReplyIntentWeights) {
    this.features = new Map(Object.entries(weights.features));
  }

  get intents(): readonly string[] {
    return this.weights.intents;
  }

  /** Every intent with its probability, best first. */
  classify(doc: ReplyDocument): IntentGuess[] {
    const logits = [...this.weights.bias];
    for (const [feature, value] of replyFeatures(doc)) {
      const row = this.features.get(feature);
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
      .map((e, i) => ({ intent: this.weights.intents[i]!, probability: e / sum }))
      .sort((a, b) => b.probability - a.probability || a.intent.localeCompare(b.intent));
  }
}
