/**
 * POST /v1/push {changes:[…]} — applies a batch in one transaction under the
 * shop lock. Idempotent: the first result of every changeId is stored in
 * processed_changes and returned again on replay (a retry after a lost answer,
 * a restarted service, a replayed request).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageFor } from '../../lib/sync/messages';
import { LIMITS, type PushResponse, type PushResult } from '../../lib/sync/protocol';
import { requireMember, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { lockShopSeq, publishShopSeq, withShopTx } from '../db/shop-tx';
import { readJson } from '../http/json-body';
import { sendJson } from '../http/respond';
import { applyChange } from '../rules/apply-change';
import { changeIdsOf, checkChange } from '../rules/validate-change';

export function push(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const raw = changeIdsOf(await readJson(req, LIMITS.maxBodyBytes));
    const results = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const me = await requireMember(tx, claims);
      const start = await lockShopSeq(tx, claims.shop);
      let seq = start;
      const ids = raw.map((c) => (c as { changeId: string }).changeId);
      const known = new Map<string, PushResult>();
      const prior = await tx.query<{ change_id: string; result: PushResult }>('SELECT change_id, result FROM processed_changes WHERE change_id = ANY($1)', [ids]);
      for (const p of prior.rows) known.set(p.change_id, p.result);

      const out: PushResult[] = [];
      const fresh: PushResult[] = [];
      for (const item of raw) {
        const changeId = (item as { changeId: string }).changeId;
        const seen = known.get(changeId);
        if (seen) {
          out.push(seen);
          continue;
        }
        const checked = checkChange(item);
        const result: PushResult = checked.ok
          ? await applyChange({ tx, me, nextSeq: () => ++seq }, checked.change)
          : { changeId, status: 'rejected', code: checked.code, message: messageFor(checked.code) };
        known.set(changeId, result);
        fresh.push(result);
        out.push(result);
      }
      if (fresh.length > 0) {
        await tx.query(
          `INSERT INTO processed_changes (shop_id, change_id, rep_id, result) SELECT $1, c, $2, r FROM unnest($3::text[], $4::jsonb[]) AS t(c, r)`,
          [claims.shop, me.repId, fresh.map((r) => r.changeId), fresh.map((r) => JSON.stringify(r))],
        );
      }
      if (seq !== start) await publishShopSeq(tx, claims.shop, seq);
      return out;
    });
    const body: PushResponse = { results, serverNow: Date.now() };
    sendJson(res, 200, body);
  };
}
