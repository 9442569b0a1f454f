/**
 * npm run server — a team on one machine: starts a private PostgreSQL
 * (data in server/.pgdata, 127.0.0.1 only, random password) and the sync
 * service on http://127.0.0.1:8787 (PORT to change it). Ctrl-C stops both.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService } from './app';
import { startLocalPostgres } from './db/local-postgres';

const dataDir = process.env.HUASHU_PGDATA ?? join(dirname(fileURLToPath(import.meta.url)), '.pgdata');
const pgPort = Number(process.env.HUASHU_PG_PORT ?? 55432);
const db = await startLocalPostgres({ dataDir, port: pgPort });

// A stable local secret, so tokens survive restarts of the local service.
const secretFile = join(dataDir, 'secret');
if (!process.env.HUASHU_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const secret = process.env.HUASHU_SECRET ?? readFileSync(secretFile, 'utf8').trim();

let service;
try {
  service = await startService({ databaseUrl: db.url, secret, port: Number(process.env.PORT ?? 8787), host: '127.0.0.1' });
} catch (e) {
  await db.stop();
  throw e;
}
console.log(`PostgreSQL: 127.0.0.1:${db.port} (data: ${db.dataDir})`);
console.log(`huashu sync service: ${service.url}   (Ctrl-C to stop)`);
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await service.stop().catch(() => undefined);
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
