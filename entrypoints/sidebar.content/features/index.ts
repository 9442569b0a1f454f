/**
 * The page features that run beside the sidebar, one per file, each keeping
 * the contract in ./feature.ts. A new feature is one file plus one line here.
 */
import type { PageFeature } from './feature';
import { backgroundMessages } from './background-messages';
import { keyboardShortcuts } from './keyboard-shortcuts';
import { liveHighlights } from './live-highlights';
import { pageSpace } from './page-space';
import { sendGuard } from './send-guard';
import { shortcutCodes } from './shortcut-codes';

export const PAGE_FEATURES: readonly PageFeature[] = [pageSpace, backgroundMessages, keyboardShortcuts, sendGuard, liveHighlights, shortcutCodes];
