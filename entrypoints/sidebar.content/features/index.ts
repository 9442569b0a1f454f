/**
 * The page features that run beside the sidebar, one per file. Each takes
 * the content-script context and cleans up when it ends.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LastEditable } from '@/lib/insert/focus-tracker';
import type { PageSession } from '../page-session';
import { startDraftScan } from './draft-scan';
import { startSendGuard } from './send-guard';
import { startLiveHighlights } from './live-highlights';
import { startShortcutCodes } from './shortcut-codes';

export function startPageFeatures(ctx: ContentScriptContext, session: PageSession, tracker: LastEditable, shadow: ShadowRoot): void {
  const draft = startDraftScan(ctx, session);
  startSendGuard(ctx, session, draft);
  startLiveHighlights(ctx, session, draft, shadow);
  startShortcutCodes(ctx, session, tracker);
}
