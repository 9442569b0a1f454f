import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  MS,
  bucketBounds,
  canTransition,
  computeSchedule,
  dueBucket,
  isInQuietHours,
  nextStatus,
  placeReminder,
  relativeDueText,
  resolveRules,
  reviewGoal,
  scheduleAfterAttempt,
  shiftOutOfQuietHours,
  validateRules,
  type FollowUpRules,
} from '../../lib/followups/rules';

/** Explicit +08:00 timestamps: the tests never depend on the machine's zone. */
const cn = (s: string) => Date.parse(`${s}+08:00`);
const R = DEFAULT_RULES;

describe('quiet hours (default 22:00–08:00 China time)', () => {
  it('recognises the window across midnight', () => {
    expect(isInQuietHours(cn('2026-03-10T21:59:00'), R)).toBe(false);
    expect(isInQuietHours(cn('2026-03-10T22:00:00'), R)).toBe(true);
    expect(isInQuietHours(cn('2026-03-11T03:00:00'), R)).toBe(true);
    expect(isInQuietHours(cn('2026-03-11T07:59:00'), R)).toBe(true);
    expect(isInQuietHours(cn('2026-03-11T08:00:00'), R)).toBe(false);
  });

  it('shifts a reminder to the end of quiet hours instead of dropping it, crossing midnight', () => {
    expect(shiftOutOfQuietHours(cn('2026-03-10T23:30:00'), R)).toBe(cn('2026-03-11T08:00:00'));
    expect(shiftOutOfQuietHours(cn('2026-03-11T03:00:00'), R)).toBe(cn('2026-03-11T08:00:00'));
    expect(shiftOutOfQuietHours(cn('2026-03-11T12:00:00'), R)).toBe(cn('2026-03-11T12:00:00'));
  });

  it('supports custom hours (same-day window), disabling, and an empty window', () => {
    const lunch: FollowUpRules = { ...R, quietHours: { enabled: true, start: '12:00', end: '13:30' } };
    expect(isInQuietHours(cn('2026-03-11T12:45:00'), lunch)).toBe(true);
    expect(isInQuietHours(cn('2026-03-11T23:00:00'), lunch)).toBe(false);
    expect(shiftOutOfQuietHours(cn('2026-03-11T12:45:00'), lunch)).toBe(cn('2026-03-11T13:30:00'));
    const off: FollowUpRules = { ...R, quietHours: { ...R.quietHours, enabled: false } };
    expect(isInQuietHours(cn('2026-03-11T03:00:00'), off)).toBe(false);
    const empty: FollowUpRules = { ...R, quietHours: { enabled: true, start: '09:00', end: '09:00' } };
    expect(isInQuietHours(cn('2026-03-11T09:00:00'), empty)).toBe(false);
  });

  it('moves a reminder before quiet hours when shifting forward would pass the deadline', () => {
    const placed = placeReminder(cn('2026-03-11T00:00:00'), R, { deadlineAt: cn('2026-03-11T02:00:00'), notBefore: cn('2026-03-10T10:00:00') });
    expect(placed).toEqual({ at: cn('2026-03-10T21:30:00'), adjustment: 'moved_before_quiet_start' });
  });

  it('keeps and flags a reminder that cannot move without passing the deadline or going into the past', () => {
    const placed = placeReminder(cn('2026-03-10T23:30:00'), R, { deadlineAt: cn('2026-03-11T01:00:00'), notBefore: cn('2026-03-10T23:00:00') });
    expect(placed).toEqual({ at: cn('2026-03-10T23:30:00'), adjustment: 'kept_in_quiet_hours' });
  });

  it('follows the configured offset, not the machine zone', () => {
    const bangkok: FollowUpRules = { ...R, utcOffsetMinutes: 420 };
    // 22:30 in China is 21:30 in Bangkok
    expect(isInQuietHours(cn('2026-03-10T22:30:00'), bangkok)).toBe(false);
  });
});

