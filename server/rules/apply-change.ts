/**
 * Applies one checked change inside the push transaction (shop row locked).
 * Returns its result; a refusal is a result, not an exception, so the rest of
 * the batch still applies.
 */
import { checkStatusChange, isFollowUpStatus, isLibraryConflict, mergeAttempts, type AttemptRecord } from '../../lib/sync/conflict-rules';
import { messageFor } from '../../lib/sync/messages';
import type { LibraryKind, PushChange, PushResult, RemoteRow } from '../../lib/sync/protocol';
import { truncateText } from '../../lib/text/truncate';
import { canEditLibrary, type Member } from '../auth/member';
import type { Tx } from '../db/shop-tx';
import type { LibraryBatch } from './library-batch';

/** Fields the server owns on a follow-up; a client cannot set them through data. */
const SERVER_FOLLOWUP_FIELDS = ['status', 'claimedBy', 'leaseUntil', 'attempts', 'outcome', 'outcomeLog', 'updatedAt', 'shopId', 'id'];

export interface ApplyScope {
  tx: Tx;
  me: Member;
  nextSeq: () => number;
  library: LibraryBatch;
}

const refuse = (changeId: string, code: string, current?: RemoteRow): PushResult => ({
  changeId,
  status: 'rejected',
  code,
  message: messageFor(code),
  ...(current ? { current } : {}),
});

export async function applyChange(scope: ApplyScope, c: PushChange): Promise<PushResult> {
  switch (c.kind) {
    case 'script':
    case 'group':
    case 'risk_word':
    case 'site_profile':
      return applyLibrary(scope, c);
    case 'proposal':
      return c.op === 'propose' ? propose(scope, c) : decide(scope, c);
    case 'followup':
      return applyFollowUp(scope, c);
    case 'usage':
      return recordUsage(scope, c);
  }
}

async function applyLibrary(scope: ApplyScope, c: Extract<PushChange, { kind: LibraryKind }>): Promise<PushResult> {
  if (!canEditLibrary(scope.me)) return refuse(c.changeId, 'forbidden');
  const current = await scope.library.get(c.kind, c.id);
  if (isLibraryConflict(current?.seq, c.baseSeq))
    return { changeId: c.changeId, status: 'conflict', code: 'conflict', message: messageFor('conflict'), current };
  if (c.op === 'delete') {
    if (!current || current.deleted) return { changeId: c.changeId, status: 'applied' };
    const seq = scope.nextSeq();
    scope.library.put(c.kind, c.id, seq, current.data, true);
    return { changeId: c.changeId, status: 'applied', seq };
  }
  const { shopId: _s, updatedAt: _u, deleted: _d, ...data } = c.data;
  const seq = scope.nextSeq();
  scope.library.put(c.kind, c.id, seq, data, false);
  return { changeId: c.changeId, status: 'applied', seq };
}

async function propose(scope: ApplyScope, c: Extract<PushChange, { op: 'propose' }>): Promise<PushResult> {
  const seq = scope.nextSeq();
  const r = await scope.tx.query(
    `INSERT INTO proposals (shop_id, id, seq, rep_id, script_id, script, note) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (shop_id, id) DO NOTHING`,
    [scope.me.shopId, c.id, seq, scope.me.repId, c.data.scriptId ?? null, c.data.script, c.data.note ?? null],
  );
  if (r.rowCount === 0) return refuse(c.changeId, 'invalid_row'); // the id is taken by another proposal
  return { changeId: c.changeId, status: 'applied', seq };
}

async function decide(scope: ApplyScope, c: Extract<PushChange, { op: 'decide' }>): Promise<PushResult> {
  if (!canEditLibrary(scope.me)) return refuse(c.changeId, 'forbidden');
  const r = await scope.tx.query<{ status: string; script_id: string | null; script: Record<string, unknown> }>(
    'SELECT status, script_id, script FROM proposals WHERE id = $1 FOR UPDATE',
    [c.id],
  );
  const p = r.rows[0];
  if (!p) return refuse(c.changeId, 'not_found');
  if (p.status !== 'pending') return { changeId: c.changeId, status: 'conflict', code: 'conflict', message: messageFor('conflict') };
  if (c.data.decision === 'accept') {
    const scriptId = p.script_id ?? `proposal-${c.id}`;
    const { shopId: _s, updatedAt: _u, deleted: _d, ...script } = p.script;
    await scope.library.get('script', scriptId);
    scope.library.put('script', scriptId, scope.nextSeq(), { ...script, id: scriptId, source: 'team' }, false);
  }
  const seq = scope.nextSeq();
  await scope.tx.query(`UPDATE proposals SET status = $2, decided_by = $3, decided_at = now(), reason = $4, seq = $5, updated_at = now() WHERE id = $1`, [
    c.id,
    c.data.decision === 'accept' ? 'accepted' : 'rejected',
    scope.me.repId,
    c.data.reason ?? null,
    seq,
  ]);
  return { changeId: c.changeId, status: 'applied', seq };
}

