/**
 * Library rows touched by one push, loaded with one query per table and
 * written back with one upsert per table: a push of 1,000 scripts costs a
 * handful of round trips, not thousands. Changes are still decided one by one
 * in order (a later change of the same row sees the earlier one).
 */
import type { LibraryKind, RemoteRow } from '../../lib/sync/protocol';
import type { Tx } from '../db/shop-tx';

export const LIBRARY_TABLE: Record<LibraryKind, string> = { script: 'scripts', group: 'groups', risk_word: 'risk_words', site_profile: 'site_profiles' };

interface JournalEntry {
  key: string;
  row: RemoteRow | null | undefined;
  dirty: RemoteRow | undefined;
}

export class LibraryBatch {
  private readonly rows = new Map<string, RemoteRow | null>();
  private readonly dirty = new Map<string, RemoteRow>();
  /** What each put replaced since the last flush, so one change's puts can be undone (mark / rollbackTo). */
  private journal: JournalEntry[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly shopId: string,
    private readonly repId: string,
  ) {}

  /** Lock and cache the current rows of these ids. */
  async preload(kind: LibraryKind, ids: string[]): Promise<void> {
    const todo = [...new Set(ids)].filter((id) => !this.rows.has(`${kind}:${id}`));
    if (todo.length === 0) return;
    const r = await this.tx.query<{ id: string; seq: string; deleted: boolean; data: Record<string, unknown>; ms: string }>(
      `SELECT id, seq, deleted, data, (extract(epoch FROM updated_at) * 1000)::bigint AS ms FROM ${LIBRARY_TABLE[kind]} WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
      [todo],
    );
    for (const id of todo) this.rows.set(`${kind}:${id}`, null);
    for (const row of r.rows)
      this.rows.set(`${kind}:${row.id}`, { kind, id: row.id, seq: Number(row.seq), deleted: row.deleted, data: row.data, updatedAt: Number(row.ms) });
  }

  async get(kind: LibraryKind, id: string): Promise<RemoteRow | undefined> {
    if (!this.rows.has(`${kind}:${id}`)) await this.preload(kind, [id]);
    return this.rows.get(`${kind}:${id}`) ?? undefined;
  }

  put(kind: LibraryKind, id: string, seq: number, data: Record<string, unknown>, deleted: boolean): void {
    const key = `${kind}:${id}`;
    this.journal.push({ key, row: this.rows.has(key) ? this.rows.get(key)! : undefined, dirty: this.dirty.get(key) });
    const row: RemoteRow = { kind, id, seq, deleted, data, updatedAt: Date.now() };
    this.rows.set(key, row);
    this.dirty.set(key, row);
  }

  /** A point to come back to if the next change fails (see rollbackTo). */
  mark(): number {
    return this.journal.length;
  }

  /** Undo every put since mark(), newest first; rows flushed since then are the database's to roll back. */
  rollbackTo(mark: number): void {
    while (this.journal.length > mark) {
      const e = this.journal.pop()!;
      if (e.row === undefined) this.rows.delete(e.key);
      else this.rows.set(e.key, e.row);
      if (e.dirty === undefined) this.dirty.delete(e.key);
      else this.dirty.set(e.key, e.dirty);
    }
  }

  async flush(): Promise<void> {
    const byKind = new Map<LibraryKind, RemoteRow[]>();
    for (const row of this.dirty.values()) {
      const k = row.kind as LibraryKind;
      byKind.set(k, [...(byKind.get(k) ?? []), row]);
    }
    for (const [kind, rows] of byKind) {
      await this.tx.query(
        `INSERT INTO ${LIBRARY_TABLE[kind]} (shop_id, id, seq, deleted, data, updated_by)
         SELECT $1, t.id, t.seq, t.deleted, t.data, $2 FROM unnest($3::text[], $4::bigint[], $5::boolean[], $6::jsonb[]) AS t(id, seq, deleted, data)
         ON CONFLICT (shop_id, id) DO UPDATE SET seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, data = EXCLUDED.data, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [this.shopId, this.repId, rows.map((r) => r.id), rows.map((r) => r.seq), rows.map((r) => r.deleted), rows.map((r) => JSON.stringify(r.data))],
      );
    }
    this.dirty.clear();
    this.journal = [];
  }
}
