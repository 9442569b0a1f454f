import { clampSidebarWidth, validateSettings, type Settings } from '@/lib/settings';
import { handle, HandledError } from './handle';
import { readSettings } from './database';
import { browser } from 'wxt/browser';
import { repos } from './repositories';

export function registerSettingsHandlers(): void {
  handle('getSettings', () => readSettings());
  handle('updateSettings', (patch) => updateSettings(patch));
  // A chat page may change only its own sidebar's layout and the names typed into a variable prompt.
  handle('updateSidebarPrefs', async (req, caller) => {
    if (caller.kind !== 'page') throw new HandledError('bad_request', '只有聊天页面的侧边栏可以这样保存。', 'Only a chat page’s sidebar saves this way.');
    const host = new URL(caller.url).host;
    const current = await readSettings();
    const patch: Partial<Settings> = {};
    if (req.collapsed !== undefined) patch.sidebarCollapsed = { ...current.sidebarCollapsed, [host]: req.collapsed };
    if (req.width !== undefined) patch.sidebarWidths = { ...current.sidebarWidths, [host]: clampSidebarWidth(req.width) };
    if (req.repName !== undefined) patch.repName = req.repName;
    if (req.shopName !== undefined) patch.shopName = req.shopName;
    return updateSettings(patch);
  });
  handle('openOptions', async () => {
    await browser.runtime.openOptionsPage();
    return null;
  });
  handle('ping', () => ({ version: browser.runtime.getManifest().version }));
}

async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const problems = validateSettings(patch);
  if (problems.length) throw new HandledError('bad_request', problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
  return repos.settings.update(patch, 'local');
}
