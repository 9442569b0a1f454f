/**
 * The dedupe key `${kind}:${site}:${orderId || conversationKey}` under the
 * unique &dedupeKey index guarantees ONE open follow-up per order and kind.
 *
 * A closed (done/expired) row gives its key up: it is stored as
 * `~${key}#${id}`, so a new follow-up for the same order can be opened while
 * the history stays. As a bonus, live keys all start with a kind id, so
 * "open items of kind K (on site S)" is an index prefix range: counts per
 * kind never load a row.
 */
import type { FollowUpKind } from '../types';

const ARCHIVED = '~';

export function dedupeKeyFor(kind: FollowUpKind, site: string, orderId: string | undefined, conversationKey: string | undefined): string {
  return `${kind}:${site}:${orderId || conversationKey || ''}`;
}

export function archivedKey(liveKey: string, id: string): string {
  return isArchivedKey(liveKey) ? liveKey : `${ARCHIVED}${liveKey}#${id}`;
}

export function isArchivedKey(key: string): boolean {
  return key.startsWith(ARCHIVED);
}

/** The live key of a row whatever its status. */
export function liveKeyOf(row: { dedupeKey: string; id: string }): string {
  if (!isArchivedKey(row.dedupeKey)) return row.dedupeKey;
  const suffix = `#${row.id}`;
  const body = row.dedupeKey.slice(ARCHIVED.length);
  return body.endsWith(suffix) ? body.slice(0, -suffix.length) : body;
}

/** Index prefix of live keys for a kind, optionally on one site. */
export function livePrefix(kind: FollowUpKind, site?: string): string {
  return site === undefined ? `${kind}:` : `${kind}:${site}:`;
}
