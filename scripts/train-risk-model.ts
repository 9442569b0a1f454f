/**
 * npm run train:risk-model
 * Trains the risk guard's learned layer on tests/fixtures/risk-corpus/*.jsonl
 * and writes assets/models/risk-learned.json. Deterministic: the unit test
 * tests/unit/risk-learned.test.ts retrains and compares with that file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RISK_CATEGORIES } from '../lib/risk/categories.ts';
import { parseRiskCorpus, RISK_MODEL_TRAINING, trainRiskModel, type RiskExample } from '../lib/risk/learned/train.ts';

export const RISK_CORPUS_DIR = 'tests/fixtures/risk-corpus';
export const RISK_WEIGHTS_FILE = 'assets/models/risk-learned.json';

export function riskTrainingExamples(root = '.'): RiskExample[] {
  const known = new Set(['clean', ...RISK_CATEGORIES.map((c) => c.id)]);
  return readdirSync(join(root, RISK_CORPUS_DIR))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => parseRiskCorpus(readFileSync(join(root, RISK_CORPUS_DIR, f), 'utf8'), f, known));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const examples = riskTrainingExamples();
  const t0 = performance.now();
  const weights = trainRiskModel(examples, RISK_MODEL_TRAINING);
  writeFileSync(RISK_WEIGHTS_FILE, JSON.stringify(weights) + '\n');
  const pairs = Object.values(weights.features).reduce((n, row) => n + row.length, 0);
  console.log(`trained on ${examples.length} drafts in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.keys(weights.features).length} features, ${pairs} weights → ${RISK_WEIGHTS_FILE}`);
}
