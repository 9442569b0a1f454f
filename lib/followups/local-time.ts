/**
 * Shop-local wall-clock arithmetic with a fixed UTC offset (China has no
 * daylight saving). Everything works on epoch milliseconds, so the result
 * never depends on the machine's time zone.
 */
import { MS } from './config';

export function localMinutesOfDay(t: number, offsetMinutes: number): number {
  const local = t + offsetMinutes * MS.MINUTE;
  return Math.floor((((local % MS.DAY) + MS.DAY) % MS.DAY) / MS.MINUTE);
}

/** Epoch ms of local midnight starting the day that contains t. */
export function startOfLocalDay(t: number, offsetMinutes: number): number {
  const local = t + offsetMinutes * MS.MINUTE;
  const intoDay = ((local % MS.DAY) + MS.DAY) % MS.DAY;
  return t - intoDay;
}

/** Epoch ms of the next occurrence (strictly after t unless `inclusive`) of local HH:MM given as minutes. */
export function nextLocalTime(t: number, minutesOfDay: number, offsetMinutes: number, inclusive = false): number {
  const candidate = startOfLocalDay(t, offsetMinutes) + minutesOfDay * MS.MINUTE;
  if (candidate > t || (inclusive && candidate === t)) return candidate;
  return candidate + MS.DAY;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localParts(t: number, offsetMinutes: number): LocalParts {
  const d = new Date(t + offsetMinutes * MS.MINUTE);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' in shop-local time. */
export function localDate(t: number, offsetMinutes: number): string {
  const p = localParts(t, offsetMinutes);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'HH:MM' in shop-local time. */
export function localClock(t: number, offsetMinutes: number): string {
  const p = localParts(t, offsetMinutes);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'YYYY-MM-DD HH:MM' in shop-local time (CSV, notes). */
export function localDateTime(t: number, offsetMinutes: number): string {
  return `${localDate(t, offsetMinutes)} ${localClock(t, offsetMinutes)}`;
}
