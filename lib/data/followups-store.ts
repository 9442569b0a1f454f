/**
 * Follow-ups in the Dexie database. The background (and the tests, and the
 * benchmark) pass the database in; nothing here touches extension globals.
 *
 * Hot paths read open/snoozed items only through the [status+dueAt] index:
 * the popup's first query, the badge count and the alarm time are index
 * ranges with a limit or a .count(), never a table scan. Counts per kind use
 * the prefix of the live dedupe keys (see dedupe-key.ts).
 *
 * Every write runs in a transaction and storage errors become FollowUpError
 * (code 'quota' when the disk is full), so a failed write leaves what was
 * stored untouched.
 *
 * Code that writes the followups table directly (backup import, sync) should
 * call recountLive(db) afterwards; a changed row count is also detected on
 * the next read, but a same-size replacement is not.
 */
import type { FollowUp, FollowUpAttempt, FollowUpKind, FollowUpOutcome, FollowUpStatus } from '../types';
import type { HuashuDB } from '../db/schema';
import { fold } from '../text/normalize';
import { archivedKey, dedupeKeyFor, isArchivedKey, liveKeyOf, livePrefix } from '../followups/dedupe-key';
import { FollowUpError, mapStorageError } from '../followups/errors';
import { FOLLOW_UP_KINDS, checkOutcome, cleanInput, parseTime, type AttemptInput, type LogFollowUpInput } from '../followups/input';
import { adjustLiveCounters, liveDueBefore, readLiveCounters, recountLive, type LiveCounters } from './followups-counters';
import {
  DEFAULT_RULES,
  bucketBounds,
  bucketOfDueAt,
  canTransition,
  computeSchedule,
  nextStatus,
  scheduleAfterAttempt,
  snoozeUntil,
  type DueBucket,
  type FollowUpRules,
  type ReminderAdjustment,
  type SnoozePreset,
} from '../followups/rules';

export { FollowUpError, isQuotaError, mapStorageError, type FollowUpErrorCode, type FollowUpErrorData } from '../followups/errors';
export { FOLLOW_UP_KINDS, MAX_AMOUNT, parseAmount, type LogFollowUpInput, type AttemptInput } from '../followups/input';
export { dedupeKeyFor, liveKeyOf } from '../followups/dedupe-key';
export { report, type FollowUpReport, type ReportRange } from '../followups/report';
export { toCsv } from '../followups/csv';
export { recountLive, LIVE_COUNTERS_KEY, type LiveCounters } from './followups-counters';

const LIVE: readonly FollowUpStatus[] = ['open', 'snoozed'];
const isLive = (s: FollowUpStatus) => s === 'open' || s === 'snoozed';

function newId(): string {
  return globalThis.crypto.randomUUID();
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapStorageError(err);
  }
}

const notFound = (id: string) => new FollowUpError({ code: 'not_found', zh: '该跟进记录不存在或已删除', en: `Follow-up ${id} was not found` });
const badTransition = (from: FollowUpStatus, to: FollowUpStatus) =>
  new FollowUpError({
    code: 'bad_transition',
    zh: `无法从「${STATUS_ZH[from]}」改为「${STATUS_ZH[to]}」`,
    en: `Cannot change a follow-up from ${from} to ${to}`,
  });
const STATUS_ZH: Record<FollowUpStatus, string> = { open: '待跟进', snoozed: '稍后提醒', done: '已完成', expired: '已过期' };

/** Close a row in memory: status, archived dedupe key, stamp. */
function closeRow(row: FollowUp, status: 'done' | 'expired', now: number): FollowUp {
  return { ...row, status, dedupeKey: archivedKey(row.dedupeKey, row.id), updatedAt: now };
}

function attemptOf(input: AttemptInput, now: number): FollowUpAttempt {
  const a: FollowUpAttempt = { at: now };
  if (input.scriptId) a.scriptId = input.scriptId;
  if (input.rep) a.rep = input.rep;
  return a;
}

export interface LogResult {
  row: FollowUp;
  /** false when an open follow-up for the same order and kind was updated instead. */
  created: boolean;
  adjustments: ReminderAdjustment[];
}

