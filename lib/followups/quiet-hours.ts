/**
 * Quiet hours (default 22:00–08:00 shop time): no reminder is due while the
 * buyer is likely asleep. A reminder that falls inside them is moved, never
 * dropped — to the end of quiet hours, or, when that would be after the
 * deadline (an order closing at 03:00), to shortly before they start.
 */
import { MS, parseClock, type FollowUpRules } from './config';
import { localMinutesOfDay, nextLocalTime, startOfLocalDay } from './local-time';

/** A reminder moved back before quiet hours lands this long before they start, so the rep has time to act. */
export const LAST_CALL_BEFORE_QUIET_MS = 30 * MS.MINUTE;

export type ReminderAdjustment =
  | 'none'
  | 'shifted_to_quiet_end'
  | 'moved_before_quiet_start'
  /** Could not be moved without passing the deadline or going into the past: kept, and flagged for the UI. */
  | 'kept_in_quiet_hours';

function quietWindow(rules: FollowUpRules): { start: number; end: number } | undefined {
  if (!rules.quietHours.enabled) return undefined;
  const start = parseClock(rules.quietHours.start);
  const end = parseClock(rules.quietHours.end);
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
}

export function isInQuietHours(t: number, rules: FollowUpRules): boolean {
  const w = quietWindow(rules);
  if (!w) return false;
  const m = localMinutesOfDay(t, rules.utcOffsetMinutes);
  return w.start < w.end ? m >= w.start && m < w.end : m >= w.start || m < w.end;
}

/** t itself when outside quiet hours, else the moment they end. */
export function shiftOutOfQuietHours(t: number, rules: FollowUpRules): number {
  const w = quietWindow(rules);
  if (!w || !isInQuietHours(t, rules)) return t;
  return nextLocalTime(t, w.end, rules.utcOffsetMinutes);
}

/** When the quiet period containing t began (t must be in quiet hours). */
function quietStartBefore(t: number, startMinutes: number, offsetMinutes: number): number {
  const sameDay = startOfLocalDay(t, offsetMinutes) + startMinutes * MS.MINUTE;
  return sameDay <= t ? sameDay : sameDay - MS.DAY;
}

/**
 * Place a reminder wanted at `t`: outside quiet hours it stays; inside, it
 * moves to their end if that is still before `deadlineAt`, else to
 * LAST_CALL_BEFORE_QUIET_MS before they began if that is not before
 * `notBefore` (usually now); otherwise it stays and is flagged.
 */
export function placeReminder(
  t: number,
  rules: FollowUpRules,
  limits: { deadlineAt: number; notBefore: number },
): { at: number; adjustment: ReminderAdjustment } {
  const w = quietWindow(rules);
  if (!w || !isInQuietHours(t, rules)) return { at: t, adjustment: 'none' };
  const forward = shiftOutOfQuietHours(t, rules);
  if (forward <= limits.deadlineAt) return { at: forward, adjustment: 'shifted_to_quiet_end' };
  const back = quietStartBefore(t, w.start, rules.utcOffsetMinutes) - LAST_CALL_BEFORE_QUIET_MS;
  if (back >= limits.notBefore && !isInQuietHours(back, rules)) return { at: back, adjustment: 'moved_before_quiet_start' };
  return { at: t, adjustment: 'kept_in_quiet_hours' };
}
