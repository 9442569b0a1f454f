/**
 * Checking and merging the rep's overrides of the follow-up rules
 * (settings.followupRules). Errors name the field and carry {zh, en} text the
 * options page shows next to it.
 */
import { DEFAULT_RULES, MS, parseClock, type FollowUpRules, type PlatformRule } from './config';

export interface RuleError {
  field: string;
  zh: string;
  en: string;
}

type Limits = { min: number; max: number };
const DURATION: Record<string, Limits> = {
  'payment.firstReminderAfterMs': { min: 0, max: 30 * MS.DAY },
  'payment.lastReminderBeforeCloseMs': { min: 0, max: 30 * MS.DAY },
  reviewFirstContactAfterMs: { min: 0, max: 90 * MS.DAY },
  dueAfterMs: { min: 0, max: 365 * MS.DAY },
  deadlineAfterMs: { min: MS.MINUTE, max: 365 * MS.DAY },
  retryAfterMs: { min: MS.MINUTE, max: 30 * MS.DAY },
  reopenWindowMs: { min: MS.MINUTE, max: 90 * MS.DAY },
  unpaidCloseMs: { min: MS.MINUTE, max: 30 * MS.DAY },
  reviewWindowMs: { min: MS.HOUR, max: 365 * MS.DAY },
};

function describe(ms: number): { zh: string; en: string } {
  if (ms % MS.DAY === 0 && ms >= MS.DAY) return { zh: `${ms / MS.DAY} 天`, en: `${ms / MS.DAY} days` };
  if (ms % MS.HOUR === 0 && ms >= MS.HOUR) return { zh: `${ms / MS.HOUR} 小时`, en: `${ms / MS.HOUR} h` };
  return { zh: `${Math.round(ms / MS.MINUTE)} 分钟`, en: `${Math.round(ms / MS.MINUTE)} min` };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  errors: RuleError[] = [];
  add(field: string, zh: string, en: string): void {
    this.errors.push({ field, zh, en });
  }
  duration(field: string, value: unknown, limitsKey: string): void {
    const lim = DURATION[limitsKey]!;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(field, '请输入有效的时长', 'Enter a valid duration');
      return;
    }
    if (value < lim.min || value > lim.max) {
      const lo = describe(lim.min);
      const hi = describe(lim.max);
      this.add(field, `时长须在 ${lo.zh} 到 ${hi.zh} 之间`, `Duration must be between ${lo.en} and ${hi.en}`);
    }
  }
  boolean(field: string, value: unknown): void {
    if (typeof value !== 'boolean') this.add(field, '请选择开或关', 'Must be on or off');
  }
  unknown(field: string): void {
    this.add(field, '未知的设置项', 'Unknown setting');
  }
}

const WINDOW_KEYS = ['aftersale', 'complaint', 'newCustomer'] as const;
const PLATFORM_KEYS = ['unpaidCloseMs', 'unpaidCloseSource', 'reviewRevisable', 'reviewWindowMs', 'reviewSource'];

function checkShape(partial: Record<string, unknown>, c: Checker): void {
  for (const [key, value] of Object.entries(partial)) {
    switch (key) {
      case 'utcOffsetMinutes':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < -720 || value > 840)
          c.add(key, '时区偏移须为 -720 到 840 之间的整数分钟', 'UTC offset must be whole minutes between -720 and 840');
        break;
      case 'quietHours':
        if (!isRecord(value)) {
          c.add(key, '免打扰时段格式不正确', 'Quiet hours must be an object');
          break;
        }
        for (const [k, v] of Object.entries(value)) {
          if (k === 'enabled') c.boolean('quietHours.enabled', v);
          else if (k === 'start' || k === 'end') {
            if (typeof v !== 'string' || parseClock(v) === undefined)
              c.add(`quietHours.${k}`, '请输入 HH:MM 格式的时间，如 22:00', 'Enter a time as HH:MM, e.g. 22:00');
          } else c.unknown(`quietHours.${k}`);
        }
        break;
      case 'payment':
        if (!isRecord(value)) {
          c.add(key, '催付设置格式不正确', 'Payment settings must be an object');
          break;
        }
        for (const [k, v] of Object.entries(value)) {
          if (k === 'firstReminderAfterMs' || k === 'lastReminderBeforeCloseMs') c.duration(`payment.${k}`, v, `payment.${k}`);
          else c.unknown(`payment.${k}`);
        }
        break;
      case 'reviewFirstContactAfterMs':
      case 'retryAfterMs':
      case 'reopenWindowMs':
        c.duration(key, value, key);
        break;
      case 'aftersale':
      case 'complaint':
      case 'newCustomer':
        if (!isRecord(value)) {
          c.add(key, '回访窗口格式不正确', 'Revisit window must be an object');
          break;
        }
        for (const [k, v] of Object.entries(value)) {
          if (k === 'dueAfterMs' || k === 'deadlineAfterMs') c.duration(`${key}.${k}`, v, k);
          else c.unknown(`${key}.${k}`);
        }
        break;
      case 'platforms':
        if (!isRecord(value)) {
          c.add(key, '平台规则格式不正确', 'Platform rules must be an object');
          break;
        }
        for (const [id, rule] of Object.entries(value)) {
          if (!isRecord(rule)) {
            c.add(`platforms.${id}`, '平台规则格式不正确', 'Platform rule must be an object');
            continue;
          }
          for (const [k, v] of Object.entries(rule)) {
            const field = `platforms.${id}.${k}`;
            if (k === 'unpaidCloseMs' || k === 'reviewWindowMs') c.duration(field, v, k);
            else if (k === 'reviewRevisable') c.boolean(field, v);
            else if (k === 'unpaidCloseSource' || k === 'reviewSource') {
              if (v !== 'platform_rule' && v !== 'assumed') c.add(field, '来源须为 platform_rule 或 assumed', "Source must be 'platform_rule' or 'assumed'");
            } else if (!PLATFORM_KEYS.includes(k)) c.unknown(field);
          }
        }
        break;
      default:
        c.unknown(key);
    }
  }
}

