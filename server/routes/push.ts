/**
 * POST /v1/push {changes:[…]} — applies a batch in one transaction under the
 * shop lock. Idempotent: the first result of every changeId is stored in
 * processed_changes, with the rep who sent it and a hash of its body, and
 * returned again on an identical replay (a retry after a lost answer, a
 * restarted service, a replayed request). The same id with another body or
 * from another rep is answered `change_id_reused` and changes nothing.
 *
 * One bad change never costs the batch. Values are checked before anything
 * touches them (validate-change.ts). Past that, the batch runs at full speed
 * inside one savepoint; if the database refuses anything, that savepoint is
 * rolled back and the batch is applied again one change per savepoint, so the
 * change the database refuses gets its own `storage_failed` result and the
 * others apply. Errors of the connection or the transaction as a whole
 * (deadlock, shutdown, …) still fail the request, which the client retries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageFor } from '../../lib/sync/messages';
import { LIBRARY_KINDS, LIMITS, type PushChange, type PushResponse, type PushResult } from '../../lib/sync/protocol';
import { canEditLibrary, requireMemberLocked, verifyRequest, type Member } from '../auth/member';
import type { AppContext } from '../context';
import { isTransientDbError } from '../db/errors';
import { publishShopSeq, withShopTx, type Tx } from '../db/shop-tx';
import { readJson } from '../http/json-body';
import { sendJson } from '../http/respond';
import { logError } from '../log/log';
import { applyChange } from '../rules/apply-change';
import { LibraryBatch } from '../rules/library-batch';
import { changeBodyHash, changeIdsOf, checkChange } from '../rules/validate-change';

type Checked = ReturnType<typeof checkChange>;

interface Known {
  result: PushResult;
  repId: string;
  hash: string | null;
}

interface Batch {
  tx: Tx;
  me: Member;
  start: number;
  raw: unknown[];
  checked: Checked[];
  hashes: string[];
  prior: Map<string, Known>;
}

const rejected = (changeId: string, code: string, detail?: string): PushResult => ({
  changeId,
  status: 'rejected',
  code,
  message: messageFor(code),
  ...(detail ? { detail } : {}),
});

/** Apply every change once. careful: one savepoint per change, so a change the database refuses is rolled back alone. */
async function applyBatch(b: Batch, careful: boolean): Promise<{ out: PushResult[]; seq: number }> {
  const { tx, me } = b;
  let seq = b.start;
  const library = new LibraryBatch(tx, me.shopId, me.repId);
  // Lock and load every library row of the batch up front (one query per table).
  if (canEditLibrary(me)) {
    for (const kind of LIBRARY_KINDS) {
      const ids = b.checked.flatMap((c) => (c.ok && c.change.kind === kind ? [c.change.id] : []));
      if (ids.length > 0) await library.preload(kind, ids);
    }
  }
  const known = new Map(b.prior);
  const out: PushResult[] = [];
  const fresh: Array<{ result: PushResult; hash: string }> = [];
  for (let i = 0; i < b.raw.length; i++) {
    const changeId = (b.raw[i] as { changeId: string }).changeId;
    const hash = b.hashes[i]!;
    const seen = known.get(changeId);
    if (seen) {
      const same = seen.repId === me.repId && (seen.hash === null || seen.hash === hash);
      out.push(same ? seen.result : rejected(changeId, 'change_id_reused'));
      continue;
    }
    const checked = b.checked[i]!;
    let result: PushResult;
    if (!checked.ok) result = rejected(changeId, checked.code, checked.detail);
    else if (!careful) result = await applyChange({ tx, me, nextSeq: () => ++seq, library }, checked.change);
    else
      result = await applyOne(
        tx,
        me,
        library,
        checked.change,
        () => seq,
        (n) => (seq = n),
      );
    known.set(changeId, { result, repId: me.repId, hash });
    fresh.push({ result, hash });
    out.push(result);
  }
  await library.flush();
  if (fresh.length > 0) {
    await tx.query(
      `INSERT INTO processed_changes (shop_id, change_id, rep_id, result, body_hash)
       SELECT $1, c, $2, r, h FROM unnest($3::text[], $4::jsonb[], $5::text[]) AS t(c, r, h)`,
      [me.shopId, me.repId, fresh.map((f) => f.result.changeId), fresh.map((f) => JSON.stringify(f.result)), fresh.map((f) => f.hash)],
    );
  }
  return { out, seq };
}

async function applyOne(tx: Tx, me: Member, library: LibraryBatch, change: PushChange, getSeq: () => number, setSeq: (n: number) => void): Promise<PushResult> {
  const seqBefore = getSeq();
  const mark = library.mark();
  await tx.query('SAVEPOINT huashu_change');
  try {
    let seq = seqBefore;
    const result = await applyChange({ tx, me, nextSeq: () => ++seq, library }, change);
    await library.flush(); // this change's library rows, inside its savepoint
    await tx.query('RELEASE SAVEPOINT huashu_change');
    setSeq(seq);
    return result;
  } catch (e) {
    if (isTransientDbError(e)) throw e;
    await tx.query('ROLLBACK TO SAVEPOINT huashu_change');
    library.rollbackTo(mark);
    setSeq(seqBefore); // nothing with those numbers was kept
    logError('push: change refused by the database', e, {
      shop: me.shopId,
      rep: me.repId,
      changeId: change.changeId,
      kind: change.kind,
      op: change.op,
      id: change.id,
    });
    return rejected(change.changeId, 'storage_failed');
  }
}

export function push(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret);
    const raw = changeIdsOf(await readJson(req, LIMITS.maxBodyBytes));
    const checked = raw.map(checkChange);
    const hashes = raw.map(changeBodyHash);
    const results = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      const { me, seq: start } = await requireMemberLocked(tx, claims);
      const ids = raw.map((c) => (c as { changeId: string }).changeId);
      const prior = new Map<string, Known>();
      const r = await tx.query<{ change_id: string; rep_id: string; body_hash: string | null; result: PushResult }>(
        'SELECT change_id, rep_id, body_hash, result FROM processed_changes WHERE change_id = ANY($1)',
        [ids],
      );
      for (const p of r.rows) prior.set(p.change_id, { result: p.result, repId: p.rep_id, hash: p.body_hash });
      const batch: Batch = { tx, me, start, raw, checked, hashes, prior };

      let done: { out: PushResult[]; seq: number };
      await tx.query('SAVEPOINT huashu_batch');
      try {
        done = await applyBatch(batch, false);
        await tx.query('RELEASE SAVEPOINT huashu_batch');
      } catch (e) {
        if (isTransientDbError(e)) throw e;
        await tx.query('ROLLBACK TO SAVEPOINT huashu_batch');
        logError('push: batch refused by the database, applying change by change', e, { shop: me.shopId, rep: me.repId, changes: raw.length });
        done = await applyBatch(batch, true);
      }
      if (done.seq !== start) await publishShopSeq(tx, claims.shop, done.seq);
      return done.out;
    });
    const body: PushResponse = { results, serverNow: Date.now() };
    sendJson(res, 200, body);
  };
}
