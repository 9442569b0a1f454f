/**
 * The sync service: an HTTP server over one PostgreSQL pool. Stateless:
 * tokens are signed, state is in PostgreSQL, live events come through
 * LISTEN/NOTIFY, so any number of instances can run behind a load balancer.
 */
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import type { AppContext } from './context';
import { migrate } from './db/migrate';
import { HttpError } from './http/http-error';
import { clientKey, RateLimiter, type BucketSpec } from './http/rate-limit';
import { Router, type Handler } from './http/router';
import { sendError, sendJson } from './http/respond';
import { LiveHub } from './live/live-hub';
import { logError } from './log/log';
import { claim, release } from './routes/claims';
import { createInvite, createShop, joinShop, leaveShop, removeRep } from './routes/membership';
import { pull } from './routes/pull';
import { push } from './routes/push';
import { report } from './routes/report';
import { stream } from './routes/stream';

export interface ServiceOptions {
  databaseUrl: string;
  secret: string;
  port?: number;
  host?: string;
  leaseMs?: number;
  poolSize?: number;
  /** Run migrations at start (default true; they are safe to run from several instances at once). */
  migrate?: boolean;
  /** Per client address, in memory (DEFAULT_RATE_LIMITS when not given). */
  rateLimits?: { createShop?: BucketSpec; join?: BucketSpec };
  /** Count attempts by the last X-Forwarded-For address (only behind a reverse proxy that sets it). */
  trustProxy?: boolean;
  /** Web origins allowed besides the extensions' own (chrome-extension://, moz-extension://, safari-web-extension://). */
  allowedOrigins?: string[];
  /** Clock for the rate limits (tests). */
  now?: () => number;
}

/** Creating shops and redeeming invite codes, per client address and instance. */
export const DEFAULT_RATE_LIMITS: { createShop: BucketSpec; join: BucketSpec } = {
  createShop: { burst: 5, perMinute: 0.5 },
  join: { burst: 60, perMinute: 20 },
};

/** The extension calls from its own origin (background service worker, options page). */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]{1,64}$/;

export function originAllowed(origin: string, extra: ReadonlySet<string> = new Set()): boolean {
  return EXTENSION_ORIGIN.test(origin) || extra.has(origin);
}

function rateLimited(limiter: RateLimiter, trustProxy: boolean, handler: Handler): Handler {
  return async (req, res, url) => {
    const verdict = limiter.take(clientKey(req, trustProxy));
    if (!verdict.ok) {
      res.setHeader('retry-after', String(verdict.retryAfterSeconds));
      throw new HttpError(429, 'rate_limited', `try again in ${verdict.retryAfterSeconds} s`);
    }
    await handler(req, res, url);
  };
}

export interface RunningService {
  server: Server;
  url: string;
  port: number;
  ctx: AppContext;
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 10 * 60 * 1000;

export async function startService(o: ServiceOptions): Promise<RunningService> {
  if (!o.secret || o.secret.length < 16) throw new Error('HUASHU_SECRET must be set (at least 16 characters)');
  if (o.migrate !== false) {
    const owner = new pg.Pool({ connectionString: o.databaseUrl, max: 1 });
    try {
      await migrate(owner);
    } finally {
      await owner.end();
    }
  }
  // Every service connection works as the non-owner role (startup option), so row-level security always applies.
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.poolSize ?? 20, options: '-c role=huashu_app' });
  pool.on('error', (e) => logError('idle client error', e));
  const live = new LiveHub(o.databaseUrl);
  await live.start();
  const ctx: AppContext = { pool, secret: o.secret, leaseMs: o.leaseMs ?? DEFAULT_LEASE_MS, live };
  const shopLimiter = new RateLimiter(o.rateLimits?.createShop ?? DEFAULT_RATE_LIMITS.createShop, o.now);
  const joinLimiter = new RateLimiter(o.rateLimits?.join ?? DEFAULT_RATE_LIMITS.join, o.now);
  const trustProxy = o.trustProxy ?? false;
  const extraOrigins = new Set(o.allowedOrigins ?? []);

  const router = new Router()
    .on('GET', '/v1/health', async (_req, res) => {
      await pool.query('SELECT 1');
      sendJson(res, 200, { ok: true, serverNow: Date.now() });
    })
    .on('POST', '/v1/shops', rateLimited(shopLimiter, trustProxy, createShop(ctx)))
    .on('POST', '/v1/invites', createInvite(ctx))
    .on('POST', '/v1/join', rateLimited(joinLimiter, trustProxy, joinShop(ctx)))
    .on('POST', '/v1/leave', leaveShop(ctx))
    .on('POST', '/v1/reps/remove', removeRep(ctx))
    .on('GET', '/v1/pull', pull(ctx))
    .on('POST', '/v1/push', push(ctx))
    .on('POST', '/v1/claim', claim(ctx))
    .on('POST', '/v1/release', release(ctx))
    .on('GET', '/v1/stream', stream(ctx))
    .on('GET', '/v1/report', report(ctx));

  const server = createServer((req, res) => {
    // The extension calls from its background (its own origin); tools and tests send no Origin at all.
    // A web page's request carries its origin: refused, so no page can create shops or try invite codes
    // from a rep's browser, and no page may read an answer.
    const origin = req.headers.origin;
    if (origin !== undefined) {
      res.setHeader('vary', 'Origin');
      if (!originAllowed(origin, extraOrigins)) {
        sendError(res, 403, 'origin_not_allowed');
        req.resume();
        return;
      }
      res.setHeader('access-control-allow-origin', origin);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    void router.handle(req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    server,
    port,
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    ctx,
    async stop() {
      await live.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
