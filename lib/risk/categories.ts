/**
 * The risky-wording categories (mirrors shared/risk-categories.json): id,
 * severity and names, plus the default message a finding shows.
 * 'block' stops the send until fixed or overridden, 'warn' highlights with a
 * suggested rewrite, 'tip' is a gentle style hint.
 */
import type { RiskSeverity } from '../types';

export interface RiskCategory {
  id: RiskCategoryId;
  severity: RiskSeverity;
  zh: string;
  en: string;
  /** Default explanation shown on a finding of this category. */
  message: { zh: string; en: string };
}

export type RiskCategoryId =
  | 'offsite_contact'
  | 'offsite_payment'
  | 'review_manipulation'
  | 'abuse'
  | 'blame_shift'
  | 'rude_tone'
  | 'flat_refusal'
  | 'absolute_claim'
  | 'unauthorized_promise'
  | 'privacy'
  | 'politeness';

export const RISK_CATEGORIES: readonly RiskCategory[] = [
  {
    id: 'offsite_contact',
    severity: 'block',
    zh: '引导站外联系',
    en: 'Steering the buyer to contact off-platform (WeChat, QQ, phone, other apps)',
    message: {
      zh: '平台禁止引导买家到站外联系（微信、QQ、电话等），请在平台内沟通。',
      en: 'Platforms forbid moving the buyer to WeChat, QQ, phone or other apps; keep the conversation here.',
    },
  },
  {
    id: 'offsite_payment',
    severity: 'block',
    zh: '引导站外/私下交易',
    en: 'Steering payment or the deal off-platform',
    message: {
      zh: '私下转账或绕过平台交易违反平台规则，买家也失去保障，请引导在平台下单付款。',
      en: 'Private transfers or deals outside the platform break its rules and leave the buyer unprotected; keep payment on the platform.',
    },
  },
  {
    id: 'review_manipulation',
    severity: 'block',
    zh: '好评返现/以利益换评价',
    en: 'Paying or rewarding for reviews, or for removing a bad review',
    message: {
      zh: '以返现、红包、补偿等换取好评或删改差评属于平台红线，请改为真诚邀请评价或先解决问题。',
      en: 'Offering money, gifts or compensation for a good review or for removing a bad one is a platform red line.',
    },
  },
  {
    id: 'abuse',
    severity: 'block',
    zh: '辱骂/人身攻击',
    en: 'Insults and abuse',
    message: {
      zh: '辱骂或攻击买家会被投诉并处罚，请冷静后换一种说法。',
      en: 'Insulting the buyer leads to complaints and penalties; take a breath and rephrase.',
    },
  },
  {
    id: 'blame_shift',
    severity: 'warn',
    zh: '推卸责任',
    en: 'Shifting blame away from the shop',
    message: {
      zh: '推卸责任会让买家更生气，请先承担、再说明会怎样帮他跟进。',
      en: 'Shifting blame makes the buyer angrier; take ownership and say how you will follow up.',
    },
  },
  {
    id: 'rude_tone',
    severity: 'warn',
    zh: '生硬/命令/反问/责备客户',
    en: 'Commanding, rhetorical or reproaching tone',
    message: {
      zh: '命令、反问或责备的语气容易激化矛盾，请用“建议您…”“麻烦您…”的说法。',
      en: 'Commands, rhetorical questions and reproach escalate conflict; suggest and ask politely instead.',
    },
  },
  {
    id: 'flat_refusal',
    severity: 'warn',
    zh: '生硬拒绝',
    en: 'Flat refusal with no alternative offered',
    message: {
      zh: '直接拒绝会让买家失望，请告诉买家“我们可以为您做什么”。',
      en: 'A bare refusal disappoints; tell the buyer what you can do instead.',
    },
  },
  {
    id: 'absolute_claim',
    severity: 'warn',
    zh: '极限词/绝对化用语（广告法）',
    en: 'Superlatives and absolute claims banned by advertising law',
    message: {
      zh: '“最”“第一”“绝对”等极限词违反广告法，请改为客观描述。',
      en: 'Superlatives and absolute words break advertising law; describe the product factually.',
    },
  },
  {
    id: 'unauthorized_promise',
    severity: 'warn',
    zh: '越权承诺',
    en: 'Promising compensation, discounts or outcomes beyond authority',
    message: {
      zh: '私自承诺优惠、赔偿或无法控制的结果属于越权，请按流程申请或如实说明预计情况。',
      en: 'Promising private discounts, compensation or outcomes you cannot control oversteps your authority; follow the process or give an honest estimate.',
    },
  },
  {
    id: 'privacy',
    severity: 'warn',
    zh: '泄露个人信息',
    en: 'Sending personal data: phone numbers, ID numbers, full addresses of a person',
    message: {
      zh: '消息里含有手机号、身份证号、银行卡号或详细地址等个人信息，请打码或删除。',
      en: 'The message contains personal data (phone, ID, bank card or full address); mask or remove it.',
    },
  },
  {
    id: 'politeness',
    severity: 'tip',
    zh: '三要：请、您、再见',
    en: 'Style hints: use 请 and 您, close warmly',
    message: {
      zh: '小建议：多用“请”“您”，语气更亲切。',
      en: 'Tip: use 请 and 您 for a warmer tone.',
    },
  },
];

const BY_ID = new Map(RISK_CATEGORIES.map((c) => [c.id, c]));

export function riskCategory(id: string): RiskCategory | undefined {
  return BY_ID.get(id as RiskCategoryId);
}

const SEVERITY_RANK: Record<RiskSeverity, number> = { tip: 0, warn: 1, block: 2 };
export function severityRank(severity: RiskSeverity): number {
  return SEVERITY_RANK[severity];
}
