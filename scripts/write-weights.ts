/** Shared by the training scripts: train, write the weights as one JSON line, say what was written. */
import { writeFileSync } from 'node:fs';
import type { SoftmaxWeights } from '../lib/learn/softmax.ts';

export function trainAndWrite<E>(what: string, examples: readonly E[], train: (examples: readonly E[]) => SoftmaxWeights, file: string): void {
  const t0 = performance.now();
  const weights = train(examples);
  writeFileSync(file, JSON.stringify(weights) + '\n');
  const pairs = Object.values(weights.features).reduce((n, row) => n + row.length, 0);
  console.log(
    `trained on ${examples.length} ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.keys(weights.features).length} features, ${pairs} weights → ${file}`,
  );
}
