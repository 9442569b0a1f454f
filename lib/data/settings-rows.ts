/** Settings as rows of the `settings` table: one row per setting, defaults for the rest. */
import type { HuashuDB } from '../db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

export async function readSettingsFrom(db: HuashuDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const row of rows) {
    if (row.key in settings) (settings as unknown as Record<string, unknown>)[row.key] = row.value;
  }
  return settings;
}

/** Write the known settings of `patch` (unknown keys are ignored) and answer the settings now. */
export async function writeSettingsTo(db: HuashuDB, patch: Partial<Settings>): Promise<Settings> {
  const entries = Object.entries(patch).filter(([key]) => key in DEFAULT_SETTINGS);
  await db.settings.bulkPut(entries.map(([key, value]) => ({ key, value })));
  return readSettingsFrom(db);
}
