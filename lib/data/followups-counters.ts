/**
 * Exact counts of open/snoozed follow-ups per kind and per status, kept in
 * one row of the settings table and updated in the same transaction as
 * every follow-up write made through store.ts.
 *
 * Why: IndexedDB counts a range by walking it, so counting 5,000 open items
 * per kind and per due bucket on every popup open costs more than the rest
 * of the first query. So the row also keeps a histogram of live due times
 * per hour: a popup bucket count is a sum over whole hours plus an index
 * range count over the partial hour at each bucket edge (a few rows).
 *
 * Staleness guard: the row remembers the table's row count (an O(1) check);
 * a mismatch (rows written by other code, e.g. a backup import) triggers an
 * exact recount, and the background sweep recounts anyway.
 */
import type { FollowUp, FollowUpKind } from '../types';
import type { HuashuDB } from '../db/schema';
import { livePrefix } from '../followups/dedupe-key';
import { FOLLOW_UP_KINDS } from '../followups/input';

export const LIVE_COUNTERS_KEY = 'followups.liveCounts';

export interface LiveCounters {
  version: 2;
  /** followups.count() when these numbers were last exact. */
  rowCount: number;
  byKind: Record<FollowUpKind, number>;
  open: number;
  snoozed: number;
  /** Live (open + snoozed) items per hour of dueAt: key floor(dueAt / 1 h). */
  dueHours: Record<string, number>;
}

export const HOUR_MS = 3_600_000;
const slotOf = (dueAt: number) => String(Math.floor(dueAt / HOUR_MS));

const emptyByKind = (): Record<FollowUpKind, number> => Object.fromEntries(FOLLOW_UP_KINDS.map((k) => [k, 0])) as Record<FollowUpKind, number>;

function isCounters(v: unknown): v is LiveCounters {
  const c = v as LiveCounters | undefined;
  return !!c && c.version === 2 && !!c.dueHours && typeof c.rowCount === 'number' && typeof c.open === 'number' && typeof c.snoozed === 'number' && !!c.byKind;
}

/** The stored counters if they still match the table, else undefined. Call inside a transaction over followups + settings. */
export async function readLiveCounters(db: HuashuDB): Promise<LiveCounters | undefined> {
  const [row, rowCount] = await Promise.all([db.settings.get(LIVE_COUNTERS_KEY), db.followups.count()]);
  const value = row?.value;
  return isCounters(value) && value.rowCount === rowCount ? value : undefined;
}

/** Count exactly from the indexes and store the result. Needs a rw transaction over followups + settings (or none). */
export async function recountLive(db: HuashuDB): Promise<LiveCounters> {
  return db.transaction('rw', db.followups, db.settings, async () => {
    const [rowCount, openRows, snoozedRows, ...perKind] = await Promise.all([
      db.followups.count(),
      // one getAll each (a key cursor would be one request per row)
      db.followups.where('[status+dueAt]').between(['open', -Infinity], ['open', Infinity]).toArray(),
      db.followups.where('[status+dueAt]').between(['snoozed', -Infinity], ['snoozed', Infinity]).toArray(),
      ...FOLLOW_UP_KINDS.map((k) => db.followups.where('dedupeKey').startsWith(livePrefix(k)).count()),
    ]);
    const byKind = emptyByKind();
    FOLLOW_UP_KINDS.forEach((k, i) => (byKind[k] = perKind[i] as number));
    const dueHours: Record<string, number> = {};
    for (const row of [...(openRows as FollowUp[]), ...(snoozedRows as FollowUp[])]) {
      const slot = slotOf(row.dueAt);
      dueHours[slot] = (dueHours[slot] ?? 0) + 1;
    }
    const counters: LiveCounters = {
      version: 2,
      rowCount: rowCount as number,
      byKind,
      open: (openRows as FollowUp[]).length,
      snoozed: (snoozedRows as FollowUp[]).length,
      dueHours,
    };
    await db.settings.put({ key: LIVE_COUNTERS_KEY, value: counters });
    return counters;
  });
}

/**
 * Apply row changes (before → after; undefined = absent) to the stored
 * counters. Must run inside the caller's rw transaction over followups +
 * settings, after the writes. Missing or stale counters are left for the
 * next read to recount.
 */
export async function adjustLiveCounters(db: HuashuDB, changes: Array<[FollowUp | undefined, FollowUp | undefined]>): Promise<void> {
  const row = await db.settings.get(LIVE_COUNTERS_KEY);
  if (!isCounters(row?.value)) return;
  const c: LiveCounters = { ...row.value, byKind: { ...row.value.byKind }, dueHours: { ...row.value.dueHours } };
  const expectedBefore = c.rowCount;
  for (const [before, after] of changes) {
    for (const [r, sign] of [
      [before, -1],
      [after, 1],
    ] as const) {
      if (!r) continue;
      c.rowCount += sign;
      if (r.status === 'open' || r.status === 'snoozed') {
        c[r.status] += sign;
        c.byKind[r.kind] = (c.byKind[r.kind] ?? 0) + sign;
        const slot = slotOf(r.dueAt);
        const n = (c.dueHours[slot] ?? 0) + sign;
        if (n === 0) delete c.dueHours[slot];
        else c.dueHours[slot] = n;
      }
    }
  }
  // if the table moved in a way these changes do not explain, let the next read recount
  const actual = await db.followups.count();
  if (c.rowCount !== actual) {
    await db.settings.delete(LIVE_COUNTERS_KEY);
    return;
  }
  if (c.rowCount !== expectedBefore || changes.length) await db.settings.put({ key: LIVE_COUNTERS_KEY, value: c });
}

/** Live items with dueAt < t: whole hours from the histogram, the partial hour from the index. */
export async function liveDueBefore(db: HuashuDB, counters: LiveCounters, t: number): Promise<number> {
  const slot = Math.floor(t / HOUR_MS);
  let n = 0;
  for (const [k, v] of Object.entries(counters.dueHours)) if (Number(k) < slot) n += v;
  const from = slot * HOUR_MS;
  // the partial hour needs the index only when that hour has live items at all
  if (t > from && (counters.dueHours[String(slot)] ?? 0) > 0) {
    const partial = await Promise.all(
      (['open', 'snoozed'] as const).map((s) => db.followups.where('[status+dueAt]').between([s, from], [s, t], true, false).count()),
    );
    n += partial[0]! + partial[1]!;
  }
  return n;
}
