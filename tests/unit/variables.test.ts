import { describe, expect, it } from 'vitest';
import { fillVariables, findVariables } from '../../lib/variables/fill.ts';

describe('findVariables', () => {
  it('lists canonical names once, in order, accepting aliases and full-width braces', () => {
    expect(findVariables('{买家}您好，订单{订单号}的{商品}，{buyer}，｛店铺｝{cursor}')).toEqual(['买家', '订单号', '商品', '店铺', 'cursor']);
  });
  it('ignores unknown braces and plain text', () => {
    expect(findVariables('{abc} 价格 {} {{ 没有变量')).toEqual([]);
  });
});

describe('fillVariables', () => {
  it('fills known variables and reports the cursor offset in the filled text', () => {
    const r = fillVariables('{买家}您好，您的{商品}预计{cursor}天到。', { 买家: '小王', 商品: '保温杯' });
    expect(r.text).toBe('小王您好，您的保温杯预计天到。');
    expect(r.cursor).toBe('小王您好，您的保温杯预计'.length);
    expect(r.missing).toEqual([]);
  });
  it('accepts English keys and English placeholders', () => {
    const r = fillVariables('{buyer}，{shop}的{agent}为您服务，订单{order}，{item}', { buyer: 'A', 店铺: '花店', agent: '小美', order: '123', item: '花' });
    expect(r.text).toBe('A，花店的小美为您服务，订单123，花');
  });
  it('keeps missing variables in place and lists them (empty values count as missing)', () => {
    const r = fillVariables('{买家}您好，订单{订单号}已发出，{买家}请留意', { 买家: '  ', 订单号: undefined });
    expect(r.text).toBe('{买家}您好，订单{订单号}已发出，{买家}请留意');
    expect(r.missing).toEqual(['买家', '订单号']);
    expect(r.cursor).toBeUndefined();
  });
  it('leaves unknown braces alone and removes every {cursor}, reporting the first', () => {
    const r = fillVariables('A{abc}B{cursor}C{cursor}D', {});
    expect(r.text).toBe('A{abc}BCD');
    expect(r.cursor).toBe(7);
  });
  it('does not re-expand braces that appear inside a value', () => {
    const r = fillVariables('{买家}：{商品}', { 买家: '{商品}', 商品: '杯子' });
    expect(r.text).toBe('{商品}：杯子');
  });
  it('fills every default-library script without leaving known variables when all values are given', async () => {
    const { readFileSync } = await import('node:fs');
    const lib = JSON.parse(readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8')) as Array<{ text: string }>;
    const values = { 买家: '小王', 订单号: '1001', 商品: '杯子', 客服: '小美', 店铺: '花店' };
    for (const s of lib) {
      const r = fillVariables(s.text, values);
      expect(r.missing).toEqual([]);
      expect(findVariables(r.text)).toEqual([]);
      expect(r.text).not.toMatch(/[{}｛｝]/);
    }
  });
});
