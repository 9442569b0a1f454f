/** Tell every open sidebar (and extension page) that something changed, so edits show without a reload or a poll. */
import { browser } from 'wxt/browser';
import { announcement, type Announced } from '@/lib/protocol/announcement';
import { dataChanges } from './data-changes';

export function announce(what: Announced): void {
  const message = announcement(what);
  void browser.runtime.sendMessage(message).catch(() => undefined); // extension pages
  if (what === 'team') return; // only the options page shows the team
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
}

/** Scripts and settings reach open sidebars and pages whoever wrote them (the rep, the team, a restore). */
export function registerBroadcasts(): void {
  dataChanges.on((change) => {
    if (change.table === 'scripts') announce('library');
    else if (change.table === 'settings') announce('settings');
  });
}
