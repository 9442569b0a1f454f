import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/suggest/matcher.ts';
import { canonicalText } from '../../lib/suggest/canonical.ts';
import type { ReplyScript } from '../../lib/types.ts';

const library = JSON.parse(readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8')) as ReplyScript[];
const m = createMatcher(library);
const first = (text: string) => m.suggest(text, { top: 3 })[0]?.intent;
const top3 = (text: string) => m.suggest(text, { top: 3 }).map((s) => s.intent);

function script(id: string, intent: string, triggers: string[]): ReplyScript {
  return { id, group: '咨询回复', intent, title: `标题${id}`, text: `回复${id}`, triggers, updatedAt: 0 };
}

describe('canonical form: typos, dialect and question shapes', () => {
  it('folds homophone typos and dialect', () => {
    expect(canonicalText('在马')).toBe('在吗');
    expect(canonicalText('我要退欵')).toBe('我要退款');
    expect(canonicalText('啥时候出貨')).toBe('什么时候发货');
    expect(canonicalText('收或了')).toBe('收货了');
    expect(canonicalText('咋整')).toBe('怎么办');
  });

  it('reads A-not-A questions as …吗', () => {
    expect(canonicalText('能不能退')).toBe('能退吗');
    expect(canonicalText('有没有赠品啊')).toBe('有赠品吗');
    expect(canonicalText('包不包邮')).toBe('包邮吗');
    expect(canonicalText('可不可以便宜点')).toBe('可以便宜点吗');
  });

  it('drops hearsay so 看评价说 is not a question about reviews', () => {
    expect(canonicalText('我看评价说有点小')).toBe('说有点小');
  });

  it('maps English buyers mix in', () => {
    expect(canonicalText('COD?')).toBe('货到付款');
    expect(canonicalText('tracking number给一下')).toBe('物流单号给一下');
  });
});

describe('matching beyond the literal triggers', () => {
  it('discounts a denied phrase but not a preference (不要发…) or a rhetorical 不是…吗', () => {
    expect(first('不是质量问题 就是不想要了')).toBe('return_refund');
    expect(first('别发中通 能换顺丰吗')).toBe('courier_fee');
    const custom = createMatcher([script('q', 'quality_issue', ['质量问题']), script('r', 'return_refund', ['能退吗'])]);
    expect(custom.suggest('质量问题', { top: 1 })[0]!.score).toBeGreaterThan(custom.suggest('不是质量问题', { top: 1 })[0]!.score);
  });

  it('does not read 有没有X as a report that X is missing', () => {
    expect(first('有没有赠品')).toBe('promotion');
  });

  it('folds 怎么办 into the problem it follows', () => {
    expect(first('鞋底开胶了 怎么办')).toBe('quality_issue');
    expect(first('物流五天没动了，怎么办啊')).toBe('logistics_problem');
  });

  it('uses question shapes when no phrase matches', () => {
    expect(first('我一米七五 一百四十斤')).toBe('size_advice');
    expect(first('杯盖是陶瓷的还是不锈钢的')).toBe('product_info');
    expect(top3('你家比专卖店还贵')).toContain('bargain');
    expect(top3('这个怎么拆下来清洗')).toContain('usage_help');
  });

  it('lets the question at the end of a long story decide', () => {
    const story = '上周给我家老人买的，他眼睛不太好，字太小看不清，我研究了半天也没弄明白，说明书也丢了，请问这个怎么调成大字体？';
    expect(first(story)).toBe('usage_help');
  });
});

describe('index maintenance with shared slots', () => {
  it('reuses a removed script’s slot without leaking its phrases to the next script', () => {
    const custom = createMatcher([script('a', 'invoice', ['发票', '开票']), script('b', 'courier_fee', ['包邮'])]);
    custom.remove('a');
    custom.upsert(script('c', 'stock', ['到货通知']));
    expect(custom.suggest('发票', { top: 3 })).toEqual([]);
    expect(custom.suggest('到货通知', { top: 1 })[0]!.id).toBe('c');
    custom.upsert(script('c', 'stock', ['到货通知', '到货通知', '现货']));
    expect(custom.suggest('现货', { top: 3 }).map((s) => s.id)).toEqual(['c']);
    custom.upsert(script('c', 'stock', ['现货']));
    // The dropped phrase no longer matches; at most the classifier still finds the intent alike.
    const after = custom.suggest('到货通知', { top: 3, explain: true }).filter((s) => s.id === 'c');
    for (const s of after) expect(s.explain!.join('\n')).not.toContain('「到货通知」命中');
    expect(custom.size).toBe(2);
  });

  it('keeps search working over canonical phrases', () => {
    const custom = createMatcher([script('a', 'invoice', ['開發票'])]);
    expect(custom.search('开发票').map((s) => s.id)).toContain('a');
  });
});
