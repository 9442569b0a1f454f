/** The toolbar popup: toggle the sidebar on this tab, and the follow-ups that are due. */
import { browser } from 'wxt/browser';
import { tabMessenger } from '@/lib/messages';
import { pick } from '../i18n';
import { FollowUpList } from './FollowUpList';

async function toggleSidebar() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await tabMessenger.sendMessage('toggleSidebar', undefined, tab.id).catch(() => undefined);
  window.close();
}

export function Popup() {
  return (
    <div class="popup" style={{ width: '420px', padding: '12px' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: '8px', marginBottom: '8px' }}>
        <span class="logo">话术 Huashu</span>
        <span style={{ flex: 1 }} />
        <button data-huashu="toggle-sidebar" onClick={() => void toggleSidebar()}>
          {pick({ zh: '显示/隐藏侧边栏', en: 'Show/hide sidebar' })}
        </button>
        <button onClick={() => void browser.runtime.openOptionsPage()}>{pick({ zh: '设置', en: 'Settings' })}</button>
      </header>
      <FollowUpList />
    </div>
  );
}
