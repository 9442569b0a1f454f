/**
 * Which reply-script intents open or update which follow-up kind when the rep
 * inserts or sends them (logging without extra work): a 催付 script means
 * "this order is being chased", a 中差评回访 script starts a review recovery,
 * a 回访 script an after-sale revisit. The background calls
 * followUpKindForIntent on insert.
 */
import type { FollowUpKind } from '../types';

export const FOLLOW_UP_KIND_BY_SCRIPT_INTENT: Readonly<Record<string, FollowUpKind>> = {
  payment_reminder: 'payment_reminder',
  review_recovery: 'review_recovery',
  revisit: 'aftersale_revisit',
};

/** The follow-up kind a script of this intent creates, or undefined (most intents create none). */
export function followUpKindForIntent(intent: string | undefined): FollowUpKind | undefined {
  // own keys only: 'constructor' or 'toString' must not come back from the prototype
  return intent && Object.hasOwn(FOLLOW_UP_KIND_BY_SCRIPT_INTENT, intent) ? FOLLOW_UP_KIND_BY_SCRIPT_INTENT[intent] : undefined;
}

/**
 * Buyer intents after which the UI may OFFER a follow-up (one click, never
 * automatic): a complaint deserves a revisit within 7 days (seed 002).
 */
export const FOLLOW_UP_KIND_OFFERED_FOR_BUYER_INTENT: Readonly<Record<string, FollowUpKind>> = {
  complaint: 'complaint_revisit',
};

export function followUpKindToOffer(buyerIntent: string | undefined): FollowUpKind | undefined {
  return buyerIntent && Object.hasOwn(FOLLOW_UP_KIND_OFFERED_FOR_BUYER_INTENT, buyerIntent) ? FOLLOW_UP_KIND_OFFERED_FOR_BUYER_INTENT[buyerIntent] : undefined;
}
