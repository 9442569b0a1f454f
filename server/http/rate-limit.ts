/**
 * Small in-memory token buckets per client address, for the two endpoints a
 * stranger can call without a token: creating a shop and redeeming an invite
 * code. Per instance (behind a load balancer with N instances a client gets
 * up to N times the rate, still bounded). Memory is bounded too: at most
 * maxKeys addresses are remembered, idle ones first to go.
 */
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

export interface BucketSpec {
  /** Attempts allowed at once. */
  burst: number;
  /** Attempts regained per minute. */
  perMinute: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number = () => Date.now(),
    private readonly maxKeys = 10_000,
  ) {}

  /** Take one attempt for this key: ok, or how many seconds until the next one is allowed. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    const perMs = this.spec.perMinute / 60_000;
    const old = this.buckets.get(key);
    const tokens = old ? Math.min(this.spec.burst, old.tokens + Math.max(0, t - old.at) * perMs) : this.spec.burst;
    this.buckets.delete(key); // re-inserted below: the map stays in least-recently-used order
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: t });
      this.trim();
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: t });
    return { ok: false, retryAfterSeconds: perMs > 0 ? Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) : 3600 };
  }

  private trim(): void {
    if (this.buckets.size <= this.maxKeys) return;
    for (const key of this.buckets.keys()) {
      this.buckets.delete(key); // oldest first; a forgotten address just starts with a full bucket
      if (this.buckets.size <= this.maxKeys * 0.9) break;
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The address to count attempts against. IPv6 by its /64 (one household or
 * server gets a whole /64, so single addresses would be free to rotate).
 * Behind a reverse proxy (trustProxy), the last address in X-Forwarded-For,
 * the one the proxy itself saw.
 */
export function clientKey(req: IncomingMessage, trustProxy = false): string {
  let addr = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const last = (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) addr = last;
  }
  if (addr.startsWith('::ffff:')) addr = addr.slice(7);
  if (!isIPv6(addr)) return addr;
  const [head = '', tail = ''] = addr.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = addr.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
