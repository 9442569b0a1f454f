/**
 * Which adapter serves a page: a taught profile for this origin first (the rep
 * said so), then the built-in marketplace adapters, then the demo pages.
 * The generic adapter is never picked automatically: the rep chooses it.
 */
import type { SiteAdapter } from './adapter';
import { demoAdapter } from './demo';
import { MARKETPLACE_ADAPTERS } from './marketplaces';

export const BUILT_IN_ADAPTERS: SiteAdapter[] = [...MARKETPLACE_ADAPTERS, demoAdapter];

export function pickAdapter(url: URL, doc: Document, extra: SiteAdapter[] = []): SiteAdapter | null {
  for (const adapter of [...extra, ...BUILT_IN_ADAPTERS]) {
    try {
      if (adapter.matches(url, doc)) return adapter;
    } catch {
      // a probe that throws on a strange page simply does not match
    }
  }
  return null;
}
