/**
 * Session tokens: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
 * Stateless, so any service instance can verify any token; whether the rep is
 * still a member is checked against PostgreSQL on every request.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../lib/sync/protocol';

export interface TokenClaims {
  /** rep id */
  sub: string;
  shop: string;
  role: Role;
  /** expiry, ms since the epoch */
  exp: number;
}

export const TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REP_ID = /^[\w:.\-]{1,128}$/;

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function signToken(claims: TokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; code: 'unauthorized' | 'token_expired' };

export function verifyToken(token: string, secret: string, now = Date.now()): VerifyResult {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return { ok: false, code: 'unauthorized' };
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, code: 'unauthorized' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, code: 'unauthorized' };
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, code: 'unauthorized' };
  if (
    typeof claims.sub !== 'string' ||
    !REP_ID.test(claims.sub) ||
    typeof claims.shop !== 'string' ||
    !UUID.test(claims.shop) ||
    typeof claims.exp !== 'number'
  )
    return { ok: false, code: 'unauthorized' }; // signed but not a shape we issue (an old or leaked secret, a bug): refused, never a 500
  if (claims.exp <= now) return { ok: false, code: 'token_expired' };
  return { ok: true, claims };
}