/**
 * Create the one open follow-up for `${kind}:${site}:${orderId || conversationKey}`,
 * or update it when it exists (new details, one more attempt) — never a duplicate.
 */
export async function logFollowUp(db: HuashuDB, input: LogFollowUpInput, rules: FollowUpRules, now: number): Promise<LogResult> {
  const clean = cleanInput(input);
  const key = dedupeKeyFor(clean.kind, clean.site, clean.orderId, clean.conversationKey);
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async (): Promise<LogResult> => {
      const changes: Array<[FollowUp | undefined, FollowUp | undefined]> = [];
      const write = async (before: FollowUp | undefined, after: FollowUp) => {
        if (before) await db.followups.put(after);
        else await db.followups.add(after);
        changes.push([before, after]);
      };
      let existing = await db.followups.where('dedupeKey').equals(key).first();
      if (existing && nextStatus(existing, now) === 'expired' && existing.status !== 'expired') {
        await write(existing, closeRow(existing, 'expired', now));
        existing = undefined;
      } else if (existing && !isLive(existing.status)) {
        // A closed row still holding a live key (older data): give the key up.
        await write(existing, { ...existing, dedupeKey: archivedKey(existing.dedupeKey, existing.id) });
        existing = undefined;
      }

      if (existing) {
        const row: FollowUp = { ...existing, updatedAt: now };
        for (const k of ['conversationKey', 'conversationUrl', 'buyerName', 'amount', 'item', 'notes', 'shopId'] as const) {
          if (clean[k] !== undefined) (row as unknown as Record<string, unknown>)[k] = clean[k];
        }
        if (clean.tags) row.tags = [...new Set([...(row.tags ?? []), ...clean.tags])];
        const adjustments: ReminderAdjustment[] = [];
        if (clean.attempt) {
          row.attempts = [...row.attempts, attemptOf(clean.attempt, now)];
          const next = scheduleAfterAttempt(row, now, rules);
          row.dueAt = next.dueAt;
          row.status = 'open';
          adjustments.push(next.adjustment);
        }
        await write(existing, row);
        await adjustLiveCounters(db, changes);
        return { row, created: false, adjustments };
      }

      const schedule = computeSchedule(clean.kind, { ...clean, createdAt: now }, rules, now);
      if (schedule.deadlineAt < now)
        throw new FollowUpError({
          code: 'past_deadline',
          zh: clean.kind === 'payment_reminder' ? '订单已超过自动关闭时间，无需再催付' : '已超过跟进期限，未建立跟进',
          en: clean.kind === 'payment_reminder' ? 'The order has already auto-closed; no reminder needed' : 'The follow-up window has already passed',
        });
      const row: FollowUp = {
        id: newId(),
        kind: clean.kind,
        site: clean.site,
        conversationKey: clean.conversationKey ?? '',
        createdAt: now,
        dueAt: schedule.dueAt,
        deadlineAt: schedule.deadlineAt,
        status: 'open',
        dedupeKey: key,
        attempts: [],
        updatedAt: now,
      };
      for (const k of ['conversationUrl', 'buyerName', 'orderId', 'amount', 'item', 'notes', 'tags', 'shopId'] as const) {
        if (clean[k] !== undefined) (row as unknown as Record<string, unknown>)[k] = clean[k];
      }
      const adjustments = [...schedule.adjustments];
      if (clean.attempt) {
        row.attempts = [attemptOf(clean.attempt, now)];
        const next = scheduleAfterAttempt(row, now, rules);
        row.dueAt = next.dueAt;
        adjustments.push(next.adjustment);
      }
      await write(undefined, row);
      await adjustLiveCounters(db, changes);
      return { row, created: true, adjustments };
    }),
  );
}

async function mustGet(db: HuashuDB, id: string): Promise<FollowUp> {
  const row = await db.followups.get(id);
  if (!row) throw notFound(id);
  return row;
}

