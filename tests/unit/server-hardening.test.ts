/**
 * Integration: the service's smaller promises. A removed rep's token stops
 * working everywhere and their live streams close (on every instance); live
 * streams are capped per rep; ?token= only on the stream; signed tokens of a
 * shape we never issue and fractional report windows are clean 4xx; the last
 * lead cannot leave; shop creation and invite-code attempts are rate-limited;
 * only extension origins may call from a browser.
 */
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { startService } from '../../server/app';
import { signToken } from '../../server/auth/token';
import { RateLimiter } from '../../server/http/rate-limit';
import { newRep, useStack, TEST_SECRET } from '../server/harness';

// Each test is a handful of round trips; bounded generously so a busy 2-core machine is slow, never red.
vi.setConfig({ testTimeout: 30_000 });

const stack = useStack({ instances: 2 });

const A = () => stack.services[0]!.url;
const B = () => stack.services[1]!.url;

interface Opened {
  status: number;
  reader?: ReadableStreamDefaultReader<Uint8Array>;
  abort: () => void;
}

async function openStream(base: string, token: string, viaQuery = false): Promise<Opened> {
  const ac = new AbortController();
  const r = await fetch(`${base}/v1/stream${viaQuery ? `?token=${encodeURIComponent(token)}` : ''}`, {
    headers: viaQuery ? {} : { authorization: `Bearer ${token}` },
    signal: ac.signal,
  });
  const reader = r.ok ? r.body!.getReader() : undefined;
  if (reader) await reader.read(); // the hello event: the stream is registered
  return { status: r.status, reader, abort: () => ac.abort() };
}

/** Resolves once the server has ended the stream (the test's timeout is the bound). */
async function closedByServer(o: Opened): Promise<true> {
  for (;;) {
    const { done } = await o.reader!.read();
    if (done) return true;
  }
}

async function team(name: string) {
  const lead = newRep(A());
  const ls = await lead.client.createShop(name, '组长');
  const rep = newRep(B());
  const rs = await rep.client.join((await lead.client.invite()).code, '小王');
  return { lead, ls, rep, rs };
}

