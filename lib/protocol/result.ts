/**
 * How the background answers: never a thrown error across the wire, always a
 * Result, so a failure reaches the caller as a typed error it can show the rep.
 */
export type ErrorCode = 'bad_request' | 'not_found' | 'quota' | 'conflict' | 'forbidden' | 'internal';

export interface ResultError {
  code: ErrorCode;
  zh: string;
  en: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, zh: string, en: string): { ok: false; error: ResultError } {
  return { ok: false, error: { code, zh, en } };
}
