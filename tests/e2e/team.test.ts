/**
 * Team sync end to end: a private PostgreSQL + the sync service on loopback,
 * two browsers with the built extension (a lead and a rep, each with its own
 * profile). The rep reaches the service through a small TCP relay the test
 * can cut, to take that rep offline.
 *
 * Lead creates the shop and an invite; a bad code and an unreachable server
 * give clear messages; the rep joins; the lead's edit of a shared script
 * reaches the rep's open sidebar; the rep's proposal reaches the lead; of two
 * reps acting on one 催付 follow-up (one offline), only one may insert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import type { ReplyScript } from '../../lib/types';
import { startStack, type Stack } from '../server/harness';
import { callBackground, launchExtension, sidebar, until, type Harness } from './harness';

type Res<T> = { ok: true; value: T } | { ok: false; error: { zh: string; en: string } };

/** A TCP relay to the service that can be switched off (connections refused, open ones cut). */
class Relay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly targetPort: number) {}
  async start(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
  }
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = undefined;
  }
}

let stack: Stack;
let relay: Relay;
let lead: Harness;
let rep: Harness;
let leadOptions: Page;
let repOptions: Page;
let serviceUrl = '';

const TEAM_PAY: ReplyScript = {
  id: 'team-pay-e2e',
  group: '订单相关',
  intent: 'payment_reminder',
  title: '团队催付E2E',
  text: '亲，订单还没付款哦，有问题随时找我～',
  triggers: ['还没付款'],
  updatedAt: 1,
};

async function openTeamTab(h: Harness, page: Page) {
  await page.goto(`chrome-extension://${h.extensionId}/options.html#team`);
  await page.locator('[data-huashu="team-tab"]').waitFor();
}

async function bg<T>(page: Page, name: string, data?: unknown): Promise<T> {
  const res = await callBackground<Res<T>>(page, name, data);
  if (!res.ok) throw new Error(res.error.zh);
  return res.value;
}

