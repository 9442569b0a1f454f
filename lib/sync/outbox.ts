/**
 * The outbox of local changes waiting to be pushed. Pure functions over an
 * array; the SyncClient persists it after every step so a sleeping service
 * worker or a closed browser loses nothing.
 *
 * A change keeps its changeId from the first send to the last retry (the
 * server makes a replay return the first result). Only changes that were
 * never sent may be coalesced: a sent one may already be applied.
 */
import { LIMITS, type PushChange, type PushResult, type RemoteRow } from './protocol';
import { cleanText, cleanValue } from './values';

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
  /** Why it is listed, when it is not a plain edit conflict (e.g. 'quarantined', 'claimed_by_other'). */
  code?: string;
  /** What to tell the rep, when it is not the plain conflict message. */
  message?: { zh: string; en: string };
  /** Set aside by the client: the service kept failing on it, so it left the outbox (see SyncClient.push). */
  quarantined?: boolean;
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
    else if (r.status === 'conflict')
      out.conflicts.push({
        change: e.change,
        current: r.current,
        at: now,
        ...(r.code && r.code !== 'conflict' ? { code: r.code, ...(r.message ? { message: r.message } : {}) } : {}),
      });
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

/** Follow-up fields the service keeps at most this many code points of (the extension's own limits). */
const FOLLOWUP_TEXT_MAX: Record<string, number> = { notes: 2000, buyerName: 100, item: 200, conversationUrl: 2000, conversationKey: 300, orderId: 64 };
const TAG_MAX = 40;

/**
 * A change as it may be queued: every string (and key) well-formed without
 * NUL (a lone surrogate becomes U+FFFD), NaN/Infinity as null (what JSON would
 * send anyway), known follow-up fields cut by code point, never mid-emoji.
 * `problem` says why it can never be sent (deeper than LIMITS.maxDepth, or
 * larger than a row may be); the returned change is then safe to store.
 */
export function prepareChange(change: PushChange): { change: PushChange; problem?: 'too_deep' | 'too_large' } {
  const cleaned = cleanValue(change);
  const c = cleaned.value as PushChange & { data?: Record<string, unknown> };
  if (c.kind === 'followup' && c.data && typeof c.data === 'object' && !Array.isArray(c.data)) {
    for (const [k, max] of Object.entries(FOLLOWUP_TEXT_MAX)) if (typeof c.data[k] === 'string') c.data[k] = cleanText(c.data[k] as string, max);
    if (Array.isArray(c.data.tags)) c.data.tags = c.data.tags.map((t) => (typeof t === 'string' ? cleanText(t, TAG_MAX) : t));
  }
  if (cleaned.problem) return { change: c, problem: cleaned.problem };
  if (JSON.stringify(c).length > LIMITS.maxRowBytes) return { change: c, problem: 'too_large' };
  return { change: c };
}
