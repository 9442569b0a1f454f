/**
 * The built-in marketplace adapters, in the order they are tried. 千牛 has no
 * adapter on purpose: no public code reads its live web chat, so it is served
 * by the rep's taught site profile.
 */
import type { SiteAdapter } from './adapter';
import { dongdongAdapter } from './dongdong';
import { feigeAdapter } from './feige';
import { kuaishouAdapter } from './kuaishou';
import { pinduoduoAdapter } from './pinduoduo';
import { shopeeAdapter } from './shopee';

export const MARKETPLACE_ADAPTERS: SiteAdapter[] = [pinduoduoAdapter, feigeAdapter, dongdongAdapter, kuaishouAdapter, shopeeAdapter];

/** The marketplace adapter for a page, or null (then the generic reader or a taught profile applies). */
export function marketplaceAdapterFor(url: URL, doc: Document): SiteAdapter | null {
  return MARKETPLACE_ADAPTERS.find((a) => a.matches(url, doc)) ?? null;
}
