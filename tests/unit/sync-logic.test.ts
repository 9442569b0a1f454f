/** Pure client-side sync logic: outbox, checkpoints, leases, conflict rules, SSE parsing. */
import { describe, expect, it } from 'vitest';
import { advance, cursorFor, cursorValue } from '../../lib/sync/checkpoint';
import { checkStatusChange, isLibraryConflict, mergeAttempts } from '../../lib/sync/conflict-rules';
import { canAct, LEASE_SAFETY_MS, leaseFromClaim, pruneLeases } from '../../lib/sync/lease';
import { enqueue, enqueueAll, markSent, pendingKeys, settle, takeBatch, withoutPending } from '../../lib/sync/outbox';
import type { PushChange, RemoteRow } from '../../lib/sync/protocol';
import { SseParser } from '../../lib/sync/sse-parse';

const up = (changeId: string, id: string, text: string, baseSeq?: number): PushChange => ({
  changeId,
  kind: 'script',
  op: 'upsert',
  id,
  data: { title: 't', text },
  ...(baseSeq !== undefined ? { baseSeq } : {}),
});

describe('outbox', () => {
  it('coalesces unsent edits of one row, keeping the first base version', () => {
    let box = enqueue([], up('c1', 's1', 'a', 3), 1);
    box = enqueue(box, up('c2', 's1', 'b', 5), 2);
    expect(box).toHaveLength(1);
    expect(box[0]!.change).toMatchObject({ changeId: 'c2', baseSeq: 3, data: { text: 'b' } });
  });

  it('never coalesces into a change that was already sent (it may be applied)', () => {
    let box = enqueue([], up('c1', 's1', 'a'), 1);
    box = markSent(box, new Set(['c1']));
    box = enqueue(box, up('c2', 's1', 'b'), 2);
    expect(box.map((e) => e.change.changeId)).toEqual(['c1', 'c2']);
  });

  it('enqueueAll is linear and keeps order', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => up(`c${i}`, `s${i}`, 'x'));
    const box = enqueueAll([], many, 0);
    expect(box).toHaveLength(20_000);
    expect(box[19_999]!.change.changeId).toBe('c19999');
  });

  it('takes batches by count and size, at least one change', () => {
    const box = enqueueAll(
      [],
      Array.from({ length: 10 }, (_, i) => up(`c${i}`, `s${i}`, 'x'.repeat(100))),
      0,
    );
    expect(takeBatch(box, 3, 1e9)).toHaveLength(3);
    expect(takeBatch(box, 100, 300).length).toBeLessThan(10);
    expect(takeBatch(box, 100, 1)).toHaveLength(1);
  });

  it('settles answers: applied leave, conflicts and refusals are kept as records, unanswered stay', () => {
    const box = enqueueAll([], [up('a', '1', 'x'), up('b', '2', 'x'), up('c', '3', 'x'), up('d', '4', 'x')], 0);
    const current: RemoteRow = { kind: 'script', id: '2', seq: 9, deleted: false, data: { text: 'server' }, updatedAt: 1 };
    const s = settle(
      box,
      [
        { changeId: 'a', status: 'applied', seq: 7 },
        { changeId: 'b', status: 'conflict', current },
        { changeId: 'c', status: 'rejected', code: 'forbidden', message: { zh: '不行', en: 'no' } },
      ],
      5,
    );
    expect(s.outbox.map((e) => e.change.changeId)).toEqual(['d']);
    expect(s.conflicts[0]!.current).toEqual(current);
    expect(s.rejected[0]!.code).toBe('forbidden');
  });

  it('pulled rows do not overwrite a row with a pending local change', () => {
    const box = enqueue([], up('a', 's1', 'mine'), 0);
    const rows: RemoteRow[] = [
      { kind: 'script', id: 's1', seq: 3, deleted: false, data: {}, updatedAt: 0 },
      { kind: 'script', id: 's2', seq: 4, deleted: false, data: {}, updatedAt: 0 },
    ];
    expect(withoutPending(rows, pendingKeys(box)).map((r) => r.id)).toEqual(['s2']);
  });
});

describe('checkpoints', () => {
  it('never move backwards and reset for another shop', () => {
    let cp = advance(undefined, 'A', '10');
    cp = advance(cp, 'A', '7');
    expect(cp.cursor).toBe('10');
    cp = advance(cp, 'A', '12');
    expect(cp.cursor).toBe('12');
    expect(cursorFor(cp, 'B')).toBe('0');
    expect(advance(cp, 'B', '3')).toEqual({ shopId: 'B', cursor: '3' });
    expect(cursorValue('junk')).toBe(0);
  });
});

describe('leases', () => {
  const granted = { ok: true as const, followUpId: 'f', claimId: 'c', leaseMs: 600_000, leaseUntil: 9e12, serverNow: 9e12 - 600_000 };
  it('use the local send time plus the server-given duration, minus a margin: clock skew does not matter', () => {
    const sentAt = 1_000; // a local clock far from the server's
    const lease = leaseFromClaim(granted, sentAt);
    expect(lease.validUntilLocal).toBe(sentAt + 600_000 - LEASE_SAFETY_MS);
    expect(canAct(lease, sentAt + 1)).toBe(true);
    expect(canAct(lease, sentAt + 600_000 - LEASE_SAFETY_MS)).toBe(false);
    expect(canAct(undefined, 0)).toBe(false);
    expect(Object.keys(pruneLeases({ f: lease }, sentAt + 700_000))).toEqual([]);
  });
});

describe('conflict rules', () => {
  it('library: a change made on an older version than the server row conflicts', () => {
    expect(isLibraryConflict(undefined, 0)).toBe(false);
    expect(isLibraryConflict(5, 5)).toBe(false);
    expect(isLibraryConflict(6, 5)).toBe(true);
    expect(isLibraryConflict(6, undefined)).toBe(false);
  });
  it('follow-ups: attempts from every rep are kept once, status follows the transitions', () => {
    const merged = mergeAttempts(
      [{ at: 2, rep: 'a' }],
      [
        { at: 1, rep: 'b' },
        { at: 2, rep: 'a' },
      ],
    );
    expect(merged).toEqual([
      { at: 1, rep: 'b' },
      { at: 2, rep: 'a' },
    ]);
    expect(checkStatusChange('open', 'done')).toBe('apply');
    expect(checkStatusChange('done', 'snoozed')).toBe('refuse');
    expect(checkStatusChange('done', 'done')).toBe('noop');
  });
});

describe('SSE parser', () => {
  it('handles events split across chunks, comments and CRLF', () => {
    const p = new SseParser();
    expect(p.push(': ping\n\nevent: chan')).toEqual([]);
    expect(p.push('ged\r\ndata: {"seq":3}\r\n\r\nevent: changed\ndata: {"seq":4}\n\n')).toEqual([
      { event: 'changed', data: '{"seq":3}', id: undefined },
      { event: 'changed', data: '{"seq":4}', id: undefined },
    ]);
  });
});
