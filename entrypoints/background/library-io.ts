/**
 * The options page's library work: usage counts, bulk writes (import, move,
 * reorder, undo), bulk delete, backup export/restore and the library lint.
 * Every bulk write is one Dexie transaction, so an import or a restore either
 * lands whole or not at all. Afterwards the suggestion index is rebuilt on
 * next use and open sidebars are told the library changed.
 */
import { scanText } from '@/lib/risk/scanner';
import type { ReplyScript } from '@/lib/types';
import { isLiveScript } from '@/lib/library-visibility';
import { database, readSettings } from './database';
import { handle, HandledError } from './handle';
import { restorableSettings } from '@/lib/export/restore-settings';
import { repos } from './repositories';
import { registerExtraSiteHandlers, syncExtraSites } from './extra-sites';

export function registerLibraryIoHandlers(): void {
  handle('usageCounts', async () => {
    const counts: Record<string, number> = {};
    // Keys only, walked along the scriptId index: no usage row is loaded.
    await database()
      .usage.orderBy('scriptId')
      .eachKey((key) => {
        const id = String(key);
        counts[id] = (counts[id] ?? 0) + 1;
      });
    return counts;
  });

  handle('saveScripts', async (req) => {
    await repos.scripts.save(req.scripts, 'local');
    return { written: req.scripts.length };
  });

  // The rep's own library instead of the defaults (or back): default scripts are hidden, never deleted.
  handle('setDefaultLibrary', async (req) => ({ changed: await repos.scripts.setDefaultsHidden(req.hidden) }));

  handle('defaultLibraryState', async () => {
    let hidden = 0;
    let shown = 0;
    await database().scripts.each((s) => {
      if (s.source !== 'default' || s.deleted) return;
      if (s.hidden) hidden++;
      else shown++;
    });
    return { hidden, shown };
  });

  handle('deleteScripts', (req) => repos.scripts.remove(req.ids, 'local'));

  handle('exportBackup', async () => {
    const d = database();
    return d.transaction('r', [d.scripts, d.settings, d.followups, d.usage], async () => ({
      scripts: (await d.scripts.toArray()).filter((s) => !s.deleted),
      settings: await d.settings.toArray(),
      followups: await d.followups.toArray(),
      usage: await d.usage.toArray(),
    }));
  });

  handle('restoreBackup', async (backup) => {
    const settings = restorableSettings(backup.settings);
    if (!settings.ok) throw new HandledError('bad_request', settings.zh, settings.en);
    await repos.backup.restore({ scripts: backup.scripts, settings: settings.rows, followups: backup.followups, usage: backup.usage });
    await syncExtraSites().catch(() => undefined);
    return { scripts: backup.scripts.length, settings: backup.settings.length, followups: backup.followups.length, usage: backup.usage.length };
  });

  handle('libraryLint', async () => {
    const settings = await readSettings();
    const options = { customBanned: settings.customBanned, allowed: settings.allowedWords };
    const scripts = (await database().scripts.toArray()).filter(isLiveScript);
    const out: Array<{ script: ReplyScript; findings: ReturnType<typeof scanText> }> = [];
    for (const script of scripts) {
      const findings = scanText(script.text, options).filter((f) => f.severity !== 'tip');
      if (findings.length) out.push({ script, findings });
    }
    return out;
  });

  registerExtraSiteHandlers();
}
