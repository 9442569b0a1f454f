/**
 * GET /v1/report?days=30 — the lead's (or an editor's) figures for the shop:
 * script uses per rep and per script, follow-up attempts and outcomes per rep.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canEditLibrary, requireMember, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { withShopTx } from '../db/shop-tx';
import { HttpError } from '../http/http-error';
import { sendJson } from '../http/respond';

export function report(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const rawDays = url.searchParams.get('days') ?? '30';
    if (!/^\d{1,4}$/.test(rawDays)) throw new HttpError(400, 'bad_request', 'days must be a whole number of days (1–366)');
    const days = Math.min(Math.max(Number(rawDays), 1), 366);
    const out = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const me = await requireMember(tx, claims);
      if (!canEditLibrary(me)) throw new HttpError(403, 'lead_only');
      const since = `now() - make_interval(days => ${days})`;
      const perRep = await tx.query(
        `SELECT r.id AS "repId", r.name, r.role, r.removed_at IS NOT NULL AS removed,
           (SELECT count(*) FROM usage_events u WHERE u.rep_id = r.id AND u.at >= ${since})::int AS uses,
           (SELECT count(*) FROM followups f, jsonb_array_elements(f.attempts) a WHERE a->>'rep' = r.id)::int AS attempts,
           (SELECT count(*) FROM followups f, jsonb_array_elements(f.outcome_log) o WHERE o->>'rep' = r.id AND o->'outcome'->>'kind' IN ('paid','review_revised','resolved'))::int AS "goodOutcomes"
         FROM reps r ORDER BY r.joined_at`,
      );
      const perScript = await tx.query(
        `SELECT script_id AS "scriptId", count(*)::int AS uses, count(DISTINCT rep_id)::int AS reps
         FROM usage_events WHERE at >= ${since} GROUP BY script_id ORDER BY uses DESC LIMIT 50`,
      );
      const shop = await tx.query(
        `SELECT (SELECT count(*) FROM usage_events WHERE at >= ${since})::int AS uses,
           (SELECT count(*) FROM followups WHERE NOT deleted AND status IN ('open','snoozed'))::int AS "openFollowUps",
           (SELECT count(*) FROM followups WHERE NOT deleted AND status = 'done')::int AS "doneFollowUps",
           (SELECT count(*) FROM proposals WHERE status = 'pending')::int AS "pendingProposals"`,
      );
      return { shopId: claims.shop, days, shop: shop.rows[0], perRep: perRep.rows, perScript: perScript.rows };
    });
    sendJson(res, 200, out);
  };
}
