/**
 * When a follow-up is due and when it expires, per kind and platform.
 * Pure: the clock is a parameter.
 *
 * Invariant kept by every function here and by the store: dueAt <= deadlineAt.
 * It lets the store find everything that may have expired with one range
 * over the [status+dueAt] index (deadlineAt has no index).
 */
import type { FollowUp, FollowUpKind } from '../types';
import { MS, platformRule, type FollowUpRules } from './config';
import { placeReminder, type ReminderAdjustment } from './quiet-hours';

export interface ScheduleContext {
  site: string;
  /** When the follow-up is logged. */
  createdAt: number;
  /** When the order was placed (催付, new-customer revisit). */
  orderCreatedAt?: number;
  /** When the parcel was delivered (after-sale revisit). */
  deliveredAt?: number;
  /** When the 中评/差评 was left (review recovery). */
  reviewAt?: number;
}

export interface Schedule {
  dueAt: number;
  deadlineAt: number;
  /** A later reminder already planned (催付: the last one before the order closes). */
  nextReminderAt?: number;
  /** How quiet hours moved the times; 'kept_in_quiet_hours' deserves a note in the UI. */
  adjustments: ReminderAdjustment[];
}

export type ReviewGoal = 'review_revised' | 'explained_publicly';

/** Tmall reviews cannot be changed: the follow-up aims at a public explanation instead. */
export function reviewGoal(site: string, rules: FollowUpRules): ReviewGoal {
  return platformRule(site, rules).reviewRevisable ? 'review_revised' : 'explained_publicly';
}

/** Two reminders closer than this are one reminder. */
const MIN_REMINDER_GAP_MS = 10 * MS.MINUTE;

function anchorAndWindow(kind: FollowUpKind, ctx: ScheduleContext, rules: FollowUpRules): { anchor: number; dueAfter: number; deadlineAfter: number } {
  const p = platformRule(ctx.site, rules);
  switch (kind) {
    case 'payment_reminder':
      return { anchor: ctx.orderCreatedAt ?? ctx.createdAt, dueAfter: rules.payment.firstReminderAfterMs, deadlineAfter: p.unpaidCloseMs };
    case 'review_recovery':
      return { anchor: ctx.reviewAt ?? ctx.createdAt, dueAfter: rules.reviewFirstContactAfterMs, deadlineAfter: p.reviewWindowMs };
    case 'aftersale_revisit':
      return { anchor: ctx.deliveredAt ?? ctx.createdAt, dueAfter: rules.aftersale.dueAfterMs, deadlineAfter: rules.aftersale.deadlineAfterMs };
    case 'complaint_revisit':
      return { anchor: ctx.createdAt, dueAfter: rules.complaint.dueAfterMs, deadlineAfter: rules.complaint.deadlineAfterMs };
    case 'new_customer_revisit':
      return { anchor: ctx.orderCreatedAt ?? ctx.createdAt, dueAfter: rules.newCustomer.dueAfterMs, deadlineAfter: rules.newCustomer.deadlineAfterMs };
  }
}

/**
 * Due time, deadline and (催付) the next planned reminder for a new follow-up.
 * A due time already in the past when the item is logged becomes `now`: the
 * item did not exist, so it is "due now", not "overdue". If the deadline is
 * already past, dueAt is still <= deadlineAt and the caller decides (the
 * store refuses to log it).
 */
export function computeSchedule(kind: FollowUpKind, ctx: ScheduleContext, rules: FollowUpRules, now: number): Schedule {
  const { anchor, dueAfter, deadlineAfter } = anchorAndWindow(kind, ctx, rules);
  const deadlineAt = anchor + deadlineAfter;
  const adjustments: ReminderAdjustment[] = [];
  const wanted = Math.min(Math.max(anchor + dueAfter, now), deadlineAt);
  const due = placeReminder(wanted, rules, { deadlineAt, notBefore: Math.min(now, wanted) });
  adjustments.push(due.adjustment);
  const schedule: Schedule = { dueAt: Math.min(due.at, deadlineAt), deadlineAt, adjustments };

  if (kind === 'payment_reminder') {
    const last = deadlineAt - rules.payment.lastReminderBeforeCloseMs;
    if (last > schedule.dueAt + MIN_REMINDER_GAP_MS) {
      const placed = placeReminder(last, rules, { deadlineAt, notBefore: schedule.dueAt + MIN_REMINDER_GAP_MS });
      if (placed.at > schedule.dueAt && placed.at <= deadlineAt) {
        schedule.nextReminderAt = placed.at;
        adjustments.push(placed.adjustment);
      }
    }
  }
  return schedule;
}

/**
 * The next due time after the rep made an attempt without closing the item.
 * 催付: the last reminder before the close if it is still ahead, else the
 * close itself (the rep records paid / not paid). Others: retry a day later.
 * Never after the deadline.
 */
export function scheduleAfterAttempt(
  row: Pick<FollowUp, 'kind' | 'site' | 'deadlineAt'>,
  now: number,
  rules: FollowUpRules,
): { dueAt: number; adjustment: ReminderAdjustment } {
  const limits = { deadlineAt: row.deadlineAt, notBefore: now };
  if (row.kind === 'payment_reminder') {
    const last = row.deadlineAt - rules.payment.lastReminderBeforeCloseMs;
    if (last > now + MIN_REMINDER_GAP_MS) {
      const placed = placeReminder(last, rules, limits);
      return { dueAt: Math.min(placed.at, row.deadlineAt), adjustment: placed.adjustment };
    }
    return { dueAt: row.deadlineAt, adjustment: 'none' };
  }
  const wanted = Math.min(now + rules.retryAfterMs, row.deadlineAt);
  const placed = placeReminder(Math.max(wanted, now), rules, limits);
  return { dueAt: Math.min(placed.at, row.deadlineAt), adjustment: placed.adjustment };
}
