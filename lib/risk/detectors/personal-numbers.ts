/**
 * Number-shaped risks found with a few targeted regexes on the noise-free
 * text: mobile numbers (also written in Chinese numerals or with separators),
 * 18-digit ID numbers, bank card numbers and full street addresses. Whether a
 * phone number is the rep steering the buyer off-platform (打我电话…) or
 * personal data about someone (买家电话…) depends on the words before it.
 */
import type { ScanContext } from '../scan-context';
import type { RiskCategoryId } from '../categories';
import { PAY_HERE, STAY_HERE } from '../stay-on-platform';

export interface RawHit {
  category: RiskCategoryId;
  /** Normalised-text range. */
  start: number;
  end: number;
  ruleId: string;
  rewrite?: string;
  rewriteScope?: 'match' | 'sentence';
  message?: { zh: string; en: string };
}

const MOBILE = /(?<![0-9a-z])(?:86)?(1[3-9][0-9]{9})(?![0-9])/g;
const ID_CARD = /(?<![0-9a-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9x](?![0-9a-z])/g;
const LONG_DIGITS = /(?<![0-9a-z])[0-9]{16,19}(?![0-9a-z])/g;
const ADDRESS =
  /(?:省|市|自治区)[\u4e00-\u9fa5a-z0-9]{0,12}?(?:区|县|市|旗)[\u4e00-\u9fa5a-z0-9]{0,16}?(?:路|街|道|巷|弄|村|镇|小区|大厦|花园|公寓|苑)[\u4e00-\u9fa5a-z0-9]{0,10}?[0-9]+(?:号|栋|幢|单元|室|楼|层)(?:[0-9]+(?:号|栋|幢|单元|室|楼|层)?)*/g;

// Whose number it is, judged from the words just before it.
// 联系 as a verb (联系13800…), not the noun in 联系电话/联系方式/联系人.
const FIRST_PERSON = /(我|加|打|拨|联系(?!电话|方式|人|号)|call|致电|本人|私人|个人|找)/;
/**
 * A rep reading the buyer's own details back to confirm them (您的地址是…，电话138…对吗):
 * the number is the buyer's, not an invitation to call. Decision: privacy (warn) with the
 * masked number as the rewrite — the buyer already knows the number, a masked read-back
 * confirms it just as well, and marketplaces filter full numbers in chat — never offsite_contact.
 */
const BUYER_OWN_BEFORE = /(您的|你的|您留的|你留的|您填的|你填的|您预留|您下单|收件|收货|下单时?(留|填)的|订单(上|里)的)/;
const CONFIRM_AFTER = /^.{0,6}?(对吗|是吗|对吧|对不对|是不是|没错吧|有没有错|正确吗|是否正确|没问题吧|吗)/;
const CONFIRM_IN_SENTENCE = /(核对|核实|确认一下|确认下|帮您确认|跟您确认|和您确认|与您确认)/;
/** The rep's own number, said right before it: 打我电话 / 我的手机 / 加我. */
const MINE_RIGHT_BEFORE =
  /((我|本人|私人|个人)(的)?(私人|个人)?(电话|手机|手机号|号码|号|微信|v|联系方式)?(是|为)?|(打|拨|加|call|致电|联系|找)(我)?(的)?(电话|手机|号码)?)$/;
const THIRD_PARTY = /(买家|客户|顾客|收件人|收货人|他|她|对方|这位|那位|用户|先生|女士|小姐|您的|你的|家人|同事|号主|机主|姓名)/;
const NOT_A_PHONE = /(单号|订单|运单|编号|货号|型号|批次|物流号|条码|序列号|快递号|工单|尺码|规格)$/;
const HAS_DIGITS = /[0-9]{11}/;
const ADDRESS_CUE = /[省市]|自治区/;
const ID_CUE = /(身份证|证件|身份号)/;
const CARD_CUE = /(卡号|银行卡|储蓄卡|信用卡|借记卡|账号|账户|卡上|卡里|尾号|开户)/;
/** Words that name a card outright: then the number counts even when its checksum was mistyped. */
const STRONG_CARD_CUE = /(卡号|银行卡|储蓄卡|信用卡|借记卡)/;
/** The shop's own return or warehouse address is routine to send; a person's is not. */
const SHOP_ADDRESS_BEFORE = /(退货|退回|寄回|退换|换货|售后|仓库|发货地|店铺|公司|门店|本店|我们的?)(地址|仓)?|寄到|寄往|邮寄到|发到我们/;
const SHOP_ADDRESS_AFTER = /^(售后|仓库|仓|退货|退换|客服|收$|收件|店)/;
const PAY_CUE = /(转|打|汇|付|存)/;

function idChecksumOk(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  return '10x98765432'[sum % 11] === id[17];
}

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 13800138000 → 138****8000 (the rewrite offered for personal data). */
function maskPhone(digits: string): string {
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

function findMobiles(ctx: ScanContext, view: string, seen: Set<number>, hits: RawHit[]): void {
  MOBILE.lastIndex = 0;
  for (let m = MOBILE.exec(view); m; m = MOBILE.exec(view)) {
    const start = m.index;
    const end = start + m[0].length;
    if (seen.has(start)) continue;
    seen.add(start);
    const before = ctx.beforeInSentence(start, 10);
    if (NOT_A_PHONE.test(ctx.before(start, 4))) continue;
    const digits = m[1]!;
    // Third-party words closest to the number win over first-person cues further away.
    const third = before.search(THIRD_PARTY);
    const first = before.search(FIRST_PERSON);
    let lastThird = -1;
    let lastFirst = -1;
    if (third >= 0) for (const x of before.matchAll(new RegExp(THIRD_PARTY.source, 'g'))) lastThird = x.index!;
    if (first >= 0) for (const x of before.matchAll(new RegExp(FIRST_PERSON.source, 'g'))) lastFirst = x.index!;
    const sentenceBefore = ctx.beforeInSentence(start, 40);
    const readBack =
      !MINE_RIGHT_BEFORE.test(ctx.before(start, 8)) &&
      (BUYER_OWN_BEFORE.test(sentenceBefore) || CONFIRM_AFTER.test(ctx.afterInSentence(end, 10)) || CONFIRM_IN_SENTENCE.test(ctx.sentence(start, end)));
    if (lastThird >= 0 && lastThird >= lastFirst) {
      hits.push({ category: 'privacy', start, end, ruleId: 'privacy.phone', rewrite: maskPhone(digits) });
    } else if (readBack) {
      hits.push({
        category: 'privacy',
        start,
        end,
        ruleId: 'privacy.phone_read_back',
        rewrite: maskPhone(digits),
        message: {
          zh: '这是买家自己的号码：核对时打码显示即可（如 138****8000）。',
          en: "The buyer's own number: mask it when reading it back (e.g. 138****8000).",
        },
      });
    } else {
      // A bare mobile number from the rep is an invitation to call or add them.
      hits.push({ category: 'offsite_contact', start, end, ruleId: 'contact.phone_number', rewrite: STAY_HERE, rewriteScope: 'sentence' });
    }
  }
}

export function findPersonalNumbers(ctx: ScanContext): RawHit[] {
  const hits: RawHit[] = [];
  const seen = new Set<number>();
  // Cheap pre-checks: most drafts have no long digit run and no 省/市, so those regexes never run.
  const hasDigits = HAS_DIGITS.test(ctx.text);
  if (hasDigits) findMobiles(ctx, ctx.text, seen, hits);
  if (ctx.digits !== ctx.text && HAS_DIGITS.test(ctx.digits)) findMobiles(ctx, ctx.digits, seen, hits);
  if (hasDigits) findLongNumbers(ctx, hits);
  if (ADDRESS_CUE.test(ctx.text)) findAddresses(ctx, hits);
  return hits;
}

function findLongNumbers(ctx: ScanContext, hits: RawHit[]): void {
  ID_CARD.lastIndex = 0;
  const idRanges: Array<[number, number]> = [];
  for (let m = ID_CARD.exec(ctx.text); m; m = ID_CARD.exec(ctx.text)) {
    const start = m.index;
    const end = start + m[0].length;
    const cue = ID_CUE.test(ctx.beforeInSentence(start, 12));
    if (!cue && (!idChecksumOk(m[0]) || NOT_A_PHONE.test(ctx.before(start, 4)))) continue;
    idRanges.push([start, end]);
    hits.push({ category: 'privacy', start, end, ruleId: 'privacy.id_number', rewrite: m[0].slice(0, 3) + '*'.repeat(11) + m[0].slice(-4) });
  }

  LONG_DIGITS.lastIndex = 0;
  for (let m = LONG_DIGITS.exec(ctx.text); m; m = LONG_DIGITS.exec(ctx.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (idRanges.some(([s]) => s === start)) continue;
    const before = ctx.beforeInSentence(start, 12);
    if (!CARD_CUE.test(before) || (!luhnOk(m[0]) && !STRONG_CARD_CUE.test(before))) continue;
    if (PAY_CUE.test(before)) {
      hits.push({ category: 'offsite_payment', start, end, ruleId: 'payment.bank_card', rewrite: PAY_HERE, rewriteScope: 'sentence' });
    } else {
      hits.push({ category: 'privacy', start, end, ruleId: 'privacy.bank_card', rewrite: '尾号' + m[0].slice(-4) + '的银行卡' });
    }
  }
}

const PROVINCES = [
  '黑龙江',
  '内蒙古',
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
];
/** Characters that end a place name when walking left from 省/市 (地址是|杭州市, 寄到|杭州市). */
const NOT_IN_PLACE_NAME = /[是在址到寄往送发的为于从去来收了和与及或我您你他她它]/;
const CJK = /[\u4e00-\u9fa5]/;

/** Start of the place name that ends in the 省/市/自治区 at `cue` (北京|市 → 北京市). */
function placeNameStart(ctx: ScanContext, cue: number): number {
  const before = ctx.before(cue, 4);
  for (const p of PROVINCES) if (before.endsWith(p)) return cue - p.length;
  let s = cue;
  while (s > cue - 4 && s > 0 && ctx.text.slice(s - 1, s).match(CJK) && !NOT_IN_PLACE_NAME.test(ctx.text[s - 1]!) && !ctx.startsClause(s)) s--;
  return cue - s >= 2 ? s : cue;
}

/** 北京市朝阳区xx路1号 → 北京市朝阳区***: the city and district confirm it, the street stays private. */
function maskAddress(address: string): string {
  const district = /^.*?(区|县|旗)/.exec(address);
  return (district ? district[0] : address.slice(0, 3)) + '***';
}

function findAddresses(ctx: ScanContext, hits: RawHit[]): void {
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(ctx.text); m; m = ADDRESS.exec(ctx.text)) {
    const start = placeNameStart(ctx, m.index);
    const end = m.index + m[0].length;
    if (SHOP_ADDRESS_BEFORE.test(ctx.beforeInSentence(start, 12)) || SHOP_ADDRESS_AFTER.test(ctx.afterInSentence(end, 6))) continue;
    hits.push({ category: 'privacy', start, end, ruleId: 'privacy.address', rewrite: maskAddress(ctx.text.slice(start, end)) });
  }
}
