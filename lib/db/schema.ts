/**
 * The one Dexie database. It is opened only in the background service worker
 * and extension pages (the extension's origin), never in a content script:
 * IndexedDB there would belong to the marketplace page.
 *
 * Each version lists only what changed; Dexie upgrades older databases in
 * place. tests/unit/db-upgrade.test.ts proves v1 data survives the upgrade.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { FollowUp, ReplyScript, RiskOverride, SiteProfile, UsageEvent } from '../types';

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'huashu';

export type HuashuDB = Dexie & {
  scripts: EntityTable<ReplyScript, 'id'>;
  usage: EntityTable<UsageEvent, 'id'>;
  followups: EntityTable<FollowUp, 'id'>;
  riskOverrides: EntityTable<RiskOverride, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  siteProfiles: EntityTable<SiteProfile, 'origin'>;
  syncState: EntityTable<SettingRow, 'key'>;
};

/** Version 1: the tables the first features need. */
export function declareV1(db: Dexie): void {
  db.version(1).stores({
    scripts: 'id, group, intent, code, updatedAt',
    usage: 'id, scriptId, at, site',
    followups: 'id, [status+dueAt], site, orderId, buyerName, &dedupeKey, kind, createdAt',
    riskOverrides: 'id, at',
    settings: 'key',
  });
}

/** Version 2: taught site profiles, and usage per conversation for frecency. */
export function declareV2(db: Dexie): void {
  db.version(2).stores({
    usage: 'id, scriptId, at, site, conversationKey',
    siteProfiles: 'origin, updatedAt',
  });
}

/**
 * Version 3: team sync state (session, checkpoint, outbox, leases, proposals)
 * in its own table, so a backup export of `settings` never carries the
 * sign-in token and a backup restore never wipes the outbox.
 */
export function declareV3(db: Dexie): void {
  db.version(3).stores({
    syncState: 'key',
  });
}

export function openDatabase(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): HuashuDB {
  const db = new Dexie(name, options) as HuashuDB;
  declareV1(db);
  declareV2(db);
  declareV3(db);
  return db;
}
