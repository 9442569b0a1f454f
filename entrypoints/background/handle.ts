/**
 * Register a background handler for one protocol message: the request is
 * checked at the boundary, errors become typed Result errors (a quota error
 * is named as such so the rep can be told), nothing rejects unhandled.
 */
import { checkRequest, fail, messenger, ok, type Protocol, type Result } from '@/lib/messages';
import { browser, type Browser } from 'wxt/browser';

type Req<K extends keyof Protocol> = Parameters<Protocol[K]>[0];
type Value<K extends keyof Protocol> = ReturnType<Protocol[K]> extends Result<infer T> ? T : never;

export interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

export function handle<K extends keyof Protocol>(name: K, fn: (req: Req<K>, sender: Sender) => Promise<Value<K>> | Value<K>): void {
  messenger.onMessage(name, (async (message: { data: unknown; sender: Browser.runtime.MessageSender }) => {
    const problem = checkRequest(name, message.data);
    if (problem) return { ok: false, error: problem };
    try {
      const sender: Sender = { tabId: message.sender.tab?.id, frameId: message.sender.frameId, url: message.sender.url };
      return ok(await fn(message.data as Req<K>, sender));
    } catch (error) {
      return toFailure(error);
    }
  }) as never);
}

export function toFailure(error: unknown): { ok: false; error: { code: 'quota' | 'not_found' | 'bad_request' | 'conflict' | 'internal'; zh: string; en: string } } {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return fail('quota', '浏览器存储空间已满，本次更改未保存（已保存的数据不受影响）。请清理浏览器存储或导出备份后删除旧数据。', 'Browser storage is full; this change was not saved (saved data is safe). Free up storage or export a backup and delete old data.') as never;
  }
  if (error instanceof HandledError) return fail(error.code, error.zh, error.message) as never;
  console.error('[huashu] background handler failed', error);
  return fail('internal', `出错了：${String((error as Error)?.message ?? error)}`, `Something went wrong: ${String((error as Error)?.message ?? error)}`) as never;
}

/** An error the rep should read as it is (not found, bad input), with its Result code. */
export class HandledError extends Error {
  constructor(public code: 'not_found' | 'bad_request' | 'conflict', public zh: string, en: string) {
    super(en);
  }
}

export class NotFoundError extends HandledError {
  constructor(zh: string, en: string) {
    super('not_found', zh, en);
  }
}

/**
 * Answer messages whose type is not in the protocol with a clear error
 * instead of silence (the typed handlers ignore unknown types).
 */
export function rejectUnknownMessages(known: ReadonlySet<string>): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    const isProtocolShaped = typeof message === 'object' && message !== null && 'timestamp' in message;
    if (!isProtocolShaped || (typeof type === 'string' && known.has(type))) return false;
    sendResponse({ res: fail('bad_request', `无法识别的消息类型：${String(type)}`, `Unknown message type: ${String(type)}`) });
    return false;
  });
}
