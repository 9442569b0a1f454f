/** The shape of one lexicon rule (data in lib/risk/rules/*.ts). */
import type { RiskCategoryId } from './categories';
import type { ScanContext } from './scan-context';

export interface Rule {
  /** Stable id, e.g. 'contact.wechat'. */
  id: string;
  category: RiskCategoryId;
  /** Templates in normalised form (Simplified, lower case, no punctuation); see pattern-expand.ts. */
  patterns: string[];
  /** Polite replacement for the matched words (or the whole sentence, see rewriteScope). */
  rewrite?: string;
  rewriteScope?: 'match' | 'sentence';
  /**
   * A rewrite that depends on the words matched (最舒服 → 很舒服, 永不褪色 → 不易褪色),
   * given the final normalised span; overrides `rewrite` when it returns a string.
   */
  rewriteFor?: (ctx: ScanContext, start: number, end: number) => string | undefined;
  /** Words directly before the match that belong to the claim (保证/绝对 in 保证百分百正品): the span and its rewrite take them in. */
  leadIn?: string[];
  message?: { zh: string; en: string };
  /** Skip when one of these directly precedes / follows the match (same clause). */
  notBefore?: string[];
  notAfter?: string[];
  /** Only when the match begins / ends its clause (standalone words such as 滚, 不行). */
  clauseStart?: boolean;
  clauseEnd?: boolean;
  /** Skip when a negation or anti-fraud warning governs the match (请不要加微信). Default by category. */
  negatable?: boolean;
  /** Skip when the message goes on to offer an alternative (不过/建议您/可以为您…). */
  unlessAlternative?: boolean;
  /** Latin patterns may be followed directly by an id (vxabc123). */
  rightOpen?: boolean;
  /** Extra test on the surrounding text; return false to drop the match. */
  check?: (ctx: ScanContext, start: number, end: number) => boolean;
  /** Internal cue used by a detector (review pairing), not a finding by itself. */
  cue?: 'review_act' | 'reward';
}

/** Macros shared by several rule tables. */
export const MACROS = {
  /** Written-out stand-ins for WeChat that an honest message never uses. */
  WX_ALIAS: [
    '薇信',
    '徽信',
    '维信',
    '围信',
    '卫信',
    '唯信',
    '伟信',
    'v信',
    'vx',
    'wx',
    'weixin',
    'wechat',
    'wei信',
    '微x',
    '薇x',
    '威x',
    '微v',
    '薇v',
    'v芯',
    '威芯',
    'vx号',
    'wx号',
    '薇芯',
  ],
  WX: ['微信', '<WX_ALIAS>', '威信'],
  QQ: ['qq', '扣扣', '企鹅'],
  ME: ['我', '我的', '我们', '我个人', '我私人'],
  YOU: ['您', '你'],
  ALIPAY_ALIAS: ['zfb', '支fu宝', '支付bao', 'zhifubao', '吱付宝', '支附宝', '只付宝', 'zhi付宝'],
  /** Other marketplaces and apps a rep may redirect the buyer to. */
  OTHER_SHOP_PLATFORM: ['淘宝', '拼多多', 'pdd', '京东', '天猫', '闲鱼', '微店', '抖音', '快手', '1688', '唯品会', '得物', '小红书'],
  /** Apps used as an off-platform contact channel. */
  OTHER_APP: [
    '微博',
    '小红书',
    '抖音',
    '快手',
    'b站',
    '视频号',
    '闲鱼',
    '陌陌',
    '探探',
    '飞书',
    '钉钉',
    'dingding',
    'soul',
    'ins',
    'ig',
    'instagram',
    'facebook',
    'fb',
    'tiktok',
  ],
  /** Words for a person's number or handle. */
  CONTACT_WORD: ['号码', '电话', '电话号码', '手机', '手机号', '手机号码', '联系方式', '微信', '微信号', 'v', 'vx', 'qq', 'qq号'],
  CARD: [
    '<ALIPAY_ALIAS>',
    '卡',
    '卡上',
    '卡里',
    '银行卡',
    '账户',
    '账号',
    '账户上',
    '私人账户',
    '个人账户',
    '支付宝',
    '支付宝账号',
    '支付宝账户',
    '微信',
    '私人支付宝',
    '个人支付宝',
    '个人微信',
  ],
} as const satisfies Record<string, readonly string[]>;
