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
