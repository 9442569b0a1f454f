/**
 * The options page's library work: usage counts, bulk writes (import, move,
 * reorder, undo), bulk delete, backup export/restore and the library lint.
 * Every bulk write is one Dexie transaction, so an import or a restore either
 * lands whole or not at all. Afterwards the suggestion index is rebuilt on
 * next use and open sidebars are told the library changed.
 */
import { scanText } from '@/lib/risk/scanner';
import { recountLive } from '@/lib/followups/store';
import type { ReplyScript } from '@/lib/types';
import { isLiveScript } from '@/lib/library-visibility';
import { database, readSettings } from './database';
import { handle, HandledError } from './handle';
import { restorableSettings } from '@/lib/export/restore-settings';
import { dataChanges } from './data-changes';
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
    const d = database();
    await d.transaction('rw', d.scripts, async () => {
      await d.scripts.bulkPut(req.scripts);
    });
    dataChanges.emit({ table: 'scripts', op: 'saved', rows: req.scripts, origin: 'local' });
    return { written: req.scripts.length };
  });

  // The rep's own library instead of the defaults (or back): default scripts are hidden, never deleted.
  handle('setDefaultLibrary', async (req) => {
    const d = database();
    let changed = 0;
    await d.transaction('rw', d.scripts, async () => {
      await d.scripts
        .filter((s) => s.source === 'default' && !s.deleted && !!s.hidden !== req.hidden)
        .modify((s) => {
          changed++;
          if (req.hidden) s.hidden = true;
          else delete s.hidden;
        });
    });
    // Local only: hiding the defaults is this rep's view, not the team's library.
    dataChanges.emit({ table: 'scripts', op: 'replaced', origin: 'local' });
    return { changed };
  });

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

  handle('deleteScripts', async (req) => {
    const d = database();
    let removed: ReplyScript[] = [];
    await d.transaction('rw', d.scripts, async () => {
      removed = (await d.scripts.bulkGet(req.ids)).filter((s): s is ReplyScript => !!s);
      await d.scripts.bulkDelete(req.ids);
    });
    dataChanges.emit({ table: 'scripts', op: 'deleted', rows: removed, origin: 'local' });
    return removed;
  });

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
    const d = database();
    await d.transaction('rw', [d.scripts, d.settings, d.followups, d.usage], async () => {
      await Promise.all([d.scripts.clear(), d.settings.clear(), d.followups.clear(), d.usage.clear()]);
      await d.scripts.bulkPut(backup.scripts);
      await d.settings.bulkPut(settings.rows);
      await d.followups.bulkPut(backup.followups);
      await d.usage.bulkPut(backup.usage);
    });
    // The follow-up counters (kept beside the rows for a fast popup) must match the restored rows.
    await recountLive(d);
    dataChanges.emit({ table: 'followups', op: 'replaced', origin: 'restore' });
    dataChanges.emit({ table: 'scripts', op: 'replaced', origin: 'restore' });
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
