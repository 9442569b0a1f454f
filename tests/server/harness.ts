/**
 * Test harness: a private PostgreSQL on a random loopback port plus N service
 * instances against it, and SyncClients whose "local database" is a Map.
 * Missing PostgreSQL binaries make startStack throw (the tests fail, never skip).
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { startService, type RunningService } from '../../server/app';
import { startLocalPostgres, type LocalPostgres } from '../../server/db/local-postgres';
import { SyncClient, type FetchLike } from '../../lib/sync/client';
import type { RemoteRow } from '../../lib/sync/protocol';
import { MemorySyncStorage } from '../../lib/sync/storage';

export const TEST_SECRET = 'test-secret-0123456789abcdef';

/** Every test shop is created from 127.0.0.1: limits far above what a test file does (the limits have their own test). */
export const TEST_RATE_LIMITS = { createShop: { burst: 10_000, perMinute: 10_000 }, join: { burst: 10_000, perMinute: 10_000 } };

export interface Stack {
  db: LocalPostgres;
  services: RunningService[];
  stop(): Promise<void>;
}

export async function startStack(options: { instances?: number; leaseMs?: number } = {}): Promise<Stack> {
  const db = await startLocalPostgres({ ephemeral: true });
  const services: RunningService[] = [];
  try {
    for (let i = 0; i < (options.instances ?? 1); i++)
      services.push(await startService({ databaseUrl: db.url, secret: TEST_SECRET, leaseMs: options.leaseMs, poolSize: 10, rateLimits: TEST_RATE_LIMITS }));
  } catch (e) {
    await db.stop();
    throw e;
  }
  return {
    db,
    services,
    async stop() {
      for (const s of services) await s.stop().catch(() => undefined);
      await db.stop();
    },
  };
}

/**
 * One stack for the whole test file: started before its tests (generously
 * bounded: PostgreSQL's first start on a busy machine is slow) and stopped
 * after. The answer stands for the running stack.
 */
export function useStack(options: { instances?: number; leaseMs?: number } = {}): Stack {
  let running: Stack | undefined;
  beforeAll(async () => {
    running = await startStack(options);
  }, 90_000);
  afterAll(async () => {
    await running?.stop();
  });
  const current = () => {
    if (!running) throw new Error('the test stack is not running yet (use it inside a test)');
    return running;
  };
  return {
    get db() {
      return current().db;
    },
    get services() {
      return current().services;
    },
    stop: () => current().stop(),
  };
}

/** A client's local copy of shared rows, keyed kind:id. */
export class MemoryRows {
  readonly rows = new Map<string, RemoteRow>();
  apply = (rows: RemoteRow[]) => {
    for (const r of rows) this.rows.set(`${r.kind}:${r.id}`, r);
  };
  clear = () => this.rows.clear();
  get(kind: string, id: string): RemoteRow | undefined {
    return this.rows.get(`${kind}:${id}`);
  }
  count(kind: string): number {
    let n = 0;
    for (const r of this.rows.values()) if (r.kind === kind && !r.deleted) n++;
    return n;
  }
}

/**
 * A fetch that can be switched off, to simulate a rep going offline, and whose
 * answers a test can intercept (e.g. stop the service after a push committed,
 * so the answer is lost at a known point rather than whenever a timer fires).
 */
export class Network {
  online = true;
  afterResponse?: (url: string, response: Response) => Promise<Response>;
  fetch: FetchLike = async (url, init) => {
    if (!this.online) throw new TypeError('fetch failed (offline)');
    const response = await fetch(url, init);
    return this.afterResponse ? this.afterResponse(url, response) : response;
  };
}

export interface TestRep {
  client: SyncClient;
  rows: MemoryRows;
  storage: MemorySyncStorage;
  net: Network;
}

export function newRep(baseUrl: string, now?: () => number): TestRep {
  const rows = new MemoryRows();
  const storage = new MemorySyncStorage();
  const net = new Network();
  const client = new SyncClient({ baseUrl, fetch: net.fetch, storage, applyRows: rows.apply, clearShared: rows.clear, ...(now ? { now } : {}) });
  return { client, rows, storage, net };
}

/** Poll until fn() is truthy (live-stream tests); throws after timeoutMs. */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000, stepMs = 25): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export function serverOf(s: RunningService): Server {
  return s.server;
}
