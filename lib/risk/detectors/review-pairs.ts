/**
 * Pairs a review act (好评, 晒图, 删差评…) with a reward (返现, 红包, 退10块…)
 * in the same sentence, at most a few characters apart, in either order.
 */
import type { ScanContext } from '../scan-context';
import type { RawHit } from './personal-numbers';
import { REVIEW_FIX_REWRITE, REVIEW_REWRITE } from '../rules/review';

/** Asking to remove or change a bad review gets an apology and a fix, not a request for a review. */
const REMOVE_REVIEW = /(删|撤|改|差评|中评)/;

export interface Span {
  start: number;
  end: number;
}

const MAX_GAP = 10;

export function pairReviewRewards(ctx: ScanContext, acts: Span[], rewards: Span[]): RawHit[] {
  if (acts.length === 0 || rewards.length === 0) return [];
  acts.sort((a, b) => a.start - b.start);
  rewards.sort((a, b) => a.start - b.start);
  const hits: RawHit[] = [];
  let lo = 0;
  for (const act of acts) {
    while (lo < rewards.length && rewards[lo]!.end < act.start - MAX_GAP) lo++;
    const sentence = ctx.sentenceFrom(act.start);
    for (let k = lo; k < rewards.length && rewards[k]!.start <= act.end + MAX_GAP; k++) {
      const reward = rewards[k]!;
      if (ctx.sentenceFrom(reward.start) !== sentence) continue;
      // The very same characters cannot be both the act and the reward.
      if (reward.start === act.start && reward.end === act.end) continue;
      hits.push({
        category: 'review_manipulation',
        start: Math.min(act.start, reward.start),
        end: Math.max(act.end, reward.end),
        ruleId: 'review.reward_for_review',
        rewrite: REMOVE_REVIEW.test(ctx.text.slice(act.start, act.end)) ? REVIEW_FIX_REWRITE : REVIEW_REWRITE,
        rewriteScope: 'sentence',
      });
    }
  }
  return hits;
}
