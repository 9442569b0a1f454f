/**
 * Follow-up status over time: which transitions are allowed, what status an
 * item effectively has at a moment, and which popup group it belongs to.
 */
import type { FollowUp, FollowUpStatus } from '../types';
import { DEFAULT_RULES, MS } from './config';
import { startOfLocalDay } from './local-time';

export type TransitionActor = 'rep' | 'system';

const ALLOWED: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  open: ['snoozed', 'done', 'expired'],
  snoozed: ['open', 'done', 'expired'],
  done: ['open'],
  expired: ['open'],
};

/**
 * open→snoozed/done/expired, snoozed→open/done/expired, done→open (reopen).
 * expired→open only when the rep does it (the system never revives an item).
 */
export function canTransition(from: FollowUpStatus, to: FollowUpStatus, by: TransitionActor = 'rep'): boolean {
  if (!ALLOWED[from].includes(to)) return false;
  if (from === 'expired' && by !== 'rep') return false;
  return true;
}

/** The status the item has at `now`: open/snoozed past the deadline are expired; a snooze that ran out is open. */
export function nextStatus(f: Pick<FollowUp, 'status' | 'dueAt' | 'deadlineAt'>, now: number): FollowUpStatus {
  if (f.status === 'done' || f.status === 'expired') return f.status;
  if (now > f.deadlineAt) return 'expired';
  if (f.status === 'snoozed' && now >= f.dueAt) return 'open';
  return f.status;
}

export type DueBucket = 'overdue' | 'due_now' | 'today' | 'upcoming' | 'closed';

/** Items due within this much either side of now are "due now"; earlier ones are overdue. */
export const DUE_NOW_WINDOW_MS = 15 * MS.MINUTE;

export interface BucketBounds {
  /** dueAt < this → overdue */
  dueNowFrom: number;
  /** dueAt <= this → due now */
  dueNowTo: number;
  /** dueAt < this → today (shop-local), else upcoming */
  tomorrowStart: number;
}

/** The dueAt boundaries of the open buckets; the store counts them with index ranges. */
export function bucketBounds(now: number, utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): BucketBounds {
  const dueNowTo = now + DUE_NOW_WINDOW_MS;
  return {
    dueNowFrom: now - DUE_NOW_WINDOW_MS,
    dueNowTo,
    tomorrowStart: Math.max(startOfLocalDay(now, utcOffsetMinutes) + MS.DAY, dueNowTo),
  };
}

export function bucketOfDueAt(dueAt: number, b: BucketBounds): Exclude<DueBucket, 'closed'> {
  if (dueAt < b.dueNowFrom) return 'overdue';
  if (dueAt <= b.dueNowTo) return 'due_now';
  if (dueAt < b.tomorrowStart) return 'today';
  return 'upcoming';
}

/** The popup group of an item; "today" is the shop-local (China) day. */
export function dueBucket(f: Pick<FollowUp, 'status' | 'dueAt' | 'deadlineAt'>, now: number, utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): DueBucket {
  const status = nextStatus(f, now);
  if (status === 'done' || status === 'expired') return 'closed';
  return bucketOfDueAt(f.dueAt, bucketBounds(now, utcOffsetMinutes));
}
