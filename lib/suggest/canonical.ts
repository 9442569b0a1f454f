/**
 * The one text form used for matching buyer messages against triggers: the shared normaliser
 * (Traditional → Simplified, width, case, noise, repeats) plus dropping chat fillers and folding
 * slang, typos and English words buyers mix in to their standard Chinese form. Messages and
 * library triggers go through the same function, so both sides always agree.
 */
import { fold, normalize } from '../text/normalize.ts';

/**
 * Fillers that carry no intent. Not dropped on purpose: 吗 (question), 吧 (行吧 = ok),
 * 嗯 (嗯嗯 = ok), 额 (额度), 么 (怎么/什么).
 */
export const CHAT_FILLERS: ReadonlySet<string> = new Set([...'亲哈呢啊呀哦嘛啦喔噢哇呃哟咯呐㗎喎嘞欸']);

export const MATCH_OPTIONS = { dropNoise: true, collapseRepeats: true, dropChars: CHAT_FILLERS } as const;

// English words, matched on whole words before spaces are dropped. Outputs are already in
// collapsed form (谢谢 → 谢) because repeats are collapsed before this table is applied.
const ENGLISH: Array<[RegExp, string]> = [
  [/\b(?:thank\s*you|thanks|thx|tks|3q|3x)\b/g, '谢'],
  [/\b(?:ok+|okay|okey)\b/g, '好的'],
  [/\b(?:bye|byebye|bye\s*bye)\b/g, '拜'],
  [/\b(?:hello|hi|hey|hallo)\b/g, '你好'],
  [/\b(?:size|sizes)\b/g, '尺码'],
  [/\b(?:refund)\b/g, '退款'],
  [/\b(?:return)\b/g, '退货'],
  [/\b(?:invoice)\b/g, '发票'],
  [/\b(?:coupons?)\b/g, '优惠券'],
  [/\b(?:discount)\b/g, '优惠'],
  [/\b(?:exchange)\b/g, '换货'],
  [/\b(?:cod)\b/g, '货到付款'],
  [/\b(?:tracking(?:\s*(?:number|no))?)\b/g, '物流单号'],
  [/\b(?:ship(?:ping)?)\b/g, '发货'],
  [/\b(?:price)\b/g, '价格'],
  [/\b(?:colou?rs?)\b/g, '颜色'],
  [/\b(?:in\s*stock|stock)\b/g, '有货'],
  [/\b(?:fake)\b/g, '假货'],
  [/\b(?:pl[sz]|please)\b/g, '请'],
];