/** One more reminder sent for an open/snoozed item: appended, and the item rescheduled. */
export async function recordAttempt(db: HuashuDB, id: string, attempt: AttemptInput, rules: FollowUpRules, now: number): Promise<FollowUp> {
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      const row = await mustGet(db, id);
      const status = nextStatus(row, now);
      if (!isLive(status)) throw badTransition(status, 'open');
      const next = scheduleAfterAttempt(row, now, rules);
      const updated: FollowUp = { ...row, status: 'open', attempts: [...row.attempts, attemptOf(attempt, now)], dueAt: next.dueAt, updatedAt: now };
      await db.followups.put(updated);
      await adjustLiveCounters(db, [[row, updated]]);
      return updated;
    }),
  );
}

/** Close with an outcome (paid, not paid + reason, review revised…). On a done item, corrects the outcome. */
export async function markDone(db: HuashuDB, id: string, outcome: FollowUpOutcome, now: number): Promise<FollowUp> {
  const checked = checkOutcome(outcome);
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      const row = await mustGet(db, id);
      if (row.status !== 'done' && !canTransition(row.status, 'done')) throw badTransition(row.status, 'done');
      const updated: FollowUp = { ...closeRow(row, 'done', now), outcome: checked };
      await db.followups.put(updated);
      await adjustLiveCounters(db, [[row, updated]]);
      return updated;
    }),
  );
}

/**
 * Hide until `until` (or a preset: '1h', '3h', 'tomorrow_9'). A snooze past
 * the deadline is cut to the deadline (`clamped`), keeping dueAt <= deadlineAt.
 */
export async function snooze(
  db: HuashuDB,
  id: string,
  until: number | SnoozePreset,
  now: number,
  rules: FollowUpRules = DEFAULT_RULES,
): Promise<{ row: FollowUp; clamped: boolean }> {
  const at = typeof until === 'number' ? parseTime(until, 'until') : snoozeUntil(until, now, rules);
  if (at === undefined || at <= now)
    throw new FollowUpError({ code: 'invalid_input', field: 'until', zh: '提醒时间须晚于现在', en: 'The snooze time must be in the future' });
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      const row = await mustGet(db, id);
      const status = nextStatus(row, now);
      if (status !== 'snoozed' && !canTransition(status, 'snoozed')) throw badTransition(status, 'snoozed');
      const clamped = at > row.deadlineAt;
      const updated: FollowUp = { ...row, status: 'snoozed', dueAt: Math.min(at, row.deadlineAt), updatedAt: now };
      await db.followups.put(updated);
      await adjustLiveCounters(db, [[row, updated]]);
      return { row: updated, clamped };
    }),
  );
}

/**
 * The rep reopens a done or expired item: due now; an item past its deadline
 * gets rules.reopenWindowMs more. Fails with 'conflict' when another open
 * follow-up already holds the same order and kind.
 */
export async function reopen(db: HuashuDB, id: string, rules: FollowUpRules, now: number): Promise<FollowUp> {
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      const row = await mustGet(db, id);
      const status = nextStatus(row, now);
      if (!canTransition(status, 'open', 'rep')) throw badTransition(status, 'open');
      const key = liveKeyOf(row);
      const holder = await db.followups.where('dedupeKey').equals(key).first();
      if (holder && holder.id !== row.id) throw conflict();
      const deadlineAt = row.deadlineAt < now ? now + rules.reopenWindowMs : row.deadlineAt;
      const { outcome: _dropped, ...rest } = row;
      const updated: FollowUp = { ...rest, status: 'open', dedupeKey: key, dueAt: now, deadlineAt, updatedAt: now };
      await db.followups.put(updated);
      await adjustLiveCounters(db, [[row, updated]]);
      return updated;
    }),
  );
}

const conflict = () =>
  new FollowUpError({ code: 'conflict', zh: '该订单已有一条同类的待跟进记录', en: 'Another open follow-up exists for this order and kind' });

/** Delete; returns the removed row so the UI can offer undo via restore(). */
export async function remove(db: HuashuDB, id: string): Promise<FollowUp | undefined> {
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      const row = await db.followups.get(id);
      if (row) {
        await db.followups.delete(id);
        await adjustLiveCounters(db, [[row, undefined]]);
      }
      return row;
    }),
  );
}

