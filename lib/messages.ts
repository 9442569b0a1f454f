/**
 * The typed protocol between content scripts / extension pages and the
 * background, which alone owns the database.
 *
 * Every request name maps to a request type and a response type. Handlers
 * never throw across the wire: the background answers `Result<T>`, so a
 * failure reaches the caller as a typed error it can show to the rep.
 * Requests are checked at the boundary (`checkRequest`): a content script on
 * a hostile or broken page must not be able to write malformed rows.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { FollowUp, FollowUpKind, FollowUpOutcome, ReplyScript, RiskFinding, SiteProfile, Suggestion, UsageEvent } from './types';
import type { Settings } from './settings';
import type { ClaimAnswer, TeamView } from './sync/team-view';

export type ErrorCode = 'bad_request' | 'not_found' | 'quota' | 'conflict' | 'internal';
export interface ResultError {
  code: ErrorCode;
  zh: string;
  en: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export interface ConversationContext {
  site: string;
  conversationKey?: string;
  buyerName?: string;
  orderId?: string;
  latestBuyerMessage?: string;
  url?: string;
}

export interface FollowUpListQuery {
  kind?: FollowUpKind;
  site?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** What the sidebar knows when it logs a follow-up; the background fills in the schedule. */
export type LogFollowUpRequest = Pick<FollowUp, 'kind' | 'site' | 'conversationKey' | 'conversationUrl' | 'buyerName' | 'orderId' | 'amount' | 'item'> & {
  scriptId?: string;
};