const get = (base: string, path: string, token?: string) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (base: string, path: string, token: string | undefined, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('removal', () => {
  it("a removed rep's token stops working on every endpoint at once, and their open stream on the other instance closes", async () => {
    const { lead, rep, rs } = await team('移除流店');
    await lead.client.queue({
      kind: 'followup',
      op: 'create',
      id: 'rf1',
      data: {
        kind: 'payment_reminder',
        site: 'demo',
        conversationKey: 'demo:rf1',
        dedupeKey: 'payment_reminder:demo:rf1',
        dueAt: Date.now(),
        deadlineAt: Date.now() + 86_400_000,
      },
    });
    await lead.client.sync();
    const stream = await openStream(B(), rs.token);
    expect(stream.status).toBe(200);
    await lead.client.removeRep(rs.repId); // through instance A
    expect(await closedByServer(stream)).toBe(true);

    for (const base of [A(), B()]) {
      expect((await get(base, '/v1/pull?cursor=0', rs.token)).status).toBe(403);
      expect((await get(base, '/v1/report?days=7', rs.token)).status).toBe(403);
      expect((await post(base, '/v1/push', rs.token, { changes: [] })).status).toBe(403);
      expect((await post(base, '/v1/claim', rs.token, { followUpId: 'rf1' })).status).toBe(403);
      expect((await post(base, '/v1/release', rs.token, { followUpId: 'rf1' })).status).toBe(403);
      expect((await post(base, '/v1/invites', rs.token, {})).status).toBe(403);
      expect((await post(base, '/v1/leave', rs.token, {})).status).toBe(403);
      expect((await openStream(base, rs.token)).status).toBe(403);
    }
    const r = await rep.client.sync();
    expect(r.error?.code).toBe('removed');
  });

  it('a rep who leaves has their streams closed too', async () => {
    const { rep, rs } = await team('退出流店');
    const stream = await openStream(A(), rs.token);
    await rep.client.leave();
    expect(await closedByServer(stream)).toBe(true);
  });
});

describe('live streams per rep', () => {
  it('at most five per rep and instance: a sixth closes the oldest', async () => {
    const { ls, rs } = await team('限流店');
    const mine: Opened[] = [];
    for (let i = 0; i < 6; i++) mine.push(await openStream(A(), rs.token));
    const other = await openStream(A(), ls.token);
    expect(mine.every((o) => o.status === 200)).toBe(true);
    expect(await closedByServer(mine[0]!)).toBe(true);
    const hub = stack.services[0]!.ctx.live;
    expect(hub.streamsOf(rs.shopId, rs.repId)).toBe(5);
    expect(hub.streamsOf(ls.shopId, ls.repId)).toBe(1); // another rep's stream is untouched
    for (const o of [...mine, other]) o.abort();
  });
});

describe('tokens', () => {
  it('?token= is accepted on the stream only', async () => {
    const { rs } = await team('参数店');
    expect((await get(A(), `/v1/pull?cursor=0&token=${encodeURIComponent(rs.token)}`)).status).toBe(401);
    expect((await fetch(`${A()}/v1/push?token=${encodeURIComponent(rs.token)}`, { method: 'POST', body: '{"changes":[]}' })).status).toBe(401);
    const s = await openStream(A(), rs.token, true);
    expect(s.status).toBe(200);
    s.abort();
  });

  it('a validly signed token with a shop that is not a UUID is 401, not 500', async () => {
    const bad = signToken({ sub: 'someone', shop: 'not-a-uuid', role: 'lead', exp: Date.now() + 60_000 }, TEST_SECRET);
    const weird = signToken(
      { sub: "x'; DROP TABLE reps; --", shop: '00000000-0000-0000-0000-000000000000', role: 'lead', exp: Date.now() + 60_000 },
      TEST_SECRET,
    );
    for (const token of [bad, weird]) {
      expect((await get(A(), '/v1/pull?cursor=0', token)).status).toBe(401);
      expect((await post(A(), '/v1/push', token, { changes: [] })).status).toBe(401);
      expect((await post(A(), '/v1/claim', token, { followUpId: 'x' })).status).toBe(401);
      expect((await get(A(), '/v1/report', token)).status).toBe(401);
      expect((await openStream(A(), token)).status).toBe(401);
    }
  });
});

describe('report', () => {
  it('days must be a whole number: 2.5 or words are 400, not 500', async () => {
    const { ls } = await team('报表店');
    for (const days of ['2.5', 'abc', '-3', '1e3', '']) {
      const r = await get(A(), `/v1/report?days=${days}`, ls.token);
      expect(r.status, days).toBe(400);
      expect((await r.json()).error.code).toBe('bad_request');
    }
    const ok = await get(A(), '/v1/report?days=7', ls.token);
    expect(ok.status).toBe(200);
    expect((await ok.json()).days).toBe(7);
    expect((await (await get(A(), '/v1/report', ls.token)).json()).days).toBe(30);
  });
});

describe('the last lead', () => {
  it('cannot leave or remove themselves (409 with a clear message); with a second lead they can', async () => {
    const { lead, ls, rs } = await team('组长店');
    await expect(lead.client.leave()).rejects.toMatchObject({ code: 'last_lead', status: 409, syncMessage: { zh: expect.stringContaining('唯一的组长') } });
    const self = await post(A(), '/v1/reps/remove', ls.token, { repId: ls.repId });
    expect(self.status).toBe(409);
    expect((await self.json()).error.message.en).toContain('only lead');
    expect((await lead.client.state()).joined).toBe(true);
    // No endpoint promotes a rep yet: make the rep a lead in the database.
    const c = new pg.Client({ connectionString: stack.db.url });
    await c.connect();
    await c.query('BEGIN');
    await c.query(`SELECT set_config('huashu.shop_id', $1, true)`, [ls.shopId]);
    await c.query(`UPDATE reps SET role = 'lead' WHERE id = $1`, [rs.repId]);
    await c.query('COMMIT');
    await c.end();
    await lead.client.leave();
    expect((await lead.client.state()).joined).toBe(false);
  });
});

describe('rate limits', () => {
  it('shop creation and invite-code attempts per address: 429 with Retry-After, then allowed again as time passes', async () => {
    let now = 1_000_000;
    const svc = await startService({
      databaseUrl: stack.db.url,
      secret: TEST_SECRET,
      now: () => now,
      rateLimits: { createShop: { burst: 2, perMinute: 1 }, join: { burst: 3, perMinute: 6 } },
    });
    try {
      const make = () => post(svc.url, '/v1/shops', undefined, { shopName: '限速店', repName: '组长' });
      expect((await make()).status).toBe(201);
      expect((await make()).status).toBe(201);
      const third = await make();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('60');
      const body = await third.json();
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message.zh).toContain('稍后');
      // A made-up forwarding header changes nothing (not behind a trusted proxy).
      const spoofed = await fetch(`${svc.url}/v1/shops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ shopName: 'x', repName: 'y' }),
      });
      expect(spoofed.status).toBe(429);
      now += 60_000;
      expect((await make()).status).toBe(201);
      expect((await make()).status).toBe(429);

      const tryCode = () => post(svc.url, '/v1/join', undefined, { code: 'ZZZZ-ZZZZ-ZZZZ', repName: '猜码' });
      for (let i = 0; i < 3; i++) expect((await tryCode()).status).toBe(404);
      const blocked = await tryCode();
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('10');
      now += 10_000;
      expect((await tryCode()).status).toBe(404);
    } finally {
      await svc.stop();
    }
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, () => 0, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.take('10.0.3.231').ok).toBe(false); // the most recent ones are still counted
  });
});

describe('origins', () => {
  it('extension origins (and tools sending none) are served; a web page origin is refused and never gets an allow header', async () => {
    const ext = await fetch(`${A()}/v1/health`, { headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    expect(ext.status).toBe(200);
    expect(ext.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(ext.headers.get('vary')).toContain('Origin');
    const fx = await fetch(`${A()}/v1/shops`, {
      method: 'OPTIONS',
      headers: { origin: 'moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', 'access-control-request-method': 'POST' },
    });
    expect(fx.status).toBe(204);
    expect(fx.headers.get('access-control-allow-origin')).toBe('moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0');
    const none = await fetch(`${A()}/v1/health`);
    expect(none.status).toBe(200);
    expect(none.headers.get('access-control-allow-origin')).toBeNull();

    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:3000']) {
      const page = await fetch(`${A()}/v1/shops`, {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ shopName: '网页建的店', repName: 'x' }),
      });
      expect(page.status, origin).toBe(403);
      expect(page.headers.get('access-control-allow-origin')).toBeNull();
      expect((await page.json()).error.code).toBe('origin_not_allowed');
      const pre = await fetch(`${A()}/v1/push`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
