/** First run: the default library goes in once, never over the rep's edits and never again after a deliberate wipe. */
import type { HuashuDB } from '../db/schema';
import type { ReplyScript } from '../types';

/** Marks that the default library went in once; a rep who deletes everything keeps an empty library. */
export const SEEDED_KEY = '__defaultLibrarySeededAt';

/** Answers how many scripts went in (0 when seeded before, or when the rep already has a library). */
export async function seedDefaultLibrary(db: HuashuDB, library: readonly ReplyScript[], now: number): Promise<number> {
  if (await db.settings.get(SEEDED_KEY)) return 0;
  if ((await db.scripts.count()) > 0) {
    await db.settings.put({ key: SEEDED_KEY, value: now }); // a library from before this flag existed
    return 0;
  }
  const scripts = library.map((s) => ({ ...s, source: 'default' as const, updatedAt: s.updatedAt ?? now }));
  await db.transaction('rw', db.scripts, db.settings, async () => {
    await db.scripts.bulkPut(scripts);
    await db.settings.put({ key: SEEDED_KEY, value: now });
  });
  return scripts.length;
}
