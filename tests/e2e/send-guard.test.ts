/**
 * The send guard on all three demo compose boxes, as a rep would meet it:
 * type a risky draft, press Enter or click send, see the dialog; apply the
 * rewrite and send; send anyway with a reason (logged); IME composition and
 * clean drafts pass untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callBackground, DEMO_PAGES, launchExtension, settled, sidebar, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
});
afterAll(async () => {
  await h?.close();
});

const PAGES = DEMO_PAGES;

const sent = (page: Page) => page.evaluate(() => (window as unknown as { __demo: { sent: string[] } }).__demo.sent.slice());
const guard = (page: Page) => page.locator('huashu-sidebar [data-huashu="send-guard"]');

async function open(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/${path}?timeline=off`);
  await sidebar(page).waitFor({ timeout: 15_000 });
  await page.locator('[data-demo="compose"]').click();
  return page;
}

async function typeDraft(page: Page, text: string) {
  await page.locator('[data-demo="compose"]').click();
  await page.keyboard.type(text);
}

for (const { name, path, sendKey } of PAGES) {
  describe(`send guard on the ${name} compose box`, () => {
    it('stops a stand-in nobody listed, caught by its sound (维.芯 for 微信, spelled apart)', async () => {
      const page = await open(path);
      await typeDraft(page, '方便的话加我维.芯聊');
      await page.keyboard.press(sendKey);
      await guard(page).waitFor({ timeout: 20_000 });
      expect(await guard(page).locator('[data-category="offsite_contact"]').count()).toBeGreaterThan(0);
      expect(await sent(page)).toEqual([]);
      await page.close();
    });

    it('stops a block-level draft on the send key and shows the dialog', async () => {
      const page = await open(path);
      await typeDraft(page, '有问题加我微信 abc123 聊');
      await page.keyboard.press(sendKey);
      await guard(page).waitFor({ timeout: 20_000 });
      expect(await guard(page).locator('[data-category="offsite_contact"]').count()).toBeGreaterThan(0);
      expect(await sent(page)).toEqual([]);
      // Back to edit keeps the draft exactly as typed.
      await guard(page).locator('[data-huashu="guard-edit"]').click();
      await expect.poll(() => guard(page).count()).toBe(0);
      const draft = await page
        .locator('[data-demo="compose"]')
        .evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
      expect(draft.trim()).toBe('有问题加我微信 abc123 聊');
      await page.close();
    });

    it('applying the rewrite and sending delivers the rewritten text', async () => {
      const page = await open(path);
      await typeDraft(page, '好评返现5元哦');
      await page.keyboard.press(sendKey);
      await guard(page).waitFor({ timeout: 20_000 });
      const preview = (await guard(page).locator('[data-huashu="rewrite-preview"]').textContent())!;
      await guard(page).locator('[data-huashu="guard-rewrite"]').click();
      await expect.poll(() => guard(page).count()).toBe(0);
      await page.locator('[data-demo="compose"]').focus();
      await page.keyboard.press(sendKey);
      await expect.poll(() => sent(page), { timeout: 20_000 }).toEqual([preview]);
      expect(preview).not.toContain('返现');
      await page.close();
    });

    it('a send-button click is guarded the same way, and "send anyway" sends once and logs the override', async () => {
      const page = await open(path);
      await typeDraft(page, '直接转我支付宝就行');
      await page.locator('[data-demo="send"]').click();
      await guard(page).waitFor({ timeout: 20_000 });
      expect(await sent(page)).toEqual([]);
      await guard(page).locator('[data-huashu="guard-override"]').click();
      await guard(page).locator('[data-huashu="override-reason"]').fill('测试：买家要求');
      await guard(page).locator('[data-huashu="guard-send-anyway"]').click();
      await expect.poll(() => sent(page), { timeout: 20_000 }).toEqual(['直接转我支付宝就行']);
      await settled(page);
      expect(await sent(page)).toHaveLength(1); // never twice
      const ext = await h.context.newPage();
      await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
      const overrides = await ext.evaluate(async () => {
        const open = indexedDB.open('huashu');
        const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
        const rows: Array<{ reason: string; categories: string[]; textHash: string }> = await new Promise((r) => {
          const req = db.transaction('riskOverrides').objectStore('riskOverrides').getAll();
          req.onsuccess = () => r(req.result);
        });
        return rows;
      });
      expect(overrides.some((o) => o.reason === '测试：买家要求' && o.categories.includes('offsite_payment') && /^[0-9a-f]{64}$/.test(o.textHash))).toBe(true);
      expect(JSON.stringify(overrides)).not.toContain('支付宝');
      await ext.close();
      await page.close();
    });

    it('a clean draft sends untouched and at once', async () => {
      const page = await open(path);
      await typeDraft(page, '亲，您的订单已经发货了，请耐心等待～');
      await page.keyboard.press(sendKey);
      await expect.poll(() => sent(page), { timeout: 20_000 }).toEqual(['亲，您的订单已经发货了，请耐心等待～']);
      expect(await guard(page).count()).toBe(0);
      await page.close();
    });
  });
}

describe('IME composition', () => {
  it('an Enter that confirms an IME composition is not treated as a send', async () => {
    const page = await open('contenteditable.html');
    await typeDraft(page, '加我微信');
    const box = page.locator('[data-demo="compose"]');
    // What Chromium sends while an IME is composing: keydown with isComposing and keyCode 229.
    await box.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }));
    });
    await settled(page);
    expect(await guard(page).count()).toBe(0);
    await page.close();
  });
});

describe('override log is in the extension database', () => {
  it('the protocol rejects an override without a reason field', async () => {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const r = await callBackground<{ ok: boolean }>(ext, 'logRiskOverride', { site: 'demo', categories: ['abuse'], textHash: 'x' });
    expect(r.ok).toBe(false);
    await ext.close();
  });
});

describe('library lint in the sidebar', () => {
  it("a risky script in the rep's library is pointed out in the sidebar", async () => {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await callBackground(ext, 'saveScript', {
      id: 'e2e-risky',
      group: '问候语',
      intent: 'greeting',
      title: '风险话术E2E',
      text: '有事加我微信abc123',
      triggers: [],
      updatedAt: 1,
    });
    await ext.close();
    const page = await open('textarea.html');
    await expect.poll(() => page.locator('huashu-sidebar [data-huashu="library-lint"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('huashu-sidebar [data-huashu="library-lint"]').textContent()).toMatch(/1 条/);
    await page.close();
  });
});

describe('custom banned words', () => {
  it('a word the shop bans in settings applies at once in an open sidebar', async () => {
    const page = await open('contenteditable.html');
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await callBackground(ext, 'updateSettings', { customBanned: [{ word: '秘密通道', category: 'offsite_payment', severity: 'block' }] });
    await ext.close();
    await typeDraft(page, '走秘密通道更快');
    // The open sidebar hears of the change and rescans the draft: the banned word shows as a finding.
    await sidebar(page).locator('[data-huashu="draft-findings"] [data-category="offsite_payment"]').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await guard(page).waitFor({ timeout: 20_000 });
    expect(await sent(page)).toEqual([]);
    await page.close();
  });
});

describe('generic mode on a chat page no adapter knows', () => {
  type Chat = { __fixture: { sent: string[] } };
  const chatSent = (page: Page) => page.evaluate(() => (window as unknown as Chat).__fixture.sent.slice());

  async function openInGenericMode(): Promise<Page> {
    const page = await h.context.newPage();
    await page.goto(`${h.baseUrl}/fixtures/sites/unknown-chat/`);
    await page.waitForFunction(() => (window as unknown as Partial<Chat>).__fixture !== undefined);
    const noChat = page.locator('huashu-sidebar [data-huashu="no-chat"]');
    await noChat.waitFor({ timeout: 15_000 });
    await noChat.locator('[data-huashu="use-generic"]').click();
    return page;
  }

  it('guards a click on the page’s 发送 button as well as Enter', async () => {
    const page = await openInGenericMode();
    await page.locator('textarea').click();
    await page.keyboard.type('加我微信 shop_8899，好评返现5元');
    await page.locator('.btn-send_9dKs1').click();
    await guard(page).waitFor({ timeout: 20_000 });
    expect(await guard(page).locator('[data-category="offsite_contact"]').count()).toBeGreaterThan(0);
    expect(await chatSent(page)).toEqual([]);
    // Going back to edit and sending a clean draft by the same button works at once.
    await guard(page).locator('[data-huashu="guard-edit"]').click();
    await page.locator('textarea').fill('好的，马上为您安排发货');
    await page.locator('.btn-send_9dKs1').click();
    await expect.poll(() => chatSent(page)).toEqual(['好的，马上为您安排发货']);
    await page.close();
  });

  it('does not take text selected in the rep’s own draft for the buyer’s message', async () => {
    const page = await openInGenericMode();
    await page.locator('.talk-row--peer .bubble-text >> nth=-1').selectText();
    const buyerLine = (await page.locator('.talk-row--peer .bubble-text >> nth=-1').textContent())!.trim();
    await expect.poll(() => sidebar(page).locator('[data-huashu="buyer-message"]').textContent()).toBe(buyerLine);
    // The rep types in a rich (contenteditable) compose box and selects their own draft: the buyer's message stays.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'rich-draft';
      box.contentEditable = 'true';
      box.style.cssText = 'min-height:40px;border:1px solid #ccc';
      document.querySelector('textarea')!.after(box);
    });
    await page.locator('#rich-draft').click();
    await page.keyboard.type('您好，这款有现货');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+A');
    await settled(page);
    expect(await sidebar(page).locator('[data-huashu="buyer-message"]').textContent()).toBe(buyerLine);
    await page.close();
  });
});
