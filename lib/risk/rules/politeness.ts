/** Gentle style tips ('tip' severity): 您 rather than 你, 请您稍等 rather than 等下. */
import type { Rule } from '../rule';

export const POLITENESS_RULES: Rule[] = [
  { id: 'polite.ni_hao', category: 'politeness', patterns: ['你好'], rewrite: '您好' },
  {
    id: 'polite.ni',
    category: 'politeness',
    patterns: ['你'],
    rewrite: '您',
    message: { zh: '小建议：对买家称“您”更礼貌。', en: 'Tip: address the buyer as 您.' },
    notAfter: ['们', '好'],
  },
  {
    id: 'polite.wait',
    category: 'politeness',
    patterns: ['{你|您}?{等下|等一下|等会|等会儿|等着}'],
    rewrite: '请您稍等',
    notBefore: ['请', '请您', '稍', '麻烦', '麻烦您', '辛苦', '辛苦您'],
    message: { zh: '小建议：用“请您稍等”更客气。', en: 'Tip: say 请您稍等 (please wait a moment).' },
  },
  { id: 'polite.what', category: 'politeness', patterns: ['干嘛', '干啥', '啥事'], rewrite: '请问有什么可以帮您' },
  { id: 'polite.know', category: 'politeness', patterns: ['知道了'], rewrite: '好的，明白了', clauseStart: true },
];
