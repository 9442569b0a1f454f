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
export const CHAT_FILLERS: ReadonlySet<string> = new Set([...'亲哈呢啊呀哦嘛啦喔噢哇呃哟咯呐']);

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
];

// Slang, dialect and frequent typos → standard form (applied to the normalised text).
const SLANG: Array<[RegExp, string]> = [
  // OpenCC reads a lone 么 as the Traditional form of 幺 (在么 → 在幺); buyers mean 么.
  [/幺/g, '么'],
  [/肿么|咋/g, '怎么'],
  [/木有|么有|米有|莫有|没得/g, '没有'],
  [/神马|甚么|啥子|啥/g, '什么'],
  [/时侯/g, '时候'],
  [/几时/g, '什么时候'],
  [/介个/g, '这个'],
  [/酱紫/g, '这样'],
  [/稀饭/g, '喜欢'],
  [/俺/g, '我'],
  [/好滴|好哒|好得/g, '好的'],
  [/包油/g, '包邮'],
  [/邮费/g, '运费'],
  [/码数|尺吗|号码(?=[大小多])/g, '尺码'],
  [/发获|发或|发伙/g, '发货'],
  [/快第|块递/g, '快递'],
  [/退宽|退钦/g, '退款'],
  [/优会|优慧|优汇/g, '优惠'],
  [/惠卷|惠劵/g, '惠券'],
  [/物留|无流/g, '物流'],
  [/质亮/g, '质量'],
  [/到货没/g, '到货吗'],
  // Sentence-final particles that ask a question: 在么 在伐 有货莫 在不 发了没 → …吗
  [/(?<![怎什那这多要])么$/g, '吗'],
  [/[伐莫]$/g, '吗'],
  [/(?<=.)不$/g, '吗'],
  [/了没$/g, '了吗'],
];

const HAS_LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;

/** Canonical matching form of a buyer message, a clause or a trigger. */
export function canonicalText(input: string): string {
  let text = input;
  if (HAS_LATIN.test(text)) {
    text = fold(text);
    for (const [re, to] of ENGLISH) text = text.replace(re, to);
  }
  let out = normalize(text, MATCH_OPTIONS).text;
  for (const [re, to] of SLANG) out = out.replace(re, to);
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
