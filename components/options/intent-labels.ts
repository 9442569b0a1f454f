/** Intent names for the options page in both languages (ids and Chinese names from lib/suggest/intents.ts). */
import { INTENT_INFO } from '@/lib/suggest/intents';
import { pick } from '../i18n';

const ENGLISH: Record<string, string> = {
  greeting: 'Greeting',
  product_info: 'Product details',
  size_advice: 'Size advice',
  stock: 'Stock',
  bargain: 'Bargaining',
  promotion: 'Promotions',
  authenticity: 'Authenticity',
  shipping_time: 'Shipping time',
  courier_fee: 'Courier and fees',
  payment_help: 'Payment help',
  order_change: 'Order change',
  invoice: 'Invoice',
  logistics_track: 'Tracking',
  logistics_problem: 'Delivery problem',
  return_refund: 'Return / refund',
  exchange: 'Exchange',
  quality_issue: 'Quality issue',
  wrong_item: 'Wrong / missing item',
  usage_help: 'How to use',
  warranty: 'Warranty',
  complaint: 'Complaint',
  review: 'Reviews',
  thanks_bye: 'Thanks / goodbye',
  wait_hold: 'Please wait',
  transfer: 'Transfer',
  payment_reminder: 'Payment reminder',
  review_recovery: 'Bad-review follow-up',
  revisit: 'Revisit',
  holiday: 'Holiday greeting',
};

export const INTENT_IDS: readonly string[] = Object.keys(INTENT_INFO);

export function intentName(id: string): string {
  const info = INTENT_INFO[id];
  if (!info) return id;
  return pick({ zh: info.zh, en: ENGLISH[id] ?? id });
}
