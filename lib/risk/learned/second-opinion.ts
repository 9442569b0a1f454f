/**
 * The learned layer as a second opinion beside the rules. Each sentence of
 * the draft is read by the model (model.ts); when it is confident that the
 * sentence falls into a category the rules did not find there, it adds a
 * finding over that sentence, naming the words that drove it and offering the
 * category's polite rewrite. It speaks only for the open-ended categories
 * (rude tone, blame, refusals, promises, claims), where wording has no end of
 * forms; contact, payment, reviews, abuse and personal data stay with the
 * rules and detectors, whose context checks (negation, warnings, real words)
 * it lacks — on the team's look-alike sets it raised false alarms there.
 */
import type { SoftmaxModel } from '../../learn/softmax.ts';
import { riskCategory, type RiskCategoryId } from '../categories.ts';
import { riskFeatures } from './features.ts';
import { PAY_HERE, STAY_HERE } from '../stay-on-platform.ts';
import { REVIEW_REWRITE } from '../rules/review.ts';

export interface LearnedFinding {
  category: RiskCategoryId;
  severity: 'warn' | 'tip';
  start: number;
  end: number;
  match: string;
  message: { zh: string; en: string };
  rewrite?: string;
  rewriteScope: 'sentence';
  ruleId: string;
}

/**
 * How sure the model must be: training on one corpus and testing on the other author's, 0.6 adds
 * 0.08 recall for at most 0.2% more false alarms; the team's older look-alike sets stay as they were.
 */
export const LEARNED_THRESHOLD = 0.6;
/**
 * A sentence where the shop offers help or owns the mistake is not blaming, refusing or scolding,
 * whatever words it shares with those (这不是您的问题，是我们发错了 / 我帮您找快递问一下).
 */
const OWNS_OR_HELPS =
  /(帮您|为您|替您|给您(补发|申请|处理|安排|退|换|重新)|是我们的(问题|失误|责任|错)|是我们(发错|弄错|搞错|疏忽|没)|let me help|i will help|our mistake|my mistake)/;
const SOFTENED: ReadonlySet<string> = new Set(['blame_shift', 'flat_refusal', 'rude_tone']);
/** The categories it may raise on its own. */
const OPEN_ENDED: ReadonlySet<string> = new Set(['rude_tone', 'blame_shift', 'flat_refusal', 'unauthorized_promise', 'absolute_claim']);
/** Shorter sentences say too little for the model (好的, 嗯嗯 are the rules' business). */
const MIN_CHARS = 4;

const REWRITES: Partial<Record<RiskCategoryId, { zh: string; en: string }>> = {
  offsite_contact: { zh: STAY_HERE, en: 'Please message me here any time; I will keep following up for you.' },
  offsite_payment: { zh: PAY_HERE, en: 'Please place the order and pay on the platform; it keeps your purchase protected.' },
  review_manipulation: { zh: REVIEW_REWRITE, en: 'If you are happy with it, an honest review would mean a lot; tell me any time if something is wrong.' },
  abuse: { zh: '给您带来不好的体验非常抱歉，我马上帮您处理', en: 'I am sorry for the trouble; let me sort this out for you right away.' },
  blame_shift: { zh: '给您添麻烦了，我马上帮您核实处理', en: 'Sorry for the trouble; I will check and fix this for you right away.' },
  rude_tone: {
    zh: '麻烦您方便的时候再看一下，有不清楚的地方我随时帮您',
    en: 'Whenever it suits you, please have another look; I am happy to help with anything unclear.',
  },
  flat_refusal: { zh: '这个暂时没办法直接办理，我帮您看看其他可行的方案', en: 'I cannot do that directly, but let me find another way to help you.' },
  absolute_claim: { zh: '这款品质很好，很多顾客反馈不错', en: 'It is good quality, and many customers are happy with it.' },
  unauthorized_promise: {
    zh: '我会尽力帮您申请，处理结果第一时间告诉您',
    en: 'I will do my best to apply for you and tell you the result as soon as I have it.',
  },
  privacy: { zh: '涉及个人信息的内容我们会严格保密，不对外透露', en: 'Personal details are kept strictly confidential and never shared.' },
};

const HAS_CJK = /[\u3400-\u9fff]/;
/** Sentences end at Chinese and English stops and at line breaks. */
const SENTENCE_END = /[。！？!?\n]+|\.(?=\s|$)/g;

export function sentencesOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** The readable words behind the strongest features (n-grams and words, not sounds or shapes). */
function drivingWords(model: SoftmaxModel, sentence: string, label: string): string[] {
  return model
    .drivers(riskFeatures(sentence), label, 8)
    .map(([f]) => (f.startsWith('w:') ? f.slice(2) : f))
    .filter((f) => !f.startsWith('s:') && !f.startsWith('#') && f.length >= 2)
    .slice(0, 3);
}

/** A sentence → its verdict, kept across keystrokes (typing changes only the last sentence). */
const verdicts = new Map<string, { label: string; probability: number }>();
const MAX_VERDICTS = 512;

function verdictOf(model: SoftmaxModel, sentence: string): { label: string; probability: number } {
  let v = verdicts.get(sentence);
  if (!v) {
    v = model.classify(riskFeatures(sentence))[0]!;
    if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(sentence, v);
  }
  return v;
}

export function learnedFindings(model: SoftmaxModel, text: string, found: ReadonlyArray<{ category: string; start: number; end: number }>): LearnedFinding[] {
  const out: LearnedFinding[] = [];
  for (const { start, end } of sentencesOf(text)) {
    const sentence = text.slice(start, end);
    if (sentence.trim().length < MIN_CHARS) continue;
    const { label, probability } = verdictOf(model, sentence);
    if (label === 'clean' || probability < LEARNED_THRESHOLD) continue;
    const category = riskCategory(label);
    if (!category || !OPEN_ENDED.has(category.id)) continue;
    if (SOFTENED.has(category.id) && OWNS_OR_HELPS.test(sentence.toLowerCase())) continue;
    // The rules already said so here: their finding is the precise one.
    if (found.some((f) => f.category === label && f.start < end && f.end > start)) continue;
    const words = drivingWords(model, sentence, label);
    const english = !HAS_CJK.test(sentence);
    const rewrite = REWRITES[category.id];
    // The finding covers the words: the sentence's own stop stays when the rewrite replaces it.
    const trimmedStart = start + (sentence.length - sentence.trimStart().length);
    const trimmedEnd = end - (sentence.length - sentence.replace(/[\s。！？!?.…~～]+$/u, '').length);
    out.push({
      category: category.id,
      severity: 'warn',
      start: trimmedStart,
      end: trimmedEnd,
      match: text.slice(trimmedStart, trimmedEnd),
      message: {
        zh: `${category.message.zh}（用语模型的判断${words.length ? `，依据“${words.join('”“')}”` : ''}，请核对）`,
        en: `${category.message.en} (the wording model's opinion${words.length ? `, from "${words.join('", "')}"` : ''}; please check)`,
      },
      ...(rewrite ? { rewrite: english ? rewrite.en : rewrite.zh } : {}),
      rewriteScope: 'sentence',
      ruleId: `learned.${category.id}`,
    });
  }
  return out;
}
