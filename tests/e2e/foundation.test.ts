/**
 * The foundation in real Chromium: the sidebar mounts in a shadow root next to
 * the demo chat, page CSS cannot change it, the background owns IndexedDB in
 * the extension origin, conversation switches show up, and reloading the
 * extension under an open tab gives the refresh notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerVariablePrompt, callBackground, launchExtension, settingsOf, settled, sidebar, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launchExtension();
  page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/textarea.html?timeline=off`);
  await sidebar(page).waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await h?.close();
});

describe('sidebar on the demo chat', () => {
  it('mounts inside a shadow root, not in the page DOM', async () => {
    const info = await page.evaluate(() => {
      const host = document.querySelector('huashu-sidebar');
      return { hasHost: !!host, hasShadow: !!host?.shadowRoot, inLightDom: !!document.querySelector('[data-huashu="sidebar"]') };
    });
    expect(info).toEqual({ hasHost: true, hasShadow: true, inLightDom: false });
  });

  it('is not restyled by aggressive page CSS', async () => {
    const before = await sidebar(page).evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, font: s.fontSize, bg: s.backgroundColor };
    });
    await page.addStyleTag({
      content:
        '* { color: rgb(1, 2, 3) !important; font-size: 40px !important; background: rgb(0, 255, 0) !important; } aside, .sidebar { display: none !important; }',
    });
    const after = await sidebar(page).evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, font: s.fontSize, bg: s.backgroundColor, display: s.display };
    });
    expect(after.color).toBe(before.color);
    expect(after.font).toBe(before.font);
    expect(after.bg).toBe(before.bg);
    expect(after.display).not.toBe('none');
  });

  it('shows the buyer and the latest buyer message, and follows a conversation switch', async () => {
    await page.evaluate(() => (window as unknown as { __demo: { buyerSays(t: string): void } }).__demo.buyerSays('请问什么时候发货？'));
    await expect.poll(() => sidebar(page).locator('[data-huashu="buyer-message"]').textContent(), { timeout: 20_000 }).toBe('请问什么时候发货？');
    const firstBuyer = await sidebar(page).locator('[data-huashu="buyer-name"]').textContent();
    const otherId = await page.evaluate(() => {
      const demo = (window as unknown as { __demo: { conversationId(): string } }).__demo;
      const ids = [...document.querySelectorAll<HTMLElement>('[data-buyer-id]')].map((el) => el.dataset.buyerId!);
      return ids.find((id) => id !== demo.conversationId())!;
    });
    await page.evaluate((id) => (window as unknown as { __demo: { switchTo(id: string): void } }).__demo.switchTo(id), otherId);
    await expect.poll(() => sidebar(page).locator('[data-huashu="buyer-name"]').textContent(), { timeout: 20_000 }).not.toBe(firstBuyer);
    const pageBuyer = await page.locator('[data-demo="buyer-name"]').textContent();
    expect(await sidebar(page).locator('[data-huashu="buyer-name"]').textContent()).toContain(pageBuyer!.trim());
  });

  it('collapses to a small tab and opens again', async () => {
    await sidebar(page).locator('[data-huashu="collapse"]').click();
    await expect.poll(() => sidebar(page).count()).toBe(0);
    await page.locator('huashu-sidebar [data-huashu="expand"]').click();
    await expect.poll(() => sidebar(page).count()).toBe(1);
  });
});

describe('sidebar layout', () => {
  it('does not cover the compose box, and its width is remembered per site', async () => {
    const composeRight = async () => (await page.locator('[data-demo="compose"]').boundingBox())!;
    const sidebarBox = async () => (await sidebar(page).boundingBox())!;
    const c = await composeRight();
    expect(c.x + c.width).toBeLessThanOrEqual((await sidebarBox()).x + 1);
    // Drag the sidebar's inner edge 80px to the left: wider.
    const before = (await sidebarBox()).width;
    const handle = sidebar(page).locator('[data-huashu="resize"]');
    const hb = (await handle.boundingBox())!;
    await page.mouse.move(hb.x + 2, hb.y + 200);
    await page.mouse.down();
    await page.mouse.move(hb.x - 78, hb.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await sidebarBox()).width)).toBe(Math.round(before + 80));
    // The width is saved once the drag settles: wait until the settings hold it, then reload.
    await expect.poll(async () => Math.round(Object.values((await settingsOf(h)).sidebarWidths ?? {})[0] ?? 0)).toBe(Math.round(before + 80));
    await page.reload();
    await sidebar(page).waitFor();
    expect(Math.round((await sidebarBox()).width)).toBe(Math.round(before + 80));
    const c2 = await composeRight();
    expect(c2.x + c2.width).toBeLessThanOrEqual((await sidebarBox()).x + 1);
  });
});

describe('a page no adapter knows', () => {
  it('says it cannot find the chat and offers generic mode, which then works', async () => {
    const other = await h.context.newPage();
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(`${h.baseUrl}/index.html`);
    await other.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'buyer-line';
      p.textContent = '请问这个有货吗';
      const box = document.createElement('textarea');
      box.id = 'reply';
      document.body.prepend(p, box);
    });
    const noChat = other.locator('huashu-sidebar [data-huashu="no-chat"]');
    await noChat.waitFor({ timeout: 15_000 });
    await noChat.locator('[data-huashu="use-generic"]').click();
    await other.locator('#reply').click();
    await other.locator('#buyer-line').selectText();
    await expect.poll(() => sidebar(other).locator('[data-huashu="buyer-message"]').textContent(), { timeout: 20_000 }).toBe('请问这个有货吗');
    await expect.poll(() => sidebar(other).locator('[data-huashu="suggestions"] .card').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await sidebar(other).locator('[data-huashu="suggestions"] .card').first().click();
    await answerVariablePrompt(other, '#reply'); // generic pages show no product or order: the sidebar may ask
    await expect.poll(() => other.locator('#reply').inputValue()).not.toBe('');
    expect(errors).toEqual([]);
    await other.close();
  });
});

describe('background owns the database', () => {
  it('writes and reads IndexedDB in the extension origin through messages', async () => {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const before = (await callBackground<{ ok: boolean; value: number }>(ext, 'usageCount', {})).value;
    const recorded = await callBackground<{ ok: boolean; value: { id: string } }>(ext, 'recordUsage', { scriptId: 'greeting-01', site: 'demo', via: 'click' });
    expect(recorded.ok).toBe(true);
    expect((await callBackground<{ value: number }>(ext, 'usageCount', {})).value).toBe(before + 1);
    // The rows live in the extension's own IndexedDB, not the marketplace page's.
    const extDbs = await ext.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(extDbs).toContain('huashu');
    const pageDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDbs).not.toContain('huashu');
    await ext.close();
  });

  it('rejects malformed and unknown messages with a clear error', async () => {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const bad = await callBackground<{ ok: boolean; error: { code: string; en: string } }>(ext, 'recordUsage', { scriptId: 42 });
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('bad_request');
    expect(bad.error.en).toMatch(/scriptId/);
    const unknown = await callBackground<{ ok: boolean; error: { code: string } }>(ext, 'dropAllTables', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await ext.close();
  });
});

describe('extension reloaded under an open tab', () => {
  it('tells the rep to refresh the page, once, without an error loop', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await ext.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    const notice = page.locator('huashu-refresh-notice [data-huashu="refresh-notice"]');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('刷新');
    // Do what would make an orphaned script talk to the extension: a buyer message, typing, Enter, a click.
    await page.evaluate(() => (window as unknown as { __demo: { buyerSays(t: string): void } }).__demo.buyerSays('还在吗？'));
    await page.locator('[data-demo="compose"]').click();
    await page.keyboard.type('好的');
    await page.keyboard.press('Enter');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await settled(page);
    expect(await page.locator('huashu-refresh-notice').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