/** name → (request) => response. Responses are wrapped in Result<…> on the wire. */
export interface Protocol {
  ping(req: undefined): Result<{ version: string }>;
  getSettings(req: undefined): Result<Settings>;
  updateSettings(req: Partial<Settings>): Result<Settings>;
  suggest(req: { message: string; context: ConversationContext; top?: number }): Result<Suggestion[]>;
  searchScripts(req: { query: string; group?: string; top?: number }): Result<ReplyScript[]>;
  listScripts(req: { group?: string; favouritesOnly?: boolean }): Result<ReplyScript[]>;
  getScript(req: { id: string }): Result<ReplyScript>;
  saveScript(req: ReplyScript): Result<ReplyScript>;
  deleteScript(req: { id: string }): Result<ReplyScript>;
  recentScripts(req: { limit?: number }): Result<ReplyScript[]>;
  recordUsage(req: Omit<UsageEvent, 'id' | 'at'>): Result<UsageEvent>;
  usageCount(req: { scriptId?: string }): Result<number>;
  /** The content script tells the background what this tab's conversation is (for the context menu). */
  conversationChanged(req: ConversationContext): Result<null>;
  logRiskOverride(req: { site: string; categories: string[]; textHash: string; reason: string }): Result<null>;
  logFollowUp(req: LogFollowUpRequest): Result<FollowUp>;
  followUpsForConversation(req: { conversationKey: string }): Result<FollowUp[]>;
  listFollowUps(req: FollowUpListQuery): Result<unknown>;
  markFollowUpDone(req: { id: string; outcome: FollowUpOutcome }): Result<FollowUp>;
  snoozeFollowUp(req: { id: string; until: number }): Result<FollowUp>;
  deleteFollowUp(req: { id: string }): Result<FollowUp>;
  restoreFollowUp(req: FollowUp): Result<FollowUp>;
  getSiteProfile(req: { origin: string }): Result<SiteProfile | null>;
  saveSiteProfile(req: SiteProfile): Result<SiteProfile>;
  deleteSiteProfile(req: { origin: string }): Result<null>;
  libraryLint(req: undefined): Result<Array<{ script: ReplyScript; findings: RiskFinding[] }>>;
  openOptions(req: undefined): Result<null>;
  // Options page: library management, import/export, backup, extra sites (entrypoints/background/library-io.ts).
  /** Insertions per scriptId (all time), read from the usage table's scriptId index. */
  usageCounts(req: undefined): Result<Record<string, number>>;
  /** Write many scripts in ONE transaction (import, reorder, move, undo): all or nothing. */
  saveScripts(req: { scripts: ReplyScript[] }): Result<{ written: number }>;
  deleteScripts(req: { ids: string[] }): Result<ReplyScript[]>;
  /** Hide (or show again) every default script: the rep's own library in charge. Answers how many changed. */
  setDefaultLibrary(req: { hidden: boolean }): Result<{ changed: number }>;
  defaultLibraryState(req: undefined): Result<{ hidden: number; shown: number }>;
  /** Every table a backup holds (the page wraps it with createBackup). */
  exportBackup(req: undefined): Result<BackupTables>;
  /** Replace scripts, settings, follow-ups and usage with a backup's, in one transaction. */
  restoreBackup(req: BackupTables): Result<{ scripts: number; settings: number; followups: number; usage: number }>;
  /** After the page got the host permission: register the sidebar there and remember the origin. */
  addExtraSite(req: { origin: string }): Result<Settings>;
  removeExtraSite(req: { origin: string }): Result<Settings>;
  // Follow-up popup and report (entrypoints/background/followups.ts).
  /** Done + expired items, most recently due first (the popup's last tab; loaded only when opened). */
  listClosedFollowUps(req: FollowUpListQuery): Result<{ rows: FollowUp[]; total: number; hasMore: boolean }>;
  reopenFollowUp(req: { id: string }): Result<FollowUp>;
  /** The rep sent a reminder outside the sidebar (copied it from the popup): one more attempt, rescheduled. */
  recordFollowUpAttempt(req: { id: string; scriptId?: string }): Result<FollowUp>;
  /** Scripts for a follow-up kind's intent (催付 → payment_reminder…), most used first. */
  followUpScripts(req: { kind: FollowUpKind; limit?: number }): Result<ReplyScript[]>;
  /** Insert a script into the follow-up's conversation tab; fails with a clear reason when that tab is not open or shows another buyer. */
  insertFollowUpScript(req: { id: string; scriptId: string }): Result<{ tabId: number }>;
  followUpReport(req: { from: number; to: number; utcOffsetMinutes?: number }): Result<FollowUpReportData>;
  /** CSV text with a UTF-8 BOM: the report, or every follow-up created in the range. */
  followUpCsv(req: { from: number; to: number; what: 'report' | 'rows'; utcOffsetMinutes?: number }): Result<string>;
  /** Recount the stored live counters from the indexes (after rows were written outside the store). */
  recountFollowUps(req: undefined): Result<{ open: number; snoozed: number; rowCount: number }>;
  // Team sync (entrypoints/background/team-sync.ts). Off until the rep creates or joins a shop.
  teamState(req: undefined): Result<TeamView>;
  /** Create a shop on the sync server; the rep becomes its lead. */
  teamCreateShop(req: { serverUrl: string; shopName: string; repName: string }): Result<TeamView>;
  teamJoin(req: { serverUrl: string; code: string; repName: string }): Result<TeamView>;
  /** Lead only: a one-time invite code. */
  teamInvite(req: { role: 'rep' | 'editor' }): Result<{ code: string; role: string; expiresAt: number }>;
  teamLeave(req: undefined): Result<TeamView>;
  teamSyncNow(req: undefined): Result<TeamView>;
  /** Lead/editor: share these scripts with the team; a rep: propose them. */
  teamShareScripts(req: { ids: string[] }): Result<{ shared: number; proposed: number }>;
  teamDecideProposal(req: { id: string; decision: 'accept' | 'reject' }): Result<TeamView>;
  teamDismissConflict(req: { changeId: string }): Result<TeamView>;
  /** Before a 催付/review reply goes into the compose box: claim the follow-up (team mode); solo mode always allows. */
  claimFollowUp(req: { kind: FollowUpKind; site: string; conversationKey: string; conversationUrl?: string; buyerName?: string; orderId?: string; item?: string }): Result<ClaimAnswer>;
}

/** lib/followups/report.ts FollowUpReport, restated here so the protocol does not import the store. */
export interface FollowUpReportData {
  from: number;
  to: number;
  utcOffsetMinutes: number;
  days: Array<{ date: string; kind: FollowUpKind; created: number; done: number; expired: number }>;
  totals: Record<FollowUpKind, { created: number; done: number; expired: number }>;
  paymentConversion: { reminded: number; paid: number; rate: number | null };
  reviewRecovery: { contacted: number; revised: number; explained: number; rate: number | null };
  nonPurchaseReasons: Record<string, number>;
  topScripts: Array<{ scriptId: string; count: number }>;
}

