/**
 * Families reported by a new user: commanding urgency, a rep reading back the
 * buyer's own details, spans that cut numbers or place names, and rewrites
 * that must fit the sentence they replace.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/risk/scanner';

const serious = (t: string) => scanText(t).filter((f) => f.severity !== 'tip');

describe('spans end on token boundaries', () => {
  it('never cuts a number', () => {
    for (const t of ['V我50', 'v我 5 0块', '直接v我520']) {
      const pay = serious(t).find((f) => f.category === 'offsite_payment');
      expect(pay, t).toBeDefined();
      expect(/[0-9]$/.test(pay!.match) && /^[0-9]/.test(t.slice(pay!.end)), `${t} → ${pay!.match}`).toBe(false);
    }
    expect(serious('V我50').find((f) => f.category === 'offsite_payment')!.match).toBe('V我50');
  });
});

describe("reading the buyer's own details back", () => {
  it('is privacy (masked), never off-platform contact', () => {
    for (const t of [
      '您的地址是北京市朝阳区xx路1号，电话13800138000对吗',
      '收件电话13800138000，麻烦核对一下',
      '您留的手机13912345678是吗',
      '您的联系电话13800138000',
    ]) {
      const cats = serious(t).map((f) => f.category);
      expect(cats, t).not.toContain('offsite_contact');
      const phone = serious(t).find((f) => /^1[3-9][0-9]{9}$/.test(f.match));
      expect(phone?.category, t).toBe('privacy');
      expect(phone?.rewrite, t).toMatch(/^1[3-9][0-9]\*{4}[0-9]{4}$/);
    }
  });
  it("the rep's own number stays off-platform contact", () => {
    for (const t of ['有问题打我电话13800138000', '我的手机13800138000对吗', '联系13800138000'])
      expect(
        serious(t).map((f) => f.category),
        t,
      ).toContain('offsite_contact');
  });
  it('an address span covers the whole province/city name and its rewrite keeps only the district', () => {
    const f = serious('您的地址是北京市朝阳区xx路1号，电话13800138000对吗').find((x) => x.ruleId === 'privacy.address')!;
    expect(f.match).toBe('北京市朝阳区xx路1号');
    expect(f.rewrite).toBe('北京市朝阳区***');
    expect(serious('地址是浙江省杭州市西湖区文三路8号').find((x) => x.ruleId === 'privacy.address')!.match).toBe('浙江省杭州市西湖区文三路8号');
    expect(serious('地址是杭州市西湖区文三路8号').find((x) => x.ruleId === 'privacy.address')!.match).toBe('杭州市西湖区文三路8号');
  });
});

describe('commanding urgency toward the buyer', () => {
  it('is rude_tone (warn) with a polite rewrite', async () => {
    const { applyRewrite } = await import('../../lib/risk/rewrite');
    const cases: Array<[string, string]> = [
      ['赶紧确认收货', '麻烦您方便时确认收货'],
      ['快点付款', '麻烦您方便时付款'],
      ['马上给我确认', '麻烦您方便时确认'],
      ['赶快把单号发过来', '麻烦您方便时把单号发过来'],
      ['亲，立刻寄回来', '亲，麻烦您方便时寄回来'],
    ];
    for (const [t, fixed] of cases) {
      const f = serious(t).find((x) => x.category === 'rude_tone');
      expect(f?.severity, t).toBe('warn');
      expect(applyRewrite(t, f!)).toBe(fixed);
      expect(serious(fixed), fixed).toEqual([]);
    }
  });
  it('the shop hurrying itself, or a softened request, is fine', () => {
    for (const t of [
      '我们会赶紧为您处理',
      '马上为您发货',
      '我马上确认一下',
      '麻烦您尽快确认收货',
      '我这边马上处理',
      '您确认收货后我们马上退款',
      '马上回复您',
      '仓库马上给您补发',
      '稍等，马上确认一下',
      '收到后马上拍照留个证据',
      '拍下后立即付款即可',
    ])
      expect(serious(t), t).toEqual([]);
  });
  it('a purchase nudge (赶紧下单吧) is a tip at most', () => {
    const f = scanText('赶紧下单吧，活动快结束了');
    expect(f.map((x) => x.severity)).toEqual(['tip']);
  });
});
