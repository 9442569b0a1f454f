/** The sync client's storage on the `syncState` table: one row per key, in the extension's database. */
import type { HuashuDB } from '../db/schema';
import type { SyncStorage } from '../sync/storage';

export class DexieSyncStorage implements SyncStorage {
  constructor(private readonly db: () => HuashuDB) {}
  async get<T>(key: string): Promise<T | undefined> {
    return (await this.db().syncState.get(key))?.value as T | undefined;
  }
  async set(key: string, value: unknown): Promise<void> {
    await this.db().syncState.put({ key, value });
  }
  async delete(key: string): Promise<void> {
    await this.db().syncState.delete(key);
  }
}
