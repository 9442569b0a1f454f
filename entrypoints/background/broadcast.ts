/** Tell every open sidebar (and extension page) that something changed, so edits show without a reload. */
import { browser } from 'wxt/browser';
import { dataChanges } from './data-changes';

type Change = 'library-changed' | 'settings-changed';

function broadcast(kind: Change): void {
  const message = { huashu: kind };
  void browser.runtime.sendMessage(message).catch(() => undefined); // extension pages
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
}

export const broadcastLibraryChanged = (): void => broadcast('library-changed');
export const broadcastSettingsChanged = (): void => broadcast('settings-changed');

/** Scripts and settings reach open sidebars and pages whoever wrote them (the rep, the team, a restore). */
export function registerBroadcasts(): void {
  dataChanges.on((change) => {
    if (change.table === 'scripts') broadcastLibraryChanged();
    else if (change.table === 'settings') broadcastSettingsChanged();
  });
}