/** Defaults overlaid with the fields of `partial` (shape assumed valid). */
function overlay(partial: Record<string, unknown>): FollowUpRules {
  const p = partial as Partial<Record<keyof FollowUpRules, unknown>>;
  const platforms: Record<string, PlatformRule> = { ...DEFAULT_RULES.platforms };
  if (isRecord(p.platforms)) {
    for (const [id, rule] of Object.entries(p.platforms)) {
      const key = id.trim().toLowerCase();
      const base = platforms[key] ?? DEFAULT_RULES.platforms.generic!;
      // A rep-entered window is the rep's own figure, not an assumption of ours.
      platforms[key] = { ...base, ...(rule as Partial<PlatformRule>) };
    }
  }
  const sub = <T extends object>(base: T, v: unknown): T => (isRecord(v) ? { ...base, ...(v as Partial<T>) } : base);
  return {
    utcOffsetMinutes: typeof p.utcOffsetMinutes === 'number' ? p.utcOffsetMinutes : DEFAULT_RULES.utcOffsetMinutes,
    quietHours: sub(DEFAULT_RULES.quietHours, p.quietHours),
    payment: sub(DEFAULT_RULES.payment, p.payment),
    reviewFirstContactAfterMs: typeof p.reviewFirstContactAfterMs === 'number' ? p.reviewFirstContactAfterMs : DEFAULT_RULES.reviewFirstContactAfterMs,
    aftersale: sub(DEFAULT_RULES.aftersale, p.aftersale),
    complaint: sub(DEFAULT_RULES.complaint, p.complaint),
    newCustomer: sub(DEFAULT_RULES.newCustomer, p.newCustomer),
    retryAfterMs: typeof p.retryAfterMs === 'number' ? p.retryAfterMs : DEFAULT_RULES.retryAfterMs,
    reopenWindowMs: typeof p.reopenWindowMs === 'number' ? p.reopenWindowMs : DEFAULT_RULES.reopenWindowMs,
    platforms,
  };
}

function checkConsistency(rules: FollowUpRules, c: Checker): void {
  for (const key of WINDOW_KEYS) {
    const w = rules[key];
    if (w.deadlineAfterMs < w.dueAfterMs) c.add(`${key}.deadlineAfterMs`, '截止时间不能早于应回访时间', 'The deadline cannot be before the due time');
  }
  for (const [id, p] of Object.entries(rules.platforms)) {
    if (rules.payment.firstReminderAfterMs >= p.unpaidCloseMs)
      c.add('payment.firstReminderAfterMs', `首次催付须早于订单自动关闭（${id}）`, `The first reminder must come before the order closes (${id})`);
    if (rules.payment.lastReminderBeforeCloseMs >= p.unpaidCloseMs)
      c.add('payment.lastReminderBeforeCloseMs', `最后一次催付须在订单创建之后（${id}）`, `The last reminder must fall after the order was placed (${id})`);
  }
}

export function validateRules(partial: unknown): { ok: boolean; errors: RuleError[] } {
  const c = new Checker();
  if (partial === undefined || partial === null) return { ok: true, errors: [] };
  if (!isRecord(partial)) {
    c.add('', '跟进规则格式不正确', 'Follow-up rules must be an object');
    return { ok: false, errors: c.errors };
  }
  checkShape(partial, c);
  if (c.errors.length === 0) checkConsistency(overlay(partial), c);
  return { ok: c.errors.length === 0, errors: c.errors };
}

/**
 * The rules to use: defaults overlaid with the rep's overrides. Invalid
 * overrides are ignored as a whole (defaults apply) so a bad setting can
 * never stop reminders; the options page shows validateRules' errors.
 */
export function resolveRules(partial: unknown): FollowUpRules {
  if (!isRecord(partial) || !validateRules(partial).ok) return overlay({});
  return overlay(partial);
}
