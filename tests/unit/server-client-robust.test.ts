/**
 * Integration: a real SyncClient against the real service when changes are
 * poisoned. The client cleans text before queueing; it pulls even when its
 * push fails; a change the service keeps failing on (5xx, here from a fetch
 * that plays an older service or a proxy choking on it) is found by splitting
 * the batch and set aside in the conflicts list, and the others keep flowing;
 * a service down for everyone sets nothing aside. The token never goes to a
 * plain http:// address off this computer.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkServerUrl, SyncClient, type FetchLike } from '../../lib/sync/client';
import type { ChangeBody } from '../../lib/sync/protocol';
import { MemorySyncStorage } from '../../lib/sync/storage';
import { MemoryRows, newRep, useStack } from '../server/harness';

// Each test is a handful of round trips; bounded generously so a busy 2-core machine is slow, never red.
vi.setConfig({ testTimeout: 30_000 });

const stack = useStack({ instances: 1 });

const url = () => stack.services[0]!.url;
const POISON = '☠poison☠';

/** A fetch that answers 500 to any push whose body holds POISON (or every push while `down`), and counts requests. */
class ChokingFetch {
  pushes = 0;
  down = false;
  fetch: FetchLike = async (u, init) => {
    if (u.endsWith('/v1/push')) {
      this.pushes++;
      if (this.down || (typeof init?.body === 'string' && init.body.includes(POISON)))
        return new Response(JSON.stringify({ error: { code: 'server_error', message: { zh: '出错', en: 'error' } } }), {
          status: this.down ? 503 : 500,
          headers: { 'content-type': 'application/json' },
        });
    }
    return fetch(u, init);
  };
}

function chokingRep(baseUrl: string) {
  const rows = new MemoryRows();
  const storage = new MemorySyncStorage();
  const net = new ChokingFetch();
  const client = new SyncClient({ baseUrl, fetch: net.fetch, storage, applyRows: rows.apply, clearShared: rows.clear });
  return { client, rows, storage, net };
}

const script = (id: string, text: string): ChangeBody => ({ kind: 'script', op: 'upsert', id, data: { title: `标题${id}`, text } });

async function teamOf(name: string) {
  const lead = chokingRep(url());
  await lead.client.createShop(name, '组长');
  const reader = newRep(url());
  await reader.client.join((await lead.client.invite('editor')).code, '读者');
  return { lead, reader };
}

describe('the client cleans a change before it is queued', () => {
  it('lone surrogates become U+FFFD, NUL is dropped, notes are cut by code point; the change arrives', async () => {
    const { lead, reader } = await teamOf('清洗店');
    await lead.client.queue({ kind: 'script', op: 'upsert', id: 'dirty', data: { title: 'a\u0000b', text: '半个\ud83d表情', ['k\u0000ey']: ['\udc00x'] } });
    await lead.client.queue({
      kind: 'followup',
      op: 'create',
      id: 'fu-cut',
      data: {
        kind: 'payment_reminder',
        site: 'demo',
        conversationKey: 'demo:c',
        dedupeKey: 'payment_reminder:demo:c',
        dueAt: Date.now(),
        deadlineAt: Date.now() + 86_400_000,
        notes: 'a' + '😀'.repeat(2500),
      },
    });
    const r = await lead.client.sync();
    expect(r.ok).toBe(true);
    expect((await lead.client.state()).rejected).toEqual([]);
    await reader.client.sync();
    const row = reader.rows.get('script', 'dirty')!;
    expect(row.data.title).toBe('ab');
    expect(row.data.text).toBe('半个\ufffd表情');
    expect(row.data.key).toEqual(['\ufffdx']);
    const notes = String(reader.rows.get('followup', 'fu-cut')!.data.notes);
    expect([...notes]).toHaveLength(2000);
    expect(notes.isWellFormed()).toBe(true);
  });

  it('a change nested deeper than the protocol allows is refused at once, never queued, and the rest syncs', async () => {
    const { lead, reader } = await teamOf('深层店');
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { d: deep }; // JSON.stringify of this would throw
    const id = await lead.client.queue({ kind: 'script', op: 'upsert', id: 'deep', data: { title: 't', text: 'x', deep } as never });
    await lead.client.queue(script('fine', '正常'));
    const st = await lead.client.state();
    expect(st.pending).toBe(1);
    expect(st.rejected.map((x) => [x.change.changeId, x.code])).toEqual([[id, 'too_deep']]);
    expect((await lead.client.sync()).ok).toBe(true);
    await reader.client.sync();
    expect(reader.rows.get('script', 'fine')?.data.text).toBe('正常');
  });
});

describe('a failing push never stops the pull', () => {
  it('while every push of the rep fails, the lead’s changes still reach the rep', async () => {
    const lead = newRep(url());
    await lead.client.createShop('只拉店', '组长');
    const rep = chokingRep(url());
    await rep.client.join((await lead.client.invite('editor')).code, '小王');
    rep.net.down = true;
    await rep.client.queue(script('mine', '我的'));
    await lead.client.queue(script('team', '团队的'));
    await lead.client.sync();
    const r = await rep.client.sync();
    expect(r.ok).toBe(false); // the failure is reported…
    expect(r.error?.code).toBe('server_error');
    expect(rep.rows.get('script', 'team')?.data.text).toBe('团队的'); // …and the pull happened anyway
    expect((await rep.client.state()).pending).toBe(1); // nothing was set aside: the service was down for everyone
    expect((await rep.client.state()).conflicts).toEqual([]);
    rep.net.down = false;
    expect((await rep.client.sync()).ok).toBe(true);
    expect((await rep.client.state()).pending).toBe(0);
  });
});

