/**
 * The background's handle on the one database (extension origin only), and
 * the first-run seeding of the default reply library.
 */
import { openDatabase, type HuashuDB } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import defaultLibrary from '@/assets/library/default-library.json';
import type { ReplyScript } from '@/lib/types';

let db: HuashuDB | undefined;

export function database(): HuashuDB {
  db ??= openDatabase();
  return db;
}

/** Put the default library in on first run (and after a wipe), never over the rep's edits. */
export async function seedDefaultLibrary(): Promise<number> {
  const d = database();
  if ((await d.scripts.count()) > 0) return 0;
  const now = Date.now();
  const scripts = (defaultLibrary as ReplyScript[]).map((s) => ({ ...s, source: 'default' as const, updatedAt: s.updatedAt ?? now }));
  await d.scripts.bulkPut(scripts);
  return scripts.length;
}

export async function readSettings(): Promise<Settings> {
  const rows = await database().settings.toArray();
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const row of rows) {
    if (row.key in settings) (settings as unknown as Record<string, unknown>)[row.key] = row.value;
  }
  return settings;
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const entries = Object.entries(patch).filter(([key]) => key in DEFAULT_SETTINGS);
  await database().settings.bulkPut(entries.map(([key, value]) => ({ key, value })));
  return readSettings();
}
