/**
 * Who is calling: the token says rep, shop and expiry; PostgreSQL says whether
 * the rep is still a member and with which role (a lead may have changed it).
 */
import type { IncomingMessage } from 'node:http';
import type { Role } from '../../lib/sync/protocol';
import type { Tx } from '../db/shop-tx';
import { HttpError } from '../http/http-error';
import { verifyToken, type TokenClaims } from './token';

export interface Member {
  repId: string;
  shopId: string;
  role: Role;
}

/**
 * The bearer token. `?token=` (EventSource cannot set headers) is read only
 * where the caller allows it, the live stream: anywhere else a token in the
 * URL would end up in proxy and access logs, so it counts as no token.
 */
export function tokenOf(req: IncomingMessage, url: URL, allowQueryToken = false): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  return allowQueryToken ? (url.searchParams.get('token') ?? undefined) : undefined;
}

export function verifyRequest(req: IncomingMessage, url: URL, secret: string, options: { allowQueryToken?: boolean } = {}): TokenClaims {
  const token = tokenOf(req, url, options.allowQueryToken);
  if (!token) throw new HttpError(401, 'unauthorized');
  const v = verifyToken(token, secret);
  if (!v.ok) throw new HttpError(401, v.code);
  return v.claims;
}

/** Inside the request's shop transaction: the rep must exist in this shop and not be removed. */
export async function requireMember(tx: Tx, claims: TokenClaims): Promise<Member> {
  const r = await tx.query<{ role: Role; removed_at: Date | null }>('SELECT role, removed_at FROM reps WHERE id = $1', [claims.sub]);
  const row = r.rows[0];
  if (!row) throw new HttpError(401, 'unauthorized');
  if (row.removed_at) throw new HttpError(403, 'removed');
  return { repId: claims.sub, shopId: claims.shop, role: row.role };
}

export function canEditLibrary(m: Member): boolean {
  return m.role === 'lead' || m.role === 'editor';
}

/** requireMember and lockShopSeq in one round trip (the push path). */
export async function requireMemberLocked(tx: Tx, claims: TokenClaims): Promise<{ me: Member; seq: number }> {
  const r = await tx.query<{ role: Role | null; removed_at: Date | null; seq: string }>(
    `WITH s AS (SELECT seq FROM shops WHERE id = $2 FOR UPDATE)
     SELECT r.role, r.removed_at, s.seq FROM s LEFT JOIN reps r ON r.id = $1`,
    [claims.sub, claims.shop],
  );
  const row = r.rows[0];
  if (!row || !row.role) throw new HttpError(401, 'unauthorized');
  if (row.removed_at) throw new HttpError(403, 'removed');
  return { me: { repId: claims.sub, shopId: claims.shop, role: row.role }, seq: Number(row.seq) };
}
