/** How much a rep's own usage of a script lifts it: count, decayed by age (half-life two weeks). */
import type { UsageEvent } from '../types.ts';

export type UsageInput = Map<string, { count: number; lastAt: number }> | UsageEvent[];

const HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
export const MAX_USAGE_BONUS = 0.08;

export function usageTable(usage: UsageInput | undefined): Map<string, { count: number; lastAt: number }> | undefined {
  if (!usage) return undefined;
  if (usage instanceof Map) return usage;
  const table = new Map<string, { count: number; lastAt: number }>();
  for (const e of usage) {
    const row = table.get(e.scriptId);
    if (row) {
      row.count++;
      row.lastAt = Math.max(row.lastAt, e.at);
    } else table.set(e.scriptId, { count: 1, lastAt: e.at });
  }
  return table;
}

export function usageBonus(row: { count: number; lastAt: number } | undefined, now: number): number {
  if (!row || row.count <= 0) return 0;
  const age = Math.max(0, now - row.lastAt);
  const decay = Math.pow(0.5, age / HALF_LIFE_MS);
  const bonus = Math.min(MAX_USAGE_BONUS, 0.025 * Math.log2(1 + row.count) * decay);
  // Long-faded usage should not break ties against the rep's own ordering.
  return bonus < 0.002 ? 0 : bonus;
}
