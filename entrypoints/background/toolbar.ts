/** The keyboard command toggles the sidebar in the current tab (the toolbar icon opens the popup). */
import { browser } from 'wxt/browser';
import { tabMessenger } from '@/lib/messages';

export function registerToolbar(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) void tabMessenger.sendMessage('toggleSidebar', undefined, tab.id).catch(() => undefined);
  });
}
