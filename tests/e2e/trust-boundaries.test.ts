/**
 * Who may drive the extension, in real Chromium: a content script speaks for
 * one chat page (extension-only messages are refused, site and origin come
 * from the browser, not the request); page scripts cannot click the sidebar;
 * a crafted backup cannot carry CSS into chat pages; a follow-up link that is
 * not a chat page is never opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { callBackground, launchExtension, sidebar, type Harness } from './harness';

let h: Harness;
let page: Page;
let ext: Page;

beforeAll(async () => {
  h = await launchExtension();
  page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/textarea.html?timeline=off`);
  await sidebar(page).waitFor({ timeout: 15_000 });
  ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
});

afterAll(async () => {
  await h?.close();
});

/** Evaluate in the content script's isolated world (where the sidebar's code runs), as a compromised content script would. */
async function inContentScript<T>(target: Page, expression: string): Promise<T> {
  const cdp: CDPSession = await h.context.newCDPSession(target);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://') === false && /huashu|话术/i.test(c.name));
  const world = isolated ?? contexts.find((c) => c.auxData?.type === 'isolated');
  if (!world) throw new Error('the content script world was not found');
  const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: unknown;
  };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(result.exceptionDetails)}`);
  return result.result.value;
}

const send = (name: string, data: unknown) =>
  `new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: ${JSON.stringify(name)}, data: ${JSON.stringify(data)}, timestamp: Date.now() }, (r) => resolve(r && r.res)))`;

describe('the background checks who is calling', () => {
  it('refuses extension-only messages from a content script, and answers them from extension pages', async () => {
    for (const [name, data] of [
      ['exportBackup', undefined],
      ['updateSettings', { strictMode: true }],
      ['deleteScripts', { ids: ['x'] }],
      ['teamLeave', undefined],
    ] as const) {
      const answer = await inContentScript<{ ok: boolean; error?: { code: string } }>(page, send(name, data));
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The same content script may still do what a sidebar does.
    expect(await inContentScript<{ ok: boolean }>(page, send('listScripts', {}))).toMatchObject({ ok: true });
    expect(await callBackground<{ ok: boolean }>(ext, 'exportBackup')).toMatchObject({ ok: true });
  });

  it('scopes what a page may name to its own origin', async () => {
    const otherOrigin = 'https://evil.example';
    const profile = { origin: otherOrigin, name: 'x', selectors: { messageList: 'a', buyerMessage: 'b', sellerMessage: 'c', composeBox: 'd' }, updatedAt: 1 };
    expect(await inContentScript<{ ok: boolean; error?: { code: string } }>(page, send('saveSiteProfile', profile))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const logged = await inContentScript<{ ok: boolean; value: { conversationUrl?: string } }>(
      page,
      send('logFollowUp', {
        kind: 'payment_reminder',
        site: 'demo',
        conversationKey: 'demo:shop:trust-1',
        conversationUrl: 'https://evil.example/chat',
        orderId: 'TRUST-1',
      }),
    );
    expect(logged.ok).toBe(true);
    // A link the page reports on another origin is replaced by the page's own address.
    expect(new URL(logged.value.conversationUrl!).origin).toBe(h.baseUrl);
    // A link that is not http(s) at all is refused at the boundary.
    const dataLink = await inContentScript<{ ok: boolean; error?: { code: string } }>(
      page,
      send('logFollowUp', {
        kind: 'payment_reminder',
        site: 'demo',
        conversationKey: 'demo:shop:trust-2',
        conversationUrl: 'data:text/html,<h1>x</h1>',
        orderId: 'TRUST-2',
      }),
    );
    expect(dataLink).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('page scripts cannot drive the sidebar', () => {
  it('ignores a synthetic click on 记录催付, and acts on a real one', async () => {
    const logged = async (kind: string) => (await callBackground<{ value: { rows: unknown[] } }>(ext, 'listFollowUps', { kind, limit: 500 })).value.rows.length;
    const payments = await logged('payment_reminder');
    const reviews = await logged('review_recovery');
    await page.evaluate(() => {
      const button = document.querySelector('huashu-sidebar')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-huashu="log-payment"]')!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    // A real click after the synthetic ones: once its follow-up is there, any synthetic one would be too.
    await page.locator('huashu-sidebar [data-huashu="log-review"]').click();
    await expect.poll(() => logged('review_recovery')).toBe(reviews + 1);
    expect(await logged('payment_reminder')).toBe(payments);
  });
});

describe('restored backups and follow-up links', () => {
  it('refuses a backup whose settings would inject CSS, and changes nothing', async () => {
    const scriptsBefore = (await callBackground<{ value: unknown[] }>(ext, 'listScripts', {})).value.length;
    const backup = (
      await callBackground<{ value: { scripts: unknown[]; settings: Array<{ key: string; value: unknown }>; followups: unknown[]; usage: unknown[] } }>(
        ext,
        'exportBackup',
      )
    ).value;
    const poisoned = {
      ...backup,
      settings: [...backup.settings.filter((s) => s.key !== 'sidebarSide'), { key: 'sidebarSide', value: 'right: 0 } body { display: none } x {' }],
    };
    const answer = await callBackground<{ ok: boolean; error?: { code: string; en: string } }>(ext, 'restoreBackup', poisoned);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(answer.error!.en).toContain('Nothing was changed');
    const scriptsAfter = (await callBackground<{ value: unknown[] }>(ext, 'listScripts', {})).value.length;
    expect(scriptsAfter).toBe(scriptsBefore);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
  });

  it('refuses to restore a follow-up whose link is not an http(s) page', async () => {
    const row = {
      id: 'trust-link-1',
      kind: 'payment_reminder',
      site: 'demo',
      conversationKey: 'demo:shop:trust-link',
      conversationUrl: 'file:///etc/passwd',
      createdAt: Date.now(),
      dueAt: Date.now(),
      deadlineAt: Date.now() + 3_600_000,
      status: 'open',
      dedupeKey: 'payment_reminder:demo:trust-link',
      attempts: [],
      updatedAt: Date.now(),
    };
    const answer = await callBackground<{ ok: boolean; error?: { code: string } }>(ext, 'restoreFollowUp', row);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
