import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createMatcher } from '../../lib/suggest/matcher';
import { chinaHour, timeOfDayFit } from '../../lib/suggest/time-of-day';
import type { ReplyScript } from '../../lib/types';

const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+08:00`);

describe('time of day', () => {
  it('reads China time and the title hint', () => {
    expect(chinaHour(at('07:30'))).toBe(7);
    expect(timeOfDayFit('夜间开场', at('07:30'))).toBeLessThan(1);
    expect(timeOfDayFit('夜间开场', at('23:30'))).toBeGreaterThanOrEqual(1);
    expect(timeOfDayFit('早间开场', at('07:30'))).toBeGreaterThanOrEqual(1);
    expect(timeOfDayFit('标准开场', at('03:00'))).toBe(1);
  });
  it('a morning greeting ranks above the night one in the morning, and the other way round at night', () => {
    const library = JSON.parse(readFileSync('assets/library/default-library.json', 'utf8')) as ReplyScript[];
    const m = createMatcher(library);
    const order = (now: number) => m.suggest('在吗', { top: 10, now }).map((s) => s.title);
    const morning = order(at('08:00'));
    const night = order(at('22:30'));
    const idx = (list: string[], t: string) => (list.indexOf(t) < 0 ? 99 : list.indexOf(t));
    expect(idx(morning, '早间开场')).toBeLessThan(idx(morning, '夜间开场'));
    expect(idx(night, '夜间开场')).toBeLessThan(idx(night, '早间开场'));
  });
});
