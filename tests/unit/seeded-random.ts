/** A seeded random source for the fuzz tests (mulberry32), so a failing case can be replayed from its seed. */
export interface Random {
  (): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
}

export function seededRandom(seed: number): Random {
  let state = seed | 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (max) => Math.floor(next() * max);
  next.pick = (items) => items[next.int(items.length)]!;
  next.bytes = (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = next.int(256);
    return out;
  };
  return next;
}
