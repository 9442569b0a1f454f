/** The shipped reply-intent model (weights in assets/models/reply-intent.json), loaded once. */
import weights from '../../assets/models/reply-intent.json';
import { ReplyIntentModel } from './model.ts';
import type { SoftmaxWeights } from '../learn/softmax.ts';

let model: ReplyIntentModel | undefined;

export function replyIntentModel(): ReplyIntentModel {
  model ??= new ReplyIntentModel(weights as unknown as SoftmaxWeights);
  return model;
}
