/**
 * Apply every finding's rewrite to a draft at once (the send guard's
 * "apply rewrites"). Overlapping findings: the earlier, longer one wins.
 */
import type { RiskFinding } from '../types';

export function applyAllRewrites(text: string, findings: RiskFinding[]): string {
  const usable = findings
    .filter((f) => f.rewrite !== undefined && f.start >= 0 && f.end <= text.length && f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of usable) {
    if (f.start < at) continue; // overlaps one already rewritten
    out += text.slice(at, f.start) + f.rewrite;
    at = f.end;
  }
  return out + text.slice(at);
}
