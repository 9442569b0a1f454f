/**
 * Data shapes shared by lib/, the background, the UI and (later) the team
 * sync service. Every stored row has a stable string id and an update stamp
 * so it can be synced; shared rows carry the shop they belong to.
 */

/** The seeds' six quick-reply groups, plus any custom group name. */
export const DEFAULT_GROUPS = ['问候语', '咨询回复', '订单相关', '售后服务', '投诉处理', '节日祝福'] as const;

export interface ReplyScript {
  id: string;
  group: string;
  /** One intent id from shared/intents.json. */
  intent: string;
  title: string;
  /** Reply text; may contain variables such as {买家} {订单号} {商品} {客服} {店铺} {cursor}. */
  text: string;
  /** Short phrases buyers actually write that this script answers. */
  triggers: string[];
  /** Optional shortcut code typed as /code in the compose box. */
  code?: string;
  favourite?: boolean;
  /** Position inside its group (drag to reorder). */
  order?: number;
  /** Where it came from: the default library, the rep, an import, the team. */
  source?: 'default' | 'user' | 'import' | 'team';
  /** Set when an importer guessed the intent and the rep has not confirmed it. */
  intentUnconfirmed?: boolean;
  shopId?: string;
  updatedAt: number;
  deleted?: boolean;
  /** A default script set aside because the rep uses their own library instead (kept, restorable). */
  hidden?: boolean;
}

export interface Suggestion {
  id: string;
  intent: string;
  title: string;
  text: string;
  score: number;
  /** Which clause of the buyer message this answers (for multi-question messages). */
  clause?: string;
  /** Ranges of the script title/text that matched, for highlighting. */
  highlights?: Array<{ field: 'title' | 'text'; start: number; end: number }>;
  explain?: string[];
}

export type RiskSeverity = 'block' | 'warn' | 'tip';

export interface RiskFinding {
  category: string;
  severity: RiskSeverity;
  /** Offsets into the ORIGINAL text (UTF-16), end exclusive. */
  start: number;
  end: number;
  match: string;
  message: { zh: string; en: string };
  rewrite?: string;
}

export interface ChatMessage {
  from: 'buyer' | 'seller' | 'system';
  text: string;
  /** Milliseconds since the epoch, when the page shows it. */
  time?: number;
}

/** What a site adapter reads from the page. */
export interface ConversationSnapshot {
  /** platform:shop:buyer — stable for one conversation. */
  key: string;
  platform: string;
  shop?: string;
  buyerName?: string;
  orderId?: string;
  item?: string;
  messages: ChatMessage[];
}

export type FollowUpKind = 'payment_reminder' | 'review_recovery' | 'aftersale_revisit' | 'complaint_revisit' | 'new_customer_revisit';

export type FollowUpStatus = 'open' | 'snoozed' | 'done' | 'expired';

/** The seeds' reasons a buyer did not pay. */
export const NON_PURCHASE_REASONS = ['价格高', '质量顾虑', '款式', '运费', '对比别家', '其他'] as const;

export type FollowUpOutcome =
  | { kind: 'paid' }
  | { kind: 'not_paid'; reason: (typeof NON_PURCHASE_REASONS)[number]; note?: string }
  | { kind: 'review_revised' }
  | { kind: 'explained_publicly' }
  | { kind: 'buyer_refused' }
  | { kind: 'no_reply' }
  | { kind: 'resolved' };

export interface FollowUpAttempt {
  at: number;
  scriptId?: string;
  rep?: string;
}

export interface FollowUp {
  id: string;
  kind: FollowUpKind;
  /** Platform id of the site adapter ('pinduoduo', 'demo', …). */
  site: string;
  conversationKey: string;
  conversationUrl?: string;
  buyerName?: string;
  orderId?: string;
  amount?: number;
  item?: string;
  createdAt: number;
  dueAt: number;
  /** After this the item expires (order auto-closed, review no longer revisable). */
  deadlineAt: number;
  status: FollowUpStatus;
  /** `${kind}:${site}:${orderId || conversationKey}` — one open follow-up per order and kind. */
  dedupeKey: string;
  outcome?: FollowUpOutcome;
  attempts: FollowUpAttempt[];
  notes?: string;
  tags?: string[];
  shopId?: string;
  /** Rep who holds the follow-up (team mode). */
  claimedBy?: string;
  updatedAt: number;
}

export interface UsageEvent {
  id: string;
  scriptId: string;
  site: string;
  conversationKey?: string;
  at: number;
  via: 'click' | 'keyboard' | 'context-menu' | 'shortcut-code';
}

export interface RiskOverride {
  id: string;
  at: number;
  site: string;
  categories: string[];
  /** SHA-256 of the draft, never the draft itself. */
  textHash: string;
  reason: string;
}

/** A taught page: plain data (selectors), never code. */
export interface SiteProfile {
  origin: string;
  name: string;
  selectors: {
    messageList: string;
    buyerMessage: string;
    sellerMessage: string;
    composeBox: string;
    sendButton?: string;
    buyerName?: string;
    orderId?: string;
  };
  shopId?: string;
  updatedAt: number;
}
