/** Short "when is it due" labels for the popup, in shop-local (China) time. */
import { DEFAULT_RULES, MS } from './config';
import { localClock, localParts, startOfLocalDay } from './local-time';

function span(ms: number, lang: 'zh' | 'en'): string {
  if (ms < MS.HOUR) {
    const n = Math.max(1, Math.floor(ms / MS.MINUTE));
    return lang === 'zh' ? `${n} 分钟` : `${n} min`;
  }
  if (ms < 2 * MS.DAY) {
    const n = Math.floor(ms / MS.HOUR);
    return lang === 'zh' ? `${n} 小时` : `${n} h`;
  }
  const n = Math.floor(ms / MS.DAY);
  return lang === 'zh' ? `${n} 天` : `${n} days`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "已逾期 2 小时" / "overdue by 2 h", "现在" / "now", "30 分钟后" / "in 30 min",
 * "今天 18:00", "明天 09:00", "后天 09:00", "3月5日 09:00".
 */
export function relativeDueText(dueAt: number, now: number, lang: 'zh' | 'en', utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): string {
  const diff = dueAt - now;
  if (Math.abs(diff) < MS.MINUTE) return lang === 'zh' ? '现在' : 'now';
  if (diff < 0) return lang === 'zh' ? `已逾期 ${span(-diff, lang)}` : `overdue by ${span(-diff, lang)}`;
  if (diff < MS.HOUR) return lang === 'zh' ? `${span(diff, lang)}后` : `in ${span(diff, lang)}`;
  const days = Math.round((startOfLocalDay(dueAt, utcOffsetMinutes) - startOfLocalDay(now, utcOffsetMinutes)) / MS.DAY);
  const clock = localClock(dueAt, utcOffsetMinutes);
  if (days === 0) return lang === 'zh' ? `今天 ${clock}` : `today ${clock}`;
  if (days === 1) return lang === 'zh' ? `明天 ${clock}` : `tomorrow ${clock}`;
  if (days === 2 && lang === 'zh') return `后天 ${clock}`;
  const p = localParts(dueAt, utcOffsetMinutes);
  return lang === 'zh' ? `${p.month}月${p.day}日 ${clock}` : `${EN_MONTHS[p.month - 1]} ${p.day} ${clock}`;
}
