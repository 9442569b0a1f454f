import { describe, expect, it } from 'vitest';
import { applyAllRewrites } from '../../lib/risk/rewrite-all';
import type { RiskFinding } from '../../lib/types';

const f = (start: number, end: number, rewrite?: string): RiskFinding => ({
  category: 'x',
  severity: 'block',
  start,
  end,
  match: '',
  message: { zh: '', en: '' },
  rewrite,
});

describe('applyAllRewrites', () => {
  it('replaces every finding from left to right', () => {
    expect(applyAllRewrites('加我微信，你必须拍照', [f(0, 4, '在这里留言'), f(5, 8, '麻烦您')])).toBe('在这里留言，麻烦您拍照');
  });
  it('skips findings without a rewrite and overlapping ones', () => {
    expect(applyAllRewrites('abcdef', [f(0, 3, 'X'), f(2, 4, 'Y'), f(4, 5)])).toBe('Xdef');
  });
  it('ignores ranges outside the text', () => {
    expect(applyAllRewrites('abc', [f(2, 10, 'Z')])).toBe('abc');
  });
});
