/**
 * The follow-up rules as data: platform windows, quiet hours, revisit
 * windows. Every field can be overridden by the rep (settings.followupRules);
 * docs/followup-rules.md lists where each default comes from and which ones
 * are assumptions because no public platform rule was found.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const MS = { MINUTE, HOUR, DAY } as const;

/** Where a platform default comes from: a published platform rule, or our assumption. */
export type RuleSource = 'platform_rule' | 'assumed';

export interface PlatformRule {
  /** Unpaid orders close automatically this long after they were placed. */
  unpaidCloseMs: number;
  unpaidCloseSource: RuleSource;
  /** Whether the buyer can still change a 中评/差评; if not, the follow-up aims at a public explanation. */
  reviewRevisable: boolean;
  /** How long after the review the follow-up makes sense (revision window or explanation window). */
  reviewWindowMs: number;
  reviewSource: RuleSource;
}

export interface QuietHours {
  enabled: boolean;
  /** 'HH:MM' local (rules.utcOffsetMinutes) time when quiet hours start. */
  start: string;
  /** 'HH:MM' when they end; may be earlier than start (crosses midnight). */
  end: string;
}

export interface RevisitWindow {
  /** Due this long after the anchor (delivery, complaint, first order). */
  dueAfterMs: number;
  /** Expires this long after the anchor. */
  deadlineAfterMs: number;
}

export interface FollowUpRules {
  /** Offset of the shop's clock from UTC. China: +480, no daylight saving. */
  utcOffsetMinutes: number;
  quietHours: QuietHours;
  payment: {
    /** First 催付 this long after the order was placed. */
    firstReminderAfterMs: number;
    /** Last 催付 this long before the order auto-closes. */
    lastReminderBeforeCloseMs: number;
  };
  /** 中差评回访: first contact this long after the review (0 = right away). */
  reviewFirstContactAfterMs: number;
  aftersale: RevisitWindow;
  complaint: RevisitWindow;
  newCustomer: RevisitWindow;
  /** After an attempt without an outcome (revisits, reviews), try again this much later. */
  retryAfterMs: number;
  /** A rep reopening an item whose deadline passed gets this much more time. */
  reopenWindowMs: number;
  /** Per platform id; unknown ids use 'generic'. */
  platforms: Record<string, PlatformRule>;
}

const assumedPlatform: PlatformRule = {
  unpaidCloseMs: 24 * HOUR,
  unpaidCloseSource: 'assumed',
  reviewRevisable: true,
  reviewWindowMs: 30 * DAY,
  reviewSource: 'assumed',
};

export const DEFAULT_PLATFORM_RULES: Readonly<Record<string, PlatformRule>> = {
  // 淘宝: unpaid physical-goods orders close after 24 h; a 中评/差评 can be changed once within 30 days.
  taobao: { unpaidCloseMs: 24 * HOUR, unpaidCloseSource: 'platform_rule', reviewRevisable: true, reviewWindowMs: 30 * DAY, reviewSource: 'platform_rule' },
  // 天猫: same 24 h close; reviews cannot be changed, so the goal is a public explanation (商家解释).
  tmall: { unpaidCloseMs: 24 * HOUR, unpaidCloseSource: 'platform_rule', reviewRevisable: false, reviewWindowMs: 30 * DAY, reviewSource: 'platform_rule' },
  // 京东: unpaid orders close after 24 h; review rules not found.
  jd: { ...assumedPlatform, unpaidCloseSource: 'platform_rule' },
  pinduoduo: assumedPlatform,
  douyin: assumedPlatform,
  feige: assumedPlatform,
  kuaishou: assumedPlatform,
  shopee: assumedPlatform,
  demo: assumedPlatform,
  generic: assumedPlatform,
};

export const DEFAULT_RULES: FollowUpRules = {
  utcOffsetMinutes: 480,
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
  payment: { firstReminderAfterMs: 30 * MINUTE, lastReminderBeforeCloseMs: 2 * HOUR },
  reviewFirstContactAfterMs: 0,
  aftersale: { dueAfterMs: 3 * DAY, deadlineAfterMs: 7 * DAY },
  complaint: { dueAfterMs: 1 * DAY, deadlineAfterMs: 7 * DAY },
  newCustomer: { dueAfterMs: 3 * DAY, deadlineAfterMs: 5 * DAY },
  retryAfterMs: 1 * DAY,
  reopenWindowMs: 1 * DAY,
  platforms: { ...DEFAULT_PLATFORM_RULES },
};

/** The rule for a platform id; site ids are lower-cased, unknown ones fall back to 'generic'. */
export function platformRule(site: string, rules: FollowUpRules): PlatformRule {
  const id = site.trim().toLowerCase();
  return rules.platforms[id] ?? rules.platforms.generic ?? DEFAULT_PLATFORM_RULES.generic!;
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' → minutes after midnight, or undefined when malformed. */
export function parseClock(text: string): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}
