/** Every write to the reply scripts, each announced once (lib/data/data-change.ts). */
import type { HuashuDB } from '../db/schema';
import type { ReplyScript } from '../types';
import type { ChangeOrigin, DataChange } from './data-change';

export type Emit = (change: DataChange) => void;

export function createScriptsRepo(db: () => HuashuDB, emit: Emit) {
  return {
    /** Write scripts in one transaction (all or nothing). */
    async save(scripts: ReplyScript[], origin: ChangeOrigin): Promise<void> {
      const d = db();
      await d.transaction('rw', d.scripts, () => d.scripts.bulkPut(scripts));
      emit({ table: 'scripts', op: 'saved', rows: scripts, origin });
    },
    /** Delete by id; answers the scripts that were there. */
    async remove(ids: string[], origin: ChangeOrigin): Promise<ReplyScript[]> {
      const d = db();
      let removed: ReplyScript[] = [];
      await d.transaction('rw', d.scripts, async () => {
        removed = (await d.scripts.bulkGet(ids)).filter((s): s is ReplyScript => !!s);
        await d.scripts.bulkDelete(ids);
      });
      emit({ table: 'scripts', op: 'deleted', rows: removed, origin });
      return removed;
    },
    /** Hide (or show again) every default script; answers how many changed. This rep's view only: not pushed. */
    async setDefaultsHidden(hidden: boolean): Promise<number> {
      const d = db();
      let changed = 0;
      await d.transaction('rw', d.scripts, async () => {
        await d.scripts
          .filter((s) => s.source === 'default' && !s.deleted && !!s.hidden !== hidden)
          .modify((s) => {
            changed++;
            if (hidden) s.hidden = true;
            else delete s.hidden;
          });
      });
      emit({ table: 'scripts', op: 'replaced', origin: 'local' });
      return changed;
    },
  };
}