describe('schedules per kind and platform', () => {
  it('催付 on Taobao: first reminder 30 min after the order, last 2 h before the 24 h close', () => {
    const order = cn('2026-03-10T10:00:00');
    const s = computeSchedule('payment_reminder', { site: 'taobao', createdAt: order, orderCreatedAt: order }, R, order);
    expect(s.dueAt).toBe(cn('2026-03-10T10:30:00'));
    expect(s.deadlineAt).toBe(cn('2026-03-11T10:00:00'));
    expect(s.nextReminderAt).toBe(cn('2026-03-11T08:00:00'));
  });

  it('催付 for a late-night order: first reminder shifted to 08:00, last moved before quiet hours', () => {
    const order = cn('2026-03-10T02:00:00');
    const s = computeSchedule('payment_reminder', { site: 'tmall', createdAt: order, orderCreatedAt: order }, R, order);
    expect(s.dueAt).toBe(cn('2026-03-10T08:00:00'));
    expect(s.deadlineAt).toBe(cn('2026-03-11T02:00:00'));
    // the last reminder (00:00) would fall in quiet hours and 08:00 is after the close → 21:30 the evening before
    expect(s.nextReminderAt).toBe(cn('2026-03-10T21:30:00'));
    expect(s.adjustments).toContain('moved_before_quiet_start');
  });

  it('uses 24 h for Taobao, Tmall and JD, and a configurable assumed default elsewhere', () => {
    const t0 = cn('2026-03-10T10:00:00');
    for (const site of ['taobao', 'tmall', 'jd', 'pinduoduo', 'douyin', 'feige', 'kuaishou', 'shopee', 'demo', 'some-new-site']) {
      const s = computeSchedule('payment_reminder', { site, createdAt: t0 }, R, t0);
      expect(s.deadlineAt - t0, site).toBe(24 * MS.HOUR);
    }
    expect(R.platforms.taobao!.unpaidCloseSource).toBe('platform_rule');
    expect(R.platforms.pinduoduo!.unpaidCloseSource).toBe('assumed');
    const custom = resolveRules({ platforms: { pinduoduo: { unpaidCloseMs: 48 * MS.HOUR } } });
    expect(computeSchedule('payment_reminder', { site: 'pinduoduo', createdAt: t0 }, custom, t0).deadlineAt - t0).toBe(48 * MS.HOUR);
    expect(computeSchedule('payment_reminder', { site: 'taobao', createdAt: t0 }, custom, t0).deadlineAt - t0).toBe(24 * MS.HOUR);
  });

  it('catches up when the order is older than the first reminder: due now, not overdue', () => {
    const order = cn('2026-03-10T10:00:00');
    const now = cn('2026-03-10T15:00:00');
    const s = computeSchedule('payment_reminder', { site: 'jd', createdAt: now, orderCreatedAt: order }, R, now);
    expect(s.dueAt).toBe(now);
    expect(s.nextReminderAt).toBe(cn('2026-03-11T08:00:00'));
  });

  it('bad reviews: Taobao 30-day revision window aims at a revision; Tmall aims at a public explanation', () => {
    const review = cn('2026-03-10T10:00:00');
    const s = computeSchedule('review_recovery', { site: 'taobao', createdAt: review, reviewAt: review }, R, review);
    expect(s.dueAt).toBe(review);
    expect(s.deadlineAt).toBe(review + 30 * MS.DAY);
    expect(reviewGoal('taobao', R)).toBe('review_revised');
    expect(reviewGoal('tmall', R)).toBe('explained_publicly');
    expect(reviewGoal('TMALL', R)).toBe('explained_publicly');
  });

  it('after-sale revisit due on day 3 after delivery, expires on day 7; complaints within 7 days; new customers 3–5 days', () => {
    const delivered = cn('2026-03-10T10:00:00');
    const a = computeSchedule('aftersale_revisit', { site: 'demo', createdAt: delivered + MS.HOUR, deliveredAt: delivered }, R, delivered + MS.HOUR);
    expect(a.dueAt).toBe(delivered + 3 * MS.DAY);
    expect(a.deadlineAt).toBe(delivered + 7 * MS.DAY);
    const c = computeSchedule('complaint_revisit', { site: 'demo', createdAt: delivered }, R, delivered);
    expect(c.deadlineAt).toBe(delivered + 7 * MS.DAY);
    expect(c.dueAt).toBeLessThanOrEqual(c.deadlineAt);
    const n = computeSchedule('new_customer_revisit', { site: 'demo', createdAt: delivered, orderCreatedAt: delivered }, R, delivered);
    expect(n.dueAt).toBe(delivered + 3 * MS.DAY);
    expect(n.deadlineAt).toBe(delivered + 5 * MS.DAY);
  });

  it('a revisit falling at night moves to 08:00', () => {
    const delivered = cn('2026-03-10T23:00:00');
    const a = computeSchedule('aftersale_revisit', { site: 'demo', createdAt: delivered, deliveredAt: delivered }, R, delivered);
    expect(a.dueAt).toBe(cn('2026-03-14T08:00:00'));
  });

  it('after an attempt: 催付 moves to the last reminder, then to the close; revisits retry a day later', () => {
    const order = cn('2026-03-10T10:00:00');
    const row = { kind: 'payment_reminder' as const, site: 'taobao', deadlineAt: order + 24 * MS.HOUR };
    expect(scheduleAfterAttempt(row, order + 30 * MS.MINUTE, R).dueAt).toBe(cn('2026-03-11T08:00:00'));
    expect(scheduleAfterAttempt(row, cn('2026-03-11T08:05:00'), R).dueAt).toBe(row.deadlineAt);
    const revisit = { kind: 'aftersale_revisit' as const, site: 'demo', deadlineAt: cn('2026-03-17T10:00:00') };
    expect(scheduleAfterAttempt(revisit, cn('2026-03-13T10:00:00'), R).dueAt).toBe(cn('2026-03-14T10:00:00'));
    // never past the deadline
    expect(scheduleAfterAttempt(revisit, cn('2026-03-17T09:00:00'), R).dueAt).toBe(revisit.deadlineAt);
  });

  it('keeps dueAt <= deadlineAt for every kind, platform and hour', () => {
    const kinds = ['payment_reminder', 'review_recovery', 'aftersale_revisit', 'complaint_revisit', 'new_customer_revisit'] as const;
    for (const kind of kinds)
      for (const site of ['taobao', 'tmall', 'pinduoduo'])
        for (let h = 0; h < 24; h++) {
          const t = cn('2026-03-10T00:17:00') + h * MS.HOUR;
          const s = computeSchedule(kind, { site, createdAt: t, orderCreatedAt: t, deliveredAt: t, reviewAt: t }, R, t);
          expect(s.dueAt).toBeLessThanOrEqual(s.deadlineAt);
          if (s.nextReminderAt !== undefined) expect(s.nextReminderAt).toBeLessThanOrEqual(s.deadlineAt);
        }
  });
});

