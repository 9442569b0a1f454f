/** Rewrites in the rep's own script: Traditional drafts get Traditional rewrites, Simplified stay Simplified. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/cn2t';
import { scanText } from '../../lib/risk/scanner';
import { writtenInTraditional } from '../../lib/risk/rewrite-script';

describe('rewrites in the draft’s script', () => {
  it('a Traditional draft gets its rewrite in Traditional', () => {
    const f = scanText('直接匯款給我就好').find((x) => x.category === 'offsite_payment');
    expect(f?.rewrite).toBe('請您直接在平臺下單付款，交易更有保障');
  });

  it('a Simplified draft keeps Simplified rewrites', () => {
    const f = scanText('直接汇款给我就好').find((x) => x.category === 'offsite_payment');
    expect(f?.rewrite).toBe('请您直接在平台下单付款，交易更有保障');
  });

  it('tells Traditional from Simplified (and from text with no Chinese)', () => {
    expect(writtenInTraditional('這個我們做不了')).toBe(true);
    expect(writtenInTraditional('这个我们做不了')).toBe(false);
    expect(writtenInTraditional('ok thanks')).toBe(false);
  });

  it('the shipped character table is what opencc-js gives', () => {
    const table = JSON.parse(readFileSync('assets/models/traditional-rewrites.json', 'utf8')) as Record<string, string>;
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    for (const [s, t] of Object.entries(table)) expect(toTraditional(s), s).toBe(t);
    expect(Object.keys(table).length).toBeGreaterThan(100);
  });
});
