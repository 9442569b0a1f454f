/**
 * Off-platform contact and off-platform payment. Both are platform red lines
 * ('block'); the rewrites keep the buyer in the platform chat / checkout.
 */
import type { Rule } from '../rule';
import type { ScanContext } from '../scan-context';
import { PAY_HERE, STAY_HERE } from '../stay-on-platform';

const CJK = /[\u3400-\u9fff]/;
const CONTACT_WORD_AHEAD = /^.{0,4}(号码|电话|手机|联系方式|微信|vx|v|qq)/;

/** After 加微/加薇: fine when a food/size/word follows (加微辣, 加微波炉), risky otherwise. */
const AFTER_JIA_WEI_OK = [
  '辣',
  '波',
  '米',
  '调',
  '笑',
  '量',
  '型',
  '甜',
  '粒',
  '孔',
  '软',
  '弱',
  '胖',
  '距',
  '缩',
  '微',
  '糖',
  '醺',
  '光',
  '凉',
  '热',
  '烫',
  '咸',
  '酸',
  '麻',
  '苦',
  '紧',
  '宽',
  '长',
  '短',
  '大',
  '小',
  '厚',
  '薄',
  '亮',
  '暗',
  '透',
  '弹',
];
function jiaWeiCheck(ctx: ScanContext, _start: number, end: number): boolean {
  const next = ctx.text[end];
  // End of text, a Latin/emoji continuation or noise in between: an evasion such as 加微💬 / 加微 x.
  if (next === undefined || !CJK.test(next) || ctx.gapBefore(end).length > 0) return true;
  return !AFTER_JIA_WEI_OK.includes(next);
}

/** 型号V8和VX9都有货: a short code in a clause about models, not a handle. */
function modelListed(ctx: ScanContext, start: number, end: number): boolean {
  return /(型号|货号|款号|编号)/.test(ctx.before(start, 10)) && /^[0-9]{1,4}([^0-9a-z]|$)/.test(ctx.text.slice(end, end + 5));
}

