/**
 * npm run suggest -- "买家消息" [--top N] [--explain] [--library FILE.json] [--stage presale|insale|aftersale]
 * npm run suggest -- --jsonl [--top N] < messages.jsonl
 *
 * Prints reply suggestions for a buyer message. With --jsonl it reads one JSON object {"text": …}
 * per line from stdin and writes one line {"suggestions":[{id,intent,title,text,score}]} per input,
 * in order; a malformed line yields {"suggestions":[],"error":"…"} and the run continues.
 */
import { readFileSync } from 'node:fs';
import { answerJsonLines, endQuietlyOnClosedPipe } from './jsonl-lines';
import { createSuggestAnswer } from './suggest-answer';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMatcher } from '../lib/suggest/matcher.ts';
import { defaultBuyerKnowledge } from '../lib/suggest/default-knowledge.ts';
import { parseLibrary } from '../lib/suggest/library-file.ts';
import type { Stage } from '../lib/suggest/intents.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_LIBRARY = join(here, '..', 'assets', 'library', 'default-library.json');

function usage(message?: string): never {
  if (message) console.error(`错误 / error: ${message}`);
  console.error('用法 / usage: npm run suggest -- "买家消息" [--top N] [--explain] [--library FILE.json] [--stage presale|insale|aftersale]');
  console.error('              npm run suggest -- --jsonl [--top N] < messages.jsonl');
  process.exit(2);
}

endQuietlyOnClosedPipe();
const args = process.argv.slice(2);
let top = 5;
let explain = false;
let jsonl = false;
let library = DEFAULT_LIBRARY;
let stage: Stage | undefined;
const words: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--top') {
    const n = Number(args[++i]);
    if (!Number.isInteger(n) || n < 1) usage('--top needs a positive whole number');
    top = n;
  } else if (a.startsWith('--top=')) top = Number(a.slice(6)) || usage('--top needs a positive whole number');
  else if (a === '--explain') explain = true;
  else if (a === '--jsonl') jsonl = true;
  else if (a === '--library') library = args[++i] ?? usage('--library needs a file');
  else if (a.startsWith('--library=')) library = a.slice(10);
  else if (a === '--stage') {
    const s = args[++i];
    if (s !== 'presale' && s !== 'insale' && s !== 'aftersale') usage('--stage must be presale, insale or aftersale');
    stage = s;
  } else if (a === '--help' || a === '-h') usage();
  else words.push(a);
}

let scripts;
try {
  scripts = parseLibrary(readFileSync(library, 'utf8'), library);
} catch (e) {
  console.error(`无法加载话术库 / cannot load library: ${(e as Error).message}`);
  process.exit(1);
}
const matcher = createMatcher(scripts, { knowledge: defaultBuyerKnowledge() });

if (jsonl) {
  await answerJsonLines({ suggestions: [] }, createSuggestAnswer(matcher, { top, stage, explain }));
} else {
  const message = words.join(' ');
  if (!message.trim()) usage('please give a buyer message, or --jsonl');
  const t0 = performance.now();
  const suggestions = matcher.suggest(message, { top, stage, explain });
  const ms = performance.now() - t0;
  console.log(`买家消息：${message}`);
  if (suggestions.length === 0) console.log('（没有合适的话术 / no suggestion）');
  suggestions.forEach((s, i) => {
    console.log(`\n${i + 1}. [${s.intent}] ${s.title}  (${s.id}, 得分 ${s.score})${s.clause ? `  ← 「${s.clause}」` : ''}`);
    console.log(`   ${s.text}`);
    for (const line of s.explain ?? []) console.log(`   · ${line}`);
  });
  console.log(`\n${scripts.length} 条话术，用时 ${ms.toFixed(2)} ms`);
}