describe('China time does not depend on the machine time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same schedule and buckets under UTC−10 and UTC+14', () => {
    const now = cn('2026-03-10T23:50:00');
    const results: unknown[] = [];
    for (const tz of ['Pacific/Honolulu', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      results.push([
        computeSchedule('payment_reminder', { site: 'taobao', createdAt: now }, R, now),
        dueBucket({ status: 'open', dueAt: cn('2026-03-11T00:30:00'), deadlineAt: cn('2026-03-12T00:00:00') }, now),
        relativeDueText(cn('2026-03-11T09:00:00'), now, 'zh'),
      ]);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // 00:30 China time is tomorrow even though it is the same UTC date
    expect((results[0] as unknown[])[1]).toBe('upcoming');
  });
});

describe('status', () => {
  it('allows only the documented transitions', () => {
    expect(canTransition('open', 'snoozed')).toBe(true);
    expect(canTransition('open', 'done')).toBe(true);
    expect(canTransition('open', 'expired', 'system')).toBe(true);
    expect(canTransition('snoozed', 'open', 'system')).toBe(true);
    expect(canTransition('snoozed', 'done')).toBe(true);
    expect(canTransition('done', 'open')).toBe(true);
    expect(canTransition('done', 'snoozed')).toBe(false);
    expect(canTransition('done', 'expired')).toBe(false);
    expect(canTransition('expired', 'open', 'rep')).toBe(true);
    expect(canTransition('expired', 'open', 'system')).toBe(false);
    expect(canTransition('expired', 'done')).toBe(false);
    expect(canTransition('open', 'open')).toBe(false);
  });

  it('expires open and snoozed items past their deadline; a finished snooze is open again', () => {
    const f = { status: 'open' as const, dueAt: 100, deadlineAt: 1000 };
    expect(nextStatus(f, 1000)).toBe('open');
    expect(nextStatus(f, 1001)).toBe('expired');
    expect(nextStatus({ ...f, status: 'snoozed' }, 50)).toBe('snoozed');
    expect(nextStatus({ ...f, status: 'snoozed' }, 100)).toBe('open');
    expect(nextStatus({ ...f, status: 'snoozed' }, 2000)).toBe('expired');
    expect(nextStatus({ ...f, status: 'done' }, 2000)).toBe('done');
  });

  it('groups by due time with "today" ending at China midnight', () => {
    const now = cn('2026-03-10T15:00:00');
    const open = (dueAt: number) => ({ status: 'open' as const, dueAt, deadlineAt: dueAt + 10 * MS.DAY });
    expect(dueBucket(open(now - 2 * MS.HOUR), now)).toBe('overdue');
    expect(dueBucket(open(now - 5 * MS.MINUTE), now)).toBe('due_now');
    expect(dueBucket(open(now + 10 * MS.MINUTE), now)).toBe('due_now');
    expect(dueBucket(open(cn('2026-03-10T23:59:00')), now)).toBe('today');
    expect(dueBucket(open(cn('2026-03-11T00:00:00')), now)).toBe('upcoming');
    expect(dueBucket({ ...open(now), status: 'done' }, now)).toBe('closed');
    expect(dueBucket({ status: 'open', dueAt: now - 2 * MS.DAY, deadlineAt: now - MS.DAY }, now)).toBe('closed');
    const b = bucketBounds(cn('2026-03-10T23:55:00'));
    expect(b.tomorrowStart).toBe(cn('2026-03-11T00:10:00')); // the due-now window outranks "today"
  });
});

