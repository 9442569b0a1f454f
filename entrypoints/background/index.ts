/**
 * The background service worker wires the features together. It alone opens
 * the database; content scripts and pages reach it through lib/messages.ts.
 */
import { browser } from 'wxt/browser';
import { seedDefaultLibrary } from './database';
import { registerSettingsHandlers } from './settings';
import { registerReplyScriptHandlers } from './reply-scripts';
import { registerUsageHandlers } from './usage';
import { registerContextMenu } from './context-menu';
import { registerToolbar } from './toolbar';
import { registerRiskHandlers } from './risk';
import { registerSiteProfileHandlers } from './site-profiles';
import { registerLibraryIoHandlers } from './library-io';
import { rejectUnknownMessages } from './handle';
import { registerFollowUpHandlers } from './followups';
import { registerTeamSyncHandlers } from './team-sync';
import { PROTOCOL_NAMES } from '@/lib/messages';
import { registerBroadcasts } from './broadcast';

export default defineBackground(() => {
  registerBroadcasts();
  registerSettingsHandlers();
  registerReplyScriptHandlers();
  registerUsageHandlers();
  registerContextMenu();
  registerToolbar();
  registerRiskHandlers();
  registerSiteProfileHandlers();
  registerFollowUpHandlers();
  registerLibraryIoHandlers();
  registerTeamSyncHandlers();
  rejectUnknownMessages(PROTOCOL_NAMES);
  browser.runtime.onInstalled.addListener(() => void seedDefaultLibrary());
  // A wiped database (or a worker that woke before onInstalled ran) gets the library too.
  void seedDefaultLibrary();
});
