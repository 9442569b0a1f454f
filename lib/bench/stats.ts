/** Small timing helpers shared by the benchmark modules (Node only, no extension globals). */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const idx = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[idx]!;
}

/**
 * Latency per input: each input is timed `rounds` times (after a warm-up
 * pass) and its median taken, so one garbage-collection pause or a busy
 * neighbour process does not count as the input's cost; p50/p95 are then
 * taken over the inputs. With rounds = 1 every single timing counts.
 */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown, rounds = 3): { p50: number; p95: number; samples: number } {
  for (const input of inputs) fn(input); // warm-up: JIT and caches
  const perInput: number[][] = inputs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    inputs.forEach((input, i) => {
      const t0 = performance.now();
      fn(input);
      perInput[i]!.push(performance.now() - t0);
    });
  }
  const medians = perInput
    .map((times) =>
      percentile(
        times.sort((a, b) => a - b),
        50,
      ),
    )
    .sort((a, b) => a - b);
  return { p50: percentile(medians, 50), p95: percentile(medians, 95), samples: inputs.length * rounds };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