// Slang, dialect and frequent typos → standard form (applied to the normalised text).
const SLANG: Array<[RegExp, string]> = [
  // OpenCC reads a lone 么 as the Traditional form of 幺 (在么 → 在幺); buyers mean 么.
  [/幺/g, '么'],
  // Cantonese written the way it is spoken (after Traditional → Simplified): 唔该晒 = thanks,
  // 系咪 = is it, 点算 = what now, 平啲 = cheaper, 坏咗 = broken, 去咗边 = gone where.
  [/唔该(?:晒|哂|你)*|多谢(?:晒|哂)/g, '谢谢'],
  [/系咪|系唔系/g, '是不是'],
  [/点算|点办/g, '怎么办'],
  [/点样|点么样/g, '怎么'],
  [/点解/g, '为什么'],
  [/几多钱|几钱/g, '多少钱'],
  [/几多/g, '多少'],
  [/(?:去咗|去了|喺|在)边(?:度|处)?/g, '在哪'],
  [/边度/g, '哪里'],
  [/边个/g, '哪个'],
  [/平(?:啲|d|滴)/g, '便宜点'],
  [/唔/g, '不'],
  [/咗/g, '了'],
  [/啲/g, '点'],
  [/嘅/g, '的'],
  [/佢/g, '他'],
  [/咩/g, '什么'],
  [/嚟/g, '来'],
  [/俾/g, '给'],
  [/揾/g, '找'],
  [/睇/g, '看'],
  [/攞/g, '拿'],
  [/喇(?!叭)/g, ''],
  // Taiwanese usage: 统编 (company tax number) is asked for an invoice; 宅配 is home delivery.
  [/统编|统一编号/g, '发票'],
  [/宅配/g, '快递'],
  [/咋整|咋办|怎么整/g, '怎么办'],
  [/肿么|咋/g, '怎么'],
  [/木有|么有|米有|莫有|没得|冇/g, '没有'],
  [/神马|甚么|啥子|啥|乜嘢/g, '什么'],
  [/时侯/g, '时候'],
  [/几时/g, '什么时候'],
  [/介个|这只/g, '这个'],
  [/酱紫/g, '这样'],
  [/稀饭/g, '喜欢'],
  [/俺/g, '我'],
  [/好滴|好哒|好得|好der/g, '好的'],
  [/包油|包由/g, '包邮'],
  [/邮费|运废/g, '运费'],
  [/码数|尺吗|尺马|号码(?=[大小多])/g, '尺码'],
  [/(?<=[大小几])马(?!上)/g, '码'],
  // A homophone typed for 货 after the verbs it goes with: 发或 收获 到伙 有或 换或 退祸
  [/(?<=[发收到有换退])(?:或|获|伙|祸)/g, '货'],
  [/出货/g, '发货'],
  [/快第|块递|快地/g, '快递'],
  [/退宽|退钦|退欵|退歀|退kuan/g, '退款'],
  [/欵/g, '款'],
  [/优会|优慧|优汇/g, '优惠'],
  [/惠卷|惠劵/g, '惠券'],
  [/(?<=[领有用])卷/g, '券'],
  [/物留|无流|物刘/g, '物流'],
  [/签手/g, '签收'],
  [/质亮/g, '质量'],
  [/发漂|发瞟/g, '发票'],
  [/保固/g, '保修'],
  [/在马(?=$|[^路上])/g, '在吗'],
  [/到货没/g, '到货吗'],
  // Hearsay is context, not the question: 我看评价说有点小 → 说有点小 (not a question about reviews).
  [/(?:我)?(?:看到?了?|听)?(?:评价|评论|买家秀|问大家)(?:里|上|中|区)?(?:有人)?(?:都)?说/g, '说'],
  // Sentence-final particles that ask a question: 在么 在伐 有货莫 在不 发了没 → …吗
  [/(?<![怎什那这多要])么$/g, '吗'],
  [/[伐莫]$/g, '吗'],
  [/(?<=.)不$/g, '吗'],
  [/了没$/g, '了吗'],
];
/** One pass that says whether any slang rule can apply, so most texts skip the rule list. */
const ANY_SLANG = new RegExp(SLANG.map(([re]) => re.source).join('|'));

const A_NOT_A = /([\u3400-\u9fff])[不没]\1/;
const A_NOT_A_ALL = new RegExp(A_NOT_A.source, 'g');

const HAS_LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;

/** Canonical matching form of a buyer message, a clause or a trigger. */
export function canonicalText(input: string): string {
  let text = input;
  if (HAS_LATIN.test(text)) {
    text = fold(text);
    for (const [re, to] of ENGLISH) text = text.replace(re, to);
  }
  let out = normalize(text, MATCH_OPTIONS).text;
  if (ANY_SLANG.test(out)) for (const [re, to] of SLANG) out = out.replace(re, to);
  // A-not-A questions ask the same as …吗: 能不能退 → 能退吗, 有没有赠品 → 有赠品吗, 包不包邮 → 包邮吗.
  if (A_NOT_A.test(out)) {
    out = out.replace(A_NOT_A_ALL, '$1');
    if (!out.endsWith('吗')) out += '吗';
  }
  if (/^8{2}6?$/.test(out)) out = '拜';
  return out;
}

const cache = new Map<string, string>();
/** canonicalText with a bounded cache: triggers repeat a lot across scripts. */
export function canonicalTrigger(trigger: string): string {
  let out = cache.get(trigger);
  if (out === undefined) {
    out = canonicalText(trigger);
    if (cache.size > 100_000) cache.clear();
    cache.set(trigger, out);
  }
  return out;
}

/** Empty the trigger cache (benchmarks measure a cold index build). */
export function clearCanonicalCache(): void {
  cache.clear();
}
