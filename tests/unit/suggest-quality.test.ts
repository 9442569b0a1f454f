import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/suggest/matcher.ts';
import type { ReplyScript } from '../../lib/types.ts';
import { QUALITY_CASES } from './suggest-quality.cases.ts';

const library = JSON.parse(readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8')) as ReplyScript[];
const matcher = createMatcher(library);

describe('suggestion quality on our own buyer messages', () => {
  it('has at least 120 cases covering every buyer intent', () => {
    expect(QUALITY_CASES.length).toBeGreaterThanOrEqual(120);
    const intents = JSON.parse(readFileSync(new URL('../../../shared/intents.json', import.meta.url), 'utf8')) as {
      intents: Array<{ id: string; stage: string }>;
    };
    const covered = new Set(QUALITY_CASES.flatMap((c) => c.expect));
    for (const i of intents.intents) if (i.stage !== 'seller') expect(covered.has(i.id), i.id).toBe(true);
  });

  it('finds an acceptable intent in the top 3 for at least 90% and top 1 for at least 75%', () => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const c of QUALITY_CASES) {
      const got = matcher.suggest(c.text, { top: 3 }).map((s) => s.intent);
      if (c.expect.includes(got[0]!)) top1++;
      if (got.some((g) => c.expect.includes(g))) top3++;
      else misses.push(`${c.text} → ${got.join(',') || '(none)'} (want ${c.expect.join('|')})`);
    }
    const n = QUALITY_CASES.length;
    if (misses.length) console.log(`top1 ${(top1 / n).toFixed(3)} top3 ${(top3 / n).toFixed(3)}\n` + misses.join('\n'));
    expect(top3 / n).toBeGreaterThanOrEqual(0.9);
    expect(top1 / n).toBeGreaterThanOrEqual(0.75);
  });

  it('answers both questions of a two-question message', () => {
    const got = matcher.suggest('运费多少，几天到', { top: 3 }).map((s) => s.intent);
    expect(got).toContain('courier_fee');
    expect(got).toContain('logistics_track');
  });
});
