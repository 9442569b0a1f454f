/**
 * A rep brings their own 千牛 快捷短语 on day one: imports it in the options
 * page, chooses to use it instead of the defaults, and the sidebar on the demo
 * chat suggests their own script first for a matching buyer message, although
 * the imported phrases carry no trigger words. The defaults come back in one
 * click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ReplyScript } from '../../lib/types';
import { callBackground, launchExtension, sidebar, until, type Harness } from './harness';

let h: Harness;
let options: Page;

type Res<T> = { ok: true; value: T } | { ok: false; error: { zh: string } };
async function listScripts(): Promise<ReplyScript[]> {
  const res = await callBackground<Res<ReplyScript[]>>(options, 'listScripts', {});
  if (!res.ok) throw new Error(res.error.zh);
  return res.value;
}
type Demo = { __demo: { buyerSays(t: string): void } };

beforeAll(async () => {
  h = await launchExtension();
  options = await h.context.newPage();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.goto(`chrome-extension://${h.extensionId}/options.html#import`);
  await options.locator('[data-huashu="import-tab"]').waitFor();
  await until(async () => (await listScripts()).length >= 100, 'the default library is seeded on first run');
});
afterAll(async () => {
  await h?.close();
});

describe("the rep's own library", () => {
  it('imported instead of the defaults, answers the buyer first; the defaults come back in one click', async () => {
    await options.locator('[data-huashu="import-file"]').setInputFiles(resolve('tests/fixtures/import/qianniu-own-library.csv'));
    const preview = options.locator('[data-huashu="import-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-count="new"]').textContent()).toBe('6');
    // The courier phrase is read as such from its own words (its group is only 常用).
    expect(await preview.locator('tr[data-row="3"] [data-huashu="row-intent"]').getAttribute('data-intent')).toBe('courier_fee');
    // An unsure guess asks with one-click choices; a rep's pick is shown as chosen.
    const unsure = preview.locator('[data-huashu="row-intent"][data-unsure="true"]').first();
    if (await unsure.count()) {
      const row = await unsure.locator('xpath=ancestor::tr').getAttribute('data-row');
      const first = unsure.locator('[data-intent-choice]').first();
      const picked = await first.getAttribute('data-intent-choice');
      await first.click();
      await expect.poll(() => preview.locator(`tr[data-row="${row}"] [data-huashu="row-intent"]`).getAttribute('data-intent')).toBe(picked);
    }
    await preview.locator('[data-huashu="use-my-library"] input').check();
    await preview.screenshot({ path: 'docs/screenshots/import-own-library.png' });
    await options.locator('[data-huashu="import-confirm"]').click();
    await expect.poll(() => options.locator('[data-huashu="defaults-hidden"]').textContent()).toContain('已隐藏');
    const live = await listScripts();
    expect(live.every((s) => s.source !== 'default')).toBe(true);
    expect(live).toHaveLength(6);

    // The demo chat: the buyer asks about the courier; the rep's own phrase is the first card.
    const page = await h.context.newPage();
    await page.goto(`${h.baseUrl}/textarea.html?timeline=off`);
    await sidebar(page).waitFor();
    await page.evaluate(() => (window as unknown as Demo).__demo.buyerSays('你们发什么快递呀？能发顺丰吗'));
    const first = sidebar(page).locator('[data-huashu="suggestions"] .card').first();
    await expect.poll(() => first.textContent()).toContain('默认发韵达快递');
    await page.evaluate(() => (window as unknown as Demo).__demo.buyerSays('衣服收到有个破洞，怎么办'));
    await expect.poll(() => first.textContent()).toContain('拍一下问题处的照片');
    await page.close();

    // The library says the defaults are hidden, and restores them.
    await options.goto(`chrome-extension://${h.extensionId}/options.html#library`);
    await options.locator('[data-huashu="defaults-hidden-notice"] [data-huashu="restore-defaults"]').click();
    await expect.poll(async () => (await listScripts()).filter((s) => s.source === 'default').length).toBeGreaterThanOrEqual(100);
  });

  it('a new script written by hand gets its intent from its words until the rep picks one', async () => {
    await options.goto(`chrome-extension://${h.extensionId}/options.html#library`);
    await options.locator('[data-huashu="new-script"]').click();
    const editor = options.locator('[data-huashu="script-editor"]');
    await editor.locator('textarea[name="text"]').fill('亲，我们默认发中通快递，偏远地区需要补运费哦');
    await expect.poll(() => editor.locator('select[name="intent"]').inputValue()).toBe('courier_fee');
    await editor.locator('[data-huashu="intent-guessed"]').waitFor();
    await editor.locator('select[name="intent"]').selectOption('shipping_time');
    await editor.locator('textarea[name="text"]').fill('亲，我们默认发中通快递，偏远地区需要补运费哦，今天发货');
    expect(await editor.locator('select[name="intent"]').inputValue()).toBe('shipping_time');
  });
});
