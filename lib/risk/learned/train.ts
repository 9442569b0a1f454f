/** Training the risk guard's learned layer (model.ts) with the shared softmax learner. */
import { trainSoftmax, type SoftmaxWeights, type TrainOptions } from '../../learn/softmax.ts';
import { riskFeatures } from './features.ts';
import { parseLabelledJsonl } from '../../learn/corpus.ts';

export interface RiskExample {
  text: string;
  /** A category id, or "clean". */
  label: string;
}

/** The settings the shipped weights are trained with (chosen training on one corpus, testing on the other). */
export const RISK_MODEL_TRAINING: TrainOptions = { minDocs: 3, l1: 0.002, minWeight: 0.05, epochs: 20 };

export function trainRiskModel(examples: readonly RiskExample[], options: TrainOptions = RISK_MODEL_TRAINING): SoftmaxWeights {
  return trainSoftmax(
    examples.map((e) => ({ features: riskFeatures(e.text), label: e.label })),
    options,
  );
}

/** One JSON object per line {"text", "label"}; a bad line is an error naming it. */
export function parseRiskCorpus(jsonl: string, source: string, known: ReadonlySet<string>): RiskExample[] {
  return parseLabelledJsonl(jsonl, source, 'label', known).map(({ text, label }) => ({ text, label }));
}
