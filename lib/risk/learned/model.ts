/** The shipped learned layer (assets/models/risk-learned.json), loaded on first use. */
import weights from '../../../assets/models/risk-learned.json';
import { SoftmaxModel, type SoftmaxWeights } from '../../learn/softmax.ts';

let model: SoftmaxModel | undefined;

export function riskModel(): SoftmaxModel {
  model ??= new SoftmaxModel(weights as unknown as SoftmaxWeights);
  return model;
}
