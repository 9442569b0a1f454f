/**
 * Training the reply-intent classifier (model.ts) with the shared softmax
 * learner (lib/learn/softmax.ts) over the reply features (features.ts).
 */
import { trainSoftmax, type SoftmaxWeights, type TrainOptions } from '../learn/softmax.ts';
import { replyFeatures, type ReplyDocument } from './features.ts';

export interface TrainingExample extends ReplyDocument {
  intent: string;
}

/** The settings the shipped weights are trained with (chosen by cross-validation on the training data). */
export const REPLY_INTENT_TRAINING: TrainOptions = { minDocs: 3, l1: 0.001, minWeight: 0.05 };

export function trainReplyIntent(examples: readonly TrainingExample[], options: TrainOptions = {}): SoftmaxWeights {
  return trainSoftmax(
    examples.map((e) => ({ features: replyFeatures(e), label: e.intent })),
    options,
  );
}
