/**
 * GET /v1/pull?cursor=N&limit=M — rows of the caller's shop changed after the
 * checkpoint, oldest first. One SQL statement builds the page as JSON text, so
 * the rows, the "more" flag and the next cursor all come from one snapshot.
 *
 * Why the cursor never skips a row: sequence numbers of a shop are taken
 * while holding the lock on the shop's row until commit, so they commit in
 * order; a snapshot that sees seq N sees every seq below N too. When the page
 * is not full, the next cursor is the shop counter read in the same snapshot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from '../../lib/sync/protocol';
import { canEditLibrary, requireMember, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { withShopTx } from '../db/shop-tx';
import { HttpError } from '../http/http-error';
import { sendRawJson } from '../http/respond';

const libraryBranch = (table: string, kind: string) =>
  `(SELECT '${kind}' AS kind, id, seq, deleted, data, updated_at FROM ${table} WHERE shop_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)`;

export const PULL_SQL = `
WITH page AS (
  ${libraryBranch('scripts', 'script')}
  UNION ALL ${libraryBranch('groups', 'group')}
  UNION ALL ${libraryBranch('risk_words', 'risk_word')}
  UNION ALL ${libraryBranch('site_profiles', 'site_profile')}
  UNION ALL (SELECT 'followup', id, seq, deleted,
      data || jsonb_build_object('status', status, 'claimedBy', claimed_by,
        'leaseUntil', (extract(epoch FROM lease_until) * 1000)::bigint,
        'attempts', attempts, 'outcome', outcome, 'outcomeLog', outcome_log),
      updated_at
    FROM followups WHERE shop_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)
  UNION ALL (SELECT 'proposal', id, seq, false,
      jsonb_build_object('repId', rep_id, 'scriptId', script_id, 'script', script, 'note', note,
        'status', status, 'decidedBy', decided_by, 'reason', reason),
      updated_at
    FROM proposals WHERE shop_id = $1 AND seq > $2 AND ($4 OR rep_id = $5) ORDER BY seq LIMIT $3)
  UNION ALL (SELECT 'member', id, seq, removed_at IS NOT NULL, jsonb_build_object('name', name, 'role', role), updated_at
    FROM reps WHERE shop_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)
  ORDER BY seq LIMIT $3
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('kind', kind, 'id', id, 'seq', seq, 'deleted', deleted, 'data', data,
      'updatedAt', (extract(epoch FROM updated_at) * 1000)::bigint) ORDER BY seq), '[]'::json)::text FROM page) AS rows,
  (SELECT count(*) FROM page)::int AS n,
  (SELECT max(seq) FROM page)::text AS last,
  (SELECT seq FROM shops WHERE id = $1)::text AS head`;

export function pull(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const rawCursor = url.searchParams.get('cursor') ?? '0';
    if (!/^\d{1,18}$/.test(rawCursor)) throw new HttpError(400, 'bad_cursor');
    const cursor = Number(rawCursor);
    const limitParam = Number(url.searchParams.get('limit') ?? LIMITS.defaultPullLimit);
    const limit = Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, LIMITS.maxPullLimit) : LIMITS.defaultPullLimit;

    const page = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const me = await requireMember(tx, claims);
      const r = await tx.query<{ rows: string; n: number; last: string | null; head: string }>(PULL_SQL, [
        claims.shop,
        cursor,
        limit,
        canEditLibrary(me),
        me.repId,
      ]);
      return r.rows[0]!;
    });
    const head = Number(page.head);
    // A checkpoint ahead of the server means the database was restored from an older backup: start over.
    if (cursor > head) throw new HttpError(409, 'bad_cursor');
    const more = page.n >= limit;
    const next = more ? page.last! : String(head);
    sendRawJson(res, 200, `{"rows":${page.rows},"cursor":"${next}","more":${more},"serverNow":${Date.now()}}`);
  };
}