interface FollowUpRow {
  status: string;
  claimed_by: string | null;
  lease_live: boolean;
  attempts: AttemptRecord[];
  deleted: boolean;
  dedupe_key: string;
}

/** The follow-up as a pull returns it (for a conflict's `current`). */
async function followUpRow(tx: Tx, id: string): Promise<RemoteRow | undefined> {
  const r = await tx.query<{ id: string; seq: string; deleted: boolean; data: Record<string, unknown>; ms: string }>(
    `SELECT id, seq, deleted,
       data || jsonb_build_object('status', status, 'claimedBy', claimed_by,
         'leaseUntil', (extract(epoch FROM lease_until) * 1000)::bigint,
         'attempts', attempts, 'outcome', outcome, 'outcomeLog', outcome_log) AS data,
       (extract(epoch FROM updated_at) * 1000)::bigint AS ms
     FROM followups WHERE id = $1`,
    [id],
  );
  const row = r.rows[0];
  return row ? { kind: 'followup', id: row.id, seq: Number(row.seq), deleted: row.deleted, data: row.data, updatedAt: Number(row.ms) } : undefined;
}

async function applyFollowUp(scope: ApplyScope, c: Extract<PushChange, { kind: 'followup' }>): Promise<PushResult> {
  const { tx, me } = scope;
  const r = await tx.query<FollowUpRow>(
    `SELECT status, claimed_by, coalesce(lease_until > now(), false) AS lease_live, attempts, deleted, dedupe_key FROM followups WHERE id = $1 FOR UPDATE`,
    [c.id],
  );
  const row = r.rows[0];

  if (c.op === 'create') {
    if (row) return { changeId: c.changeId, status: 'applied' }; // already there: creating twice is harmless
    const data = Object.fromEntries(Object.entries(c.data).filter(([k]) => !SERVER_FOLLOWUP_FIELDS.includes(k)));
    const dedupeKey = String(c.data.dedupeKey);
    const live = await tx.query<{ id: string }>(`SELECT id FROM followups WHERE dedupe_key = $1 AND status IN ('open','snoozed') AND NOT deleted`, [dedupeKey]);
    if (live.rowCount)
      return {
        ...refuse(c.changeId, 'duplicate_followup'),
        current: { kind: 'followup', id: live.rows[0]!.id, seq: 0, deleted: false, data: {}, updatedAt: 0 },
      };
    const seq = scope.nextSeq();
    await tx.query(`INSERT INTO followups (shop_id, id, seq, data, dedupe_key, status, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, 'open', $6, $6)`, [
      me.shopId,
      c.id,
      seq,
      data,
      dedupeKey,
      me.repId,
    ]);
    return { changeId: c.changeId, status: 'applied', seq };
  }

  if (!row || row.deleted) return refuse(c.changeId, 'not_found');
  const heldByOther = row.claimed_by !== null && row.claimed_by !== me.repId && row.lease_live;

  if (c.op === 'edit') {
    // Another rep is working on it right now: their view must not change under them.
    if (heldByOther)
      return {
        changeId: c.changeId,
        status: 'conflict',
        code: 'claimed_by_other',
        message: messageFor('claimed_by_other'),
        current: await followUpRow(tx, c.id),
      };
    const patch: Record<string, unknown> = {};
    if (typeof c.data.notes === 'string') patch.notes = truncateText(c.data.notes, 2000); // by code point: never half an emoji
    if (Array.isArray(c.data.tags)) patch.tags = c.data.tags.filter((t) => typeof t === 'string').slice(0, 20);
    if (typeof c.data.dueAt === 'number') patch.dueAt = c.data.dueAt;
    if (typeof c.data.deadlineAt === 'number') patch.deadlineAt = c.data.deadlineAt;
    const seq = scope.nextSeq();
    await tx.query(`UPDATE followups SET data = data || $2::jsonb, seq = $3, updated_at = now(), updated_by = $4 WHERE id = $1`, [c.id, patch, seq, me.repId]);
    return { changeId: c.changeId, status: 'applied', seq };
  }

  if (c.op === 'status') {
    if (!isFollowUpStatus(c.data.status) || !isFollowUpStatus(row.status)) return refuse(c.changeId, 'bad_transition');
    if (heldByOther) return refuse(c.changeId, 'claimed_by_other');
    const verdict = checkStatusChange(row.status, c.data.status);
    if (verdict === 'refuse') return refuse(c.changeId, 'bad_transition');
    const reopening = (row.status === 'done' || row.status === 'expired') && (c.data.status === 'open' || c.data.status === 'snoozed');
    if (reopening) {
      // One live follow-up per order and kind: reopening must not make a second one.
      const live = await tx.query<{ id: string }>(
        `SELECT id FROM followups WHERE dedupe_key = $1 AND id <> $2 AND status IN ('open','snoozed') AND NOT deleted`,
        [row.dedupe_key, c.id],
      );
      if (live.rowCount) return refuse(c.changeId, 'duplicate_followup');
    }
    const closing = c.data.status === 'done' || c.data.status === 'expired';
    const outcome = c.data.outcome ?? null;
    const seq = scope.nextSeq();
    await tx.query(
      `UPDATE followups SET status = $2, seq = $3, updated_at = now(), updated_by = $4,
         outcome = coalesce($5::jsonb, outcome),
         outcome_log = CASE WHEN $5::jsonb IS NULL THEN outcome_log
           ELSE outcome_log || jsonb_build_array(jsonb_build_object('outcome', $5::jsonb, 'rep', $4::text, 'at', (extract(epoch FROM now()) * 1000)::bigint)) END,
         claimed_by = CASE WHEN $6 THEN NULL ELSE claimed_by END,
         claim_id = CASE WHEN $6 THEN NULL ELSE claim_id END,
         lease_until = CASE WHEN $6 THEN NULL ELSE lease_until END
       WHERE id = $1`,
      [c.id, c.data.status, seq, me.repId, outcome, closing],
    );
    if (closing) await tx.query('UPDATE claims SET released_at = now() WHERE followup_id = $1 AND released_at IS NULL', [c.id]);
    return { changeId: c.changeId, status: 'applied', seq };
  }

  // attempt: only under a claim the server granted to this rep for this follow-up (even if it ran out since).
  const claim = await tx.query('SELECT 1 FROM claims WHERE id = $1 AND rep_id = $2 AND followup_id = $3', [c.data.claimId, me.repId, c.id]);
  if (claim.rowCount === 0) return refuse(c.changeId, 'not_claimed');
  const attempt: AttemptRecord = { at: c.data.at, rep: me.repId, claimId: c.data.claimId, ...(c.data.scriptId ? { scriptId: c.data.scriptId } : {}) };
  const merged = mergeAttempts(row.attempts, [attempt]);
  const seq = scope.nextSeq();
  await tx.query(`UPDATE followups SET attempts = $2, seq = $3, updated_at = now(), updated_by = $4 WHERE id = $1`, [
    c.id,
    JSON.stringify(merged),
    seq,
    me.repId,
  ]);
  return { changeId: c.changeId, status: 'applied', seq };
}

async function recordUsage(scope: ApplyScope, c: Extract<PushChange, { kind: 'usage' }>): Promise<PushResult> {
  // A rep's clock may be wrong: an event "from the future" is dated now.
  await scope.tx.query(
    `INSERT INTO usage_events (shop_id, id, rep_id, script_id, site, via, at)
     VALUES ($1, $2, $3, $4, $5, $6, least(to_timestamp($7::double precision / 1000), now())) ON CONFLICT (shop_id, id) DO NOTHING`,
    [scope.me.shopId, c.id, scope.me.repId, c.data.scriptId, c.data.site, typeof c.data.via === 'string' ? c.data.via : 'click', c.data.at],
  );
  return { changeId: c.changeId, status: 'applied' };
}
