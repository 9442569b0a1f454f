/**
 * Which reply-script intents open or update which follow-up kind when the rep
 * inserts or sends them (logging without extra work).
 * (Rewritten by the main engineer after a stub clobbered the first version.)
 */
import type { FollowUpKind } from '../types';

const KIND_BY_INTENT: Readonly<Record<string, FollowUpKind>> = {
  payment_reminder: 'payment_reminder',
  review_recovery: 'review_recovery',
  revisit: 'aftersale_revisit',
};

export function followUpKindForIntent(intent: string): FollowUpKind | undefined {
  return KIND_BY_INTENT[intent];
}
