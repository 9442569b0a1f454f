/**
 * Register a background handler for one protocol message: the sender is
 * placed (an extension page, or a content script speaking for one chat page)
 * and refused when its message group is not for it; the request is parsed by
 * its schema; errors become typed Result errors (a quota error is named as
 * such so the rep can be told), nothing rejects unhandled.
 */
import { fail, groupOf, messenger, ok, parseRequest, type Protocol, type Result } from '@/lib/messages';
import { callerOf, mayCall, type Caller } from '@/lib/protocol/caller';
import { browser, type Browser } from 'wxt/browser';

type Req<K extends keyof Protocol> = Parameters<Protocol[K]>[0];
type Value<K extends keyof Protocol> = ReturnType<Protocol[K]> extends Result<infer T> ? T : never;

export type { Caller };

export function handle<K extends keyof Protocol>(name: K, fn: (req: Req<K>, caller: Caller) => Promise<Value<K>> | Value<K>): void {
  const group = groupOf(name)!;
  messenger.onMessage(name, (async (message: { data: unknown; sender: Browser.runtime.MessageSender }) => {
    const s = message.sender;
    const caller = callerOf({ url: s.url, origin: s.origin, tabId: s.tab?.id, frameId: s.frameId }, browser.runtime.getURL('/'));
    if (!caller || !mayCall(caller, group)) {
      return fail('forbidden', '只有扩展自己的页面（设置页、弹出窗口）可以执行这个操作。', 'Only the extension’s own pages (options, popup) may do this.');
    }
    const parsed = parseRequest(name, message.data);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      return ok(await fn(parsed.value as Req<K>, caller));
    } catch (error) {
      return toFailure(error);
    }
  }) as never);
}

/** Refuse a page that names a site or row it does not own, as if the row did not exist. */
export function notYours(): never {
  throw new NotFoundError('找不到这条记录。', 'No such record.');
}

export function toFailure(error: unknown): {
  ok: false;
  error: { code: 'quota' | 'not_found' | 'bad_request' | 'conflict' | 'internal'; zh: string; en: string };
} {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return fail(
      'quota',
      '浏览器存储空间已满，本次更改未保存（已保存的数据不受影响）。请清理浏览器存储或导出备份后删除旧数据。',
      'Browser storage is full; this change was not saved (saved data is safe). Free up storage or export a backup and delete old data.',
    ) as never;
  }
  if (error instanceof HandledError) return fail(error.code, error.zh, error.message) as never;
  console.error('[huashu] background handler failed', error);
  return fail(
    'internal',
    `出错了：${String((error as Error)?.message ?? error)}`,
    `Something went wrong: ${String((error as Error)?.message ?? error)}`,
  ) as never;
}

/** An error the rep should read as it is (not found, bad input), with its Result code. */
export class HandledError extends Error {
  constructor(
    public code: 'not_found' | 'bad_request' | 'conflict',
    public zh: string,
    en: string,
  ) {
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
