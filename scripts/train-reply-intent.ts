/**
 * npm run train:reply-intent
 * Trains the reply-intent classifier (lib/reply-intent/) on the default
 * library and assets/models/reply-corpus/*.jsonl and writes the weights to
 * assets/models/reply-intent.json. Deterministic: the unit test
 * tests/unit/reply-intent.test.ts retrains and compares with that file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { trainAndWrite } from './write-weights.ts';
import { join } from 'node:path';
import { INTENT_INFO } from '../lib/suggest/intents.ts';
import { libraryExamples, parseCorpus } from '../lib/reply-intent/training-data.ts';
import { REPLY_INTENT_TRAINING, trainReplyIntent, type TrainingExample } from '../lib/reply-intent/train.ts';
import type { ReplyScript } from '../lib/types.ts';

export const CORPUS_DIR = 'assets/models/reply-corpus';
export const WEIGHTS_FILE = 'assets/models/reply-intent.json';

export function trainingExamples(root = '.'): TrainingExample[] {
  const known = new Set(Object.keys(INTENT_INFO));
  const library = JSON.parse(readFileSync(join(root, 'assets/library/default-library.json'), 'utf8')) as ReplyScript[];
  const corpora = readdirSync(join(root, CORPUS_DIR))
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  return [...libraryExamples(library), ...corpora.flatMap((f) => parseCorpus(readFileSync(join(root, CORPUS_DIR, f), 'utf8'), f, known))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  trainAndWrite('examples', trainingExamples(), (e) => trainReplyIntent(e, REPLY_INTENT_TRAINING), WEIGHTS_FILE);
}
