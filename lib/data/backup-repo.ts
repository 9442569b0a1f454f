/** Replacing the rep's data with a backup's, in one transaction, announced as a restore (never pushed to the team). */
import type { HuashuDB } from '../db/schema';
import type { FollowUp, ReplyScript, UsageEvent } from '../types';
import { recountLive } from './followups-store';
import type { Emit } from './scripts-repo';

export interface RestoredTables {
  scripts: ReplyScript[];
  /** Already checked (lib/export/restore-settings.ts). */
  settings: Array<{ key: string; value: unknown }>;
  followups: FollowUp[];
  usage: UsageEvent[];
}

export function createBackupRepo(db: () => HuashuDB, emit: Emit) {
  return {
    async restore(tables: RestoredTables): Promise<void> {
      const d = db();
      await d.transaction('rw', [d.scripts, d.settings, d.followups, d.usage], async () => {
        await Promise.all([d.scripts.clear(), d.settings.clear(), d.followups.clear(), d.usage.clear()]);
        await d.scripts.bulkPut(tables.scripts);
        await d.settings.bulkPut(tables.settings);
        await d.followups.bulkPut(tables.followups);
        await d.usage.bulkPut(tables.usage);
      });
      // The follow-up counters (kept beside the rows for a fast popup) must match the restored rows.
      await recountLive(d);
      emit({ table: 'followups', op: 'replaced', origin: 'restore' });
      emit({ table: 'scripts', op: 'replaced', origin: 'restore' });
    },
  };
}