/** Undo a remove. Fails with 'conflict' if a new open follow-up took the same order and kind meanwhile. */
export async function restore(db: HuashuDB, row: FollowUp): Promise<void> {
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      if (!isArchivedKey(row.dedupeKey)) {
        const holder = await db.followups.where('dedupeKey').equals(row.dedupeKey).first();
        if (holder && holder.id !== row.id) throw conflict();
      }
      const before = await db.followups.get(row.id);
      await db.followups.put(row);
      await adjustLiveCounters(db, [[before, row]]);
    }),
  );
}

/**
 * Background sweep: open/snoozed items past their deadline become expired,
 * finished snoozes become open. Reads only the index range dueAt <= now,
 * which is enough because dueAt <= deadlineAt always.
 */
export async function expireOverdue(db: HuashuDB, now: number): Promise<{ expired: number; woken: number }> {
  return guarded(() =>
    db.transaction('rw', db.followups, db.settings, async () => {
      const due = await Promise.all(LIVE.map((s) => db.followups.where('[status+dueAt]').between([s, -Infinity], [s, now], true, true).toArray()));
      const changes: Array<[FollowUp, FollowUp]> = [];
      let expired = 0;
      let woken = 0;
      for (const row of due.flat()) {
        const status = nextStatus(row, now);
        if (status === 'expired') {
          changes.push([row, closeRow(row, 'expired', now)]);
          expired++;
        } else if (status !== row.status) {
          changes.push([row, { ...row, status, updatedAt: now }]);
          woken++;
        }
      }
      if (changes.length) {
        await db.followups.bulkPut(changes.map(([, after]) => after));
        await adjustLiveCounters(db, changes);
      }
      return { expired, woken };
    }),
  );
}

export type OpenBucket = Exclude<DueBucket, 'closed'>;
export const OPEN_BUCKETS: readonly OpenBucket[] = ['overdue', 'due_now', 'today', 'upcoming'];

export interface PopupQuery {
  kind?: FollowUpKind;
  site?: string;
  /** Buyer name, order id, item or note; Traditional/Simplified and width are folded. */
  search?: string;
  limit?: number;
  offset?: number;
  /** Shop clock for "today"; default China (+480). */
  utcOffsetMinutes?: number;
}

export interface PopupRow {
  row: FollowUp;
  /** Effective status now (a finished snooze shows as open). */
  status: FollowUpStatus;
  bucket: OpenBucket;
}

export interface PopupCounts {
  /** Open + snoozed, over everything (filters do not change the tabs' numbers). */
  byBucket: Record<OpenBucket, number>;
  byKind: Record<FollowUpKind, number>;
  open: number;
  snoozed: number;
}

export interface PopupResult {
  rows: PopupRow[];
  /** The page's rows grouped in bucket order; empty groups left out. */
  groups: Array<{ bucket: OpenBucket; rows: PopupRow[] }>;
  counts: PopupCounts;
  /** Overdue + due now: the toolbar badge. */
  dueCount: number;
  hasMore: boolean;
}

/** Matching live items past this many are listed by walking the due-time index with a filter rather than loaded whole. */
const LOAD_WHOLE_MAX = 2000;

/**
 * Bucket counts without walking the big ranges: "live items due before t"
 * comes from the stored per-hour histogram plus an index count over the
 * partial hour at t (see live-counters.ts). Per-kind and per-status totals
 * are stored too.
 */
async function bucketCounts(db: HuashuDB, now: number, utcOffsetMinutes: number | undefined, live: LiveCounters): Promise<PopupCounts> {
  const b = bucketBounds(now, utcOffsetMinutes);
  // dueAt is whole ms: "<= dueNowTo" is "< dueNowTo + 1"
  const [beforeDueNow, upToDueNow, beforeTomorrow] = await Promise.all([
    liveDueBefore(db, live, b.dueNowFrom),
    liveDueBefore(db, live, b.dueNowTo + 1),
    liveDueBefore(db, live, b.tomorrowStart),
  ]);
  const total = live.open + live.snoozed;
  return {
    byBucket: {
      overdue: beforeDueNow,
      due_now: upToDueNow - beforeDueNow,
      today: Math.max(0, beforeTomorrow - upToDueNow),
      upcoming: Math.max(0, total - Math.max(beforeTomorrow, upToDueNow)),
    },
    byKind: { ...live.byKind },
    open: live.open,
    snoozed: live.snoozed,
  };
}

