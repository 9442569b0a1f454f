/**
 * Fresh2 personas (live-stream, cross-border English, Traditional, hidden
 * digits, indirect review rewards, pinyin abuse). Rows 1–80 of
 * tests/fixtures/heldout/risk-fresh2.jsonl are the inspect half and must all
 * pass; rows 81–160 are score-only (rates printed, rows never listed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../lib/risk/scanner';

interface Row {
  text: string;
  expect: string[];
}
const rows = readFileSync(new URL('../fixtures/heldout/risk-fresh2.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);
const scanner = createScanner();
const cats = (t: string) =>
  scanner
    .scan(t)
    .filter((f) => f.severity !== 'tip')
    .map((f) => f.category as string);

describe('risk fresh2 personas', () => {
  it('has 160 rows', () => expect(rows).toHaveLength(160));

  it('gets every inspect-half row right', () => {
    const wrong = rows.slice(0, 80).filter((r) => {
      const got = cats(r.text);
      return r.expect.length ? !got.some((c) => r.expect.includes(c)) : got.length > 0;
    });
    expect(wrong.map((r) => r.text)).toEqual([]);
  });

  it('prints score-only rates', () => {
    const part = rows.slice(80);
    const risky = part.filter((r) => r.expect.length);
    const clean = part.filter((r) => !r.expect.length);
    const recall = risky.filter((r) => cats(r.text).some((c) => r.expect.includes(c))).length / risky.length;
    const alarms = clean.filter((r) => cats(r.text).length > 0).length / clean.length;
    console.log(`fresh2 score-only: recall ${recall.toFixed(3)} false alarms ${alarms.toFixed(3)}`);
    expect(recall).toBeGreaterThan(0.5);
  });

  it.each([
    ['message me on whatsapp', 'offsite_contact'],
    ['find me on ig', 'offsite_contact'],
    ['加個LINE聊', 'offsite_contact'],
    ['v💗abc999', 'offsite_contact'],
    ['send the money to my bank account', 'offsite_payment'],
    ['pay me by western union', 'offsite_payment'],
    ['评价满意的话私聊我领红包', 'review_manipulation'],
  ])('flags %s', (text, cat) => expect(cats(text)).toContain(cat));

  it.each([
    'this phone supports whatsapp and telegram',
    'online payment is supported at checkout',
    'we accept PayPal at checkout',
    'please do not pay outside the platform',
    'please send me a photo of the damage',
    'I will transfer to my colleague in after-sales',
    'you can message me here in this chat',
    '颜色编号CNM01是驼色',
    'SB-100和SB-200两个型号',
    '型号vx10有货',
  ])('leaves %s clean', (text) => expect(cats(text)).toEqual([]));
});
