/** What every route needs. Nothing here is per-process state that another instance would miss. */
import type pg from 'pg';
import type { LiveHub } from './live/live-hub';

export interface AppContext {
  pool: pg.Pool;
  /** HMAC key for tokens (HUASHU_SECRET). */
  secret: string;
  /** Length of a claim lease. */
  leaseMs: number;
  live: LiveHub;
}
