/**
 * The reply-intent classifier: which intent a reply script serves, read from
 * its own words (and its group and title). Logistic regression over
 * features.ts (lib/learn/softmax.ts), trained by scripts/train-reply-intent.ts
 * on the default library and a labelled corpus of seller replies; the weights
 * ship as data (assets/models/reply-intent.json). Used at import to guess the
 * intent of a rep's phrase, with a confidence: below CONFIDENT the preview asks.
 */
import { SoftmaxModel, type SoftmaxWeights } from '../learn/softmax.ts';
import { replyFeatures, type ReplyDocument } from './features.ts';

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
  private readonly model: SoftmaxModel;

  constructor(weights: SoftmaxWeights) {
    this.model = new SoftmaxModel(weights);
  }

  get intents(): readonly string[] {
    return this.model.labels;
  }

  /** Every intent with its probability, best first. */
  classify(doc: ReplyDocument): IntentGuess[] {
    return this.model.classify(replyFeatures(doc)).map((s) => ({ intent: s.label, probability: s.probability }));
  }
}
