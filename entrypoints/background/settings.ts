import { validateSettings } from '@/lib/settings';
import { handle, HandledError } from './handle';
import { readSettings, writeSettings } from './database';
import { browser } from 'wxt/browser';
import { broadcastSettingsChanged } from './broadcast';
import { teamRiskWordsChanged } from './team-sync';

export function registerSettingsHandlers(): void {
  handle('getSettings', () => readSettings());
  handle('updateSettings', async (patch) => {
    const problems = validateSettings(patch);
    if (problems.length) throw new HandledError('bad_request', problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
    const before = patch.customBanned ? (await readSettings()).customBanned : undefined;
    const settings = await writeSettings(patch);
    if (before) teamRiskWordsChanged(before, settings.customBanned);
    broadcastSettingsChanged();
    return settings;
  });
  handle('openOptions', async () => {
    await browser.runtime.openOptionsPage();
    return null;
  });
  handle('ping', () => ({ version: browser.runtime.getManifest().version }));
}
