/**
 * npm run train:risk-model
 * Trains the risk guard's learned layer on tests/fixtures/risk-corpus/*.jsonl
 * and writes assets/models/risk-learned.json. Deterministic: the unit test
 * tests/unit/risk-learned.test.ts retrains and compares with that file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { trainAndWrite } from './write-weights.ts';
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
  trainAndWrite('drafts', riskTrainingExamples(), (e) => trainRiskModel(e, RISK_MODEL_TRAINING), RISK_WEIGHTS_FILE);
}
