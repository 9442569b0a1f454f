/**
 * Families reported by a new user: commanding urgency, a rep reading back the
 * buyer's own details, spans that cut numbers or place names, and rewrites
 * that must fit the sentence they replace.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/risk/scanner';

const serious = (t: string) => scanText(t).filter((f) => f.severity !== 'tip');

describe('spans end on token boundaries', () => {
  it('never cuts a number', () => {
    for (const t of ['V我50', 'v我 5 0块', '直接v我520']) {
      const pay = serious(t).find((f) => f.category === 'offsite_payment');
      expect(pay, t).toBeDefined();
      expect(/[0-9]$/.test(pay!.match) && /^[0-9]/.test(t.slice(pay!.end)), `${t} → ${pay!.match}`).toBe(false);
    }
    expect(serious('V我50').find((f) => f.category === 'offsite_payment')!.match).toBe('V我50');
  });
});