async function openDemo(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/textarea.html?timeline=off`);
  await sidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

async function search(page: Page, query: string) {
  const box = sidebar(page).locator('[data-huashu="search"]');
  await box.fill('');
  await box.fill(query);
  await sidebar(page)
    .locator(`[data-huashu="results"][data-query=${JSON.stringify(query)}]`)
    .waitFor(); // results for this query are shown
  return sidebar(page).locator('[data-huashu="results"] .card');
}

beforeAll(async () => {
  stack = await startStack();
  serviceUrl = stack.services[0]!.url;
  relay = new Relay(stack.services[0]!.port);
  await relay.start();
  [lead, rep] = await Promise.all([launchExtension(), launchExtension()]);
  leadOptions = await lead.context.newPage();
  repOptions = await rep.context.newPage();
  await Promise.all([openTeamTab(lead, leadOptions), openTeamTab(rep, repOptions)]);
  for (const p of [leadOptions, repOptions]) {
    await until(async () => (await bg<ReplyScript[]>(p, 'listScripts', {})).length >= 100, 'the default library is seeded on first run');
    await bg(p, 'updateSettings', { shopName: '话术演示旗舰店' });
  }
}, 90_000);

afterAll(async () => {
  await Promise.all([lead?.close(), rep?.close()]);
  await relay?.stop();
  await stack?.stop();
});

describe('team sync', () => {
  it('solo until joined: the Team tab offers join/create, nothing is synced', async () => {
    expect(await repOptions.locator('[data-huashu="team-tab"]').getAttribute('data-joined')).toBe('no');
    const state = await bg<{ joined: boolean; pending: number }>(repOptions, 'teamState');
    expect(state).toMatchObject({ joined: false, pending: 0 });
  });

  it('an unreachable server and a bad invite code get clear messages', async () => {
    await repOptions.locator('[data-huashu="team-rep-name"]').fill('小王');
    await repOptions.locator('[data-huashu="team-server"]').fill('http://127.0.0.1:9'); // nothing listens on the discard port
    await repOptions.locator('[data-huashu="team-code"]').fill('ZZZZ-ZZZZ-ZZZZ');
    await repOptions.locator('[data-huashu="team-join-button"]').click();
    await expect.poll(() => repOptions.locator('[data-huashu="team-error"]').textContent(), { timeout: 10_000 }).toContain('无法连接同步服务');

    await repOptions.locator('[data-huashu="team-server"]').fill(`http://127.0.0.1:${relay.port}`);
    await repOptions.locator('[data-huashu="team-join-button"]').click();
    await expect.poll(() => repOptions.locator('[data-huashu="team-error"]').textContent(), { timeout: 10_000 }).toContain('邀请码无效');
    await repOptions.locator('[data-huashu="team-code"]').fill('12345');
    await repOptions.locator('[data-huashu="team-join-button"]').click();
    await expect.poll(() => repOptions.locator('[data-huashu="team-error"]').textContent(), { timeout: 10_000 }).toContain('邀请码格式不对');
    expect(await repOptions.locator('[data-huashu="team-tab"]').getAttribute('data-joined')).toBe('no');
  });

  it('a server address that needs a permission says what it waits for, and never stays greyed out', async () => {
    // 127.0.0.2 is loopback too, but not a host the test build may reach without asking.
    const address = await repOptions.locator('[data-huashu="team-server"]').inputValue();
    await repOptions.locator('[data-huashu="team-server"]').fill('http://127.0.0.2:9');
    await repOptions.locator('[data-huashu="team-code"]').fill('ZZZZ-ZZZZ-ZZZZ');
    await repOptions.locator('[data-huashu="team-join-button"]').click();
    const waiting = repOptions.locator('[data-huashu="team-permission-wait"]');
    const error = repOptions.locator('[data-huashu="team-error"]');
    // Headless Chromium either leaves the dialog unanswered (we say what we wait for) or declines at once (we say what to do).
    await expect.poll(async () => (await waiting.count()) > 0 || (await error.count()) > 0).toBe(true);
    if (await waiting.count()) {
      expect(await waiting.textContent()).toContain('http://127.0.0.2:9');
      await repOptions.locator('[data-huashu="team-permission-stop"]').click();
      await expect.poll(() => error.textContent()).toContain('停止等待');
    } else {
      expect(await error.textContent()).toContain('没有获得访问 http://127.0.0.2:9 的权限');
    }
    expect(await repOptions.locator('[data-huashu="team-join-button"]').isEnabled()).toBe(true);
    await repOptions.locator('[data-huashu="team-server"]').fill(address);
  });

  it('the lead creates the shop and an invite; the rep joins with it (and the code works only once)', async () => {
    await leadOptions.locator('[data-huashu="team-server"]').fill(serviceUrl);
    await leadOptions.locator('[data-huashu="team-rep-name"]').fill('组长');
    await leadOptions.locator('[data-huashu="team-shop-name"]').fill('测试旗舰店');
    await leadOptions.locator('[data-huashu="team-create-button"]').click();
    await expect.poll(() => leadOptions.locator('[data-huashu="team-tab"]').getAttribute('data-role'), { timeout: 15_000 }).toBe('lead');

    await leadOptions.locator('[data-huashu="team-invite-rep"]').click();
    const code = (await leadOptions.locator('[data-huashu="team-invite-code"]').textContent({ timeout: 10_000 }))!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    await repOptions.locator('[data-huashu="team-code"]').fill(code);
    await repOptions.locator('[data-huashu="team-join-button"]').click();
    await expect.poll(() => repOptions.locator('[data-huashu="team-tab"]').getAttribute('data-role'), { timeout: 15_000 }).toBe('rep');
    await expect.poll(() => repOptions.locator('[data-huashu="team-members"]').textContent(), { timeout: 15_000 }).toContain('组长');

    // Used codes are refused with their own message (a third browser would get this).
    const again = await fetch(`${serviceUrl}/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, repName: 'x' }),
    });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('invite_used');
  });

  it('the lead shares and edits a script: it reaches the rep’s open sidebar within seconds, marked 团队', async () => {
    const page = await openDemo(rep);
    await bg(leadOptions, 'saveScript', TEAM_PAY);
    expect(await bg<{ shared: number }>(leadOptions, 'teamShareScripts', { ids: [TEAM_PAY.id] })).toMatchObject({ shared: 1 });
    await expect.poll(async () => (await search(page, '团队催付E2E')).count(), { timeout: 15_000, interval: 500 }).toBeGreaterThan(0);

    const t0 = Date.now();
    await bg(leadOptions, 'saveScript', { ...TEAM_PAY, source: 'team', text: '亲，订单还没付款哦，今天付款今天发货～' });
    await expect
      .poll(async () => (await (await search(page, '团队催付E2E')).first().textContent()) ?? '', { timeout: 15_000, interval: 300 })
      .toContain('今天付款今天发货');
    console.log(`[team e2e] lead edit → rep sidebar: ${Date.now() - t0} ms`);
    expect(await (await search(page, '团队催付E2E')).first().locator('[data-huashu="team-badge"]').count()).toBe(1);
    // A private script has no badge.
    expect(await (await search(page, '温和催付')).first().locator('[data-huashu="team-badge"]').count()).toBe(0);
    const repCopy = await bg<ReplyScript>(repOptions, 'getScript', { id: TEAM_PAY.id });
    expect(repCopy).toMatchObject({ source: 'team' });
    await page.close();
  });

  it('a rep’s edit of a shared script is a proposal the lead sees and accepts', async () => {
    // A rep's new script stays private: nothing is queued.
    await bg(repOptions, 'saveScript', {
      id: 'rep-private-e2e',
      group: '问候语',
      intent: 'greeting',
      title: '小王私有问候',
      text: '在的亲～',
      triggers: [],
      source: 'user',
      updatedAt: 1,
    });
    await bg(repOptions, 'teamSyncNow');
    expect((await bg<{ pending: number }>(repOptions, 'teamState')).pending).toBe(0);

    const repCopy = await bg<ReplyScript>(repOptions, 'getScript', { id: TEAM_PAY.id });
    await bg(repOptions, 'saveScript', { ...repCopy, text: '亲，还没付款的话我帮您改个价哦～' });
    await expect.poll(async () => (await bg<{ proposals: Array<{ status: string }> }>(repOptions, 'teamState')).proposals.length, { timeout: 15_000 }).toBe(1);

    await leadOptions.locator('[data-huashu="team-sync-now"]').click();
    const proposal = leadOptions.locator('[data-huashu="team-proposal"][data-status="pending"]');
    await expect.poll(() => proposal.textContent(), { timeout: 15_000 }).toContain('我帮您改个价');
    expect(await proposal.textContent()).toContain('小王');
    await proposal.locator('[data-huashu="team-accept"]').click();
    await expect.poll(async () => (await bg<ReplyScript>(leadOptions, 'getScript', { id: TEAM_PAY.id })).text, { timeout: 15_000 }).toContain('我帮您改个价');
    await expect.poll(async () => (await bg<ReplyScript>(repOptions, 'getScript', { id: TEAM_PAY.id })).text, { timeout: 15_000 }).toContain('我帮您改个价');
  });

  it('two reps, one 催付 follow-up, one offline: only one may insert; the other is told who holds it', async () => {
    const repPage = await openDemo(rep);
    const leadPage = await openDemo(lead);
    const notice = (p: Page) => sidebar(p).locator('[data-huashu="notice"]');
    const draft = (p: Page) => p.locator('[data-demo="compose"]').inputValue();

    await relay.stop(); // the rep goes offline
    await repPage.locator('[data-demo="compose"]').click();
    await (await search(repPage, '团队催付E2E')).first().click();
    await expect.poll(() => notice(repPage).textContent(), { timeout: 15_000 }).toContain('离线');
    expect(await draft(repPage)).toBe('');

    await leadPage.locator('[data-demo="compose"]').click();
    await (await search(leadPage, '团队催付E2E')).first().click();
    await expect.poll(() => draft(leadPage), { timeout: 15_000 }).toContain('我帮您改个价');

    await relay.start(relay.port); // back online, same address
    await repPage.locator('[data-demo="compose"]').click();
    await (await search(repPage, '团队催付E2E')).first().click();
    await expect.poll(() => notice(repPage).textContent(), { timeout: 20_000 }).toContain('组长');
    expect(await notice(repPage).textContent()).toContain('认领');
    expect(await draft(repPage)).toBe('');
    // The rep's sidebar shows who holds the follow-up.
    await expect.poll(() => sidebar(repPage).locator('[data-huashu="followup-claimed-by"]').first().textContent(), { timeout: 10_000 }).toContain('组长');
    await Promise.all([repPage.close(), leadPage.close()]);
  });
});
