/** Create a shop (you become lead), invite with a one-time code, join, leave, remove a rep. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InviteResponse, Role, SessionResponse } from '../../lib/sync/protocol';
import { hashInviteCode, newInviteCode, normalizeInviteCode } from '../auth/invite-code';
import { requireMember, verifyRequest, type Member } from '../auth/member';
import { signToken, TOKEN_TTL_MS, type TokenClaims } from '../auth/token';
import type { AppContext } from '../context';
import { lockShopSeq, publishRemoved, publishShopSeq, setShop, withShopTx } from '../db/shop-tx';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/json-body';
import { sendJson } from '../http/respond';
import { asId, asObject, asString } from '../http/validate';

const SMALL_BODY = 16 * 1024;

function session(ctx: AppContext, shopId: string, shopName: string, repId: string, role: Role): SessionResponse {
  const expiresAt = Date.now() + TOKEN_TTL_MS;
  return { token: signToken({ sub: repId, shop: shopId, role, exp: expiresAt }, ctx.secret), shopId, shopName, repId, role, expiresAt };
}

export function createShop(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const body = asObject(await readJson(req, SMALL_BODY), 'body');
    const shopName = asString(body.shopName, 'shopName', 100);
    const repName = asString(body.repName, 'repName', 60);
    const shopId = randomUUID();
    const repId = randomUUID();
    await withShopTx(ctx.pool, { shopId }, async (tx) => {
      await tx.query('INSERT INTO shops (id, name, seq) VALUES ($1, $2, 1)', [shopId, shopName]);
      await tx.query(`INSERT INTO reps (shop_id, id, name, role, seq) VALUES ($1, $2, $3, 'lead', 1)`, [shopId, repId, repName]);
    });
    sendJson(res, 201, session(ctx, shopId, shopName, repId, 'lead'));
  };
}

export function createInvite(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const body = asObject(await readJson(req, SMALL_BODY), 'body');
    const role = body.role === 'editor' ? 'editor' : 'rep';
    const ttlHours = typeof body.ttlHours === 'number' && body.ttlHours > 0 && body.ttlHours <= 720 ? body.ttlHours : 72;
    const code = newInviteCode();
    const expiresAt = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const me = await requireMember(tx, claims);
      if (me.role !== 'lead') throw new HttpError(403, 'lead_only');
      const r = await tx.query<{ expires_at: Date }>(
        `INSERT INTO invites (code_hash, shop_id, role, created_by, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at`,
        [hashInviteCode(code), claims.shop, role, me.repId, ttlHours * 3600],
      );
      return r.rows[0]!.expires_at.getTime();
    });
    const out: InviteResponse = { code, role, expiresAt };
    sendJson(res, 201, out);
  };
}

export function joinShop(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const body = asObject(await readJson(req, SMALL_BODY), 'body');
    const rawCode = typeof body.code === 'string' ? body.code : '';
    const repName = asString(body.repName, 'repName', 60);
    if (normalizeInviteCode(rawCode).length !== 12) throw new HttpError(400, 'invite_invalid');
    const codeHash = hashInviteCode(rawCode);
    const repId = randomUUID();
    const out = await withShopTx(ctx.pool, { inviteHash: codeHash }, async (tx) => {
      const found = await tx.query<{ shop_id: string; expired: boolean; used: boolean }>(
        'SELECT shop_id, expires_at <= now() AS expired, used_at IS NOT NULL AS used FROM invites WHERE code_hash = $1',
        [codeHash],
      );
      const inv = found.rows[0];
      if (!inv) throw new HttpError(404, 'invite_invalid');
      if (inv.used) throw new HttpError(410, 'invite_used');
      if (inv.expired) throw new HttpError(410, 'invite_expired');
      await setShop(tx, inv.shop_id);
      // The conditional update is the one-time guard: of two people redeeming at once, one gets the row.
      const took = await tx.query<{ role: Role }>(
        'UPDATE invites SET used_at = now(), used_by = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING role',
        [codeHash, repId],
      );
      if (took.rowCount === 0) throw new HttpError(410, 'invite_used');
      const seq = (await lockShopSeq(tx, inv.shop_id)) + 1;
      await tx.query('INSERT INTO reps (shop_id, id, name, role, seq) VALUES ($1, $2, $3, $4, $5)', [inv.shop_id, repId, repName, took.rows[0]!.role, seq]);
      await publishShopSeq(tx, inv.shop_id, seq);
      const shop = await tx.query<{ name: string }>('SELECT name FROM shops WHERE id = $1', [inv.shop_id]);
      return session(ctx, inv.shop_id, shop.rows[0]!.name, repId, took.rows[0]!.role);
    });
    sendJson(res, 201, out);
  };
}

/**
 * Mark a rep removed (leave, or a lead's removal) in one transaction under the
 * shop lock, so two leads leaving at once cannot both pass the last-lead check.
 * Their leases end now; their open live streams, on every instance, are closed
 * at commit (NOTIFY huashu_removed); every later request with their token is
 * refused by requireMember.
 */
async function markRemoved(ctx: AppContext, claims: TokenClaims, target: (me: Member) => string): Promise<void> {
  await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
    const me = await requireMember(tx, claims);
    const repId = target(me);
    const seq = (await lockShopSeq(tx, claims.shop)) + 1;
    const r = await tx.query<{ role: Role; removed_at: Date | null }>('SELECT role, removed_at FROM reps WHERE id = $1', [repId]);
    const row = r.rows[0];
    if (!row) throw new HttpError(404, 'not_found');
    if (row.removed_at) return;
    if (row.role === 'lead') {
      const others = await tx.query(`SELECT 1 FROM reps WHERE role = 'lead' AND removed_at IS NULL AND id <> $1 LIMIT 1`, [repId]);
      if (others.rowCount === 0) throw new HttpError(409, 'last_lead');
    }
    await tx.query('UPDATE reps SET removed_at = now(), seq = $2, updated_at = now() WHERE id = $1 AND removed_at IS NULL', [repId, seq]);
    // Their leases end now, so the follow-ups go back to the team.
    await tx.query('UPDATE followups SET claimed_by = NULL, claim_id = NULL, lease_until = NULL, seq = $2, updated_at = now() WHERE claimed_by = $1', [
      repId,
      seq,
    ]);
    await tx.query('UPDATE claims SET released_at = now() WHERE rep_id = $1 AND released_at IS NULL', [repId]);
    await publishShopSeq(tx, claims.shop, seq);
    await publishRemoved(tx, claims.shop, repId);
  });
}

export function leaveShop(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    await markRemoved(ctx, claims, (me) => me.repId);
    sendJson(res, 200, { ok: true });
  };
}

export function removeRep(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const body = asObject(await readJson(req, SMALL_BODY), 'body');
    const repId = asId(body.repId, 'repId');
    await markRemoved(ctx, claims, (me) => {
      if (me.role !== 'lead') throw new HttpError(403, 'lead_only');
      return repId;
    });
    sendJson(res, 200, { ok: true });
  };
}
