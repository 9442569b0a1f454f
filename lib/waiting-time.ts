/**
 * The waiting timer reps are scored on (3分钟人工回复率, 30秒应答率): how long the
 * buyer has waited since their oldest unanswered message.
 */
import type { ChatMessage } from './types';

/** Default reply target per platform, in seconds (the rep can change them in settings). */
export const DEFAULT_REPLY_TARGETS: Record<string, number> = {
  pinduoduo: 180,
  feige: 180,
  kuaishou: 180,
  taobao: 180,
  dongdong: 30,
  shopee: 300,
  demo: 180,
  generic: 180,
};

/** Time of the oldest buyer message after the last seller reply, if it carries a time. */
export function waitingSince(messages: ChatMessage[]): number | undefined {
  let since: number | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.from === 'seller') break;
    if (m.from === 'buyer' && m.time !== undefined) since = m.time;
  }
  return since;
}

export type WaitLevel = 'ok' | 'amber' | 'red';

export function waitLevel(seconds: number, platform: string, overrides: Record<string, number> = {}): WaitLevel {
  const target = overrides[platform] ?? DEFAULT_REPLY_TARGETS[platform] ?? 180;
  if (seconds >= target) return 'red';
  if (seconds >= target * 0.6) return 'amber';
  return 'ok';
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}分${seconds % 60}秒`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}小时${m % 60}分`;
  return `${Math.floor(h / 24)}天${h % 24}小时`;
}
