/**
 * The demo seller-chat pages on their own, without the extension: each compose
 * box sends exactly what was typed, the framework page ignores text it never
 * saw an `input` event for, conversations switch without a reload, and the
 * simulated buyer talks.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { requireBrowserPath } from '../../scripts/browser/find-browser';
import { startDemoServer } from '../../demo/server';

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = await startDemoServer(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: requireBrowserPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

async function open(file: string, query = '?timeline=off', hash = ''): Promise<void> {
  await page.goto(`${base}/${file}${query}${hash}`);
  await page.waitForFunction(() => window.__demo !== undefined);
}

const sellerTexts = () => page.$$eval('[data-demo="message"][data-from="seller"] [data-demo="message-text"]', (nodes) => nodes.map((n) => n.textContent));
const buyerTexts = () => page.$$eval('[data-demo="message"][data-from="buyer"] [data-demo="message-text"]', (nodes) => nodes.map((n) => n.textContent));
const sent = () => page.evaluate(() => [...window.__demo!.sent]);
const text = (selector: string) => page.locator(selector).first().textContent();

/** How each page's compose box is typed into: newline key and the send key. */
const PAGES = [
  { file: 'textarea.html', newline: 'Enter', sendKey: 'Control+Enter' },
  { file: 'contenteditable.html', newline: 'Shift+Enter', sendKey: 'Enter' },
  { file: 'framework.html', newline: 'Shift+Enter', sendKey: 'Enter' },
] as const;

describe.each(PAGES)('$file', ({ file, newline, sendKey }) => {
  it('sends typed text exactly, newlines included, with the button and with the send key', async () => {
    await open(file);
    const compose = page.locator('[data-demo="compose"]');
    await compose.click();
    await page.keyboard.type('亲，在的～ 有货哦');
    await page.keyboard.press(newline);
    await page.keyboard.type('  黑色XL 今天16:00前拍下当天发 <b>');
    await page.locator('[data-demo="send"]').click();

    const first = '亲，在的～ 有货哦\n  黑色XL 今天16:00前拍下当天发 <b>';
    await page.waitForFunction((n) => window.__demo!.sent.length === n, 1);
    expect(await sent()).toEqual([first]);
    expect(await sellerTexts()).toEqual([first]);
    const row = page.locator('[data-demo="message"][data-from="seller"]').last();
    expect(await row.locator('b').count()).toBe(0); // text, never markup
    expect(await row.locator('[data-demo="message-text"]').evaluate((n) => getComputedStyle(n).whiteSpace)).toBe('pre-wrap');

    // The compose box is empty again and the send key sends the next message.
    expect((await compose.evaluate((n) => (n instanceof HTMLTextAreaElement ? n.value : (n as HTMLElement).innerText))).trim()).toBe('');
    await page.keyboard.type('第二条');
    await page.keyboard.press(sendKey);
    await page.waitForFunction((n) => window.__demo!.sent.length === n, 2);
    expect(await sent()).toEqual([first, '第二条']);
    expect((await sellerTexts()).at(-1)).toBe('第二条');
    // Newest last.
    expect(await page.locator('[data-demo="message"]').last().getAttribute('data-from')).toBe('seller');
    expect(pageErrors).toEqual([]);
  });

  it('refuses a blank send with the red notice', async () => {
    await open(file);
    await page.locator('[data-demo="compose"]').click();
    await page.keyboard.type('   ');
    await page.keyboard.press(sendKey);
    if (file !== 'framework.html') {
      await expect.poll(() => page.locator('[data-demo="send-error"]').isVisible()).toBe(true);
      expect(await text('[data-demo="send-error"]')).toBe('发送失败：内容为空');
    }
    expect(await sent()).toEqual([]);
    expect(await sellerTexts()).toEqual([]);
  });

  it('switches conversations without a reload and keeps each draft', async () => {
    await open(file, '?timeline=off', '#/chat/b1001');
    expect(await text('[data-demo="buyer-name"]')).toBe('小鹿乱撞');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await page.locator('[data-demo="compose"]').click();
    await page.keyboard.type('给小鹿的草稿');
    await page.locator('[data-demo="conversation"][data-buyer-id="b1003"]').click();
    expect(await text('[data-demo="buyer-name"]')).toBe('阿杰不加班');
    expect(await page.evaluate(() => location.hash)).toBe('#/chat/b1003');
    expect(await page.evaluate(() => window.__demo!.conversationId())).toBe('b1003');
    expect(await buyerTexts()).toContain('收到了，打开一看碎了两个');
    expect(await text('[data-demo="order-status"]')).toBe('已签收');
    expect(await page.locator('[data-demo="conversation"][data-active="true"]').getAttribute('data-buyer-id')).toBe('b1003');
    expect(await page.locator('[data-demo="conversation"][data-buyer-id="b1003"] [data-demo="unread"]').count()).toBe(0);

    // The test hook and a hash change switch too.
    await page.evaluate(() => window.__demo!.switchTo('b1002'));
    expect(await text('[data-demo="buyer-name"]')).toBe('糖糖爱吃橙');
    expect(await text('[data-demo="order-status"]')).toBe('待付款');
    expect(await text('[data-demo="order-id"]')).toMatch(/^\d{19}$/);
    await page.evaluate(() => (location.hash = '#/chat/b1001'));
    await expect.poll(() => text('[data-demo="buyer-name"]')).toBe('小鹿乱撞');

    const draft = await page.locator('[data-demo="compose"]').evaluate((n) => (n instanceof HTMLTextAreaElement ? n.value : (n as HTMLElement).innerText));
    expect(draft).toBe('给小鹿的草稿');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(pageErrors).toEqual([]);
  });

  it('lets the buyer talk: the hook, the buyer box, and the scripted timeline', async () => {
    await open(file, '?speed=fast', '#/chat/b1004');
    await page.evaluate(() => window.__demo!.buyerSays('<img src=x onerror="window.__pwned=1">在嗎？'));
    // The fast timeline may add its own lines at any moment, so look for ours rather than the last row.
    expect(await buyerTexts()).toContain('<img src=x onerror="window.__pwned=1">在嗎？');
    expect(await page.locator('[data-demo="message-list"] img').count()).toBe(0);

    await page.locator('[data-demo="buyer-input"]').fill('第二句\n換行了');
    await page.locator('[data-demo="buyer-send"]').click();
    expect(await buyerTexts()).toContain('第二句\n換行了');
    expect(await sent()).toEqual([]); // buyer lines are not seller sends

    // The timeline brings 陳小姐's Traditional-character question into the open chat…
    await expect.poll(buyerTexts, { timeout: 10_000 }).toContain('請問這個有現貨嗎');
    // …and other buyers' lines into the list as unread.
    await page.waitForSelector('[data-demo="conversation"][data-buyer-id="b1001"] [data-demo="unread"]');
    await page.evaluate(() => window.__demo!.switchTo('b1001'));
    await expect.poll(buyerTexts, { timeout: 10_000 }).toEqual(expect.arrayContaining(['在吗', '这个有货吗']));
    expect(pageErrors).toEqual([]);
  });
});

