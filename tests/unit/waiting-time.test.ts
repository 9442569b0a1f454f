import { describe, expect, it } from 'vitest';
import { formatWait, waitingSince, waitLevel } from '../../lib/waiting-time';

describe('waiting timer', () => {
  it('counts from the oldest buyer message after the last seller reply', () => {
    expect(
      waitingSince([
        { from: 'buyer', text: 'a', time: 1 },
        { from: 'seller', text: 'b', time: 2 },
        { from: 'buyer', text: 'c', time: 3 },
        { from: 'system', text: 'd', time: 4 },
        { from: 'buyer', text: 'e', time: 5 },
      ]),
    ).toBe(3);
    expect(
      waitingSince([
        { from: 'buyer', text: 'a', time: 1 },
        { from: 'seller', text: 'b', time: 2 },
      ]),
    ).toBeUndefined();
  });
  it('turns amber then red near the platform target', () => {
    expect(waitLevel(10, 'pinduoduo')).toBe('ok');
    expect(waitLevel(120, 'pinduoduo')).toBe('amber');
    expect(waitLevel(180, 'pinduoduo')).toBe('red');
    expect(waitLevel(31, 'dongdong')).toBe('red');
    expect(waitLevel(31, 'dongdong', { dongdong: 120 })).toBe('ok');
  });
  it('formats in Chinese units', () => {
    expect(formatWait(42)).toBe('42秒');
    expect(formatWait(125)).toBe('2分5秒');
    expect(formatWait(3700)).toBe('1小时1分');
    expect(formatWait(3 * 86400 + 7200)).toBe('3天2小时');
  });
});
