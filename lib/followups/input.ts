/**
 * What the background passes to logFollowUp, and its validation. Page text
 * is untrusted: amounts and times are checked, strings trimmed and capped.
 * Absurd amounts (negative, NaN, Infinity, above MAX_AMOUNT) are REJECTED,
 * not clamped: a wrong 催付 amount shown to the rep is worse than none.
 */
import { NON_PURCHASE_REASONS, type FollowUpKind, type FollowUpOutcome } from '../types';
import { FollowUpError } from './errors';
import { truncateText } from '../text/truncate';

export const FOLLOW_UP_KINDS: readonly FollowUpKind[] = [
  'payment_reminder',
  'review_recovery',
  'aftersale_revisit',
  'complaint_revisit',
  'new_customer_revisit',
];

/** ¥10,000,000: far above any single marketplace order a rep chases by chat. */
export const MAX_AMOUNT = 10_000_000;

export interface AttemptInput {
  scriptId?: string;
  rep?: string;
}

export interface LogFollowUpInput {
  kind: FollowUpKind;
  site: string;
  /** Needed when there is no order id: the follow-up is then per conversation. */
  conversationKey?: string;
  conversationUrl?: string;
  buyerName?: string;
  orderId?: string;
  /** Order amount in yuan; a number or a numeric string such as "¥1,299.00". */
  amount?: number | string;
  item?: string;
  orderCreatedAt?: number;
  deliveredAt?: number;
  reviewAt?: number;
  /** The reminder the rep just sent (a script was inserted), if any. */
  attempt?: AttemptInput;
  /** Shorthand for attempt: { scriptId } (what the sidebar sends on insert). */
  scriptId?: string;
  notes?: string;
  tags?: string[];
  shopId?: string;
}

export interface CleanInput extends Omit<LogFollowUpInput, 'amount' | 'scriptId'> {
  amount?: number;
}

const invalid = (field: string, zh: string, en: string) => new FollowUpError({ code: 'invalid_input', field, zh, en });

function text(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(field, `${field} 必须是文字`, `${field} must be text`);
  const t = value.trim();
  return t === '' ? undefined : truncateText(t, max); // by code point: never half an emoji
}

/** Yuan, rounded to fen; throws invalid_amount for anything absurd. */
export function parseAmount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const cleaned = value.replace(/[¥￥,，\s元]/g, '');
    n = /^[+-]?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  } else n = Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > MAX_AMOUNT)
    throw new FollowUpError({
      code: 'invalid_amount',
      field: 'amount',
      zh: `金额无效：须为 0 到 ${MAX_AMOUNT.toLocaleString('en-US')} 元之间的数字`,
      en: `Invalid amount: must be a number from 0 to ${MAX_AMOUNT.toLocaleString('en-US')} yuan`,
    });
  return Math.round(n * 100) / 100;
}

/** Milliseconds since the epoch between 2000 and 2100, or undefined. */
export function parseTime(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 946_684_800_000 || value > 4_102_444_800_000)
    throw invalid(field, `${field} 不是有效的时间`, `${field} is not a valid time`);
  return value;
}

export function cleanInput(input: LogFollowUpInput): CleanInput {
  if (!FOLLOW_UP_KINDS.includes(input.kind)) throw invalid('kind', '未知的跟进类型', 'Unknown follow-up kind');
  const site = text(input.site, 'site', 40)?.toLowerCase();
  if (!site) throw invalid('site', '缺少平台', 'The platform is missing');
  const orderId = text(input.orderId, 'orderId', 64);
  const conversationKey = text(input.conversationKey, 'conversationKey', 300);
  if (!orderId && !conversationKey) throw invalid('orderId', '缺少订单号和会话，无法建立跟进', 'Neither an order id nor a conversation: nothing to follow up');
  const out: CleanInput = { kind: input.kind, site };
  const set = <K extends keyof CleanInput>(k: K, v: CleanInput[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('orderId', orderId);
  set('conversationKey', conversationKey);
  set('conversationUrl', text(input.conversationUrl, 'conversationUrl', 2000));
  set('buyerName', text(input.buyerName, 'buyerName', 100));
  set('item', text(input.item, 'item', 200));
  set('notes', text(input.notes, 'notes', 2000));
  set('shopId', text(input.shopId, 'shopId', 100));
  set('amount', parseAmount(input.amount));
  set('orderCreatedAt', parseTime(input.orderCreatedAt, 'orderCreatedAt'));
  set('deliveredAt', parseTime(input.deliveredAt, 'deliveredAt'));
  set('reviewAt', parseTime(input.reviewAt, 'reviewAt'));
  if (input.tags !== undefined) {
    if (!Array.isArray(input.tags)) throw invalid('tags', '标签格式不正确', 'Tags must be a list');
    set(
      'tags',
      input.tags
        .map((t) => text(t, 'tags', 40))
        .filter((t): t is string => !!t)
        .slice(0, 20),
    );
  }
  const rawAttempt = input.attempt ?? (input.scriptId !== undefined ? { scriptId: input.scriptId } : undefined);
  if (rawAttempt !== undefined) {
    const attempt: AttemptInput = {};
    const scriptId = text(rawAttempt.scriptId, 'attempt.scriptId', 100);
    const rep = text(rawAttempt.rep, 'attempt.rep', 100);
    if (scriptId) attempt.scriptId = scriptId;
    if (rep) attempt.rep = rep;
    out.attempt = attempt;
  }
  return out;
}

const OUTCOME_KINDS = ['paid', 'not_paid', 'review_revised', 'explained_publicly', 'buyer_refused', 'no_reply', 'resolved'];

export function checkOutcome(outcome: FollowUpOutcome): FollowUpOutcome {
  if (!outcome || !OUTCOME_KINDS.includes(outcome.kind)) throw invalid('outcome', '未知的跟进结果', 'Unknown outcome');
  if (outcome.kind === 'not_paid') {
    if (!(NON_PURCHASE_REASONS as readonly string[]).includes(outcome.reason))
      throw invalid('outcome.reason', `未付款原因须为：${NON_PURCHASE_REASONS.join('、')}`, 'Pick one of the listed reasons for not paying');
    const note = text(outcome.note, 'outcome.note', 500);
    return note ? { kind: 'not_paid', reason: outcome.reason, note } : { kind: 'not_paid', reason: outcome.reason };
  }
  return { kind: outcome.kind } as FollowUpOutcome;
}
