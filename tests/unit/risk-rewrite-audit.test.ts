/**
 * Every rule family's rewrite, applied to one example sentence: the result
 * must not trigger a warn/block any more and must not keep the risky words.
 * The pairs are printed by `npx tsx` on this list when eyeballing naturalness.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/risk/scanner';
import { applyRewrite } from '../../lib/risk/rewrite';
import { BUILT_IN_RULES } from '../../lib/risk/lexicon';

/** [ruleId, example draft, risky words that must be gone]. */
export const REWRITE_EXAMPLES: Array<[string, string, string]> = [
  ['contact.wechat', '亲，有事微信上说', '微信'],
  ['contact.weixin_prestige', '有事威信找我', '威信'],
  ['contact.add_wei_alias', '有事找我绿泡泡', '绿泡泡'],
  ['contact.koukou', '我的扣扣号发你', '扣扣'],
  ['contact.swap_numbers', '留个联系方式吧', '联系方式'],
  ['contact.private_message_number', '私信我要你手机号', '私信'],
  ['contact.i_add_you', '那我加你吧', '加你'],
  ['payment.other_platform', '去淘宝搜我们店名', '淘宝'],
  ['payment.other_shop', '去我另一家店拍', '另一家店'],
  ['abuse.mother', '你妈的', '你妈'],
  ['abuse.sha_star', '你个傻*', '傻'],
  ['abuse.gun', '滚', '滚'],
  ['contact.wechat_alias', '有事vx联系', 'vx'],
  ['contact.add_v', '加个v吧', '加个v'],
  ['contact.add_wei', '加我微，发图给你', '加我微'],
  ['contact.qq', '我qq是123456', 'qq'],
  ['contact.phone_call', '有问题打我电话', '打我电话'],
  ['contact.other_apps', '进我们的福利群吧', '福利群'],
  ['contact.other_apps_latin', 'add my whatsapp for a faster reply', 'whatsapp'],
  ['payment.transfer_to_me', '直接转我支付宝就行', '支付宝'],
  ['payment.private_deal', '不走平台可以便宜', '不走平台'],
  ['payment.english', 'send the money to my paypal, cheaper', 'paypal'],
  ['review.reward_for_review', '五星好评返5元', '返5元'],
  ['review.reward_for_review', '删了差评给您退10块', '差评'],
  ['abuse.insult', '你有病吧', '有病'],
  ['abuse.buy_or_leave', '爱买不买', '爱买不买'],
  ['blame.not_my_fault', '这不是我的责任', '不是我的责任'],
  ['blame.courier', '你去找快递吧', '找快递'],
  ['blame.elsewhere', '我们只负责发货', '只负责发货'],
  ['blame.buyer_fault', '是你自己拍错了', '自己拍错'],
  ['blame.manual', '你自己不会看说明书吗', '说明书'],
  ['rude.must', '您必须先拍照', '必须'],
  ['rude.rhetorical', '详情页不是写了吗', '不是写了'],
  ['rude.impatient', '你急什么', '急什么'],
  ['rude.dismissive', '随便你吧', '随便'],
  ['rude.hurry_decide', '你到底买不买', '到底'],
  ['rude.look_yourself', '自己查物流去', '自己查'],
  ['rude.hurry_buyer', '赶紧确认收货', '赶紧'],
  ['rude.still_asking', '说了你还问', '还问'],
  ['refusal.no_service', '我们没有这项服务', '没有这项服务'],
  ['refusal.cannot', '这个退不了', '退不了'],
  ['refusal.no', '不行', '不行'],
  ['claim.lowest_price', '全网最低价', '最低'],
  ['claim.best', '这款面料最舒服的', '最舒服'],
  ['claim.number_one', '我们是行业第一', '第一'],
  ['claim.unique', '这个设计独一无二', '独一无二'],
  ['claim.grade', '顶级面料', '顶级'],
  ['claim.efficacy', '保证永不褪色', '永不'],
  ['claim.percent', '保证百分百正品', '百分百'],
  ['claim.absolutely', '效果绝对好', '绝对'],
  ['promise.private_discount', '我私下再给您便宜20', '私下'],
  ['promise.compensation', '质量问题赔你双倍', '双倍'],
  ['promise.delivery', '保证明天一定到', '保证'],
  ['promise.quality', '这款保证不掉色', '保证'],
  ['promise.result', '一定给您退款', '一定'],
  ['promise.refund_if', '无效就退款', '无效就退款'],
  ['privacy.phone', '买家电话13911112222', '13911112222'],
  ['privacy.phone_read_back', '收件电话13800138000对吗', '13800138000'],
  ['privacy.address', '他住在上海市浦东新区世纪大道100号', '世纪大道100号'],
  ['privacy.id_number', '他的身份证号是110101199003071234', '110101199003071234'],
];

const serious = (t: string) => scanText(t).filter((f) => f.severity !== 'tip');

describe('every rule family has a rewrite that fits', () => {
  it.each(REWRITE_EXAMPLES)('%s: %s', (ruleId, draft, risky) => {
    const f = scanText(draft).find((x) => x.ruleId === ruleId);
    expect(f, `${ruleId} should fire on ${draft}`).toBeDefined();
    expect(f!.rewrite, ruleId).toBeDefined();
    const fixed = applyRewrite(draft, f!);
    expect(fixed).not.toContain(risky);
    expect(
      serious(fixed).filter((x) => x.start < fixed.length && (x.category === f!.category || x.severity === 'block')),
      `${draft} → ${fixed}`,
    ).toEqual([]);
  });
  it('covers every built-in rule with a rewrite', () => {
    const covered = new Set(REWRITE_EXAMPLES.map(([id]) => id));
    const missing = BUILT_IN_RULES.filter((r) => r.rewrite !== undefined || r.rewriteFor)
      .filter((r) => r.category !== 'politeness' && !covered.has(r.id))
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
