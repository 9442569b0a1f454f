import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type HuashuDB } from '../../lib/db/schema';
import { DEFAULT_RULES, MS, bucketBounds, bucketOfDueAt, nextStatus } from '../../lib/followups/rules';
import {
  FollowUpError,
  LIVE_COUNTERS_KEY,
  dueCount,
  expireOverdue,
  forConversation,
  listForPopup,
  logFollowUp,
  markDone,
  nextDueAt,
  recordAttempt,
  recountLive,
  remove,
  reopen,
  report,
  restore,
  snooze,
  toCsv,
  closedCount,
  type LogFollowUpInput,
} from '../../lib/data/followups-store';
import { archivedKey } from '../../lib/followups/dedupe-key';
import type { FollowUp, FollowUpKind } from '../../lib/types';

const cn = (s: string) => Date.parse(`${s}+08:00`);
const NOW = cn('2026-03-10T15:00:00');
const R = DEFAULT_RULES;

let db: HuashuDB;
beforeEach(async () => {
  db = openDatabase(`followups-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

const pay = (extra: Partial<LogFollowUpInput> = {}): LogFollowUpInput => ({
  kind: 'payment_reminder',
  site: 'pinduoduo',
  conversationKey: 'pinduoduo:shop:小美',
  buyerName: '小美',
  orderId: 'PDD001',
  amount: 129.9,
  ...extra,
});

async function errorOf(p: Promise<unknown>): Promise<FollowUpError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FollowUpError);
    return e as FollowUpError;
  }
  throw new Error('expected a FollowUpError');
}

describe('logFollowUp', () => {
  it('creates one open follow-up, and logging again updates it with one more attempt instead of duplicating', async () => {
    const first = await logFollowUp(db, pay({ scriptId: 's-cuifu-1' }), R, NOW);
    expect(first.created).toBe(true);
    const second = await logFollowUp(db, pay({ scriptId: 's-cuifu-2', amount: 139 }), R, NOW + 10 * MS.MINUTE);
    expect(second.created).toBe(false);
    expect(second.row.id).toBe(first.row.id);
    expect(await db.followups.count()).toBe(1);
    const row = (await db.followups.get(first.row.id))!;
    expect(row.attempts.map((a) => a.scriptId)).toEqual(['s-cuifu-1', 's-cuifu-2']);
    expect(row.amount).toBe(139);
    expect(row.dedupeKey).toBe('payment_reminder:pinduoduo:PDD001');
  });

  it('logs the same order concurrently without a duplicate', async () => {
    await Promise.all([logFollowUp(db, pay(), R, NOW), logFollowUp(db, pay(), R, NOW), logFollowUp(db, pay(), R, NOW)]);
    expect(await db.followups.count()).toBe(1);
  });

  it('keeps different kinds of the same order apart', async () => {
    await logFollowUp(db, pay(), R, NOW);
    await logFollowUp(db, pay({ kind: 'aftersale_revisit' }), R, NOW);
    expect(await db.followups.count()).toBe(2);
  });

  it('falls back to the conversation key without an order id, and refuses when both are missing', async () => {
    const { row } = await logFollowUp(db, pay({ orderId: '  ' }), R, NOW);
    expect(row.dedupeKey).toBe('payment_reminder:pinduoduo:pinduoduo:shop:小美');
    expect(row.orderId).toBeUndefined();
    const err = await errorOf(logFollowUp(db, pay({ orderId: undefined, conversationKey: undefined }), R, NOW));
    expect(err.code).toBe('invalid_input');
    expect(err.zh).toContain('订单号');
  });

  it('rejects absurd amounts with a clear error and stores nothing; parses ¥ strings', async () => {
    for (const amount of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e12, 'abc']) {
      const err = await errorOf(logFollowUp(db, pay({ amount }), R, NOW));
      expect(err.code).toBe('invalid_amount');
      expect(err.zh).toContain('金额无效');
      expect(err.en).toContain('Invalid amount');
    }
    expect(await db.followups.count()).toBe(0);
    expect((await logFollowUp(db, pay({ amount: '¥1,299.00' }), R, NOW)).row.amount).toBe(1299);
    expect((await logFollowUp(db, pay({ orderId: 'free', amount: 0 }), R, NOW)).row.amount).toBe(0);
  });

  it('refuses a 催付 for an order that has already auto-closed', async () => {
    const err = await errorOf(logFollowUp(db, pay({ orderCreatedAt: NOW - 25 * MS.HOUR }), R, NOW));
    expect(err.code).toBe('past_deadline');
  });

  it('moves the due time to the last reminder after a reminder was sent', async () => {
    const order = cn('2026-03-10T10:00:00');
    const { row } = await logFollowUp(db, pay({ orderCreatedAt: order, scriptId: 's1' }), R, cn('2026-03-10T10:35:00'));
    expect(row.deadlineAt).toBe(cn('2026-03-11T10:00:00'));
    expect(row.dueAt).toBe(cn('2026-03-11T08:00:00'));
  });

  it('opens a new follow-up for an order whose previous one is closed, keeping the history', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    await markDone(db, row.id, { kind: 'not_paid', reason: '运费' }, NOW + MS.HOUR);
    const again = await logFollowUp(db, pay(), R, NOW + 2 * MS.HOUR);
    expect(again.created).toBe(true);
    expect(await db.followups.count()).toBe(2);
    const old = (await db.followups.get(row.id))!;
    expect(old.status).toBe('done');
    expect(old.dedupeKey).toBe(archivedKey('payment_reminder:pinduoduo:PDD001', row.id));
  });
});

describe('status changes', () => {
  it('snoozes (presets respect quiet hours, past the deadline is clamped) and wakes up', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    const late = cn('2026-03-10T21:30:00');
    const s1 = await snooze(db, row.id, '1h', late, R);
    expect(s1.row.status).toBe('snoozed');
    expect(s1.row.dueAt).toBe(cn('2026-03-11T08:00:00')); // 22:30 is quiet → 08:00
    const s2 = await snooze(db, row.id, NOW + 30 * MS.DAY, NOW, R);
    expect(s2.clamped).toBe(true);
    expect(s2.row.dueAt).toBe(row.deadlineAt);
    const s3 = await snooze(db, row.id, 'tomorrow_9', NOW, R);
    expect(s3.row.dueAt).toBe(cn('2026-03-11T09:00:00'));
    expect((await errorOf(snooze(db, row.id, NOW - 1, NOW, R))).code).toBe('invalid_input');
    expect(await expireOverdue(db, cn('2026-03-11T09:00:00'))).toEqual({ expired: 0, woken: 1 });
    expect((await db.followups.get(row.id))!.status).toBe('open');
  });

  it('expires open and snoozed items past their deadline, leaving the others', async () => {
    const a = await logFollowUp(db, pay(), R, NOW);
    const b = await logFollowUp(db, pay({ orderId: 'PDD002' }), R, NOW);
    await snooze(db, b.row.id, NOW + MS.HOUR, NOW, R);
    const c = await logFollowUp(db, pay({ kind: 'aftersale_revisit', orderId: 'PDD003' }), R, NOW);
    const later = NOW + 25 * MS.HOUR;
    expect(await expireOverdue(db, later)).toEqual({ expired: 2, woken: 0 });
    expect((await db.followups.get(a.row.id))!.status).toBe('expired');
    expect((await db.followups.get(b.row.id))!.status).toBe('expired');
    expect((await db.followups.get(c.row.id))!.status).toBe('open');
    const popup = await listForPopup(db, later);
    expect(popup.counts.open + popup.counts.snoozed).toBe(1);
    expect(popup.counts.byKind.payment_reminder).toBe(0);
  });

  it('enforces transitions: expired cannot be done; the rep can reopen it with more time', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    const later = NOW + 30 * MS.HOUR;
    await expireOverdue(db, later);
    expect((await errorOf(markDone(db, row.id, { kind: 'paid' }, later))).code).toBe('bad_transition');
    expect((await errorOf(snooze(db, row.id, later + MS.HOUR, later, R))).code).toBe('bad_transition');
    const reopened = await reopen(db, row.id, R, later);
    expect(reopened.status).toBe('open');
    expect(reopened.deadlineAt).toBe(later + R.reopenWindowMs);
    expect(reopened.dedupeKey).toBe('payment_reminder:pinduoduo:PDD001');
    const done = await markDone(db, row.id, { kind: 'paid' }, later + 1);
    expect(done.outcome).toEqual({ kind: 'paid' });
    expect((await errorOf(recordAttempt(db, row.id, {}, R, later + 2))).code).toBe('bad_transition');
  });

  it('refuses to reopen when another open follow-up holds the same order and kind', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    await markDone(db, row.id, { kind: 'paid' }, NOW);
    await logFollowUp(db, pay(), R, NOW + 1);
    expect((await errorOf(reopen(db, row.id, R, NOW + 2))).code).toBe('conflict');
  });

  it('validates outcomes: a not-paid reason must be one of the listed ones', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    const bad = { kind: 'not_paid', reason: '太贵' } as unknown as Parameters<typeof markDone>[2];
    expect((await errorOf(markDone(db, row.id, bad, NOW))).code).toBe('invalid_input');
  });

  it('removes with undo', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    const removed = await remove(db, row.id);
    expect(removed?.id).toBe(row.id);
    expect((await listForPopup(db, NOW)).rows).toHaveLength(0);
    await restore(db, removed!);
    const popup = await listForPopup(db, NOW);
    expect(popup.rows.map((r) => r.row.id)).toEqual([row.id]);
    expect(popup.counts.byKind.payment_reminder).toBe(1);
    expect(await remove(db, 'missing')).toBeUndefined();
  });

  it('refuses an undo that would duplicate a newer open follow-up', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    const removed = (await remove(db, row.id))!;
    await logFollowUp(db, pay(), R, NOW + 1);
    expect((await errorOf(restore(db, removed))).code).toBe('conflict');
  });
});

const KINDS: FollowUpKind[] = ['payment_reminder', 'review_recovery', 'aftersale_revisit', 'complaint_revisit', 'new_customer_revisit'];

/** Rows straight into the table (as a backup import would), mixed statuses and due times around NOW. */
function rawRows(n: number, now: number): FollowUp[] {
  const rows: FollowUp[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const status = (['open', 'open', 'snoozed', 'done', 'expired'] as const)[(i * 7) % 5]!;
    const dueAt = now + ((i * 7919) % 200) * 37 * MS.MINUTE - 3 * MS.DAY;
    const live = status === 'open' || status === 'snoozed';
    const site = i % 3 ? 'demo' : 'jd';
    const key = `${kind}:${site}:O${i}`;
    rows.push({
      id: `r${i}`,
      kind,
      site,
      conversationKey: `demo:s:b${i % 17}`,
      buyerName: i % 11 === 0 ? '陳小姐' : `买家${i}`,
      orderId: `O${i}`,
      createdAt: now - MS.DAY,
      dueAt,
      deadlineAt: Math.max(dueAt, now) + MS.DAY,
      status,
      dedupeKey: live ? key : archivedKey(key, `r${i}`),
      attempts: [],
      updatedAt: now - MS.DAY,
    });
  }
  return rows;
}

function naive(rows: FollowUp[], now: number) {
  const b = bucketBounds(now);
  const live = rows.filter((r) => ['open', 'snoozed'].includes(nextStatus(r, now)) && (r.status === 'open' || r.status === 'snoozed'));
  const byBucket = { overdue: 0, due_now: 0, today: 0, upcoming: 0 };
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FollowUpKind, number>;
  for (const r of live) {
    byBucket[bucketOfDueAt(r.dueAt, b)]++;
    byKind[r.kind]++;
  }
  return { byBucket, byKind, sorted: live.sort((a, c) => a.dueAt - c.dueAt || a.id.localeCompare(c.id)) };
}

describe('listForPopup and friends', () => {
  it('handles an empty database', async () => {
    const popup = await listForPopup(db, NOW);
    expect(popup.rows).toEqual([]);
    expect(popup.groups).toEqual([]);
    expect(popup.dueCount).toBe(0);
    expect(popup.counts.byBucket).toEqual({ overdue: 0, due_now: 0, today: 0, upcoming: 0 });
    expect(await dueCount(db, NOW)).toBe(0);
    expect(await nextDueAt(db, NOW)).toBeUndefined();
    expect(await closedCount(db)).toBe(0);
  });

  it('counts per bucket and per kind exactly like a full scan, pages in due order, and stays right after writes', async () => {
    const rows = rawRows(600, NOW);
    await db.followups.bulkAdd(rows); // written behind the store's back: counters are rebuilt on first read
    let popup = await listForPopup(db, NOW, { limit: 20 });
    let expected = naive(rows, NOW);
    expect(popup.counts.byBucket).toEqual(expected.byBucket);
    expect(popup.counts.byKind).toEqual(expected.byKind);
    expect(popup.dueCount).toBe(expected.byBucket.overdue + expected.byBucket.due_now);
    expect(await dueCount(db, NOW)).toBe(popup.dueCount);
    expect(popup.rows.map((r) => r.row.id)).toEqual(expected.sorted.slice(0, 20).map((r) => r.id));
    expect(popup.hasMore).toBe(true);
    expect(popup.groups[0]!.bucket).toBe('overdue');
    const page2 = await listForPopup(db, NOW, { limit: 20, offset: 20 });
    expect(page2.rows.map((r) => r.row.id)).toEqual(expected.sorted.slice(20, 40).map((r) => r.id));

    // writes through the store keep the stored counters exact
    const logged = await logFollowUp(db, pay(), R, NOW);
    await markDone(db, 'r0', { kind: 'resolved' }, NOW).catch(() => undefined);
    await snooze(db, 'r1', NOW + 5 * MS.HOUR, NOW, R);
    await remove(db, 'r5');
    const all = await db.followups.toArray();
    popup = await listForPopup(db, NOW + MS.MINUTE, { limit: 20 });
    expected = naive(all, NOW + MS.MINUTE);
    expect(popup.counts.byBucket).toEqual(expected.byBucket);
    expect(popup.counts.byKind).toEqual(expected.byKind);
    expect(logged.created).toBe(true);

    // a later moment shifts items between buckets without any write
    const later = NOW + 20 * MS.HOUR;
    expect((await listForPopup(db, later)).counts.byBucket).toEqual(naive(all, later).byBucket);
  });

  it('rebuilds stale counters after a foreign write changed the row count', async () => {
    await logFollowUp(db, pay(), R, NOW);
    await listForPopup(db, NOW);
    await db.followups.bulkAdd(rawRows(50, NOW));
    const all = await db.followups.toArray();
    expect((await listForPopup(db, NOW)).counts.byKind).toEqual(naive(all, NOW).byKind);
    await db.settings.delete(LIVE_COUNTERS_KEY);
    expect((await listForPopup(db, NOW)).counts.byBucket).toEqual(naive(all, NOW).byBucket);
    expect((await recountLive(db)).open + (await recountLive(db)).snoozed).toBe(naive(all, NOW).sorted.length);
  });

  it('filters by kind, site and search (Traditional/Simplified and width folded)', async () => {
    const rows = rawRows(300, NOW);
    await db.followups.bulkAdd(rows);
    const expected = naive(rows, NOW).sorted;
    const review = await listForPopup(db, NOW, { kind: 'review_recovery', limit: 500 });
    expect(review.rows.map((r) => r.row.id)).toEqual(expected.filter((r) => r.kind === 'review_recovery').map((r) => r.id));
    const jd = await listForPopup(db, NOW, { site: 'JD', limit: 500 });
    expect(jd.rows.map((r) => r.row.id)).toEqual(expected.filter((r) => r.site === 'jd').map((r) => r.id));
    const both = await listForPopup(db, NOW, { site: 'jd', kind: 'payment_reminder', limit: 500 });
    expect(both.rows.every((r) => r.row.site === 'jd' && r.row.kind === 'payment_reminder')).toBe(true);
    const chen = await listForPopup(db, NOW, { search: '陈', limit: 500 });
    expect(chen.rows.length).toBe(expected.filter((r) => r.buyerName === '陳小姐').length);
    expect(chen.rows.length).toBeGreaterThan(0);
    const byOrder = await listForPopup(db, NOW, { search: 'Ｏ１２', limit: 500 }); // full-width
    expect(byOrder.rows.map((r) => r.row.orderId)).toContain(expected.find((r) => r.orderId?.startsWith('O12'))!.orderId);
    expect(review.counts.byKind).toEqual(naive(rows, NOW).byKind); // filters do not change the tab counts
  });

  it("finds a conversation's follow-ups and the next due time for the alarm", async () => {
    const a = await logFollowUp(db, pay({ orderId: undefined }), R, NOW);
    const b = await logFollowUp(db, pay({ orderId: 'PDD009', kind: 'aftersale_revisit' }), R, NOW);
    await logFollowUp(db, pay({ orderId: 'X', conversationKey: 'other' }), R, NOW);
    await markDone(db, b.row.id, { kind: 'resolved' }, NOW);
    const mine = await forConversation(db, 'pinduoduo:shop:小美', { orderIds: ['PDD009'] });
    expect(mine.map((r) => r.id).sort()).toEqual([a.row.id, b.row.id].sort());
    expect(mine[0]!.status).toBe('open');
    expect(await nextDueAt(db, NOW)).toBe(NOW + 30 * MS.MINUTE);
  });

  it('stores 100,000 follow-ups and still answers the first query from the indexes', async () => {
    // lean rows (no order id / buyer name: two indexes fewer) keep the bulk load affordable in fake-indexeddb
    const rows = rawRows(100_000, NOW).map(({ orderId: _o, buyerName: _b, ...r }) => r as FollowUp);
    for (let i = 0; i < rows.length; i += 20_000) await db.followups.bulkAdd(rows.slice(i, i + 20_000));
    const popup = await listForPopup(db, NOW, { limit: 50 });
    const expected = naive(rows, NOW);
    expect(popup.rows).toHaveLength(50);
    expect(popup.counts.byBucket).toEqual(expected.byBucket);
    expect(popup.rows[0]!.row.id).toBe(expected.sorted[0]!.id);
  }, 300_000);
});

describe('storage errors', () => {
  it('maps a full disk to a quota error and loses nothing already stored', async () => {
    const { row } = await logFollowUp(db, pay(), R, NOW);
    const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } }).IDBObjectStore.prototype;
    const saved = { add: proto.add, put: proto.put };
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.add = full;
    proto.put = full;
    try {
      const err = await errorOf(logFollowUp(db, pay({ scriptId: 'x' }), R, NOW + 1));
      expect(err.code).toBe('quota');
      expect(err.zh).toContain('存储空间已满');
      expect(err.toJSON()).toMatchObject({ code: 'quota' });
      expect((await errorOf(logFollowUp(db, pay({ orderId: 'NEW' }), R, NOW + 1))).code).toBe('quota');
    } finally {
      proto.add = saved.add;
      proto.put = saved.put;
    }
    expect(await db.followups.count()).toBe(1);
    expect((await db.followups.get(row.id))!.attempts).toEqual([]);
  });
});

describe('report and CSV', () => {
  it('reports per day and kind, 催付 conversion, review recovery, non-purchase reasons and top scripts', async () => {
    const day1 = cn('2026-03-09T10:00:00');
    const day2 = cn('2026-03-10T10:00:00');
    const p1 = await logFollowUp(db, pay({ orderId: 'A', scriptId: 's-pay' }), R, day1);
    const p2 = await logFollowUp(db, pay({ orderId: 'B', scriptId: 's-pay' }), R, day1);
    await logFollowUp(db, pay({ orderId: 'C' }), R, day1); // never reminded
    await markDone(db, p1.row.id, { kind: 'paid' }, day1 + MS.HOUR);
    await markDone(db, p2.row.id, { kind: 'not_paid', reason: '价格高' }, day2);
    const r1 = await logFollowUp(db, { kind: 'review_recovery', site: 'tmall', orderId: 'T1', scriptId: 's-review' }, R, day2);
    await markDone(db, r1.row.id, { kind: 'explained_publicly' }, day2 + MS.HOUR);
    await logFollowUp(db, { kind: 'review_recovery', site: 'taobao', orderId: 'T2', scriptId: 's-review' }, R, day2);
    await expireOverdue(db, cn('2026-03-10T23:00:00')); // A/B closed, C expires (placed 09th 10:00 → closes 10th 10:00)

    const rep = await report(db, { from: cn('2026-03-09T00:00:00'), to: cn('2026-03-11T00:00:00') });
    expect(rep.days).toContainEqual({ date: '2026-03-09', kind: 'payment_reminder', created: 3, done: 1, expired: 0 });
    expect(rep.days).toContainEqual({ date: '2026-03-10', kind: 'payment_reminder', created: 0, done: 1, expired: 1 });
    expect(rep.totals.review_recovery).toEqual({ created: 2, done: 1, expired: 0 });
    expect(rep.paymentConversion).toEqual({ reminded: 2, paid: 1, rate: 0.5 });
    expect(rep.reviewRecovery).toEqual({ contacted: 2, revised: 0, explained: 1, rate: 0.5 });
    expect(rep.nonPurchaseReasons['价格高']).toBe(1);
    expect(rep.topScripts).toEqual([
      { scriptId: 's-pay', count: 2 },
      { scriptId: 's-review', count: 2 },
    ]);
    const empty = await report(db, { from: 0, to: 1_000 });
    expect(empty.paymentConversion.rate).toBeNull();

    const csv = toCsv(rep);
    expect(csv.startsWith('\uFEFF日期,类型,新建,完成,过期\r\n')).toBe(true);
    expect(csv).toContain('2026-03-09,催付,3,1,0');
    expect(csv).toContain('催付转化率,50.0%');
  });

  it('exports rows with Chinese headers, China-time dates, RFC 4180 quoting and formula guarding', async () => {
    const { row } = await logFollowUp(db, pay({ buyerName: '=HYPERLINK("x")', item: '连衣裙, 红色\n大码', notes: '他说"再想想"' }), R, NOW);
    const csv = toCsv([row]);
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe('类型,平台,买家,订单号,金额,商品,状态,结果,创建时间,应跟进时间,截止时间,跟进次数,最近跟进,备注');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"连衣裙, 红色\n大码"');
    expect(csv).toContain('"他说""再想想"""');
    expect(line).toContain('催付,pinduoduo');
    expect(csv).toContain('2026-03-10 15:00');
    expect(csv).toContain(',129.9,');
  });
});
