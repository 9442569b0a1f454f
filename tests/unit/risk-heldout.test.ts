/**
 * The held-out drafts (tests/fixtures/heldout/risk-heldout.jsonl) written
 * before tuning: rows 1–200 are the tune half (misses are listed so they can
 * be fixed as families), rows 201–400 are sealed (only the rates are shown,
 * never which rows fail, so the half stays a fair measure).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../lib/risk/scanner';

interface Row {
  text: string;
  expect: string[];
}

const rows = readFileSync(new URL('../fixtures/heldout/risk-heldout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);
const scanner = createScanner();

function score(part: Row[]) {
  let risky = 0,
    caught = 0,
    clean = 0,
    alarms = 0;
  const misses: string[] = [];
  for (const row of part) {
    const cats = scanner
      .scan(row.text)
      .filter((f) => f.severity !== 'tip')
      .map((f) => f.category);
    if (row.expect.length) {
      risky++;
      if (cats.some((c) => row.expect.includes(c))) caught++;
      else misses.push(`miss ${row.text}`);
    } else {
      clean++;
      if (cats.length) {
        alarms++;
        misses.push(`false alarm ${row.text} (${cats.join(',')})`);
      }
    }
  }
  return { recall: caught / risky, falseAlarmRate: alarms / clean, misses, risky, clean };
}

describe('held-out risky drafts', () => {
  it('has 400 rows, about half of them risky in each half', () => {
    expect(rows.length).toBe(400);
    for (const half of [rows.slice(0, 200), rows.slice(200)]) {
      const risky = half.filter((r) => r.expect.length).length;
      expect(risky).toBeGreaterThanOrEqual(90);
      expect(risky).toBeLessThanOrEqual(110);
    }
  });
  it('tune half: recall ≥ 0.97 and false-alarm rate ≤ 0.02 (misses listed)', () => {
    const s = score(rows.slice(0, 200));
    expect(s.recall >= 0.97 && s.falseAlarmRate <= 0.02 ? [] : s.misses).toEqual([]);
  });
  it('sealed half: recall ≥ 0.97 and false-alarm rate ≤ 0.02 (rates only)', () => {
    const s = score(rows.slice(200));
    expect(
      { recall: s.recall >= 0.97, falseAlarms: s.falseAlarmRate <= 0.02 },
      `recall ${s.recall.toFixed(3)}, false-alarm rate ${s.falseAlarmRate.toFixed(3)}`,
    ).toEqual({ recall: true, falseAlarms: true });
  });
});
