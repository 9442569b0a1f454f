/**
 * Production entry: `tsx server/main.ts` with DATABASE_URL, HUASHU_SECRET,
 * PORT (default 8787) and HOST (default 0.0.0.0) set; HUASHU_TRUST_PROXY=1
 * behind a reverse proxy that sets X-Forwarded-For, HUASHU_ALLOWED_ORIGINS
 * (comma-separated) for web origins besides the extension's. See server/README.md.
 */
import { startService } from './app';

const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.HUASHU_SECRET ?? '';
if (!databaseUrl) {
  console.error('DATABASE_URL is not set (postgres://user:password@host:5432/db)');
  process.exit(1);
}
const service = await startService({
  databaseUrl,
  secret,
  port: Number(process.env.PORT ?? 8787),
  host: process.env.HOST ?? '0.0.0.0',
  leaseMs: process.env.HUASHU_LEASE_SECONDS ? Number(process.env.HUASHU_LEASE_SECONDS) * 1000 : undefined,
  poolSize: process.env.HUASHU_POOL_SIZE ? Number(process.env.HUASHU_POOL_SIZE) : undefined,
  trustProxy: process.env.HUASHU_TRUST_PROXY === '1',
  allowedOrigins: process.env.HUASHU_ALLOWED_ORIGINS
    ? process.env.HUASHU_ALLOWED_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined,
});
console.log(`huashu sync service listening on ${service.url}`);
const shutdown = () => void service.stop().then(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
