/**
 * Reply suggestions end to end on the three demo compose boxes: a buyer
 * message arrives, the sidebar shows a reply of the right intent, and click,
 * keyboard and right-click each insert it so that the page's framework sees
 * it; the sent message is exactly the filled reply, newlines intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callBackground, DEMO_PAGES, launchExtension, sidebar, type Harness } from './harness';

let h: Harness;
const MULTILINE = {
  id: 'e2e-multiline',
  group: '问候语',
  intent: 'greeting',
  title: '两行问候E2E',
  text: '亲，您好！\n请问有什么可以帮您？',
  triggers: ['两行问候'],
  updatedAt: 1,
};

beforeAll(async () => {
  h = await launchExtension();
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
  // Rep and shop names so greetings fill without asking.
  expect((await callBackground<{ ok: boolean }>(ext, 'updateSettings', { repName: '小林', shopName: '话术演示旗舰店' })).ok).toBe(true);
  expect((await callBackground<{ ok: boolean }>(ext, 'saveScript', MULTILINE)).ok).toBe(true);
  await ext.close();
});
afterAll(async () => {
  await h?.close();
});

const PAGES = DEMO_PAGES;

type Demo = { __demo: { sent: string[]; buyerSays(t: string): void } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Demo).__demo.sent.slice());
const draftOf = (page: Page) =>
  page.locator('[data-demo="compose"]').evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText.replace(/\n$/, '')));
const cards = (page: Page) => sidebar(page).locator('[data-huashu="suggestions"] .card');

async function open(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/${path}?timeline=off`);
  await sidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

async function buyerSays(page: Page, text: string) {
  await page.evaluate((t) => (window as unknown as Demo).__demo.buyerSays(t), text);
  await expect.poll(() => sidebar(page).locator('[data-huashu="buyer-message"]').textContent(), { timeout: 20_000 }).toBe(text);
  await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
}

async function topIntents(page: Page, n = 3): Promise<string[]> {
  return (await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.intent ?? ''))).slice(0, n);
}

for (const { name, path, sendKey } of PAGES) {
  describe(`suggestions on the ${name} compose box`, () => {
    it('click inserts the top reply, filled, and the page sends exactly it', async () => {
      const page = await open(path);
      await buyerSays(page, '包邮吗？一般发什么快递');
      expect(await topIntents(page)).toContain('courier_fee');
      await page.locator('[data-demo="compose"]').click();
      await cards(page).first().click();
      await expect.poll(() => draftOf(page)).not.toBe('');
      const draft = await draftOf(page);
      expect(draft).not.toMatch(/\{[^}]+\}/);
      if (path === 'framework.html') expect(await page.locator('[data-demo="send"]').isDisabled()).toBe(false);
      await page.locator('[data-demo="compose"]').focus();
      await page.keyboard.press(sendKey);
      await expect.poll(() => sent(page), { timeout: 20_000 }).toEqual([draft]);
      await page.close();
    });

    it('keyboard: Alt+1 inserts the first suggestion; search + arrows + Enter inserts a chosen one with its newline', async () => {
      const page = await open(path);
      await buyerSays(page, '在吗');
      await page.locator('[data-demo="compose"]').click();
      await page.keyboard.press('Alt+1');
      await expect.poll(() => draftOf(page)).not.toBe('');
      const first = await draftOf(page);
      expect(first).not.toMatch(/\{/);
      // Clear the draft the way a rep would, then pick the two-line script from the search box.
      await page.locator('[data-demo="compose"]').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Alt+S');
      await page.keyboard.type('两行问候');
      await expect.poll(() => sidebar(page).locator('[data-huashu="results"] .card').count()).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => draftOf(page)).toBe(MULTILINE.text);
      await page.keyboard.press('Escape');
      await page.locator('[data-demo="compose"]').focus();
      await page.keyboard.press(sendKey);
      await expect.poll(() => sent(page), { timeout: 20_000 }).toEqual([MULTILINE.text]);
      await page.close();
    });

    it("right-click menu offers this conversation's best replies and inserts into the clicked field", async () => {
      const page = await open(path);
      await buyerSays(page, '这个有货吗');
      const worker = await h.serviceWorker();
      await expect
        .poll(
          async () =>
            worker.evaluate(async () => {
              const cm = (globalThis as unknown as { huashuContextMenu: { items(): Array<{ id: string; parentId?: string }>; ready(): Promise<void> } })
                .huashuContextMenu;
              await cm.ready();
              return cm.items().filter((i) => i.parentId === 'huashu' && i.id.startsWith('huashu:script:')).length;
            }),
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
      const items = await worker.evaluate(() =>
        (globalThis as unknown as { huashuContextMenu: { items(): Array<{ id: string; parentId?: string; title?: string }> } }).huashuContextMenu.items(),
      );
      const top = items.filter((i) => i.parentId === 'huashu' && i.id.startsWith('huashu:script:'));
      expect(top.length).toBeLessThanOrEqual(5);
      expect(items.some((i) => i.id === 'huashu:group:售后服务')).toBe(true);
      const script = await callBackgroundFromPage(top[0]!.id.replace('huashu:script:', ''));
      expect(script.intent).toBe('stock');
      await page.locator('[data-demo="compose"]').click({ button: 'right' });
      await page.keyboard.press('Escape');
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).at(0)?.id, page.url().split('#')[0]! + '*');
      await worker.evaluate(
        ([id, tab]) =>
          (globalThis as unknown as { huashuContextMenu: { click(i: unknown, t: unknown): Promise<void> } }).huashuContextMenu.click(
            { menuItemId: id, frameId: 0 },
            { id: tab },
          ),
        [top[0]!.id, tabId] as const,
      );
      await expect.poll(() => draftOf(page)).not.toBe('');
      expect(await draftOf(page)).not.toMatch(/\{/);
      await page.locator('[data-demo="compose"]').focus();
      const draft = await draftOf(page);
      await page.keyboard.press(sendKey);
      await expect.poll(() => sent(page), { timeout: 20_000 }).toEqual([draft]);
      await page.close();
    });
  });
}

async function callBackgroundFromPage(id: string): Promise<{ intent: string }> {
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
  const r = await callBackground<{ ok: boolean; value: { intent: string } }>(ext, 'getScript', { id });
  await ext.close();
  return r.value;
}

describe('buyers who write differently', () => {
  it('a Traditional-character message gets a reply of the right intent', async () => {
    const page = await open('textarea.html');
    await buyerSays(page, '請問這個有現貨嗎？');
    expect(await topIntents(page)).toContain('stock');
    await page.close();
  });

  it('an HTML-like message is shown as text, never parsed', async () => {
    const page = await open('textarea.html');
    await buyerSays(page, '<img src=x onerror="window.__pwned=1">在吗');
    expect(await sidebar(page).locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('a variable the page cannot fill is asked for inline, never inserted raw', async () => {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await callBackground(ext, 'updateSettings', { repName: '' });
    await callBackground(ext, 'saveScript', {
      id: 'e2e-var',
      group: '问候语',
      intent: 'greeting',
      title: '变量E2E',
      text: '您好，我是客服{客服}，很高兴为您服务',
      triggers: ['变量测试'],
      updatedAt: 1,
    });
    const page = await open('textarea.html');
    await buyerSays(page, '变量测试');
    await page.locator('[data-demo="compose"]').click();
    await sidebar(page).locator('[data-script-id="e2e-var"]').first().click();
    const input = sidebar(page).locator('input[data-variable="客服"]');
    await input.waitFor({ timeout: 20_000 });
    expect(await draftOf(page)).toBe('');
    await input.fill('小美');
    await input.press('Enter');
    await expect.poll(() => draftOf(page)).toBe('您好，我是客服小美，很高兴为您服务');
    // The name typed once is remembered for next time.
    const settings = await callBackground<{ value: { repName: string } }>(ext, 'getSettings');
    expect(settings.value.repName).toBe('小美');
    await ext.close();
    await page.close();
  });
});
