/**
 * POST /v1/push {changes:[…]} — applies a batch in one transaction under the
 * shop lock. Idempotent: the first result of every changeId is stored in
 * processed_changes and returned again on replay (a retry after a lost answer,
 * a restarted service, a replayed request).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageFor } from '../../lib/sync/messages';
import { LIBRARY_KINDS, LIMITS, type PushResponse, type PushResult } from '../../lib/sync/protocol';
import { canEditLibrary, requireMemberLocked, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { publishShopSeq, withShopTx } from '../db/shop-tx';
import { readJson } from '../http/json-body';
import { sendJson } from '../http/respond';
import { applyChange } from '../rules/apply-change';
import { LibraryBatch } from '../rules/library-batch';
import { changeIdsOf, checkChange } from '../rules/validate-change';

export function push(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const raw = changeIdsOf(await readJson(req, LIMITS.maxBodyBytes));
    const results = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const { me, seq: start } = await requireMemberLocked(tx, claims);
      let seq = start;
      const library = new LibraryBatch(tx, claims.shop, me.repId);
      const ids = raw.map((c) => (c as { changeId: string }).changeId);
      const known = new Map<string, PushResult>();
      const prior = await tx.query<{ change_id: string; result: PushResult }>('SELECT change_id, result FROM processed_changes WHERE change_id = ANY($1)', [ids]);
      for (const p of prior.rows) known.set(p.change_id, p.result);

      // Lock and load every library row of the batch up front (one query per table).
      for (const kind of LIBRARY_KINDS) {
        const libIds = raw.filter((c) => (c as { kind?: unknown }).kind === kind && typeof (c as { id?: unknown }).id === 'string').map((c) => (c as { id: string }).id);
        if (libIds.length > 0 && canEditLibrary(me)) await library.preload(kind, libIds);
      }
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
          ? await applyChange({ tx, me, nextSeq: () => ++seq, library }, checked.change)
          : { changeId, status: 'rejected', code: checked.code, message: messageFor(checked.code) };
        known.set(changeId, result);
        fresh.push(result);
        out.push(result);
      }
      await library.flush();
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
