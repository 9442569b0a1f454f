/**
 * The reminder script for a follow-up: the most used script of the kind's
 * intent, filled with what the follow-up knows (buyer, order, item) and the
 * rep's and shop's names from settings.
 */
import { fillVariables } from '@/lib/variables/fill';
import type { FollowUp, ReplyScript } from '@/lib/types';
import type { Settings } from '@/lib/settings';
import { call } from '../api';

export interface ReminderText {
  script: ReplyScript;
  text: string;
  /** Variables the follow-up could not fill (left in braces for the rep). */
  missing: string[];
}

export async function bestScript(f: FollowUp): Promise<ReplyScript | undefined> {
  const [first] = await call('followUpScripts', { kind: f.kind, limit: 1 });
  return first;
}

export function fillReminder(script: ReplyScript, f: FollowUp, settings: Settings | null): ReminderText {
  const filled = fillVariables(script.text, {
    买家: f.buyerName,
    订单号: f.orderId,
    商品: f.item,
    客服: settings?.repName || undefined,
    店铺: settings?.shopName || undefined,
  });
  return { script, text: filled.text, missing: filled.missing };
}