function matcher(q: PopupQuery): ((r: FollowUp) => boolean) | undefined {
  const needle = q.search ? fold(q.search, { dropNoise: true }) : '';
  const site = q.site?.toLowerCase();
  if (!q.kind && !site && !needle) return undefined;
  return (r) => {
    if (q.kind && r.kind !== q.kind) return false;
    if (site && r.site !== site) return false;
    if (needle) {
      // Each field on its own: joined, noise-dropping would glue a name to the next field (买家4 + 2… would match 买家42).
      const fields = [r.buyerName, r.orderId, r.item, r.notes, ...(r.tags ?? [])];
      if (!fields.some((f) => f && fold(f, { dropNoise: true }).includes(needle))) return false;
    }
    return true;
  };
}

/** The first `n` live items by due time (optionally filtered), merged across open and snoozed. */
const byDue = (a: FollowUp, b: FollowUp) => a.dueAt - b.dueAt || a.id.localeCompare(b.id);

async function firstLive(db: HuashuDB, n: number, q: PopupQuery, counts: PopupCounts): Promise<FollowUp[]> {
  const pred = matcher(q);
  const site = q.site?.toLowerCase();
  if (pred && (q.kind || site)) {
    // A kind/site filter is a prefix range of the live dedupe keys: load the set whole when it is small.
    const prefixes = q.kind ? [livePrefix(q.kind, site)] : FOLLOW_UP_KINDS.map((k) => livePrefix(k, site));
    // one plain range per prefix (startsWithAnyOf would step a cursor row by row)
    const ranges = prefixes.map((p) => db.followups.where('dedupeKey').startsWith(p));
    const size = q.kind && !site ? counts.byKind[q.kind] : (await Promise.all(ranges.map((r) => r.count()))).reduce((a, b) => a + b, 0);
    if (size <= LOAD_WHOLE_MAX) {
      const rows = (await Promise.all(prefixes.map((p) => db.followups.where('dedupeKey').startsWith(p).toArray()))).flat().filter(pred);
      return rows.sort(byDue).slice(0, n);
    }
  }
  const orderLike = q.search?.trim() ?? '';
  if (pred && /^[0-9A-Za-z-]{6,}$/.test(orderLike)) {
    // Reps mostly search by order number: the orderId index answers a prefix at once.
    const hits = (await db.followups.where('orderId').startsWith(orderLike).limit(500).toArray()).filter((r) => LIVE.includes(r.status) && pred(r));
    if (hits.length) return hits.sort(byDue).slice(0, n);
  }
  if (pred && q.search) {
    // A text search rarely stops early: one getAll per status beats a cursor step per row.
    const all = await Promise.all(LIVE.map((s) => db.followups.where('[status+dueAt]').between([s, -Infinity], [s, Infinity]).toArray()));
    return all.flat().filter(pred).sort(byDue).slice(0, n);
  }
  const perStatus = await Promise.all(
    LIVE.map((s) => {
      let c = db.followups.where('[status+dueAt]').between([s, -Infinity], [s, Infinity]);
      // a common kind/site: walking the due-time index stops after about n / share rows
      if (pred) c = c.filter(pred);
      return c.limit(n).toArray();
    }),
  );
  return perStatus.flat().sort(byDue).slice(0, n);
}

/**
 * The popup's first query: one page of open/snoozed items by due time
 * (overdue first), grouped, with counts per bucket and per kind and the
 * badge count — index ranges and counts only, in one read transaction.
 * Run expireOverdue (the background alarm does) so expired items leave the list.
 */
