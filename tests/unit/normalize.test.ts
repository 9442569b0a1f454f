import { describe, expect, it } from 'vitest';
import { fold, normalize, originalRange } from '../../lib/text/normalize';

describe('normalize', () => {
  it('folds Traditional to Simplified', () => {
    expect(fold('適合敏感肌嗎')).toBe('适合敏感肌吗');
    expect(fold('這不是我的責任')).toBe('这不是我的责任');
  });
  it('keeps Simplified characters that OpenCC would change on their own', () => {
    expect(fold('在么')).toBe('在么');
    expect(fold('什麼')).toBe('什么');
  });
  it('folds full-width and case', () => {
    expect(fold('ＶＸ１２３')).toBe('vx123');
    expect(fold('ABC')).toBe('abc');
  });
  it('drops noise between characters and keeps offsets into the original', () => {
    const input = '加 我 微.信😀好吗';
    const norm = normalize(input, { dropNoise: true });
    expect(norm.text).toBe('加我微信好吗');
    const at = norm.text.indexOf('微信');
    const [s, e] = originalRange(norm, at, at + 2);
    expect(input.slice(s, e)).toBe('微.信');
  });
  it('maps full-width and traditional characters back to the typed ones', () => {
    const input = '加我薇信：ＡＢＣ';
    const norm = normalize(input, { dropNoise: true });
    expect(norm.text).toBe('加我薇信abc');
    const [s, e] = originalRange(norm, 4, 7);
    expect(input.slice(s, e)).toBe('ＡＢＣ');
  });
  it('collapses repeats but not digits', () => {
    expect(fold('在吗吗吗 哈哈哈 13800138000', { dropNoise: true, collapseRepeats: true })).toBe('在吗哈13800138000');
  });
  it('drops chosen characters', () => {
    expect(fold('亲在吗', { dropChars: new Set(['亲']) })).toBe('在吗');
  });
  it('handles empty and emoji-only input', () => {
    expect(normalize('', { dropNoise: true }).text).toBe('');
    expect(normalize('😀😀', { dropNoise: true }).text).toBe('');
  });
});
