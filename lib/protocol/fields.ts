/**
 * The pieces request schemas are built from. Strings that get stored are made
 * well-formed on the way in (a lone surrogate becomes U+FFFD, NUL is dropped):
 * PostgreSQL and JSON tools reject them, and one such row once stalled a
 * team's sync. Limits keep a broken or hostile page from writing huge rows.
 */
import * as v from 'valibot';
import { wellFormed } from '../text/truncate';
import { NON_PURCHASE_REASONS } from '../types';
import { chatOriginPattern } from '../followups/conversation-link';

const NUL = /\0/g;

/** A string of at most `max` UTF-16 units, stored well-formed. */
export const text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.transform((s) => wellFormed(s).replace(NUL, '')),
  );
export const optText = (max: number) => v.optional(text(max));

/** A row id or code: short, no control characters. */
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[^\u0000-\u001f]*$/u));

export const time = v.pipe(v.number(), v.finite(), v.minValue(0));
export const optTime = v.optional(time);
export const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
export const amount = v.pipe(v.number(), v.finite(), v.minValue(-1e9), v.maxValue(1e9));

export const FOLLOW_UP_KINDS = ['payment_reminder', 'review_recovery', 'aftersale_revisit', 'complaint_revisit', 'new_customer_revisit'] as const;
export const followUpKind = v.picklist(FOLLOW_UP_KINDS);
export const followUpStatus = v.picklist(['open', 'snoozed', 'done', 'expired']);

export const replyScript = v.object({
  id,
  group: text(100),
  intent: text(100),
  title: text(200),
  text: text(5_000),
  triggers: v.pipe(v.array(text(200)), v.maxLength(200)),
  code: optText(40),
  favourite: v.optional(v.boolean()),
  order: v.optional(v.pipe(v.number(), v.finite())),
  source: v.optional(v.picklist(['default', 'user', 'import', 'team'])),
  intentUnconfirmed: v.optional(v.boolean()),
  shopId: optText(200),
  updatedAt: time,
  deleted: v.optional(v.boolean()),
  hidden: v.optional(v.boolean()),
});

export const followUpOutcome = v.variant('kind', [
  v.object({ kind: v.literal('paid') }),
  v.object({ kind: v.literal('not_paid'), reason: v.picklist(NON_PURCHASE_REASONS), note: optText(500) }),
  v.object({ kind: v.literal('review_revised') }),
  v.object({ kind: v.literal('explained_publicly') }),
  v.object({ kind: v.literal('buyer_refused') }),
  v.object({ kind: v.literal('no_reply') }),
  v.object({ kind: v.literal('resolved') }),
]);

/**
 * A conversation link a follow-up may open later: http(s) only. A restored or
 * pulled row must not make the extension open data:, file: or javascript: URLs.
 */
export const isChatUrl = (value: string): boolean => chatOriginPattern(value) !== null;
export const conversationUrl = v.optional(v.pipe(text(2_000), v.check(isChatUrl, 'conversationUrl must be an http(s) address')));

/** Which follow-up of which conversation (a page logging one, or claiming it before a reminder goes out). */
export const followUpOfConversation = {
  kind: followUpKind,
  site: text(200),
  conversationKey: text(500),
  conversationUrl,
  buyerName: optText(200),
  orderId: optText(64),
  item: optText(500),
};

export const followUp = v.object({
  id,
  ...followUpOfConversation,
  amount: v.optional(amount),
  createdAt: time,
  dueAt: time,
  deadlineAt: time,
  status: followUpStatus,
  dedupeKey: text(1_000),
  outcome: v.optional(followUpOutcome),
  attempts: v.pipe(v.array(v.object({ at: time, scriptId: v.optional(id), rep: optText(100) })), v.maxLength(1_000)),
  notes: optText(2_000),
  tags: v.optional(v.pipe(v.array(text(50)), v.maxLength(50))),
  shopId: optText(200),
  claimedBy: optText(200),
  updatedAt: time,
});

export const usageEvent = v.object({
  id,
  scriptId: id,
  site: text(200),
  conversationKey: optText(500),
  at: time,
  via: v.picklist(['click', 'keyboard', 'context-menu', 'shortcut-code']),
});

export const siteProfile = v.object({
  origin: text(500),
  name: text(200),
  selectors: v.object({
    messageList: text(2_000),
    buyerMessage: text(2_000),
    sellerMessage: text(2_000),
    composeBox: text(2_000),
    sendButton: optText(2_000),
    buyerName: optText(2_000),
    orderId: optText(2_000),
  }),
  shopId: optText(200),
  updatedAt: time,
});

const customRiskWord = v.object({
  word: text(100),
  category: text(100),
  severity: v.optional(v.picklist(['block', 'warn', 'tip'])),
  rewrite: optText(500),
});

const record = <T extends v.GenericSchema>(value: T) =>
  v.pipe(
    v.record(text(300), value),
    v.check((r) => Object.keys(r).length <= 2_000, 'too many entries'),
  );

/** Every setting, each optional: the shape of a settings patch. Meaning (known categories…) is checked by lib/settings.ts. */
export const settingsPatch = v.object({
  repName: optText(100),
  shopName: optText(100),
  language: v.optional(v.picklist(['auto', 'zh', 'en'])),
  sidebarSide: v.optional(v.picklist(['right', 'left'])),
  sidebarWidths: v.optional(record(v.pipe(v.number(), v.finite()))),
  sidebarCollapsed: v.optional(record(v.boolean())),
  strictMode: v.optional(v.boolean()),
  customBanned: v.optional(v.pipe(v.array(customRiskWord), v.maxLength(5_000))),
  allowedWords: v.optional(v.pipe(v.array(text(100)), v.maxLength(5_000))),
  extraSites: v.optional(v.pipe(v.array(text(300)), v.maxLength(500))),
  disabledHosts: v.optional(v.pipe(v.array(text(300)), v.maxLength(500))),
  followupNotifications: v.optional(v.boolean()),
  followupBadge: v.optional(v.boolean()),
  followupRules: v.optional(record(v.unknown())),
  disabledFeatures: v.optional(
    v.pipe(v.array(v.pipe(text(50), v.regex(/^[a-z0-9-]+$/u, 'a feature id is lower-case letters, digits and -'))), v.maxLength(50)),
  ),
  replyTargets: v.optional(record(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(86_400)))),
});

export const conversationContext = v.object({
  site: text(200),
  conversationKey: optText(500),
  buyerName: optText(200),
  orderId: optText(64),
  // Read from the page as it is: ill-formed text is made well-formed, not refused.
  latestBuyerMessage: optText(200_000),
  url: optText(2_000),
});

export const followUpListQuery = v.optional(
  v.object({
    kind: v.optional(followUpKind),
    site: optText(200),
    search: optText(500),
    limit: v.optional(count(100_000)), // the store clamps
    offset: v.optional(count(10_000_000)),
    utcOffsetMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-840), v.maxValue(840))),
  }),
);

export const optionalQuery = <T extends v.ObjectEntries>(entries: T) => v.optional(v.object(entries));
