/**
 * POST /v1/claim {followUpId} and POST /v1/release {followUpId}.
 * The lease is decided with PostgreSQL's clock only, inside one conditional
 * UPDATE on the follow-up row: of two reps claiming at once, the second sees
 * the first one's lease and is refused. Reps' clocks never enter into it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SYNC_MESSAGES } from '../../lib/sync/messages';
import type { ClaimResponse } from '../../lib/sync/protocol';
import { requireMember, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { lockShopSeq, publishShopSeq, withShopTx } from '../db/shop-tx';
import { readJson } from '../http/json-body';
import { sendJson } from '../http/respond';
import { asId, asObject } from '../http/validate';

export function claim(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const followUpId = asId(asObject(await readJson(req, 4096), 'body').followUpId, 'followUpId');
    const out = await withShopTx<ClaimResponse>(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const me = await requireMember(tx, claims);
      const seq = (await lockShopSeq(tx, claims.shop)) + 1;
      const granted = await tx.query<{ claim_id: string; lease_ms: string; until_ms: string; now_ms: string }>(
        `UPDATE followups SET
           claim_id = CASE WHEN claimed_by = $2 AND lease_until > now() THEN claim_id ELSE $3 END,
           claimed_by = $2, lease_until = now() + make_interval(secs => $4::double precision / 1000),
           seq = $5, updated_at = now()
         WHERE id = $1 AND NOT deleted AND status IN ('open', 'snoozed')
           AND (claimed_by IS NULL OR claimed_by = $2 OR lease_until <= now())
         RETURNING claim_id, (extract(epoch FROM lease_until - now()) * 1000)::bigint AS lease_ms,
           (extract(epoch FROM lease_until) * 1000)::bigint AS until_ms, (extract(epoch FROM now()) * 1000)::bigint AS now_ms`,
        [followUpId, me.repId, randomUUID(), ctx.leaseMs, seq],
      );
      const g = granted.rows[0];
      if (g) {
        await tx.query(
          `INSERT INTO claims (shop_id, id, followup_id, rep_id, lease_until) VALUES ($1, $2, $3, $4, to_timestamp($5::double precision / 1000))
           ON CONFLICT (shop_id, id) DO UPDATE SET lease_until = EXCLUDED.lease_until`,
          [claims.shop, g.claim_id, followUpId, me.repId, Number(g.until_ms)],
        );
        await publishShopSeq(tx, claims.shop, seq);
        return { ok: true, followUpId, claimId: g.claim_id, leaseMs: Number(g.lease_ms), leaseUntil: Number(g.until_ms), serverNow: Number(g.now_ms) };
      }
      const why = await tx.query<{ status: string; deleted: boolean; claimed_by: string | null; until_ms: string | null }>(
        'SELECT status, deleted, claimed_by, (extract(epoch FROM lease_until) * 1000)::bigint AS until_ms FROM followups WHERE id = $1',
        [followUpId],
      );
      const row = why.rows[0];
      if (!row || row.deleted) return { ok: false, followUpId, code: 'not_found', message: SYNC_MESSAGES.not_found };
      if (row.status === 'done' || row.status === 'expired') return { ok: false, followUpId, code: 'closed', message: SYNC_MESSAGES.closed };
      return { ok: false, followUpId, code: 'claimed_by_other', heldBy: row.claimed_by ?? undefined, leaseUntil: row.until_ms ? Number(row.until_ms) : undefined, message: SYNC_MESSAGES.claimed_by_other };
    });
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
