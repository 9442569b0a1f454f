/**
 * What a value inside a change may be, the same on both sides of team sync:
 * every string well-formed UTF-16 without NUL (PostgreSQL's text and jsonb
 * refuse U+0000 and lone surrogates), every number finite and within
 * ±Number.MAX_SAFE_INTEGER, nesting at most LIMITS.maxDepth levels deep.
 *
 * The service checks (findBadValue) and rejects the one change that breaks a
 * rule; the client repairs what it can before a change is queued
 * (cleanValue: lone surrogates become U+FFFD, NUL is dropped, known fields are
 * cut by code point) and keeps what it cannot repair out of the outbox.
 * Both walk with an explicit stack, so a hostile depth never overflows ours.
 */
import { truncateText, wellFormed } from '../text/truncate';
import { LIMITS } from './protocol';

export type BadValueCode = 'invalid_text' | 'invalid_number' | 'too_deep';

export interface BadValue {
  code: BadValueCode;
  /** The key (or array index) under which the bad value sits; never the value itself. */
  at: string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isCleanText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

export function isSaneNumber(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= LIMITS.maxNumber;
}

/** The first rule a JSON value breaks, or undefined. Object keys are checked like strings. */
export function findBadValue(root: unknown, maxDepth: number = LIMITS.maxDepth): BadValue | undefined {
  const stack: Array<[unknown, number, string]> = [[root, 1, '']];
  while (stack.length > 0) {
    const [v, depth, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isCleanText(v)) return { code: 'invalid_text', at };
    } else if (typeof v === 'number') {
      if (!isSaneNumber(v)) return { code: 'invalid_number', at };
    } else if (typeof v === 'object' && v !== null) {
      if (depth > maxDepth) return { code: 'too_deep', at };
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1, `${at}[${i}]`]);
      } else {
        for (const [k, child] of Object.entries(v)) {
          if (!isCleanText(k)) return { code: 'invalid_text', at: at ? `${at}.<key>` : '<key>' };
          stack.push([child, depth + 1, at ? `${at}.${k}` : k]);
        }
      }
    }
  }
  return undefined;
}

/** Well-formed, without NUL, and at most `max` code points (never half an emoji). */
export function cleanText(s: string, max?: number): string {
  const clean = wellFormed(s.includes('\u0000') ? s.replace(/\u0000/g, '') : s);
  return max === undefined ? clean : truncateText(clean, max);
}

export interface Cleaned<T> {
  value: T;
  /** Set when the value cannot be sent at all (nested deeper than the limit). */
  problem?: 'too_deep';
}

/**
 * A copy with every string (and key) made clean, NaN and ±Infinity as null
 * (what JSON.stringify sends for them); other numbers as they are (the
 * service judges their range). Subtrees deeper than maxDepth are
 * replaced by null and reported, so the copy itself is always safe to store.
 */
export function cleanValue<T>(root: T, maxDepth: number = LIMITS.maxDepth): Cleaned<T> {
  let problem: 'too_deep' | undefined;
  const holder: { v?: unknown } = {};
  const stack: Array<[unknown, number, Record<string | number, unknown>, string | number]> = [[root, 1, holder as Record<string, unknown>, 'v']];
  while (stack.length > 0) {
    const [v, depth, parent, key] = stack.pop()!;
    if (typeof v === 'string') parent[key] = cleanText(v);
    else if (typeof v === 'object' && v !== null) {
      if (depth > maxDepth) {
        parent[key] = null;
        problem = 'too_deep';
      } else if (Array.isArray(v)) {
        const out: unknown[] = new Array(v.length);
        parent[key] = out;
        for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1, out as unknown as Record<number, unknown>, i]);
      } else {
        const out: Record<string, unknown> = {};
        parent[key] = out;
        for (const [k, child] of Object.entries(v)) {
          const ck = cleanText(k);
          out[ck] = undefined; // keep the key order of the original
          stack.push([child, depth + 1, out, ck]);
        }
      }
    } else if (typeof v === 'number' && !Number.isFinite(v))
      parent[key] = null; // what JSON would send
    else parent[key] = v;
  }
  return { value: holder.v as T, ...(problem ? { problem } : {}) };
}