/** Feature talk: 支持WhatsApp通话, 支援LINE和WhatsApp, can't chat on whatsapp. */
const APP_FEATURE_BEFORE = /(支持|支援|兼容|内置|自带|support|supports|with)[a-z和与及、]{0,20}$/;
const APP_FEATURE_AFTER = /^(和|与|及|视频|语音|通话|功能|等|app|call|calls)/;
const ENGLISH_NEGATION = /(can'?t|cannot|don'?t|do not|won'?t|never|not|no)\b[^.!?]{0,24}$/i;
function notNegatedInEnglish(ctx: ScanContext, start: number, end: number): boolean {
  const [oStart, oEnd] = ctx.toOriginal(start, end);
  // Whole words only: "online" is not on+line, "bank" inside "embankment" is not bank.
  if (/[a-z]/i.test(ctx.original[oStart - 1] ?? '') || /[a-z]/i.test(ctx.original[oEnd] ?? '')) return false;
  if (/^(on|my)/.test(ctx.text.slice(start, end)) && /^[a-z]+$/i.test(ctx.original.slice(oStart, oEnd))) return false;
  return !ENGLISH_NEGATION.test(ctx.original.slice(Math.max(0, oStart - 30), oStart));
}
/** "message me on this chat / on Shopee" stays on the platform. */
const ON_PLATFORM_AHEAD = /^(this|here|the ?platform|shopee|lazada|tiktok ?shop|our ?shop|the ?shop)/;
function offsiteAppCheck(ctx: ScanContext, start: number, end: number): boolean {
  if (ON_PLATFORM_AHEAD.test(ctx.after(end, 12))) return false;
  if (APP_FEATURE_BEFORE.test(ctx.before(start, 24)) || APP_FEATURE_AFTER.test(ctx.after(end, 6))) return false;
  return notNegatedInEnglish(ctx, start, end);
}

export const OFFSITE_RULES: Rule[] = [
  {
    id: 'contact.wechat',
    category: 'offsite_contact',
    patterns: ['微信', '微信号', '微信联系', '微信上', '微信聊'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    // Paying with WeChat Pay at checkout is not off-platform contact.
    notAfter: ['支付', '付款', '扫码支付', '零钱', '钱包', '小程序支付'],
    notBefore: ['支付宝', '支付宝和', '支付宝或', '支付宝跟', '支付宝及', '用', '使用', '支持'],
  },
  {
    id: 'contact.wechat_alias',
    category: 'offsite_contact',
    patterns: ['<WX_ALIAS>'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    rightOpen: true,
    // Model numbers such as WX-200 are not contact handles.
    check: (ctx, start, end) =>
      !(/^[0-9]/.test(ctx.text.slice(end, end + 1)) && /-/.test(ctx.gapBefore(end))) &&
      !/(型号|货号|款号|编号)$/.test(ctx.before(start, 3)) &&
      !modelListed(ctx, start, end),
  },
  {
    id: 'contact.weixin_prestige',
    category: 'offsite_contact',
    patterns: ['威信'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    notBefore: ['有', '的', '树立', '建立', '没有', '没', '失去', '品牌', '威望'],
    notAfter: ['力', '度'],
  },
  {
    id: 'contact.add_v',
    category: 'offsite_contact',
    patterns: [
      '{加|家|佳}{我|个|一下|下|一个|我个}?{v|vv|薇}',
      '加{我|个}{威|维}',
      '{私|留|留个|发|找|私聊|滴滴|戳}{我}?v',
      'v{我|号|聊|一下|下}',
      '{v|薇}{联系|详聊|私聊|沟通}',
    ],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    rightOpen: true,
    // V领 (V-neck), V字, V型 are clothing words; 加v领券 is not.
    notAfter: ['领口', '领的', '领款', '领设计', '领毛衣', '领衫', '领t', '领上衣', '领连衣裙', '领打底', '领针织', '领和', '领还是', '字', '型', '形', '脸'],
    check: (ctx, _start, end) => !(ctx.text[end] === '领' && ctx.endsClause(end + 1)),
  },
  {
    id: 'contact.add_wei',
    category: 'offsite_contact',
    patterns: ['{加|家}{我|个|一下|下}?{微|徽}'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    check: jiaWeiCheck,
  },
  {
    id: 'contact.add_wei_alias',
    category: 'offsite_contact',
    patterns: ['加{我|个}?威', '某信', '绿泡泡', '绿色软件', '抠抠'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    notAfter: ['化', '力', '风', '武', '猛', '尼斯', '士忌', '望'],
  },
  {
    id: 'contact.qq',
    category: 'offsite_contact',
    patterns: ['qq', 'qq号', 'q号', '加q', '加个q', '加我q', 'q我'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    rightOpen: true,
    // QQ糖, 口感QQ的, Q弹: texture words.
    notAfter: ['糖', '弹', '的', '软', '星', '感', '滑', '嫩', '爽', '音乐', '会员', '游戏', '飞车', '币'],
    notBefore: ['很', '口感', '超', '有点', '比较', '特别', '非常', '挺', '更', '好', '又'],
  },
  {
    id: 'contact.koukou',
    category: 'offsite_contact',
    patterns: ['{加|我|我的|留|留个|发|私}{个}?{扣扣|企鹅|球球}', '{扣扣|企鹅|球球}{号|是|联系|上|聊|群|私聊|号码|找我}'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    rightOpen: true,
  },
  {
    id: 'contact.phone_call',
    category: 'offsite_contact',
    patterns: [
      '打我{电话|手机|座机}',
      '{给我|直接}打电话',
      '{打|拨}给我',
      '{电话|手机}{联系|找}我',
      '{我的|我}{私人|个人}?{电话|手机号|电话号码|联系方式}',
      '{我的|我}{私人|个人}?{手机|号码}{是|号|联系}',
      '{加|添加}我{好友|私人|个人}{号|微|v}?',
      '{私人|个人}{号|小号|微|v|微信}',
      '我的{小号|v|私人号|个人号}',
      '{来|用}?我{的}?小号',
      '留{个|下}?{电话|手机号|联系方式}给我',
      '{你的|您的}{电话|手机号|联系方式}{发|给|留}我',
      '{私下|私底下}{联系|沟通|交流|聊}',
      '{短信|电话|手机}{联系|加}我',
    ],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    notAfter: ['客服', '店铺', '平台'],
  },
  {
    // 私聊我号码 / 号码私信你 / 留个联系方式我加你: swapping numbers is the first step off the platform.
    id: 'contact.swap_numbers',
    category: 'offsite_contact',
    patterns: [
      '<CONTACT_WORD>{私聊|私信|私发|单独发}{你|您|给你|给您|我}',
      '{留个|留下|发个|给个|留一下|发一下|给一下}{你|您}{的}?{联系方式|微信|vx|qq|号码}',
      '{留个|留下|留一下}{联系方式|微信|vx|qq}',
      '{你|您}{发|给}我{你的|您的}<CONTACT_WORD>',
      '卫星号',
      '{加|添加}{个|一下|下}?好友',
    ],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    notAfter: ['功能'],
  },
  {
    // 私聊我号码 / 私信我要你手机号: a private-message verb with a number or handle close after it.
    id: 'contact.private_message_number',
    category: 'offsite_contact',
    patterns: ['{私聊|私信|私我|私发|单独发}'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    check: (ctx, _start, end) => CONTACT_WORD_AHEAD.test(ctx.after(end, 8)),
  },
  {
    id: 'contact.i_add_you',
    category: 'offsite_contact',
    patterns: ['我{来|去}?加{你|您}{一下|下|吧|哈}?'],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    clauseEnd: true,
  },
  {
    id: 'contact.other_apps',
    category: 'offsite_contact',
    patterns: [
      '钉钉',
      'dingding',
      '陌陌',
      '电报群',
      'line号',
      '<OTHER_APP>{私信|私聊|号|上找|联系|账号|id}',
      '<OTHER_APP>{上}?{搜|找|关注|私信|加|联系}{我|我们|一下我}',
      '{关注|加|搜|搜索|搜寻}{我|我的|我们|我们的}<OTHER_APP>',
      '扫码{加|添加|关注}{我|好友|群|一下}',
      '{加|进|拉你进|拉您进|拉你|拉您}{我们的?}?{群|粉丝群|福利群|vip群|会员群|售后群|内部群}',
      '群号',
      '{闲鱼|其他平台|别的平台|另一个店|私人店}{上}?{找我|联系我|私聊|拍|下单|买}',
      '{扫|加}{我的|我|这个}{二维码|码}',
      '邮箱联系我',
      '发我邮箱',
    ],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
  },

  {
    // Cross-border chat: WhatsApp/Telegram/LINE/IG handles and "dm me". Naming the app as a phone feature is fine.
    id: 'contact.other_apps_latin',
    category: 'offsite_contact',
    patterns: [
      'whatsapp',
      'telegram',
      'lineid',
      'line号',
      '{加|加我|加个|我的}{line|赖}',
      '{line|赖}{上|联系|找我|私聊|id}',
      '{dm|pm|inbox}me',
      '{text|message|msg|contact|call|whatsapp|add|find|reach}me{on|at|via}',
      '{my|on}{ig|insta|instagram|line|telegram|tg|snapchat|facebook|fb|messenger}',
    ],
    rewrite: STAY_HERE,
    rewriteScope: 'sentence',
    check: offsiteAppCheck,
  },

  // —— off-platform payment ——
  {
    id: 'payment.transfer_to_me',
    category: 'offsite_payment',
    patterns: [
      '{转|打|付|汇|转账|打款|打钱|付款|汇款|给钱|支付}{给|到|进|至}?{我|我的}<CARD>',
      '<CARD>{转|打|付|汇|转账|打款|付款|支付}{给|到}?我',
      '{转账|打款|打钱|付款|汇款|付钱|交钱}{给|到}我',
      '到我{的}?<CARD>',
      '{私下|剩下的|剩下|余款|尾款|定金}{转|给|付|打}{给}?我',
      '<ALIPAY_ALIAS>',
      '{付|转}给我',
      '给我{转账|打款|打钱|汇款|转钱|付钱}',
      '{直接|先|你|您}转我',
      '转我{就|吧|就行|就好|一下}',
      '转账到{我的}?{卡|卡上|银行卡|账户|支付宝}',
      '{发|给}我{个}?红包',
      '红包{发|转|给}{给}?我',
      'v我{1|2|3|4|5|6|7|8|9}',
    ],
    rewrite: PAY_HERE,
    rewriteScope: 'sentence',
    // 转给我同事 / 转我们售后: handing the chat over, not money.
    notAfter: ['们', '同事', '售后', '主管', '人工', '客服', '专员', '部门', '组长'],
  },
  {
    id: 'payment.private_deal',
    category: 'offsite_payment',
    patterns: [
      '{私下|私底下}{汇款|汇|交易|转账|付款|付|转|支付|结算|买卖|成交|下单|买|卖|给钱|交钱|打款|拍}',
      '{在|去|到}{外面|外边|站外|别处}{付|付款|拍|下单|买|转账|交易|支付}',
      '线下{给你|给您|算}',
      '{不走|绕过|绕开|跳过|脱离|避开}平台',
      '{平台外|站外|线下}{交易|付款|支付|转账|结算|付|下单|购买|成交}',
      '不{在|用|要在|用在}平台{上}?{拍|下单|付款|买|付|支付|交易}',
      '{扫码|扫二维码|二维码}{付款|支付|转账|付|付钱|打款}',
      '{收款码|付款码|收钱码}',
      '{私单|走私单|私人订单}',
      '{不用|别|不要}{在}?{拍|下单}{了}?{直接}{转|付|给}',
    ],
    rewrite: PAY_HERE,
    rewriteScope: 'sentence',
  },
  {
    // Cross-border chat: paying the rep by PayPal/bank/Western Union instead of the checkout.
    // PayPal named as a checkout option (we accept PayPal at checkout) is not a finding.
    id: 'payment.english',
    category: 'offsite_payment',
    patterns: [
      'westernunion',
      'moneygram',
      '{friendsandfamily|friends&family}',
      'paypalme',
      // "send me a photo" is not money: only pay/transfer verbs or an explicit money object.
      '{pay|paid|transfer|wire|sendthemoney|sendpayment|sendmoney|sendthepayment|transferthemoney}{to|via|into|through}?{me|mypaypal|mybank|myaccount|mybankaccount|myemail|mycard|mywallet}',
      '{skip|bypass|avoid|outside|off}theplatform',
      'offplatform',
      'canceltheorderandpay',
    ],
    rewrite: PAY_HERE,
    rewriteScope: 'sentence',
    check: notNegatedInEnglish,
  },
  {
    // Sending the buyer to another marketplace: 去淘宝搜 / 我们拼多多店 / 京东上也有我们店.
    id: 'payment.other_platform',
    category: 'offsite_payment',
    patterns: ['<OTHER_SHOP_PLATFORM>'],
    rewrite: PAY_HERE,
    rewriteScope: 'sentence',
    check: (ctx, start, end) => {
      const before = ctx.before(start, 4);
      const after = ctx.after(end, 8);
      return (
        (/(去|到|来|上)$/.test(before) && /^上?(搜|找|拍|下单|买|购买|付款|店)/.test(after)) ||
        /^上?(搜|找)(我|店名|店铺)/.test(after) ||
        (/(我|我们)(的|家)?$/.test(before) && /^(店|店铺|小店|旗舰店|链接)/.test(after)) ||
        /^上?也?有(我|我们)(的|家)?(店|小店)/.test(after)
      );
    },
  },
  {
    // 去我另一家店拍: another shop of the rep's, outside this one.
    id: 'payment.other_shop',
    category: 'offsite_payment',
    patterns: ['{另一家|另外一家|另一个|另外一个|另外的|其他|别的|新|私人|自己的}{店|店铺|小店|链接}'],
    rewrite: PAY_HERE,
    rewriteScope: 'sentence',
    check: (ctx, start) => /(去|到|来|上)(我|我们)?(的|家)?$/.test(ctx.before(start, 5)),
  },
];