export interface BackupTables {
  scripts: ReplyScript[];
  settings: Array<{ key: string; value: unknown }>;
  followups: FollowUp[];
  usage: UsageEvent[];
}

/** Background → content script messages. */
export interface TabProtocol {
  toggleSidebar(req: undefined): void;
  insertScript(req: { scriptId: string; frameId?: number }): Result<null>;
  focusSearch(req: undefined): void;
}

export const messenger = defineExtensionMessaging<Protocol>();
export const tabMessenger = defineExtensionMessaging<TabProtocol>();

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, zh: string, en: string): { ok: false; error: ResultError } {
  return { ok: false, error: { code, zh, en } };
}

// ---- boundary checks ---------------------------------------------------

type Check = (req: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 20_000) => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max = 2_000) => v === undefined || str(v, max);

function fields(spec: Record<string, (v: unknown) => boolean>): Check {
  return (req) => {
    if (!isObject(req)) return 'request must be an object';
    for (const [name, test] of Object.entries(spec)) {
      if (!test(req[name])) return `field "${name}" is missing or has the wrong type`;
    }
    return null;
  };
}

const FOLLOW_UP_KINDS = new Set(['payment_reminder', 'review_recovery', 'aftersale_revisit', 'complaint_revisit', 'new_customer_revisit']);
const scriptShape = fields({
  id: (v) => str(v, 200),
  group: (v) => str(v, 100),
  intent: (v) => str(v, 100),
  title: (v) => str(v, 200),
  text: (v) => str(v, 5_000),
  triggers: (v) => Array.isArray(v) && v.length <= 200 && v.every((t) => str(t, 200)),
  code: (v) => optStr(v, 40),
  updatedAt: (v) => typeof v === 'number',
});

