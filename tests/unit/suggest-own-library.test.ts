/**
 * Suggestions from a rep's own library, whose scripts carry no trigger
 * phrases (a 千牛 import): Huashu's knowledge of how buyers ask maps the
 * message to an intent, and the rep's scripts of that intent are ranked by how
 * well their text fits, then by the rep's file order — never by random ids.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/suggest/matcher';
import { buyerKnowledgeOf } from '../../lib/suggest/buyer-knowledge';
import { defaultBuyerKnowledge } from '../../lib/suggest/default-knowledge';
import type { ReplyScript } from '../../lib/types';

const defaults = JSON.parse(readFileSync('assets/library/default-library.json', 'utf8')) as ReplyScript[];
const knowledge = defaultBuyerKnowledge();

let n = 0;
const own = (intent: string, text: string, order: number, id = `imp-${(++n).toString(36)}`): ReplyScript => ({
  id,
  intent,
  text,
  title: text.slice(0, 16),
  group: '常用',
  triggers: [],
  source: 'import',
  order,
  intentUnconfirmed: true,
  updatedAt: 0,
});

const mine = [
  own('greeting', '亲亲在的呢～有什么可以帮您的吗？', 2),
  own('courier_fee', '亲，小店默认发韵达快递，需要顺丰的话可以补差价哦～', 3),
  own('product_info', '亲，这款是100%纯棉面料，透气吸汗，不起球', 4, 'imp-zzz'),
  own('product_info', '亲，这款衣长68cm，胸围112cm，宽松版型', 5, 'imp-aaa'),
  own('return_refund', '亲亲，支持7天无理由退换，退回运费由运费险承担', 6),
  own('quality_issue', '亲，给您带来不便非常抱歉，麻烦拍一下问题处的照片，我马上帮您处理', 7),
];

describe("suggestions from the rep's own library", () => {
  it('maps the message to an intent from what buyers say, and the right script comes first', () => {
    const informed = createMatcher(mine, { knowledge });
    expect(informed.suggest('你们一般发什么快递？能发顺丰吗', { top: 3 })[0]?.text).toContain('韵达');
    // Without the knowledge, a buyer's 退 phrasing finds nothing in a library without triggers.
    expect(
      createMatcher(mine)
        .suggest('我不想要了', { top: 3 })
        .find((s) => s.intent === 'return_refund'),
    ).toBeUndefined();
    expect(informed.suggest('我不想要了', { top: 3 }).find((s) => s.intent === 'return_refund')).toBeDefined();
    expect(informed.suggest('我要退货，怎么退', { top: 1 })[0]?.intent).toBe('return_refund');
    expect(informed.suggest('收到的衣服有个破洞', { top: 1 })[0]?.intent).toBe('quality_issue');
  });

  it('ranks scripts of one intent by how well their text fits the message', () => {
    const m = createMatcher(mine, { knowledge });
    expect(m.suggest('这件是什么面料的？纯棉吗', { top: 2 })[0]?.text).toContain('纯棉');
    expect(m.suggest('这件衣长多少，胸围多大', { top: 2 })[0]?.text).toContain('衣长');
  });

  it('breaks ties by the order in the rep file, not by the id', () => {
    const a = own('invoice', '亲，可以开发票的', 9, 'imp-000');
    const b = own('invoice', '亲，发票下单后联系我们', 3, 'imp-fff');
    const m = createMatcher([a, b], { knowledge: buyerKnowledgeOf([{ intent: 'invoice', triggers: ['能开票吗'] }]) });
    expect(m.suggest('能开票吗', { top: 2 }).map((s) => s.id)).toEqual(['imp-fff', 'imp-000']);
  });

  it("on top of the defaults, the rep's script of the matched intent answers first", () => {
    const m = createMatcher([...defaults, ...mine], { knowledge });
    expect(m.suggest('发什么快递呀', { top: 3 })[0]?.text).toContain('韵达');
    expect(m.suggest('支持七天无理由吗', { top: 3 })[0]?.text).toContain('运费险');
  });

  it('hidden default scripts are not suggested; the knowledge they carried stays', () => {
    const hidden = defaults.map((s) => ({ ...s, hidden: true }));
    const m = createMatcher([...hidden, ...mine], { knowledge });
    const out = m.suggest('包邮吗？发什么快递', { top: 5 });
    expect(out.every((s) => (!s.id.startsWith('imp-') ? false : true))).toBe(true);
    expect(out[0]?.text).toContain('韵达');
  });
});
