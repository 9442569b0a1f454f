/**
 * The background's handle on the one database (extension origin only), and
 * the first-run seeding of the default reply library.
 */
import { openDatabase, type HuashuDB } from '@/lib/db/schema';
import type { Settings } from '@/lib/settings';
import { readSettingsFrom } from '@/lib/data/settings-rows';
import { seedDefaultLibrary as seedInto } from '@/lib/data/seed-default-library';
import defaultLibrary from '@/assets/library/default-library.json';
import type { ReplyScript } from '@/lib/types';

let db: HuashuDB | undefined;

export function database(): HuashuDB {
  db ??= openDatabase();
  return db;
}

/** Put the default library in on first run (lib/data/seed-default-library.ts). */
export function seedDefaultLibrary(): Promise<number> {
  return seedInto(database(), defaultLibrary as ReplyScript[], Date.now());
}

export function readSettings(): Promise<Settings> {
  return readSettingsFrom(database());
}
