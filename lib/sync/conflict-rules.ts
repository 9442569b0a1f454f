/**
 * Conflict rules, the same on the service and in the client:
 * - library rows (scripts, groups, risk words, site profiles): a change says
 *   which version it was made on (baseSeq); if the server row moved on since,
 *   the change is a conflict and the server version stays (the client keeps its
 *   version in the conflict list, so nothing is lost);
 * - follow-ups merge field by field: attempts and outcomes from every rep are
 *   kept (union), status moves only along the allowed transitions, notes/tags
 *   are last-writer-wins in server order.
 */
import { canTransition } from '../followups/status';
import type { FollowUpStatus } from '../types';

export function isLibraryConflict(serverSeq: number | undefined, baseSeq: number | undefined): boolean {
  if (serverSeq === undefined) return false; // new row
  if (baseSeq === undefined) return false; // blind write: last writer wins
  return serverSeq > baseSeq;
}

export interface AttemptRecord {
  at: number;
  rep: string;
  claimId?: string;
  scriptId?: string;
}

/** Union of attempts from every rep, each kept once, oldest first. */
export function mergeAttempts(existing: AttemptRecord[], incoming: AttemptRecord[]): AttemptRecord[] {
  const seen = new Set<string>();
  const out: AttemptRecord[] = [];
  for (const a of [...existing, ...incoming]) {
    const key = `${a.rep}|${a.at}|${a.scriptId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out.sort((a, b) => a.at - b.at);
}

const STATUSES: readonly FollowUpStatus[] = ['open', 'snoozed', 'done', 'expired'];

export function isFollowUpStatus(s: unknown): s is FollowUpStatus {
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s);
}

/** A rep's status change against the server's current status; same status is a no-op that succeeds. */
export function checkStatusChange(current: FollowUpStatus, to: FollowUpStatus): 'apply' | 'noop' | 'refuse' {
  if (current === to) return 'noop';
  return canTransition(current, to, 'rep') ? 'apply' : 'refuse';
}
