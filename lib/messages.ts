/**
 * The typed protocol between content scripts / extension pages and the
 * background, which alone owns the database.
 *
 * Each message is one schema (lib/protocol/page-messages.ts for what a chat
 * page may ask, lib/protocol/extension-messages.ts for what only the
 * extension's own pages may ask); request types are inferred from the
 * schemas, so the boundary check and the type are one truth. The background
 * answers `Result<T>`; a request of the wrong shape is refused with a
 * bilingual error before any handler runs.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { RequestOf, ResponseOf } from './protocol/define';
import { EXTENSION_MESSAGES } from './protocol/extension-messages';
import { PAGE_MESSAGES } from './protocol/page-messages';
import type { Result, ResultError } from './protocol/result';

export { fail, ok, type ErrorCode, type Result, type ResultError } from './protocol/result';
export type { BackupTables, FollowUpReportData } from './protocol/extension-messages';

const MESSAGES = { ...PAGE_MESSAGES, ...EXTENSION_MESSAGES };
type Messages = typeof MESSAGES;

/** name → (request) => response. Responses are wrapped in Result<…> on the wire. */
export type Protocol = { [K in keyof Messages]: (req: RequestOf<Messages[K]>) => Result<ResponseOf<Messages[K]>> };

/** Who may send a message: any caller, or only the extension's own pages. */
export type MessageGroup = 'page' | 'extension';

export function groupOf(name: string): MessageGroup | undefined {
  if (Object.hasOwn(PAGE_MESSAGES, name)) return 'page';
  if (Object.hasOwn(EXTENSION_MESSAGES, name)) return 'extension';
  return undefined;
}

export type ConversationContext = RequestOf<Messages['conversationChanged']>;
export type FollowUpListQuery = NonNullable<RequestOf<Messages['listFollowUps']>>;
export type LogFollowUpRequest = RequestOf<Messages['logFollowUp']>;

/** Background → content script messages. */
export interface TabProtocol {
  toggleSidebar(req: undefined): void;
  insertScript(req: { scriptId: string; frameId?: number }): Result<null>;
  focusSearch(req: undefined): void;
}

export const messenger = defineExtensionMessaging<Protocol>();
export const tabMessenger = defineExtensionMessaging<TabProtocol>();

/** Every request name the background answers. */
export const PROTOCOL_NAMES: ReadonlySet<string> = new Set(Object.keys(MESSAGES));

/**
 * Check a request against its message's schema. Answers the request as it
 * will be handled (stored strings made well-formed, unknown fields dropped)
 * or a clear, bilingual error naming the field.
 */
export function parseRequest(name: string, req: unknown): { ok: true; value: unknown } | { ok: false; error: ResultError } {
  if (!Object.hasOwn(MESSAGES, name)) return { ok: false, error: { code: 'bad_request', zh: `未知的消息：${name}`, en: `Unknown message: ${name}` } };
  const parsed = v.safeParse(MESSAGES[name as keyof Messages].request, req);
  if (parsed.success) return { ok: true, value: parsed.output };
  const problem = describeIssue(parsed.issues[0]);
  return { ok: false, error: { code: 'bad_request', zh: `请求格式不正确（${name}）：${problem}`, en: `Malformed request (${name}): ${problem}` } };
}

/** The old boundary check's shape: null when the request is fine. */
export function checkRequest(name: string, req: unknown): ResultError | null {
  const parsed = parseRequest(name, req);
  return parsed.ok ? null : parsed.error;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `field "${path}": ${issue.message}` : issue.message;
}
