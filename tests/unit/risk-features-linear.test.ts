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

function timeOf(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/**
 * How much longer 4× the input takes: about 4 when linear, about 16 when
 * quadratic. The two sizes are timed alternately and the fastest of seven
 * runs of each is kept, so a busy machine slows both alike instead of
 * failing the test (no wall-clock bound).
 */
function growth(run: (size: number) => void, size: number): number {
  run(size); // warm up
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < 7; i++) {
    small.push(timeOf(() => run(size)));
    large.push(timeOf(() => run(4 * size)));
  }
  return Math.min(...large) / Math.max(Math.min(...small), 0.05);
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

  it('runs of digits or letters are read in time proportional to their length', () => {
    for (const unit of ['1', 'a', '_a', '12']) {
      const ratio = growth((size) => riskFeatures(unit.repeat(size / unit.length) + '**'), 5_000);
      // Linear: about 4. The old patterns retried every start: about 16.
      expect(ratio, `${unit}…`).toBeLessThan(10);
    }
  });

  it('a draft full of sound-alike stand-ins is scanned in time proportional to its length', () => {
    const scanner = createScanner();
    const standIns = (size: number) => '薇芯é亲'.repeat(Math.ceil(size / 4)).slice(0, size);
    expect(scanner.scan(standIns(20_000)).length).toBeGreaterThan(1000); // they are found…
    // …without reading the rest of the draft for each: about 4, where searching the rest for every hit was about 16.
    let run = 0; // a new text each time: the scanner answers a repeated text from its last result
    expect(growth((size) => scanner.scan(standIns(size) + String(run++)), 5_000)).toBeLessThan(10);
  });
});