describe('a change the service keeps failing on is found and set aside', () => {
  it('bisects a batch of 200 with two poisoned changes: 198 arrive, the two are in conflicts with a clear message, the next sync is clean', async () => {
    const { lead, reader } = await teamOf('隔离店');
    const bodies = Array.from({ length: 200 }, (_, i) => script(`q${i}`, i === 37 || i === 150 ? `坏${POISON}${i}` : `好${i}`));
    const ids = await lead.client.queueMany(bodies);
    const r = await lead.client.sync();
    expect(r.ok).toBe(true);
    const st = await lead.client.state();
    expect(st.pending).toBe(0);
    expect(st.conflicts.map((c) => c.change.changeId).sort()).toEqual([ids[37], ids[150]].sort());
    for (const c of st.conflicts) {
      expect(c.quarantined).toBe(true);
      expect(c.code).toBe('quarantined');
      expect(c.message?.zh).toContain('暂存一旁');
      expect(c.message?.en).toContain('set aside');
    }
    // Bounded: about two halvings per level for each bad change, plus its retries.
    expect(lead.net.pushes).toBeLessThan(40);
    await reader.client.sync();
    expect(reader.rows.count('script')).toBe(198);
    expect(reader.rows.get('script', 'q37')).toBeUndefined();
    expect(reader.rows.get('script', 'q38')?.data.text).toBe('好38');
    // Nothing stalls afterwards: new changes flow, and the rep can dismiss the set-aside ones.
    await lead.client.queue(script('after', '之后'));
    expect((await lead.client.sync()).ok).toBe(true);
    await lead.client.dismissConflict(ids[37]!);
    expect((await lead.client.state()).conflicts).toHaveLength(1);
    await reader.client.sync();
    expect(reader.rows.get('script', 'after')?.data.text).toBe('之后');
  });

  it('eight poisoned changes at the head of the outbox: all set aside, the 32 behind them arrive', async () => {
    const { lead, reader } = await teamOf('扎堆店');
    const ids = await lead.client.queueMany(Array.from({ length: 40 }, (_, i) => script(`h${i}`, i < 8 ? `坏${POISON}` : `好${i}`)));
    expect((await lead.client.sync()).ok).toBe(true);
    const st = await lead.client.state();
    expect(st.pending).toBe(0);
    expect(st.conflicts.map((c) => c.change.changeId).sort()).toEqual(ids.slice(0, 8).sort());
    await reader.client.sync();
    expect(reader.rows.count('script')).toBe(32);
  });

  it('a poisoned change alone in the outbox is set aside once an empty push shows the service works', async () => {
    const { lead } = await teamOf('单条店');
    const id = await lead.client.queue(script('only', `坏${POISON}`));
    const r = await lead.client.sync();
    expect(r.ok).toBe(true);
    const st = await lead.client.state();
    expect(st.pending).toBe(0);
    expect(st.conflicts.map((c) => [c.change.changeId, c.code])).toEqual([[id, 'quarantined']]);
  });

  it('a service that fails every push (down, not the change) sets nothing aside and the changes wait', async () => {
    const { lead } = await teamOf('宕机店');
    await lead.client.queueMany(Array.from({ length: 50 }, (_, i) => script(`d${i}`, `好${i}`)));
    lead.net.down = true;
    for (let k = 0; k < QUARANTINE_ROUNDS; k++) expect((await lead.client.sync()).ok).toBe(false);
    const st = await lead.client.state();
    expect(st.pending).toBe(50);
    expect(st.conflicts).toEqual([]);
    lead.net.down = false;
    expect((await lead.client.sync()).ok).toBe(true);
    expect((await lead.client.state()).pending).toBe(0);
  });
});
const QUARANTINE_ROUNDS = 4;

describe('the sign-in never travels in clear text off this computer', () => {
  it('refuses http:// to any other host, before sending anything; https:// and loopback http:// are fine', async () => {
    expect(checkServerUrl('http://127.0.0.1:8787').ok).toBe(true);
    expect(checkServerUrl('http://localhost:8787').ok).toBe(true);
    expect(checkServerUrl('http://[::1]:8787').ok).toBe(true);
    expect(checkServerUrl('http://127.8.9.10').ok).toBe(true);
    expect(checkServerUrl('https://sync.example.com').ok).toBe(true);
    for (const bad of ['http://sync.example.com', 'http://192.168.1.20:8787', 'http://localhost.example.com', 'http://127.0.0.1.nip.io', 'ftp://127.0.0.1'])
      expect(checkServerUrl(bad).ok, bad).toBe(false);
    const calls: string[] = [];
    const client = new SyncClient({
      baseUrl: 'http://sync.example.com:8787',
      fetch: async (u) => {
        calls.push(u);
        throw new TypeError('must not be called');
      },
      storage: new MemorySyncStorage(),
    });
    await expect(client.join('ABCD-EFGH-JKMN', '小王')).rejects.toMatchObject({
      code: 'insecure_url',
      syncMessage: { zh: expect.stringContaining('https://') },
    });
    await expect(client.createShop('店', '组长')).rejects.toMatchObject({ code: 'insecure_url' });
    expect(calls).toEqual([]);
  });
});