const CHECKS: { [K in keyof Protocol]: Check } = {
  ping: () => null,
  getSettings: () => null,
  updateSettings: (r) => (isObject(r) ? null : 'settings must be an object'),
  suggest: fields({ message: (v) => str(v, 200_000), context: isObject, top: (v) => v === undefined || (typeof v === 'number' && v > 0 && v <= 50) }),
  searchScripts: fields({ query: (v) => str(v, 500), group: (v) => optStr(v, 100) }),
  listScripts: (r) => (r === undefined || isObject(r) ? null : 'request must be an object'),
  getScript: fields({ id: (v) => str(v, 200) }),
  saveScript: scriptShape,
  deleteScript: fields({ id: (v) => str(v, 200) }),
  recentScripts: (r) => (r === undefined || isObject(r) ? null : 'request must be an object'),
  recordUsage: fields({ scriptId: (v) => str(v, 200), site: (v) => str(v, 200), conversationKey: (v) => optStr(v, 500), via: (v) => ['click', 'keyboard', 'context-menu', 'shortcut-code'].includes(v as string) }),
  usageCount: (r) => (r === undefined || isObject(r) ? null : 'request must be an object'),
  conversationChanged: fields({ site: (v) => str(v, 200), latestBuyerMessage: (v) => optStr(v, 200_000) }),
  logRiskOverride: fields({ site: (v) => str(v, 200), categories: (v) => Array.isArray(v) && v.every((c) => str(c, 100)), textHash: (v) => str(v, 128), reason: (v) => str(v, 500) }),
  logFollowUp: fields({ kind: (v) => FOLLOW_UP_KINDS.has(v as string), site: (v) => str(v, 200), conversationKey: (v) => str(v, 500), orderId: (v) => optStr(v, 64), buyerName: (v) => optStr(v, 200), amount: (v) => v === undefined || typeof v === 'number' }),
  followUpsForConversation: fields({ conversationKey: (v) => str(v, 500) }),
  listFollowUps: (r) => (r === undefined || isObject(r) ? null : 'request must be an object'),
  markFollowUpDone: fields({ id: (v) => str(v, 200), outcome: isObject }),
  snoozeFollowUp: fields({ id: (v) => str(v, 200), until: (v) => typeof v === 'number' && Number.isFinite(v) }),
  deleteFollowUp: fields({ id: (v) => str(v, 200) }),
  restoreFollowUp: fields({ id: (v) => str(v, 200), kind: (v) => FOLLOW_UP_KINDS.has(v as string) }),
  getSiteProfile: fields({ origin: (v) => str(v, 500) }),
  saveSiteProfile: fields({ origin: (v) => str(v, 500), name: (v) => str(v, 200), selectors: isObject }),
  deleteSiteProfile: fields({ origin: (v) => str(v, 500) }),
  libraryLint: () => null,
  openOptions: () => null,
  usageCounts: () => null,
  saveScripts: (r) => (isObject(r) && Array.isArray(r.scripts) && r.scripts.length <= 200_000 ? firstProblem(r.scripts, scriptShape) : 'scripts must be a list'),
  deleteScripts: fields({ ids: (v) => Array.isArray(v) && v.length <= 200_000 && v.every((id) => str(id, 200)) }),
  setDefaultLibrary: fields({ hidden: (v) => typeof v === 'boolean' }),
  defaultLibraryState: () => null,
  exportBackup: () => null,
  restoreBackup: (r) =>
    isObject(r) && Array.isArray(r.scripts) && Array.isArray(r.settings) && Array.isArray(r.followups) && Array.isArray(r.usage)
      ? firstProblem(r.scripts, scriptShape)
      : 'backup must have scripts, settings, followups and usage lists',
  addExtraSite: fields({ origin: (v) => str(v, 300) }),
  removeExtraSite: fields({ origin: (v) => str(v, 300) }),
  listClosedFollowUps: (r) => (r === undefined || isObject(r) ? null : 'request must be an object'),
  reopenFollowUp: fields({ id: (v) => str(v, 200) }),
  recordFollowUpAttempt: fields({ id: (v) => str(v, 200), scriptId: (v) => optStr(v, 200) }),
  followUpScripts: fields({ kind: (v) => FOLLOW_UP_KINDS.has(v as string), limit: (v) => v === undefined || (typeof v === 'number' && v > 0 && v <= 100) }),
  insertFollowUpScript: fields({ id: (v) => str(v, 200), scriptId: (v) => str(v, 200) }),
  followUpReport: fields({ from: isTime, to: isTime }),
  followUpCsv: fields({ from: isTime, to: isTime, what: (v) => v === 'report' || v === 'rows' }),
  recountFollowUps: () => null,
  teamState: () => null,
  teamCreateShop: fields({ serverUrl: (v) => str(v, 500), shopName: (v) => str(v, 100), repName: (v) => str(v, 100) }),
  teamJoin: fields({ serverUrl: (v) => str(v, 500), code: (v) => str(v, 100), repName: (v) => str(v, 100) }),
  teamInvite: fields({ role: (v) => v === 'rep' || v === 'editor' }),
  teamLeave: () => null,
  teamSyncNow: () => null,
  teamShareScripts: fields({ ids: (v) => Array.isArray(v) && v.length <= 20_000 && v.every((id) => str(id, 200)) }),
  teamDecideProposal: fields({ id: (v) => str(v, 200), decision: (v) => v === 'accept' || v === 'reject' }),
  teamDismissConflict: fields({ changeId: (v) => str(v, 100) }),
  claimFollowUp: fields({ kind: (v) => FOLLOW_UP_KINDS.has(v as string), site: (v) => str(v, 200), conversationKey: (v) => str(v, 500), orderId: (v) => optStr(v, 64), buyerName: (v) => optStr(v, 200) }),
};

function isTime(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function firstProblem(items: unknown[], check: Check): string | null {
  for (let i = 0; i < items.length; i++) {
    const problem = check(items[i]);
    if (problem) return `item ${i + 1}: ${problem}`;
  }
  return null;
}

/** Every request name the background answers. */
export const PROTOCOL_NAMES: ReadonlySet<string> = new Set(Object.keys(CHECKS));

/** Reject a request of the wrong shape with a clear, bilingual error. */
export function checkRequest(name: string, req: unknown): ResultError | null {
  const check = (CHECKS as Record<string, Check | undefined>)[name];
  if (!check) return { code: 'bad_request', zh: `未知的消息：${name}`, en: `Unknown message: ${name}` };
  const problem = check(req);
  return problem ? { code: 'bad_request', zh: `请求格式不正确（${name}）：${problem}`, en: `Malformed request (${name}): ${problem}` } : null;
}
