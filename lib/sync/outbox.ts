/**
 * The outbox of local changes waiting to be pushed. Pure functions over an
 * array; the SyncClient persists it after every step so a sleeping service
 * worker or a closed browser loses nothing.
 *
 * A change keeps its changeId from the first send to the last retry (the
 * server makes a replay return the first result). Only changes that were
 * never sent may be coalesced: a sent one may already be applied.
 */
import type { PushChange, PushResult, RemoteRow } from './protocol';

export interface OutboxEntry {
  change: PushChange;
  queuedAt: number;
  /** How many times it was sent without a definite answer. */
  sends: number;
}

export interface ConflictRecord {
  change: PushChange;
  current?: RemoteRow;
  at: number;
}

export interface RejectedRecord {
  change: PushChange;
  code: string;
  message: { zh: string; en: string };
  at: number;
}

const COALESCABLE_OPS = new Set(['upsert', 'edit']);

export function enqueue(outbox: readonly OutboxEntry[], change: PushChange, now: number): OutboxEntry[] {
  return enqueueAll(outbox, [change], now);
}

const coalesceKey = (c: PushChange) => `${c.kind}|${c.id}|${c.op}`;

/** Many changes at once; an index of the unsent entries keeps it linear. */
export function enqueueAll(outbox: readonly OutboxEntry[], changes: readonly PushChange[], now: number): OutboxEntry[] {
  const next = outbox.slice();
  const unsent = new Map<string, number>();
  next.forEach((e, i) => {
    if (e.sends === 0 && COALESCABLE_OPS.has(e.change.op)) unsent.set(coalesceKey(e.change), i);
  });
  for (const change of changes) {
    const key = coalesceKey(change);
    const i = COALESCABLE_OPS.has(change.op) ? unsent.get(key) : undefined;
    if (i === undefined) {
      if (COALESCABLE_OPS.has(change.op)) unsent.set(key, next.length);
      next.push({ change, queuedAt: now, sends: 0 });
      continue;
    }
    const prev = next[i]!;
    const merged = { ...change, data: { ...('data' in prev.change ? prev.change.data : {}), ...('data' in change ? change.data : {}) } } as PushChange;
    // Keep the version the first edit was based on, so a conflict is still seen.
    if ('baseSeq' in prev.change && prev.change.baseSeq !== undefined) (merged as { baseSeq?: number }).baseSeq = prev.change.baseSeq;
    next[i] = { change: merged, queuedAt: prev.queuedAt, sends: 0 };
  }
  return next;
}

/** The oldest changes, at most maxCount of them and about maxBytes of JSON. */
export function takeBatch(outbox: readonly OutboxEntry[], maxCount: number, maxBytes: number): PushChange[] {
  const batch: PushChange[] = [];
  let bytes = 0;
  for (const e of outbox) {
    const size = JSON.stringify(e.change).length;
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) break;
    batch.push(e.change);
    bytes += size;
  }
  return batch;
}

export function markSent(outbox: readonly OutboxEntry[], changeIds: ReadonlySet<string>): OutboxEntry[] {
  return outbox.map((e) => (changeIds.has(e.change.changeId) ? { ...e, sends: e.sends + 1 } : e));
}

export interface Settled {
  outbox: OutboxEntry[];
  conflicts: ConflictRecord[];
  rejected: RejectedRecord[];
  applied: PushResult[];
}

/** Remove every change the server answered; conflicts and refusals are kept as records, never dropped. */
export function settle(outbox: readonly OutboxEntry[], results: readonly PushResult[], now: number): Settled {
  const byId = new Map(results.map((r) => [r.changeId, r]));
  const out: Settled = { outbox: [], conflicts: [], rejected: [], applied: [] };
  for (const e of outbox) {
    const r = byId.get(e.change.changeId);
    if (!r) out.outbox.push(e);
    else if (r.status === 'applied') out.applied.push(r);
    else if (r.status === 'conflict') out.conflicts.push({ change: e.change, current: r.current, at: now });
    else out.rejected.push({ change: e.change, code: r.code ?? 'rejected', message: r.message ?? { zh: '被拒绝', en: 'Rejected' }, at: now });
  }
  return out;
}

/** Entities with a change still waiting: a pulled row must not overwrite the rep's unsent edit. */
export function pendingKeys(outbox: readonly OutboxEntry[]): Set<string> {
  return new Set(outbox.map((e) => `${e.change.kind}:${e.change.id}`));
}

export function withoutPending(rows: readonly RemoteRow[], pending: ReadonlySet<string>): RemoteRow[] {
  if (pending.size === 0) return rows.slice();
  return rows.filter((r) => !pending.has(`${r.kind}:${r.id}`));
}
