/** The full built-in lexicon: every rule table, expanded once. */
import { expandPattern } from './pattern-expand';
import { MACROS, type Rule } from './rule';
import { OFFSITE_RULES } from './rules/offsite';
import { REVIEW_CUES } from './rules/review';
import { TONE_RULES } from './rules/tone';
import { CLAIM_RULES } from './rules/claims';
import { POLITENESS_RULES } from './rules/politeness';
import { fold } from '../text/normalize';

export const BUILT_IN_RULES: readonly Rule[] = [...OFFSITE_RULES, ...REVIEW_CUES, ...TONE_RULES, ...CLAIM_RULES, ...POLITENESS_RULES];

export interface LexiconEntry {
  pattern: string;
  rule: Rule;
}

/** Normalise a lexicon or user word the same way the draft is normalised. */
export function normalizeWord(word: string): string {
  return fold(word.replace(/[+＋]/g, '加'), { dropNoise: true });
}

let cached: LexiconEntry[] | undefined;
export function builtInEntries(): LexiconEntry[] {
  if (cached) return cached;
  const entries: LexiconEntry[] = [];
  for (const rule of BUILT_IN_RULES) {
    const seen = new Set<string>();
    for (const template of rule.patterns) {
      for (const raw of expandPattern(template, MACROS)) {
        const pattern = normalizeWord(raw);
        if (pattern && !seen.has(pattern)) {
          seen.add(pattern);
          entries.push({ pattern, rule });
        }
      }
    }
  }
  cached = entries;
  return entries;
}
