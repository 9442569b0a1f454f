/**
 * The background's handle on the one database (extension origin only), and
 * the first-run seeding of the default reply library.
 */
import { openDatabase, type HuashuDB } from '@/lib/db/schema';
import type { Settings } from '@/lib/settings';
import { readSettingsFrom, writeSettingsTo } from '@/lib/data/settings-rows';
import defaultLibrary from '@/assets/library/default-library.json';
import type { ReplyScript } from '@/lib/types';

let db: HuashuDB | undefined;

export function database(): HuashuDB {
  db ??= openDatabase();
  return db;
}

/** Marks that the default library went in once; a rep who deletes everything keeps an empty library. */
const SEEDED_KEY = '__defaultLibrarySeededAt';

/** Put the default library in on first run, never over the rep's edits and never again after a deliberate wipe. */
export async function seedDefaultLibrary(): Promise<number> {
  const d = database();
  if (await d.settings.get(SEEDED_KEY)) return 0;
  if ((await d.scripts.count()) > 0) {
    await d.settings.put({ key: SEEDED_KEY, value: Date.now() }); // a library from before this flag existed
    return 0;
  }
  const now = Date.now();
  const scripts = (defaultLibrary as ReplyScript[]).map((s) => ({ ...s, source: 'default' as const, updatedAt: s.updatedAt ?? now }));
  await d.transaction('rw', d.scripts, d.settings, async () => {
    await d.scripts.bulkPut(scripts);
    await d.settings.put({ key: SEEDED_KEY, value: now });
  });
  return scripts.length;
}

export function readSettings(): Promise<Settings> {
  return readSettingsFrom(database());
}

export function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  return writeSettingsTo(database(), patch);
}
