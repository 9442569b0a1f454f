/**
 * What the matcher knows about each intent: its stage (from shared/intents.json) and a prior.
 * Seller-initiated intents are replies the rep starts; a buyer message rarely asks for them, so
 * they only win when nothing a buyer would ask matches better. Greetings and thanks are weak:
 * they lose ties against a real question in the same message.
 */
export type Stage = 'presale' | 'insale' | 'aftersale';

export const INTENT_INFO: Record<string, { stage: Stage | 'any' | 'seller'; zh: string }> = {
  greeting: { stage: 'presale', zh: '问候' },
  product_info: { stage: 'presale', zh: '商品咨询' },
  size_advice: { stage: 'presale', zh: '尺码推荐' },
  stock: { stage: 'presale', zh: '库存' },
  bargain: { stage: 'presale', zh: '议价' },
  promotion: { stage: 'presale', zh: '优惠活动' },
  authenticity: { stage: 'presale', zh: '正品' },
  shipping_time: { stage: 'presale', zh: '发货时间' },
  courier_fee: { stage: 'presale', zh: '快递运费' },
  payment_help: { stage: 'insale', zh: '付款' },
  order_change: { stage: 'insale', zh: '修改订单' },
  invoice: { stage: 'insale', zh: '发票' },
  logistics_track: { stage: 'insale', zh: '物流查询' },
  logistics_problem: { stage: 'aftersale', zh: '物流异常' },
  return_refund: { stage: 'aftersale', zh: '退货退款' },
  exchange: { stage: 'aftersale', zh: '换货' },
  quality_issue: { stage: 'aftersale', zh: '质量问题' },
  wrong_item: { stage: 'aftersale', zh: '发错漏发' },
  usage_help: { stage: 'aftersale', zh: '使用指导' },
  warranty: { stage: 'aftersale', zh: '保修' },
  complaint: { stage: 'aftersale', zh: '投诉' },
  review: { stage: 'aftersale', zh: '评价' },
  thanks_bye: { stage: 'any', zh: '感谢结束' },
  wait_hold: { stage: 'seller', zh: '请稍等' },
  transfer: { stage: 'seller', zh: '转接' },
  payment_reminder: { stage: 'seller', zh: '催付' },
  review_recovery: { stage: 'seller', zh: '中差评回访' },
  revisit: { stage: 'seller', zh: '回访' },
  holiday: { stage: 'seller', zh: '节日问候' },
};

/** Intents that only greet or close; demoted when the same message asks something real. */
export const SMALL_TALK = new Set(['greeting', 'thanks_bye']);

export function intentPrior(intent: string): number {
  const info = INTENT_INFO[intent];
  if (!info) return 0.9; // a custom intent from an import
  if (info.stage === 'seller') return 0.72;
  if (SMALL_TALK.has(intent)) return 0.9;
  return 1;
}

export function stageFactor(intent: string, stage: Stage | undefined): number {
  if (!stage) return 1;
  const info = INTENT_INFO[intent];
  return info && info.stage === stage ? 1.12 : 1;
}

export function intentLabel(intent: string): string {
  return INTENT_INFO[intent]?.zh ?? intent;
}
