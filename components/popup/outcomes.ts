/**
 * Follow-up labels for the UI: kind names, and which outcomes make sense for
 * which kind (a 催付 ends paid / not paid, a bad-review recovery ends revised
 * or explained…). Shared by the popup and the sidebar panel.
 */
import { NON_PURCHASE_REASONS, type FollowUpKind, type FollowUpOutcome } from '@/lib/types';

type Text = { zh: string; en: string };

export const KIND_LABEL: Record<FollowUpKind, Text> = {
  payment_reminder: { zh: '催付', en: 'Payment' },
  review_recovery: { zh: '差评回访', en: 'Bad review' },
  aftersale_revisit: { zh: '售后回访', en: 'After-sale' },
  complaint_revisit: { zh: '投诉回访', en: 'Complaint' },
  new_customer_revisit: { zh: '新客回访', en: 'New buyer' },
};

export type OutcomeKind = FollowUpOutcome['kind'];

export const OUTCOME_LABEL: Record<OutcomeKind, Text> = {
  paid: { zh: '已付款', en: 'Paid' },
  not_paid: { zh: '未付款', en: 'Not paid' },
  review_revised: { zh: '已改评', en: 'Review revised' },
  explained_publicly: { zh: '已公开解释', en: 'Explained publicly' },
  buyer_refused: { zh: '买家拒绝', en: 'Buyer refused' },
  no_reply: { zh: '未回复', en: 'No reply' },
  resolved: { zh: '已解决', en: 'Resolved' },
};

const BY_KIND: Record<FollowUpKind, OutcomeKind[]> = {
  payment_reminder: ['paid', 'not_paid', 'buyer_refused', 'no_reply'],
  review_recovery: ['review_revised', 'explained_publicly', 'buyer_refused', 'no_reply'],
  aftersale_revisit: ['resolved', 'buyer_refused', 'no_reply'],
  complaint_revisit: ['resolved', 'buyer_refused', 'no_reply'],
  new_customer_revisit: ['resolved', 'buyer_refused', 'no_reply'],
};

export function outcomesFor(kind: FollowUpKind): OutcomeKind[] {
  return BY_KIND[kind];
}

export type NonPurchaseReason = (typeof NON_PURCHASE_REASONS)[number];
export { NON_PURCHASE_REASONS };

export function outcomeOf(kind: OutcomeKind, reason?: NonPurchaseReason): FollowUpOutcome {
  if (kind === 'not_paid') return { kind, reason: reason ?? '其他' };
  return { kind } as FollowUpOutcome;
}

export function outcomeText(o: FollowUpOutcome | undefined, pick: (t: Text) => string): string {
  if (!o) return '';
  const base = pick(OUTCOME_LABEL[o.kind]);
  return o.kind === 'not_paid' ? `${base}：${o.reason}` : base;
}
