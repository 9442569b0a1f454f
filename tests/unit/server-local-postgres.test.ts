/**
 * Local mode: the service's database role is not a superuser (no CREATEDB,
 * CREATEROLE or BYPASSRLS either), owns the database, and is held by
 * row-level security; a cluster made by an earlier version (everything owned
 * by the superuser) is handed over to it on the next start.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startService } from '../../server/app';
import { startLocalPostgres } from '../../server/db/local-postgres';
import { newRep, TEST_SECRET } from '../server/harness';

const root = mkdtempSync(join(tmpdir(), 'huashu-localpg-test-'));
chmodSync(root, 0o755); // under root, PostgreSQL runs as `postgres` and must reach the cluster folder inside
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function one<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows[0] as T;
  } finally {
    await c.end();
  }
}

describe('local PostgreSQL', () => {
  it('the service connects as a non-superuser owner, and an older cluster owned by the superuser is handed over', async () => {
    const dataDir = join(root, 'kept');
    let db = await startLocalPostgres({ dataDir, ephemeral: true });
    try {
      const me = await one<{ user: string; rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolbypassrls: boolean; dbowner: string }>(
        db.url,
        `SELECT current_user AS user, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, pg_get_userbyid((SELECT datdba FROM pg_database WHERE datname = current_database())) AS dbowner
         FROM pg_roles WHERE rolname = current_user`,
      );
      expect(me).toEqual({ user: 'huashu_owner', rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false, dbowner: 'huashu_owner' });
      // The service runs its migrations as that role and works.
      const svc = await startService({ databaseUrl: db.url, secret: TEST_SECRET });
      try {
        const lead = newRep(svc.url);
        await lead.client.createShop('本机店', '组长');
        await lead.client.queue({ kind: 'script', op: 'upsert', id: 's1', data: { title: 't', text: '亲' } });
        expect((await lead.client.sync()).ok).toBe(true);
      } finally {
        await svc.stop();
      }
      // The owner is held by row-level security (FORCE): with no shop set it sees no rows.
      expect((await one<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM scripts')).n).toBe(0);
      expect((await one<{ n: number }>(db.adminUrl, 'SELECT count(*)::int AS n FROM scripts')).n).toBe(1);
      // Make it look like a cluster from before: database, tables and functions owned by the superuser.
      await one(
        db.adminUrl,
        `DO $$ DECLARE r record; BEGIN
          FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP EXECUTE format('ALTER TABLE %I OWNER TO huashu', r.tablename); END LOOP;
          ALTER FUNCTION huashu_claim(uuid, text, text, text, double precision) OWNER TO huashu;
        END $$`,
      );
      await one(db.adminUrl.replace(/\/huashu$/, '/postgres'), 'ALTER DATABASE huashu OWNER TO huashu');
    } finally {
      await db.stop();
    }
    db = await startLocalPostgres({ dataDir, ephemeral: true });
    try {
      const owners = await one<{ tables: string[]; fn: string; db: string }>(
        db.adminUrl,
        `SELECT array(SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'public') AS tables,
           (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'huashu_claim') AS fn,
           (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'huashu') AS db`,
      );
      expect(owners).toEqual({ tables: ['huashu_owner'], fn: 'huashu_owner', db: 'huashu_owner' });
      const svc = await startService({ databaseUrl: db.url, secret: TEST_SECRET });
      await svc.stop();
    } finally {
      await db.stop();
    }
  }, 120_000);
});