export async function listForPopup(db: HuashuDB, now: number, q: PopupQuery = {}): Promise<PopupResult> {
  const limit = Math.max(1, Math.min(500, Math.floor(q.limit ?? 50)));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const query = (known?: LiveCounters) =>
    db.transaction('r', db.followups, db.settings, async (): Promise<PopupResult | undefined> => {
      const live = known ?? (await readLiveCounters(db));
      if (!live) return undefined;
      const counts = await bucketCounts(db, now, q.utcOffsetMinutes, live);
      const window = await firstLive(db, offset + limit + 1, q, counts);
      const b = bucketBounds(now, q.utcOffsetMinutes);
      const rows: PopupRow[] = window.slice(offset, offset + limit).map((row) => ({
        row,
        status: nextStatus(row, now),
        bucket: bucketOfDueAt(row.dueAt, b),
      }));
      const groups = OPEN_BUCKETS.map((bucket) => ({ bucket, rows: rows.filter((r) => r.bucket === bucket) })).filter((g) => g.rows.length > 0);
      return { rows, groups, counts, dueCount: counts.byBucket.overdue + counts.byBucket.due_now, hasMore: window.length > offset + limit };
    });
  return guarded(async () => {
    // The stored counters are normally valid; after writes by other code they are recounted once.
    return (await query()) ?? (await query(await recountLive(db)))!;
  });
}

/** Overdue + due now (dueAt <= now + DUE_NOW_WINDOW_MS): the toolbar badge. */
export async function dueCount(db: HuashuDB, now: number): Promise<number> {
  const to = bucketBounds(now).dueNowTo + 1;
  return guarded(async () => {
    const fast = await db.transaction('r', db.followups, db.settings, async () => {
      const live = await readLiveCounters(db);
      return live ? liveDueBefore(db, live, to) : undefined;
    });
    return fast ?? liveDueBefore(db, await recountLive(db), to);
  });
}

/** The next due time strictly after now (for chrome.alarms), or undefined when nothing is pending. */
export async function nextDueAt(db: HuashuDB, now: number): Promise<number | undefined> {
  return guarded(async () => {
    const firsts = await Promise.all(LIVE.map((s) => db.followups.where('[status+dueAt]').between([s, now], [s, Infinity], false, true).first()));
    const times = firsts.filter((r): r is FollowUp => !!r).map((r) => r.dueAt);
    return times.length ? Math.min(...times) : undefined;
  });
}

/**
 * Follow-ups of one conversation: its open/snoozed items, plus every item
 * (closed ones too) of the given order ids. There is no conversationKey
 * index, so the live part walks the open/snoozed range (small).
 */
export async function forConversation(db: HuashuDB, conversationKey: string, options: { orderIds?: string[] } = {}): Promise<FollowUp[]> {
  return guarded(() =>
    db.transaction('r', db.followups, async () => {
      const live = await Promise.all(
        LIVE.map((s) =>
          db.followups
            .where('[status+dueAt]')
            .between([s, -Infinity], [s, Infinity])
            .filter((r) => r.conversationKey === conversationKey)
            .toArray(),
        ),
      );
      const ids = (options.orderIds ?? []).filter(Boolean);
      const byOrder = ids.length ? await db.followups.where('orderId').anyOf(ids).toArray() : [];
      const seen = new Map<string, FollowUp>();
      for (const r of [...live.flat(), ...byOrder]) seen.set(r.id, r);
      return [...seen.values()].sort((a, b) => Number(isLive(b.status)) - Number(isLive(a.status)) || a.dueAt - b.dueAt);
    }),
  );
}

/** Done + expired, counted only when the rep opens that tab (not part of the first query). */
export async function closedCount(db: HuashuDB): Promise<number> {
  return guarded(async () => {
    const [total, open, snoozed] = await Promise.all([
      db.followups.count(),
      db.followups.where('[status+dueAt]').between(['open', -Infinity], ['open', Infinity]).count(),
      db.followups.where('[status+dueAt]').between(['snoozed', -Infinity], ['snoozed', Infinity]).count(),
    ]);
    return total - open - snoozed;
  });
}