describe('relativeDueText', () => {
  const now = cn('2026-03-10T15:00:00');
  it('writes Chinese and English labels', () => {
    expect(relativeDueText(now - 2 * MS.HOUR, now, 'zh')).toBe('已逾期 2 小时');
    expect(relativeDueText(now - 2 * MS.HOUR, now, 'en')).toBe('overdue by 2 h');
    expect(relativeDueText(now - 3 * MS.DAY, now, 'zh')).toBe('已逾期 3 天');
    expect(relativeDueText(now + 30 * MS.MINUTE, now, 'zh')).toBe('30 分钟后');
    expect(relativeDueText(now + 30 * MS.MINUTE, now, 'en')).toBe('in 30 min');
    expect(relativeDueText(now + 20 * 1000, now, 'zh')).toBe('现在');
    expect(relativeDueText(cn('2026-03-10T18:00:00'), now, 'zh')).toBe('今天 18:00');
    expect(relativeDueText(cn('2026-03-11T09:00:00'), now, 'zh')).toBe('明天 09:00');
    expect(relativeDueText(cn('2026-03-11T09:00:00'), now, 'en')).toBe('tomorrow 09:00');
    expect(relativeDueText(cn('2026-03-12T09:00:00'), now, 'zh')).toBe('后天 09:00');
    expect(relativeDueText(cn('2026-03-15T09:00:00'), now, 'zh')).toBe('3月15日 09:00');
    expect(relativeDueText(cn('2026-03-15T09:00:00'), now, 'en')).toBe('Mar 15 09:00');
  });
});

describe('validateRules', () => {
  it('accepts the defaults and sensible overrides', () => {
    expect(validateRules({})).toEqual({ ok: true, errors: [] });
    expect(validateRules({ quietHours: { start: '23:00', end: '07:30' }, platforms: { kuaishou: { unpaidCloseMs: 12 * MS.HOUR } } }).ok).toBe(true);
  });

  it('names the bad fields with Chinese and English messages', () => {
    const r = validateRules({
      quietHours: { start: '25:00' },
      aftersale: { dueAfterMs: -1 },
      retryAfterMs: Number.NaN,
      platforms: { jd: { unpaidCloseMs: 1e15 } },
      colour: 'red',
    });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.field).sort()).toEqual(['aftersale.dueAfterMs', 'colour', 'platforms.jd.unpaidCloseMs', 'quietHours.start', 'retryAfterMs']);
    for (const e of r.errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en.length).toBeGreaterThan(3);
    }
  });

  it('rejects inconsistent windows', () => {
    expect(validateRules({ aftersale: { dueAfterMs: 8 * MS.DAY } }).errors[0]?.field).toBe('aftersale.deadlineAfterMs');
    expect(validateRules({ payment: { firstReminderAfterMs: 25 * MS.HOUR } }).errors[0]?.field).toBe('payment.firstReminderAfterMs');
  });

  it('resolveRules ignores invalid overrides so reminders keep working', () => {
    expect(resolveRules({ quietHours: { start: 'soon' } })).toEqual(DEFAULT_RULES);
    expect(resolveRules({ quietHours: { start: '21:00' } }).quietHours).toEqual({ enabled: true, start: '21:00', end: '08:00' });
  });
});
