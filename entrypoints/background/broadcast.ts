/** Tell every open sidebar that the library changed, so edits show without a reload. */
import { browser } from 'wxt/browser';

export function broadcastLibraryChanged(): void {
  void browser.runtime.sendMessage({ huashu: 'library-changed' }).catch(() => undefined); // extension pages
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) {
      if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, { huashu: 'library-changed' }).catch(() => undefined);
    }
  });
}