describe('framework.html: the draft lives only in framework state', () => {
  const send = () => page.locator('[data-demo="send"]');

  it('ignores text set without an input event: send stays disabled, a forced send fails visibly', async () => {
    await open('framework.html');
    expect(await send().isDisabled()).toBe(true);

    await page.locator('[data-demo="compose"]').evaluate((n) => ((n as HTMLTextAreaElement).value = '亲，已为您改好价'));
    expect(await send().isDisabled()).toBe(true);
    await page.locator('[data-demo="compose"]').evaluate((n) => (n.textContent = '亲，已为您改好价'));
    expect(await send().isDisabled()).toBe(true);

    // Forcing the send (Enter in the box) sends the framework state: empty.
    await page.locator('[data-demo="compose"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-demo="send-error"]').isVisible()).toBe(true);
    expect(await text('[data-demo="send-error"]')).toBe('发送失败：内容为空');
    expect(await sent()).toEqual([]);
    expect(await sellerTexts()).toEqual([]);
  });

  it('sends the old state, not the DOM, when the DOM was changed behind its back', async () => {
    await open('framework.html');
    await page.locator('[data-demo="compose"]').click();
    await page.keyboard.type('旧的草稿');
    expect(await send().isEnabled()).toBe(true);
    await page.locator('[data-demo="compose"]').evaluate((n) => ((n as HTMLTextAreaElement).value = '新的回复'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__demo!.sent.length === 1);
    expect(await sent()).toEqual(['旧的草稿']);
    expect(await sellerTexts()).toEqual(['旧的草稿']);
  });

  it('takes text written with the native setter plus an input event', async () => {
    await open('framework.html');
    await page.locator('[data-demo="compose"]').evaluate((n) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(n, '亲，已为您改好价\n请刷新后付款');
      n.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => send().isEnabled()).toBe(true);
    await send().click();
    await page.waitForFunction(() => window.__demo!.sent.length === 1);
    expect(await sellerTexts()).toEqual(['亲，已为您改好价\n请刷新后付款']);
    expect(await send().isDisabled()).toBe(true);
  });
});

describe('contenteditable.html: text inserted the way an extension would', () => {
  it.each([
    [
      'a synthetic paste',
      (n: Element, t: string) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        n.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
    ],
    ['execCommand insertText', (_n: Element, t: string) => void document.execCommand('insertText', false, t)],
  ])('keeps newlines from %s', async (_name, insert) => {
    await open('contenteditable.html');
    await page.locator('[data-demo="compose"]').click();
    await page.locator('[data-demo="compose"]').evaluate(insert, '亲，售后已登记\n快递员明天上门取件\n\n有问题随时找我');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__demo!.sent.length === 1);
    expect(await sent()).toEqual(['亲，售后已登记\n快递员明天上门取件\n\n有问题随时找我']);
  });
});

describe('layout', () => {
  it('lists at least four buyers with Chinese nicknames, unread badges and previews', async () => {
    await open('textarea.html', '?timeline=off', '#/chat/b1001');
    const names = await page.$$eval('[data-demo="conversation-name"]', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names.filter((name) => /[\u4e00-\u9fff]/.test(name)).length).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-demo="unread"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-demo="conversation"][data-buyer-id="b1003"] [data-demo="conversation-preview"]').textContent()).toBe('你们怎么包装的？？');
  });

  it('stays usable beside a 360px sidebar: chat and send button visible, order panel folds', async () => {
    await open('textarea.html', '?timeline=off', '#/chat/b1002');
    await page.setViewportSize({ width: 1280 - 360, height: 800 });
    expect(await page.locator('[data-demo="order-panel"]').isVisible()).toBe(false);
    const sendBox = await page.locator('[data-demo="send"]').boundingBox();
    expect(sendBox!.x + sendBox!.width).toBeLessThanOrEqual(920);
    await page.getByRole('button', { name: '订单信息' }).click();
    expect(await page.locator('[data-demo="order-panel"]').isVisible()).toBe(true);
    expect(await page.locator('[data-demo="order-id"]').textContent()).toMatch(/^\d{19}$/);
  });

  it('the landing page links the three demos', async () => {
    await page.goto(`${base}/`);
    const links = await page.$$eval('a.card', (nodes) => nodes.map((n) => n.getAttribute('href')));
    expect(links).toEqual(['textarea.html', 'contenteditable.html', 'framework.html']);
  });
});
