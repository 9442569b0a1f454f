import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../lib/suggest/canonical.ts';
import { IntentClassifier } from '../../lib/suggest/intent-classifier.ts';
import { createMatcher } from '../../lib/suggest/matcher.ts';
import type { ReplyScript } from '../../lib/types.ts';

const library = JSON.parse(readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8')) as ReplyScript[];

function script(id: string, intent: string, triggers: string[], title = `标题${id}`): ReplyScript {
  return { id, group: '咨询回复', intent, title, text: `回复${id}`, triggers, updatedAt: 0 };
}

/** True when every suggestion came from the classifier alone (no phrase or question shape). */
function bySimilarityOnly(suggestions: ReturnType<ReturnType<typeof createMatcher>['suggest']>): boolean {
  return (
    suggestions.length > 0 &&
    suggestions.every((s) => s.explain!.some((l) => l.includes('句式（相似）')) && !s.explain!.some((l) => l.includes('」命中') || l.includes('」部分命中')))
  );
}

const PROBES = ['邮递员一直没来', '发票抬头写错了', '这个退', '颜色不喜欢能换别的吗', '你好在吗', '质量太差了'];

describe('intent classifier', () => {
  it('counts character unigrams and bigrams', () => {
    const c = new IntentClassifier();
    c.addPhrase('return_refund', '退款退');
    expect(c.snapshot()).toEqual({ return_refund: { 退: 2, 退款: 1, 款: 1, 款退: 1 } });
  });

  it('after adds and removes equals a model built from the final phrases', () => {
    const incremental = new IntentClassifier();
    const phrases: Array<[string, string]> = [
      ['invoice', '开发票'],
      ['invoice', '电子发票'],
      ['return_refund', '退款'],
      ['return_refund', '申请退货'],
      ['exchange', '换个颜色'],
      ['courier_fee', '包邮吗'],
    ];
    for (const [intent, p] of phrases) incremental.addPhrase(intent, p);
    const before = incremental.similarities('退货');
    // A new intent, a phrase removed, one intent emptied entirely.
    incremental.addPhrase('warranty', '保修多久');
    incremental.removePhrase('return_refund', '申请退货');
    incremental.removePhrase('courier_fee', '包邮吗');
    incremental.addPhrase('return_refund', '退货退款');

    const rebuilt = new IntentClassifier();
    for (const [intent, p] of [
      ['invoice', '开发票'],
      ['invoice', '电子发票'],
      ['return_refund', '退款'],
      ['exchange', '换个颜色'],
      ['warranty', '保修多久'],
      ['return_refund', '退货退款'],
    ] as Array<[string, string]>) {
      rebuilt.addPhrase(intent, p);
    }
    expect(incremental.snapshot()).toEqual(rebuilt.snapshot());
    expect(incremental.intents).toBe(4);
    for (const text of ['发票', '退货', '保修', '换颜色', '包邮']) {
      const a = incremental.similarities(text);
      const b = rebuilt.similarities(text);
      expect(a.map((s) => s.intent)).toEqual(b.map((s) => s.intent));
      a.forEach((s, i) => expect(s.similarity).toBeCloseTo(b[i]!.similarity, 12));
    }
    // The model did change: 退货 now has a phrase of its own in return_refund.
    expect(incremental.similarities('退货')[0]!.similarity).not.toBeCloseTo(before[0]!.similarity, 6);
  });

  it('in the matcher: upserts and removals leave the same classifier as a fresh build', () => {
    const base = library.slice(0, 120);
    const edited = createMatcher(base);
    const extra = script('x-1', 'invoice', ['开个收据', '报销凭证'], '收据报销');
    edited.upsert(extra);
    edited.upsert({ ...base[5]!, intent: 'warranty', triggers: ['保修卡丢了'] });
    edited.remove(base[10]!.id);
    edited.remove(base[11]!.id);
    const final = [...base.filter((s, i) => i !== 5 && i !== 10 && i !== 11), { ...base[5]!, intent: 'warranty', triggers: ['保修卡丢了'] }, extra];
    const fresh = createMatcher(final);
    for (const text of [...PROBES, '收据能给一张吗', '单位报销要凭证']) {
      const a = edited.suggest(text, { top: 5 });
      const b = fresh.suggest(text, { top: 5 });
      expect(a.map((s) => [s.intent, s.score])).toEqual(b.map((s) => [s.intent, s.score]));
    }
  });

  it('ranks the right intent first from the library alone', () => {
    const c = new IntentClassifier();
    for (const s of library) for (const t of s.triggers) c.addPhrase(s.intent, canonicalText(t));
    expect(c.similarities(canonicalText('退'))[0]!.intent).toBe('return_refund');
    expect(c.similarities(canonicalText('发票抬头'))[0]!.intent).toBe('invoice');
    expect(c.similarities(canonicalText('保修期'))[0]!.intent).toBe('warranty');
  });
});

describe('classifier fallback in the matcher', () => {
  const m = createMatcher(library);

  it('suggests an intent when no trigger phrase matches', () => {
    const cases: Array<[string, string]> = [
      ['东西我还没看见 邮递员也没来电话', 'logistics_problem'],
      ['退', 'return_refund'],
      ['换', 'exchange'],
    ];
    for (const [text, intent] of cases) {
      const got = m.suggest(text, { top: 3, explain: true });
      expect(bySimilarityOnly(got), text).toBe(true);
      expect(got[0]!.intent, text).toBe(intent);
    }
  });

  it('suggests an intent in a small custom library with no phrase in the message', () => {
    const small = createMatcher([
      script('inv', 'invoice', ['开发票', '电子发票', '增值税专票'], '开票说明'),
      script('ref', 'return_refund', ['退款', '申请退货', '七天无理由'], '退款流程'),
      script('fee', 'courier_fee', ['包邮吗', '运费多少', '发顺丰'], '运费说明'),
    ]);
    const cases: Array<[string, string]> = [
      ['票能开吗', 'invoice'],
      ['退了钱什么时候回来', 'return_refund'],
      ['运过来多少钱', 'courier_fee'],
    ];
    for (const [text, intent] of cases) {
      const got = small.suggest(text, { top: 3, explain: true });
      expect(bySimilarityOnly(got), text).toBe(true);
      expect(got[0]!.intent, text).toBe(intent);
    }
  });

  it('still answers a greeting or thanks with greeting or thanks', () => {
    for (const text of ['你好', '在吗', '在吗在吗😭', 'hello']) expect(m.suggest(text, { top: 3 })[0]!.intent, text).toBe('greeting');
    for (const text of ['谢谢', '好的谢谢', '唔該晒', 'thx']) expect(m.suggest(text, { top: 3 })[0]!.intent, text).toBe('thanks_bye');
  });

  it('returns nothing for noise', () => {
    for (const text of ['😀😀😀', '。。。', '？？', 'asdf', '1234', '   ', '~~~']) expect(m.suggest(text, { top: 3 }), text).toEqual([]);
  });

  it('never offers a seller-side reply by similarity', () => {
    const got = m.suggest('东西我还没看见 邮递员也没来电话', { top: 5 });
    for (const s of got) expect(['wait_hold', 'transfer', 'payment_reminder', 'review_recovery', 'revisit', 'holiday']).not.toContain(s.intent);
  });
});
