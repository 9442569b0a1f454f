/** Tell every open sidebar (and extension page) that something changed, so edits show without a reload. */
import { browser } from 'wxt/browser';

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
