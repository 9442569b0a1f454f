/**
 * The page features that run beside the sidebar, one per file (send guard,
 * live highlights, shortcut codes). Each cleans up when the context ends.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LastEditable } from '@/lib/insert/focus-tracker';
import type { PageSession } from '../page-session';

export function startPageFeatures(ctx: ContentScriptContext, session: PageSession, tracker: LastEditable): void {
  void ctx;
  void session;
  void tracker;
}
