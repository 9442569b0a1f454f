/** The snooze choices the popup offers, as times; they respect quiet hours. */
import { MS, type FollowUpRules } from './config';
import { startOfLocalDay } from './local-time';
import { shiftOutOfQuietHours } from './quiet-hours';

export type SnoozePreset = '1h' | '3h' | 'tomorrow_9';

export function snoozeUntil(preset: SnoozePreset, now: number, rules: FollowUpRules): number {
  switch (preset) {
    case '1h':
      return shiftOutOfQuietHours(now + MS.HOUR, rules);
    case '3h':
      return shiftOutOfQuietHours(now + 3 * MS.HOUR, rules);
    case 'tomorrow_9':
      // 09:00 shop time on the next calendar day (not quiet by default; shifted if the rep's quiet hours say so)
      return shiftOutOfQuietHours(startOfLocalDay(now, rules.utcOffsetMinutes) + MS.DAY + 9 * MS.HOUR, rules);
  }
}
