import { readFileSync } from 'node:fs';
import { createMatcher } from './matcher.ts';
import { QUALITY_CASES } from '../../tests/unit/suggest-quality.cases.ts';
const m = createMatcher(JSON.parse(readFileSync('assets/library/default-library.json','utf8')));
let t1=0;
for (const c of QUALITY_CASES) { const got = m.suggest(c.text,{top:3}).map(s=>s.intent); if (c.expect.includes(got[0]!)) t1++; else console.log(c.text, c.expect.join('|'), '→', got.join(',')); }
console.log('top1', t1/QUALITY_CASES.length);
