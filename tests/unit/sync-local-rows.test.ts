import { describe, expect, it } from 'vitest';
import {
  followUpCreate,
  followUpFromRow,
  followUpStatusChanges,
  remoteIdOf,
  riskWordChanges,
  riskWordId,
  scriptDeleteChange,
  scriptFromRow,
  scriptSaveChange,
  siteProfileId,
} from '../../lib/sync/local-rows';
import type { FollowUp, ReplyScript } from '../../lib/types';

const script = (over: Partial<ReplyScript> = {}): ReplyScript => ({
  id: 's1',
  group: '问候语',
  intent: 'greeting',
  title: '在的',
  text: '您好',
  triggers: ['在吗'],
  updatedAt: 1,
  ...over,
});
const followUp = (over: Partial<FollowUp> = {}): FollowUp => ({
  id: 'f1',
  kind: 'payment_reminder',
  site: 'demo',
  conversationKey: 'demo:a',
  createdAt: 1,
  dueAt: 2,
  deadlineAt: 3,
  status: 'open',
  dedupeKey: 'payment_reminder:demo:o1',
  attempts: [],
  updatedAt: 1,
  ...over,
});
const ID = /^[\w:.\-]{1,128}$/;

describe('team sync: which local writes become changes', () => {
  it('a private script never leaves the device, whoever saves it', () => {
    expect(scriptSaveChange(script({ source: 'user' }), 'lead', undefined, () => 'p')).toBeUndefined();
    expect(scriptSaveChange(script({ source: 'default' }), 'rep', undefined, () => 'p')).toBeUndefined();
    expect(scriptDeleteChange(script({ source: 'user' }), 'lead', 3)).toBeUndefined();
  });

  it('a shared script: the lead upserts on its base version, a rep proposes, only a lead/editor deletes', () => {
    const s = script({ source: 'team', favourite: true, order: 4, shopId: 'shop' });
    const lead = scriptSaveChange(s, 'lead', 7, () => 'p1');
    expect(lead).toMatchObject({ kind: 'script', op: 'upsert', id: 's1', baseSeq: 7 });
    // favourites, order and the local source stay private
    expect(lead && 'data' in lead ? Object.keys(lead.data) : []).not.toContain('favourite');
    expect(lead && 'data' in lead ? Object.keys(lead.data) : []).not.toContain('source');
    expect(scriptSaveChange(s, 'rep', 7, () => 'p1')).toMatchObject({ kind: 'proposal', op: 'propose', id: 'p1', data: { scriptId: 's1' } });
    expect(scriptDeleteChange(s, 'editor', 7)).toEqual({ kind: 'script', op: 'delete', id: 's1', baseSeq: 7 });
    expect(scriptDeleteChange(s, 'rep', 7)).toBeUndefined();
  });

  it('ids the server accepts, for origins, Chinese risk words and odd import ids', () => {
    expect(siteProfileId('https://im.jinritemai.com')).toMatch(ID);
    expect(siteProfileId('https://a.test')).not.toBe(siteProfileId('https://b.test'));
    expect(riskWordId('最便宜')).toMatch(ID);
    expect(riskWordId('最便宜')).toBe(riskWordId(' 最便宜 '));
    expect(remoteIdOf('千牛/导入 1')).toMatch(ID);
    expect(remoteIdOf('abc-1')).toBe('abc-1');
  });

  it('risk words: the difference as upserts and deletes, only for a lead/editor', () => {
    const before = [
      { word: '最便宜', category: 'absolute' },
      { word: '保证', category: 'promise' },
    ];
    const after = [
      { word: '最便宜', category: 'absolute', severity: 'block' as const },
      { word: '第一', category: 'absolute' },
    ];
    const changes = riskWordChanges(before, after, 'lead');
    expect(changes.filter((c) => c.op === 'upsert').map((c) => ('data' in c ? c.data.phrase : ''))).toEqual(['最便宜', '第一']);
    expect(changes.filter((c) => c.op === 'delete').map((c) => c.id)).toEqual([riskWordId('保证')]);
    expect(riskWordChanges(before, after, 'rep')).toEqual([]);
  });

  it('follow-ups: create carries the live dedupe key and no server-owned field; done carries the outcome', () => {
    const closed = followUp({ status: 'done', dedupeKey: '~payment_reminder:demo:o1#f1', attempts: [{ at: 1 }], claimedBy: 'x' });
    const c = followUpCreate(closed);
    expect(c).toMatchObject({ kind: 'followup', op: 'create', id: 'f1' });
    const data = ('data' in c ? c.data : {}) as Record<string, unknown>;
    expect(data.dedupeKey).toBe('payment_reminder:demo:o1');
    for (const k of ['status', 'attempts', 'claimedBy', 'id']) expect(data).not.toHaveProperty(k);
    const done = followUpStatusChanges(followUp(), followUp({ status: 'done', outcome: { kind: 'paid' } }));
    expect(done).toEqual([{ kind: 'followup', op: 'status', id: 'f1', data: { status: 'done', outcome: { kind: 'paid' } } }]);
    const snoozed = followUpStatusChanges(followUp(), followUp({ status: 'snoozed', dueAt: 99 }));
    expect(snoozed.map((x) => x.op)).toEqual(['status', 'edit']);
  });
});

describe('team sync: pulled rows as local rows', () => {
  it('a pulled script is marked team and keeps the rep’s own favourite and order', () => {
    const row = {
      kind: 'script' as const,
      id: 's1',
      seq: 5,
      deleted: false,
      data: { id: 's1', group: '问候语', intent: 'greeting', title: '新', text: '新的话术', triggers: [] },
      updatedAt: 10,
    };
    const s = scriptFromRow(row, 'shop', script({ favourite: true, order: 3 }));
    expect(s).toMatchObject({ id: 's1', title: '新', source: 'team', shopId: 'shop', favourite: true, order: 3, updatedAt: 10 });
  });

  it('a pulled follow-up: closed rows give up the live key; claimedBy only while the lease runs', () => {
    const base = { kind: 'followup' as const, id: 'f9', seq: 3, deleted: false, updatedAt: 5 };
    const data = {
      kind: 'payment_reminder',
      site: 'demo',
      conversationKey: 'demo:a',
      dedupeKey: 'payment_reminder:demo:o1',
      createdAt: 1,
      dueAt: 2,
      deadlineAt: 3,
      attempts: [{ at: 1, rep: 'r1', claimId: 'c' }],
    };
    const open = followUpFromRow({ ...base, data: { ...data, status: 'open', claimedBy: 'r1', leaseUntil: 2_000 } }, 'shop', 1_000);
    expect(open).toMatchObject({ id: 'f9', status: 'open', dedupeKey: 'payment_reminder:demo:o1', claimedBy: 'r1', shopId: 'shop' });
    expect(open.attempts).toEqual([{ at: 1, rep: 'r1' }]);
    expect(open).not.toHaveProperty('leaseUntil');
    const expiredLease = followUpFromRow({ ...base, data: { ...data, status: 'open', claimedBy: 'r1', leaseUntil: 500 } }, 'shop', 1_000);
    expect(expiredLease.claimedBy).toBeUndefined();
    const done = followUpFromRow({ ...base, data: { ...data, status: 'done', outcome: { kind: 'paid' } } }, 'shop', 1_000);
    expect(done.dedupeKey).toBe('~payment_reminder:demo:o1#f9');
    expect(done.outcome).toEqual({ kind: 'paid' });
  });
});
