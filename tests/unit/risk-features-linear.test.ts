/**
 * The learned layer's shape features (a handle mixing letters and digits, a
 * masked number) are read in linear time: the old patterns retried every start
 * inside a long run of letters or digits, so one 10,000-digit draft took
 * ~150 ms and 40,000 digits seconds. Same answers as the old patterns.
 * Likewise the sound-alike check (薇芯 for 微信) of whether a hit sits inside
 * a real word: it searched the rest of the draft for every hit.
 */
import { describe, expect, it } from 'vitest';
import { riskFeatures } from '../../lib/risk/learned/features';
import { createScanner } from '../../lib/risk/scanner';

const OLD_HANDLE = /(?=[a-z_]*[0-9])(?=[0-9_]*[a-z])[a-z0-9_]{5,}/;
const OLD_MASKED = /[0-9]{2,}\*{2,}[0-9]{2,}/;

/** Seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeOf(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

describe('risk shape features', () => {
  it('give the same #handle and #masked answers as the old patterns on 20,000 random strings', () => {
    const next = random(7);
    const alphabet = 'ab1_9*z0 -.';
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const f = riskFeatures(text);
      expect(f.has('#handle'), text).toBe(OLD_HANDLE.test(text));
      expect(f.has('#masked'), text).toBe(OLD_MASKED.test(text));
    }
  });

  it('a 20,000-character run of digits or letters costs about what ordinary text of that length costs', () => {
    const ordinary = '亲，这款是纯棉的，包邮哦，有问题随时联系我们。'.repeat(1000).slice(0, 20_000);
    riskFeatures(ordinary); // warm up
    const baseline = median([0, 1, 2].map(() => timeOf(() => riskFeatures(ordinary))));
    for (const run of ['1'.repeat(20_000), 'a'.repeat(20_000), '_a'.repeat(10_000), '12'.repeat(10_000) + '**']) {
      const ms = median([0, 1, 2].map(() => timeOf(() => riskFeatures(run))));
      // Linear: a small multiple of the baseline. The old patterns took hundreds of times longer.
      expect(ms, `${run.slice(0, 4)}…`).toBeLessThan(Math.max(50, 10 * baseline));
    }
  });

  it('a draft full of sound-alike stand-ins is scanned in time proportional to its length', () => {
    const ordinary = '亲，这款是纯棉的，包邮哦，有问题随时联系我们。'.repeat(1000).slice(0, 20_000);
    const standIns = '薇芯é亲'.repeat(5000);
    const scan = (text: string) => timeOf(() => createScanner().scan(text));
    scan(ordinary + standIns.slice(0, 2000)); // warm up
    const baseline = median([0, 1, 2].map((i) => scan(`${i}${ordinary}`)));
    const ms = median([0, 1, 2].map((i) => scan(`${i}${standIns}`)));
    expect(createScanner().scan(standIns).length).toBeGreaterThan(1000); // they are found…
    expect(ms).toBeLessThan(Math.max(200, 10 * baseline)); // …without reading the rest of the draft for each
  });
});
