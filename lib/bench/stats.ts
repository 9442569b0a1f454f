/** Small timing helpers shared by the benchmark modules (Node only, no extension globals). */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const idx = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[idx]!;
}

/** Time fn once per input (after a warm-up pass) and return p50/p95 in milliseconds. */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown, rounds = 3): { p50: number; p95: number; samples: number } {
  for (const input of inputs) fn(input); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      fn(input);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
