/**
 * POST /v1/claim {followUpId} and POST /v1/release {followUpId}.
 * The lease is decided with PostgreSQL's clock only, inside one conditional
 * UPDATE on the follow-up row (SQL function huashu_claim, one round trip): of
 * two reps claiming at once, the second sees the first one's lease and is
 * refused. Reps' clocks never enter into it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageFor } from '../../lib/sync/messages';
import type { ClaimResponse } from '../../lib/sync/protocol';
import { requireMember, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { lockShopSeq, publishShopSeq, withShopTx } from '../db/shop-tx';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/json-body';
import { sendJson } from '../http/respond';
import { asId, asObject } from '../http/validate';

export function claim(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const followUpId = asId(asObject(await readJson(req, 4096), 'body').followUpId, 'followUpId');
    const r = await ctx.pool.query<{ r: Record<string, unknown> }>('SELECT huashu_claim($1, $2, $3, $4, $5) AS r', [
      claims.shop,
      claims.sub,
      followUpId,
      randomUUID(),
      ctx.leaseMs,
    ]);
    const j = r.rows[0]!.r;
    if (typeof j.error === 'string') throw new HttpError(j.error === 'removed' ? 403 : 401, j.error);
    const out: ClaimResponse = j.ok
      ? { ok: true, followUpId, claimId: String(j.claimId), leaseMs: Number(j.leaseMs), leaseUntil: Number(j.leaseUntil), serverNow: Number(j.serverNow) }
      : {
          ok: false,
          followUpId,
          code: j.code as 'claimed_by_other' | 'not_found' | 'closed',
          ...(typeof j.heldBy === 'string' ? { heldBy: j.heldBy } : {}),
          ...(j.leaseUntil != null ? { leaseUntil: Number(j.leaseUntil) } : {}),
          message: messageFor(String(j.code)),
        };
    sendJson(res, 200, out); // a refusal is an answer, not an HTTP error
  };
}

export function release(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const followUpId = asId(asObject(await readJson(req, 4096), 'body').followUpId, 'followUpId');
    await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const me = await requireMember(tx, claims);
      const seq = (await lockShopSeq(tx, claims.shop)) + 1;
      const r = await tx.query(
        'UPDATE followups SET claimed_by = NULL, claim_id = NULL, lease_until = NULL, seq = $3, updated_at = now() WHERE id = $1 AND claimed_by = $2',
        [followUpId, me.repId, seq],
      );
      if (r.rowCount) {
        await tx.query('UPDATE claims SET released_at = now() WHERE followup_id = $1 AND rep_id = $2 AND released_at IS NULL', [followUpId, me.repId]);
        await publishShopSeq(tx, claims.shop, seq);
      }
    });
    sendJson(res, 200, { ok: true });
  };
}
