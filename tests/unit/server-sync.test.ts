/**
 * Integration: real PostgreSQL on loopback, real service instances, real
 * SyncClients. Lead → rep within seconds, proposals, library rules, idempotent
 * push, restart mid-sync, pagination under concurrent writes.
 */
import { describe, expect, it } from 'vitest';
import { startService } from '../../server/app';
import { newRep, useStack, TEST_SECRET, waitFor } from '../server/harness';

const stack = useStack({ instances: 2 });

const script = (title: string, text: string) => ({ title, text, group: '咨询回复', intent: 'shipping_time', triggers: [] });

describe('team sync against PostgreSQL', () => {
  it("a lead's edit reaches a rep over the live stream (other instance) within seconds", async () => {
    const [a, b] = stack.services;
    const lead = newRep(a!.url);
    await lead.client.createShop('小店A', '组长');
    const invite = await lead.client.invite('rep');
    const rep = newRep(b!.url);
    const session = await rep.client.join(invite.code, '小王');
    expect(session.role).toBe('rep');

    const stop = new AbortController();
    const listening = rep.client.listen(stop.signal).catch(() => undefined);
    await waitFor(async () => (await rep.client.state()).lastSyncAt !== undefined);

    await lead.client.queue({ kind: 'script', op: 'upsert', id: 's1', data: script('发货时间', '亲，48小时内发货哦') });
    const pushed = await lead.client.sync();
    expect(pushed.ok).toBe(true);
    const row = await waitFor(() => rep.rows.get('script', 's1'), 5000);
    expect(row.data.text).toBe('亲，48小时内发货哦');
    // the lead sees the new member too
    expect([...lead.rows.rows.values()].filter((r) => r.kind === 'member')).toHaveLength(2);
    stop.abort();
    await listening;
  });

  it("a rep cannot change the library, but a rep's proposal reaches the lead, who accepts it", async () => {
    const lead = newRep(stack.services[0]!.url);
    await lead.client.createShop('小店B', '组长');
    const rep = newRep(stack.services[1]!.url);
    await rep.client.join((await lead.client.invite()).code, '小李');

    await rep.client.queue({ kind: 'script', op: 'upsert', id: 'x', data: script('偷改', '不行') });
    await rep.client.queue({ kind: 'proposal', op: 'propose', id: 'p1', data: { script: script('退款', '亲，已为您申请退款'), note: '买家常问' } });
    const r = await rep.client.sync();
    expect(r.ok).toBe(true);
    const st = await rep.client.state();
    expect(st.rejected.map((x) => x.code)).toEqual(['forbidden']);
    expect(st.rejected[0]!.message.zh).toContain('组长');

    await lead.client.sync();
    const p = lead.rows.get('proposal', 'p1');
    expect(p?.data.status).toBe('pending');
    expect(p?.data.note).toBe('买家常问');
    await lead.client.queue({ kind: 'proposal', op: 'decide', id: 'p1', data: { decision: 'accept' } });
    await lead.client.sync();
    await rep.client.sync();
    expect(rep.rows.get('proposal', 'p1')?.data.status).toBe('accepted');
    expect(rep.rows.get('script', 'proposal-p1')?.data.text).toBe('亲，已为您申请退款');
    expect(rep.rows.get('script', 'x')).toBeUndefined();
  });

  it('push is idempotent: a replayed change id returns the first result and writes once', async () => {
    const lead = newRep(stack.services[0]!.url);
    const s = await lead.client.createShop('小店C', '组长');
    const body = { changes: [{ changeId: 'chg-0001-replay', kind: 'script', op: 'upsert', id: 'r1', data: script('a', 'b') }] };
    const post = (url: string) =>
      fetch(`${url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const first = await post(stack.services[0]!.url);
    const second = await post(stack.services[1]!.url);
    expect(first.results[0].status).toBe('applied');
    expect(second.results).toEqual(first.results);
    await lead.client.sync();
    const rows = [...lead.rows.rows.values()].filter((r) => r.kind === 'script');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.seq).toBe(first.results[0].seq);
  });

  it('library conflicts keep both versions: the server one applies, the local one is listed', async () => {
    const lead = newRep(stack.services[0]!.url);
    await lead.client.createShop('小店D', '组长');
    const editor = newRep(stack.services[1]!.url);
    await editor.client.join((await lead.client.invite('editor')).code, '编辑');
    await lead.client.queue({ kind: 'script', op: 'upsert', id: 'c1', data: script('t', 'v1') });
    await lead.client.sync();
    await editor.client.sync();
    const base = editor.rows.get('script', 'c1')!.seq;
    await lead.client.queue({ kind: 'script', op: 'upsert', id: 'c1', data: script('t', 'lead v2'), baseSeq: base });
    await lead.client.sync();
    await editor.client.queue({ kind: 'script', op: 'upsert', id: 'c1', data: script('t', 'editor v2'), baseSeq: base });
    await editor.client.sync();
    const st = await editor.client.state();
    expect(st.conflicts).toHaveLength(1);
    expect((st.conflicts[0]!.change as unknown as { data: { text: string } }).data.text).toBe('editor v2');
    expect(editor.rows.get('script', 'c1')?.data.text).toBe('lead v2');
  });

  it('a service restarted mid-sync loses and duplicates nothing (client retries with the same change ids)', async () => {
    let svc = await startService({ databaseUrl: stack.db.url, secret: TEST_SECRET });
    const port = svc.port;
    const lead = newRep(svc.url);
    await lead.client.createShop('小店E', '组长');
    for (let i = 0; i < 300; i++) await lead.client.queue({ kind: 'script', op: 'upsert', id: `m${i}`, data: script(`t${i}`, `文本${i}`) });
    // Several batches; the service stops right after the first one committed, so its answer is lost
    // and the later batches find no service. Then it starts again and the client retries.
    (lead.client as unknown as { o: { pushBatchSize: number } }).o.pushBatchSize = 50;
    let pushes = 0;
    lead.net.afterResponse = async (url, response) => {
      if (!url.endsWith('/v1/push') || ++pushes !== 1) return response;
      await response.arrayBuffer(); // the commit is done once the answer is complete
      await svc.stop();
      throw new TypeError('fetch failed (connection reset)');
    };
    const first = await lead.client.sync();
    lead.net.afterResponse = undefined;
    svc = await startService({ databaseUrl: stack.db.url, secret: TEST_SECRET, port });
    const again = await lead.client.sync();
    await svc.stop();
    expect(again.ok).toBe(true);
    expect((await lead.client.state()).pending).toBe(0);
    const fresh = newRep(stack.services[1]!.url);
    await fresh.storage.set('sync.session', await lead.storage.get('sync.session'));
    await fresh.client.sync();
    expect(fresh.rows.count('script')).toBe(300);
    const seqs = [...fresh.rows.rows.values()].filter((r) => r.kind === 'script').map((r) => r.seq);
    expect(new Set(seqs).size).toBe(300);
    expect(pushes).toBe(1); // later batches found the service down
    expect(first.ok).toBe(false); // the restart was noticed, not hidden
  }, 60_000);

  it('checkpoints do not skip rows committed while paging, and cursors never go back', async () => {
    const lead = newRep(stack.services[0]!.url);
    await lead.client.createShop('小店F', '组长');
    const writers = Array.from({ length: 4 }, () => newRep(stack.services[1]!.url));
    for (const w of writers) await w.client.join((await lead.client.invite('editor')).code, '编辑');
    const reader = newRep(stack.services[0]!.url);
    await reader.client.join((await lead.client.invite()).code, 'reader');
    const writing = Promise.all(
      writers.map(async (w, wi) => {
        for (let round = 0; round < 10; round++) {
          for (let i = 0; i < 5; i++) await w.client.queue({ kind: 'script', op: 'upsert', id: `w${wi}-${round}-${i}`, data: script('t', 'x') });
          await w.client.sync();
        }
      }),
    );
    // Pull in small pages while the writers commit concurrently.
    const small = reader.client as unknown as { o: { pullLimit: number } };
    small.o.pullLimit = 7;
    while ((await Promise.race([writing.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10))])) === false) await reader.client.sync();
    await reader.client.sync();
    expect(reader.rows.count('script')).toBe(4 * 10 * 5);
  }, 60_000);
});
