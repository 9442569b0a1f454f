/**
 * How UI code (sidebar, popup, options) calls the background: one function,
 * typed by the protocol, that unwraps Result and turns a dead extension
 * context into one clear state instead of a stream of exceptions.
 */
import { browser } from 'wxt/browser';
import { messenger, type Protocol, type Result, type ResultError } from '@/lib/messages';

type Req<K extends keyof Protocol> = Parameters<Protocol[K]>[0];
type Value<K extends keyof Protocol> = ReturnType<Protocol[K]> extends Result<infer T> ? T : never;

export class ApiError extends Error {
  constructor(public error: ResultError) {
    super(error.en);
  }
}

/** Thrown (once wrapped) when the extension was reloaded or updated under this page. */
export class ContextInvalidatedError extends Error {}

const invalidationListeners = new Set<() => void>();
let invalidated = false;

export function onContextInvalidated(listener: () => void): () => void {
  invalidationListeners.add(listener);
  return () => invalidationListeners.delete(listener);
}

export function isContextInvalidated(): boolean {
  if (!invalidated && isContextGone()) markInvalidated();
  return invalidated;
}

export function markInvalidated(): void {
  if (invalidated) return;
  invalidated = true;
  for (const listener of invalidationListeners) listener();
}

function looksInvalidated(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /Extension context invalidated|Receiving end does not exist|message port closed/i.test(text) && isContextGone();
}

function isContextGone(): boolean {
  try {
    return browser.runtime?.id === undefined;
  } catch {
    return true;
  }
}

export async function call<K extends keyof Protocol>(name: K, ...args: Req<K> extends undefined ? [req?: Req<K>] : [req: Req<K>]): Promise<Value<K>> {
  if (isContextInvalidated()) throw new ContextInvalidatedError('extension context invalidated');
  let result: Result<Value<K>>;
  try {
    result = (await (messenger.sendMessage as (n: K, d: unknown) => Promise<unknown>)(name, args[0])) as Result<Value<K>>;
  } catch (error) {
    if (looksInvalidated(error) || isContextGone()) {
      markInvalidated();
      throw new ContextInvalidatedError(String(error));
    }
    throw error;
  }
  if (!result || typeof result !== 'object') throw new ApiError({ code: 'internal', zh: '后台没有回应', en: 'The background did not answer' });
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
