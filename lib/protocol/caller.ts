/**
 * Who sent a message, as the browser (not the request) says. The extension's
 * own pages may ask anything; a content script speaks for one chat page, and
 * what it may read or write is scoped to that page's origin and site.
 */
import { isLocalUrl } from '../sites/dom-queries';
import { platformOfHost } from '../sites/built-in-matches';
import type { MessageGroup } from '../messages';

/** The parts of runtime.MessageSender this decision reads. */
export interface SenderInfo {
  url?: string;
  origin?: string;
  tabId?: number;
  frameId?: number;
}

export type Caller =
  | { kind: 'extension'; tabId?: number }
  | {
      kind: 'page';
      /** The page's origin, from the browser. */
      origin: string;
      url: string;
      tabId?: number;
      frameId?: number;
      /** Site ids this page may name ('any' on local demo and fixture pages, which reproduce every platform). */
      sites: ReadonlySet<string> | 'any';
    };

/** Sites any page can be in: generic mode and a taught profile. */
const EVERY_PAGE_SITES = ['generic', 'profile'];

/** `extensionBase` is runtime.getURL('') ("chrome-extension://<id>/"). Null when the sender cannot be placed. */
export function callerOf(sender: SenderInfo, extensionBase: string): Caller | null {
  const url = sender.url ?? '';
  if (url && url.startsWith(extensionBase)) return { kind: 'extension', tabId: sender.tabId };
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return null;
  }
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return null;
  const origin = sender.origin && sender.origin !== 'null' ? sender.origin : page.origin;
  const platform = platformOfHost(page.hostname);
  const sites = isLocalUrl(page) ? 'any' : new Set([...EVERY_PAGE_SITES, ...(platform ? [platform] : [])]);
  return { kind: 'page', origin, url, tabId: sender.tabId, frameId: sender.frameId, sites };
}

/** May this caller send a message of this group? */
export function mayCall(caller: Caller, group: MessageGroup): boolean {
  return group === 'page' || caller.kind === 'extension';
}

/** May this caller name this site (log a follow-up for it, record usage on it…)? */
export function mayUseSite(caller: Caller, site: string): boolean {
  if (caller.kind === 'extension' || caller.sites === 'any') return true;
  return caller.sites.has(site);
}

/**
 * May this caller see (or close) a follow-up? A page sees only its own site's
 * rows, and for sites that are not one marketplace's (generic, a taught
 * profile) only rows logged from its own origin.
 */
export function maySeeFollowUp(caller: Caller, row: { site: string; conversationUrl?: string }): boolean {
  if (caller.kind === 'extension' || caller.sites === 'any') return true;
  if (!mayUseSite(caller, row.site)) return false;
  if (!EVERY_PAGE_SITES.includes(row.site)) return true;
  return originOf(row.conversationUrl) === caller.origin;
}

/** A conversation link a page reports must be on that page's own origin; anything else becomes the page's own URL. */
export function ownConversationUrl(caller: Caller, reported: string | undefined): string | undefined {
  if (caller.kind === 'extension') return reported;
  return originOf(reported) === caller.origin ? reported : caller.url;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
