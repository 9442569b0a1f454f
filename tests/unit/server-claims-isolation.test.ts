/**
 * Integration: claims (two reps offline at once never both act), shop
 * isolation (token, forged shop id, direct SQL under the service role),
 * invites, removal while offline, malformed / replayed / huge pushes, skew.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/token';
import { newRep, useStack, TEST_SECRET, waitFor } from '../server/harness';

const stack = useStack({ instances: 2 });

const followUp = (id: string) => ({
  kind: 'followup' as const,
  op: 'create' as const,
  id,
  data: {
    kind: 'payment_reminder',
    site: 'demo',
    conversationKey: `demo:shop:${id}`,
    dedupeKey: `payment_reminder:demo:${id}`,
    dueAt: Date.now(),
    deadlineAt: Date.now() + 86_400_000,
    buyerName: '买家',
  },
});

async function team(name: string) {
  const lead = newRep(stack.services[0]!.url);
  await lead.client.createShop(name, '组长');
  const a = newRep(stack.services[0]!.url);
  const b = newRep(stack.services[1]!.url);
  await a.client.join((await lead.client.invite()).code, 'A');
  await b.client.join((await lead.client.invite()).code, 'B');
  return { lead, a, b };
}

describe('claims', () => {
  it('two reps claim one follow-up while offline: after reconnecting exactly one holds it, the other never may send', async () => {
    const { lead, a, b } = await team('认领店');
    await lead.client.queue(followUp('f1'));
    await lead.client.sync();
    await a.client.sync();
    await b.client.sync();

    a.net.online = false;
    b.net.online = false;
    const offA = await a.client.claim('f1');
    const offB = await b.client.claim('f1');
    expect(offA.ok).toBe(false);
    expect(offB.ok || offB.code).toBe('offline');
    expect(await a.client.canAct('f1')).toBe(false);
    expect(await b.client.canAct('f1')).toBe(false);
    expect((await a.client.recordAttempt('f1')).ok).toBe(false);

    a.net.online = true;
    b.net.online = true;
    const [ra, rb] = await Promise.all([a.client.claim('f1'), b.client.claim('f1')]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    const [winner, loser, lost] = ra.ok ? [a, b, rb] : [b, a, ra];
    expect(lost.ok === false && lost.code).toBe('claimed_by_other');
    expect(await winner.client.canAct('f1')).toBe(true);
    expect(await loser.client.canAct('f1')).toBe(false);
    expect((await loser.client.recordAttempt('f1')).ok).toBe(false);

    // Even a loser that forges an attempt is refused by the server.
    await loser.client.queue({ kind: 'followup', op: 'attempt', id: 'f1', data: { at: Date.now(), claimId: lost.ok ? '' : 'forged-claim' } });
    const w = await winner.client.recordAttempt('f1', 's1');
    expect(w.ok).toBe(true);
    await winner.client.sync();
    await loser.client.sync();
    expect((await loser.client.state()).rejected.map((r) => r.code)).toContain('not_claimed');
    await lead.client.sync();
    const row = lead.rows.get('followup', 'f1')!;
    expect(row.data.attempts).toHaveLength(1);
    expect(row.data.claimedBy).toBe((await winner.client.state()).repId);

    // Done releases the claim; then the other rep may claim... no: a done item is closed.
    await winner.client.queue({ kind: 'followup', op: 'status', id: 'f1', data: { status: 'done', outcome: { kind: 'paid' } } });
    await winner.client.sync();
    const again = await loser.client.claim('f1');
    expect(again.ok === false && again.code).toBe('closed');
  });

  it('a lease runs out on the server clock; a rep whose clock is wrong by hours changes nothing', async () => {
    const short = await (await import('../../server/app')).startService({ databaseUrl: stack.db.url, secret: TEST_SECRET, leaseMs: 2_000 });
    try {
      const lead = newRep(short.url);
      await lead.client.createShop('租约店', '组长');
      const skewed = newRep(short.url, () => Date.now() + 6 * 3600_000); // clock 6 h ahead
      const other = newRep(short.url, () => Date.now() - 3 * 3600_000); // 3 h behind
      await skewed.client.join((await lead.client.invite()).code, '快钟');
      await other.client.join((await lead.client.invite()).code, '慢钟');
      await lead.client.queue(followUp('f2'));
      await lead.client.sync();
      const c1 = await skewed.client.claim('f2');
      expect(c1.ok).toBe(true);
      const leaseUntil = c1.ok ? c1.leaseUntil : 0; // the server's clock, which this process shares
      // The slow-clock rep cannot take it while the server says the lease runs…
      const askedAt = Date.now();
      const refused = await other.client.claim('f2');
      if (askedAt < leaseUntil) expect(refused.ok).toBe(false);
      // …and can once it has run out (polled: the expiry is a state on the server, not a sleep here).
      await waitFor(async () => (await other.client.claim('f2')).ok, 20_000, 50);
      expect(Date.now()).toBeGreaterThanOrEqual(leaseUntil);
      expect((await skewed.client.claim('f2')).ok).toBe(false);
    } finally {
      await short.stop();
    }
  });

  it('status changes follow the allowed transitions', async () => {
    const { lead, a } = await team('状态店');
    await lead.client.queue(followUp('f3'));
    await lead.client.sync();
    await a.client.queue({ kind: 'followup', op: 'status', id: 'f3', data: { status: 'done', outcome: { kind: 'not_paid', reason: '价格高' } } });
    await a.client.queue({ kind: 'followup', op: 'status', id: 'f3', data: { status: 'snoozed' } });
    await a.client.sync();
    expect((await a.client.state()).rejected.map((r) => r.code)).toEqual(['bad_transition']);
    expect(a.rows.get('followup', 'f3')?.data.status).toBe('done');
    expect(a.rows.get('followup', 'f3')?.data.outcomeLog).toHaveLength(1);
  });
});

describe('shop isolation', () => {
  it('a rep of shop A cannot read or write shop B: wrong token, forged shop id, direct SQL under the service role', async () => {
    const A = await team('甲店');
    const B = await team('乙店');
    await B.lead.client.queue({ kind: 'script', op: 'upsert', id: 'secret', data: { title: '乙', text: '乙店内部话术' } });
    await B.lead.client.queue(followUp('fb'));
    await B.lead.client.sync();
    const url = stack.services[0]!.url;
    const sa = (await A.a.storage.get<{ token: string; repId: string; shopId: string }>('sync.session'))!;
    const sb = (await B.lead.storage.get<{ token: string; repId: string; shopId: string }>('sync.session'))!;

    // A's own pull never contains B's rows.
    await A.a.client.sync();
    expect(A.a.rows.get('script', 'secret')).toBeUndefined();
    // Wrong token (bad signature) and forged shop id (re-signed without the secret cannot be; signed with a wrong secret).
    const forged = signToken({ sub: sa.repId, shop: sb.shopId, role: 'lead', exp: Date.now() + 60_000 }, 'not-the-secret-xxxxxxxx');
    for (const token of ['garbage', sa.token.slice(0, -2) + 'xx', forged]) {
      const r = await fetch(`${url}/v1/pull?cursor=0`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(401);
      expect((await r.json()).error.message.zh).toBeTruthy();
    }
    // A validly signed token for shop B naming a rep of shop A: no such member in B.
    const crossed = signToken({ sub: sa.repId, shop: sb.shopId, role: 'lead', exp: Date.now() + 60_000 }, TEST_SECRET);
    const r2 = await fetch(`${url}/v1/pull?cursor=0`, { headers: { authorization: `Bearer ${crossed}` } });
    expect(r2.status).toBe(401);
    // Pushing rows that name shop B in their data changes nothing in B.
    await A.lead.client.queue({ kind: 'script', op: 'upsert', id: 'secret', data: { title: 'x', text: '覆盖', shopId: sb.shopId } });
    await A.lead.client.sync();
    await B.lead.client.sync();
    expect(B.lead.rows.get('script', 'secret')?.data.text).toBe('乙店内部话术');

    // Direct SQL under the service role with shop A set: B's rows are invisible and unwritable.
    const c = new pg.Client({ connectionString: stack.db.url });
    await c.connect();
    try {
      await c.query(`BEGIN; SET LOCAL ROLE huashu_app; SET LOCAL huashu.shop_id = '${sa.shopId}'`);
      expect((await c.query('SELECT * FROM scripts WHERE shop_id = $1', [sb.shopId])).rowCount).toBe(0);
      expect((await c.query('SELECT * FROM followups WHERE shop_id = $1', [sb.shopId])).rowCount).toBe(0);
      expect((await c.query('SELECT * FROM shops')).rows.map((r) => r.id)).toEqual([sa.shopId]);
      expect((await c.query(`UPDATE scripts SET data = '{}' WHERE shop_id = $1`, [sb.shopId])).rowCount).toBe(0);
      await expect(c.query(`INSERT INTO scripts (shop_id, id, seq, data, updated_by) VALUES ($1, 'evil', 1, '{}', 'x')`, [sb.shopId])).rejects.toThrow(
        /row-level security/,
      );
      await c.query('ROLLBACK');
      // With no shop set, nothing at all is visible.
      await c.query('BEGIN; SET LOCAL ROLE huashu_app');
      expect((await c.query('SELECT * FROM scripts')).rowCount).toBe(0);
      expect((await c.query('SELECT * FROM invites')).rowCount).toBe(0);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });
});

describe('invites and membership', () => {
  it('bad, used and expired invite codes get a clear message', async () => {
    const lead = newRep(stack.services[0]!.url);
    await lead.client.createShop('邀请店', '组长');
    const joiner = newRep(stack.services[1]!.url);
    await expect(joiner.client.join('ABCD-EFGH-JKMN', '新人')).rejects.toMatchObject({
      code: 'invite_invalid',
      syncMessage: { zh: expect.stringContaining('邀请码无效') },
    });
    await expect(joiner.client.join('短', '新人')).rejects.toMatchObject({ code: 'invite_invalid' });
    const inv = await lead.client.invite();
    // Typed loosely (lower case, full-width dash): still the same code.
    await joiner.client.join(inv.code.toLowerCase().replace(/-/g, '－'), '新人');
    const again = newRep(stack.services[0]!.url);
    await expect(again.client.join(inv.code, '又一个')).rejects.toMatchObject({ code: 'invite_used' });
    // Expire an invite on the server clock (as the cluster's superuser: the owner role is held by row-level security).
    const old = await lead.client.invite();
    const c = new pg.Client({ connectionString: stack.db.adminUrl });
    await c.connect();
    await c.query(`UPDATE invites SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    await c.end();
    await expect(again.client.join(old.code, '迟到')).rejects.toMatchObject({ code: 'invite_expired', syncMessage: { zh: expect.stringContaining('过期') } });
    // Only the lead invites.
    await expect(joiner.client.invite()).rejects.toMatchObject({ code: 'lead_only' });
  });

  it('a rep removed while offline: clear message, unsent changes kept locally, shared rows dropped, claims released', async () => {
    const { lead, a } = await team('移除店');
    await lead.client.queue(followUp('f9'));
    await lead.client.sync();
    await a.client.sync();
    expect((await a.client.claim('f9')).ok).toBe(true);
    a.net.online = false;
    await a.client.queue({ kind: 'proposal', op: 'propose', id: 'p-offline', data: { script: { title: 't', text: '离线写的建议' } } });
    await lead.client.removeRep((await a.client.state()).repId!);
    a.net.online = true;
    const r = await a.client.sync();
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('removed');
    const st = await a.client.state();
    expect(st.removed).toBe(true);
    expect(st.pending).toBe(1);
    expect((await a.client.pendingChanges())[0]!.id).toBe('p-offline');
    expect(a.rows.rows.size).toBe(0);
    expect(await a.client.canAct('f9')).toBe(false);
    await lead.client.sync();
    expect(lead.rows.get('followup', 'f9')?.data.claimedBy).toBeNull();
    expect(lead.rows.get('proposal', 'p-offline')).toBeUndefined();
  });
});

describe('bad input', () => {
  it('malformed, replayed, oversize and too-many pushes get clear answers and change nothing else', async () => {
    const lead = newRep(stack.services[0]!.url);
    const s = await lead.client.createShop('坏输入店', '组长');
    const url = `${stack.services[1]!.url}/v1/push`;
    const post = (body: string) => fetch(url, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body });
    let r = await post('{not json');
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe('bad_request');
    r = await post(JSON.stringify({ changes: [{ kind: 'script', op: 'upsert', id: 'a', data: {} }] }));
    expect(r.status).toBe(400); // no changeId
    r = await post(
      JSON.stringify({ changes: Array.from({ length: 501 }, (_, i) => ({ changeId: `c-${i}-abcdefg`, kind: 'usage', op: 'record', id: `u${i}`, data: {} })) }),
    );
    expect(r.status).toBe(413);
    expect((await r.json()).error.code).toBe('too_many_changes');
    r = await post(
      JSON.stringify({
        changes: [{ changeId: 'big-0000001', kind: 'script', op: 'upsert', id: 'big', data: { title: 't', text: 'x'.repeat(3 * 1024 * 1024) } }],
      }),
    );
    expect(r.status).toBe(413);
    expect((await r.json()).error.message.zh).toContain('过大');
    r = await post(
      JSON.stringify({
        changes: [
          { changeId: 'mixed-00001', kind: 'script', op: 'upsert', id: 'ok1', data: { title: 't', text: '好' } },
          { changeId: 'mixed-00002', kind: 'script', op: 'upsert', id: 'bad', data: { title: 't' } },
          { changeId: 'mixed-00003', kind: 'nonsense', op: 'x', id: 'n', data: {} },
          { changeId: 'mixed-00004', kind: 'script', op: 'upsert', id: 'x'.repeat(40), data: { title: 't', text: 'y'.repeat(40_000) } },
        ],
      }),
    );
    const j = await r.json();
    expect(j.results.map((x: { status: string }) => x.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected']);
    expect(j.results[3].code).toBe('too_large');
    // Replay the change: same answer, nothing written twice. (It must be the same body: the same id with
    // another body is refused as change_id_reused, see server-poison.test.ts.)
    const replay = await (
      await post(JSON.stringify({ changes: [{ changeId: 'mixed-00001', kind: 'script', op: 'upsert', id: 'ok1', data: { title: 't', text: '好' } }] }))
    ).json();
    expect(replay.results[0]).toEqual(j.results[0]);
    await lead.client.sync();
    expect(lead.rows.get('script', 'ok1')?.data.text).toBe('好');
    const bad = await fetch(`${stack.services[0]!.url}/v1/pull?cursor=-1`, { headers: { authorization: `Bearer ${s.token}` } });
    expect((await bad.json()).error.code).toBe('bad_cursor');
  });

  it('a huge library push (3,000 scripts) is sent in batches and arrives whole', async () => {
    const lead = newRep(stack.services[0]!.url);
    await lead.client.createShop('大库店', '组长');
    await lead.client.queueMany(
      Array.from({ length: 3000 }, (_, i) => ({
        kind: 'script' as const,
        op: 'upsert' as const,
        id: `h${i}`,
        data: { title: `标题${i}`, text: '话术'.repeat(50) },
      })),
    );
    const r = await lead.client.sync();
    expect(r.ok).toBe(true);
    expect(r.pushed).toBe(3000);
    expect(lead.rows.count('script')).toBe(3000);
  }, 60_000);

  it('server down: changes wait in the outbox with a clear state, then sync when it is back', async () => {
    const lead = newRep('http://127.0.0.1:9'); // nothing listens there
    await lead.storage.set('sync.session', {
      token: 'x',
      shopId: '00000000-0000-0000-0000-000000000000',
      shopName: 's',
      repId: 'r',
      role: 'lead',
      expiresAt: 0,
    });
    await lead.client.queue({ kind: 'script', op: 'upsert', id: 'z', data: { title: 't', text: 'x' } });
    const r = await lead.client.sync();
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('server_unavailable');
    const st = await lead.client.state();
    expect(st.online).toBe(false);
    expect(st.pending).toBe(1);
    expect(st.lastError?.message.zh).toContain('本机');
  });
});
