/**
 * The options page in real Chromium: import a 千牛 export through the
 * preview, see the new scripts in a demo page's sidebar; edit a script and
 * see an already open sidebar find the new text; backup → delete everything
 * → restore gives the same library; bad files get clear messages; settings
 * validation; the language switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ReplyScript } from '../../lib/types';
import { callBackground, launchExtension, sidebar, until, type Harness } from './harness';

let h: Harness;
let options: Page;
const FIXTURES = resolve('tests/fixtures/import');

type Res<T> = { ok: true; value: T } | { ok: false; error: { zh: string } };
async function listScripts(): Promise<ReplyScript[]> {
  const res = await callBackground<Res<ReplyScript[]>>(options, 'listScripts', {});
  if (!res.ok) throw new Error(res.error.zh);
  return res.value;
}

async function openTab(tab: string) {
  await options.goto(`chrome-extension://${h.extensionId}/options.html#${tab}`);
  await options.locator(`[data-huashu="${tab}-tab"]`).waitFor();
}

async function openDemo(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/textarea.html?timeline=off`);
  await sidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

/** Type a query into the sidebar's search box and return the result cards' text. */
async function sidebarSearch(page: Page, query: string): Promise<string[]> {
  const box = sidebar(page).locator('[data-huashu="search"]');
  await box.fill('');
  await box.fill(query);
  await sidebar(page)
    .locator(`[data-huashu="results"][data-query=${JSON.stringify(query)}]`)
    .waitFor(); // results for this query are shown
  return sidebar(page).locator('[data-huashu="results"] .card').allTextContents();
}

beforeAll(async () => {
  h = await launchExtension();
  options = await h.context.newPage();
  await options.setViewportSize({ width: 1280, height: 900 });
  await openTab('library');
  await until(async () => (await listScripts()).length >= 100, 'the default library is seeded on first run');
});
afterAll(async () => {
  await h?.close();
});

describe('options page', () => {
  it('imports a 千牛 CSV (GBK) through the preview; the new scripts reach the background and a sidebar search', async () => {
    await openTab('import');
    await options.locator('[data-huashu="import-file"]').setInputFiles(resolve(FIXTURES, 'qianniu-gbk.csv'));
    const preview = options.locator('[data-huashu="import-preview"]');
    await preview.waitFor({ timeout: 15_000 });
    // The rep's codes fh, th, xx clash with default scripts' codes: the rep's win, the defaults' move aside.
    expect(await preview.locator('[data-count="new"]').textContent()).toBe('5');
    expect(await preview.locator('[data-count="conflict"]').textContent()).toBe('0');
    await expect.poll(() => preview.locator('tr[data-row="5"] .row-warning').textContent()).toContain('th2');
    // Problems and notes are listed with their row numbers.
    await expect.poll(() => options.locator('[data-huashu="import-problems"]').textContent()).toContain('第 5 行');
    // Every row shows a guessed intent; the greeting is a confident one.
    expect(await preview.locator('tr[data-row="2"] [data-huashu="row-intent"]').getAttribute('data-intent')).toBe('greeting');
    // Nothing is written before the confirm.
    expect((await listScripts()).some((s) => s.text.includes('本店满99元包邮'))).toBe(false);
    // First import over the untouched defaults: the rep is offered to use their own library (not taken here).
    await preview.locator('[data-huashu="use-my-library"]').waitFor();
    await options.locator('[data-huashu="import-confirm"]').click();
    await expect.poll(() => options.locator('[data-huashu="import-summary"]').textContent(), { timeout: 10_000 }).toContain('新增 5 条');

    const all = await listScripts();
    const shipping = all.find((s) => s.text === '本店满99元包邮，偏远地区除外哦');
    expect(shipping).toBeDefined();
    expect(shipping!.intentUnconfirmed).toBe(true);
    expect(shipping!.code).toBe('yf');
    expect(all.find((s) => s.text.startsWith('七天无理由退换货'))?.code).toBe('th');
    expect(all.find((s) => s.id === 'refund-01')?.code).toBe('th2');

    // The library marks the guessed intent; confirming clears the mark.
    await openTab('library');
    await options.locator('[data-huashu="library-search"]').fill('满99');
    const row = options.locator(`[data-script-id="${shipping!.id}"]`);
    await row.locator('[data-huashu="unconfirmed"]').waitFor();
    await row.locator('[data-huashu="confirm-intent"]').click();
    await expect.poll(async () => (await listScripts()).find((s) => s.id === shipping!.id)?.intentUnconfirmed).toBeUndefined();

    const page = await openDemo();
    await expect.poll(() => sidebarSearch(page, '满99包邮'), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('本店满99元包邮')]));
    await page.close();
  });

  it("reads an .xlsx import in a worker, off the page's main thread, and changes nothing until confirmed", async () => {
    const count = (await listScripts()).length;
    await openTab('import');
    await options.locator('[data-huashu="import-file"]').setInputFiles(resolve(FIXTURES, 'qianniu-export.xlsx'));
    const preview = options.locator('[data-huashu="import-preview"]');
    await preview.waitFor({ timeout: 15_000 });
    expect(await preview.getAttribute('data-ran-in')).toBe('worker');
    expect(Number(await preview.locator('[data-count="new"]').textContent())).toBeGreaterThan(0);
    await preview.getByText('取消', { exact: true }).click();
    await options.locator('[data-huashu="import-file"]').waitFor();
    expect((await listScripts()).length).toBe(count);
  });

  it('searches by pinyin initials and flags a shortcut code that is taken', async () => {
    await openTab('library');
    await options.locator('[data-huashu="library-search"]').fill('bzkc'); // 标准开场
    await expect.poll(() => options.locator('[data-huashu="script-list"] .title').first().textContent()).toBe('标准开场');
    await options.locator('[data-huashu="library-search"]').fill('');
    const row = options.locator('.script-row').nth(1);
    await row.locator('[data-huashu="edit"]').click();
    const editor = options.locator('[data-huashu="script-editor"]');
    await editor.locator('input[name="code"]').fill('wh'); // 标准开场 uses /wh
    await expect.poll(() => editor.locator('[data-huashu="code-error"]').textContent()).toContain('已被');
    await editor.locator('input[name="code"]').fill('bad code!');
    await expect.poll(() => editor.locator('[data-huashu="code-error"]').textContent()).toContain('1–20');
    await editor.getByText('取消').click();
  });

  it('an edit in the options page shows in an already open sidebar without a reload', async () => {
    const page = await openDemo();
    expect(await sidebarSearch(page, '端到端改过的开场白')).toEqual([]);
    await openTab('library');
    const target = (await listScripts()).find((s) => s.title === '标准开场')!;
    const row = options.locator(`[data-script-id="${target.id}"]`);
    await row.locator('[data-huashu="edit"]').click();
    const editor = options.locator('[data-huashu="script-editor"]');
    await editor.locator('textarea[name="text"]').fill('您好，{买家}！这是端到端改过的开场白。');
    await expect.poll(() => editor.locator('[data-huashu="preview"]').textContent()).toContain('这是端到端改过的开场白');
    expect(await editor.locator('[data-huashu="preview"]').textContent()).not.toContain('{买家}');
    await editor.locator('[data-huashu="save-script"]').click();
    await expect.poll(async () => (await listScripts()).find((s) => s.id === target.id)?.text).toContain('端到端改过的开场白');
    await expect.poll(() => sidebarSearch(page, '端到端改过的开场白'), { timeout: 10_000 }).toEqual([expect.stringContaining('端到端改过的开场白')]);
    await page.close();
  });

  it('reorders inside a group with ↓ and with drag and drop, and the order is saved', async () => {
    await openTab('library');
    const greetings = () =>
      listScripts().then((all) =>
        all
          .filter((s) => s.group === '问候语')
          .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
          .map((s) => s.id),
      );
    const [first, second, third] = await greetings();
    await options.locator(`[data-script-id="${first}"] button[aria-label="下移"]`).click();
    await expect.poll(async () => (await greetings()).slice(0, 3)).toEqual([second, first, third]);
    await options.locator(`[data-script-id="${third}"] .handle`).dragTo(options.locator(`[data-script-id="${second}"]`));
    await expect.poll(async () => (await greetings()).slice(0, 3)).toEqual([third, second, first]);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    await openTab('import');
    const huge = join(mkdtempSync(join(tmpdir(), 'huashu-big-')), 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 51 * 1024 * 1024); // sparse: no 51 MB written to disk
    await options.locator('[data-huashu="import-file"]').setInputFiles(huge);
    rmSync(dirname(huge), { recursive: true, force: true });
    await expect.poll(() => options.locator('[data-huashu="import-error"]').textContent(), { timeout: 15_000 }).toContain('最多支持 50 MB');
  });

  it('delete offers 撤销, which puts the row back', async () => {
    await openTab('library');
    const before = await listScripts();
    const victim = before.find((s) => s.title === '礼貌结束')!;
    await options.locator(`[data-script-id="${victim.id}"] [data-huashu="delete"]`).click();
    await expect.poll(async () => (await listScripts()).some((s) => s.id === victim.id)).toBe(false);
    await options.locator('[data-huashu="toast-action"]').click();
    await expect.poll(async () => (await listScripts()).find((s) => s.id === victim.id)?.text).toBe(victim.text);
    await options.locator(`[data-script-id="${victim.id}"]`).waitFor();
  });

  it('backup → delete everything (bulk) → restore gives the same library', async () => {
    const key = (list: ReplyScript[]) => list.map((s) => `${s.id}\u0000${s.text}`).sort();
    const before = await listScripts();
    await openTab('backup');
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-huashu="export-backup"]').click()]);
    const file = await download.path();
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup.format).toBe('huashu-backup');
    expect(backup.scripts.length).toBe(before.length);

    await openTab('library');
    await options.locator('[data-huashu="select-all"]').check();
    await options.locator('[data-huashu="bulk-delete"]').click();
    await expect.poll(async () => (await listScripts()).length, { timeout: 10_000 }).toBe(0);

    await openTab('backup');
    await options.locator('[data-huashu="restore-file"]').setInputFiles(file);
    await expect.poll(() => options.locator('[data-huashu="restore-preview"]').textContent()).toContain(`话术 ${before.length} 条`);
    await options.locator('[data-huashu="restore-confirm"]').click();
    await options.locator('[data-huashu="restore-summary"]').waitFor();
    expect(key(await listScripts())).toEqual(key(before));
  });

  it('bad files get a clear message and change nothing', async () => {
    const count = (await listScripts()).length;
    await openTab('import');
    await options.locator('[data-huashu="import-file"]').setInputFiles(resolve(FIXTURES, 'old-binary.xls'));
    await expect.poll(() => options.locator('[data-huashu="import-error"]').textContent()).toContain('旧版 Excel');
    await openTab('backup');
    await options.locator('[data-huashu="restore-file"]').setInputFiles(resolve(FIXTURES, 'backup-corrupted.json'));
    await expect.poll(() => options.locator('[data-huashu="restore-error"]').textContent()).toMatch(/损坏|不完整|JSON/);
    expect(options.locator('[data-huashu="restore-confirm"]')).toBeDefined();
    expect(await options.locator('[data-huashu="restore-confirm"]').count()).toBe(0);
    expect((await listScripts()).length).toBe(count);
  });

  it('settings: a too-long rep name is refused with a message next to the field', async () => {
    await openTab('settings');
    await options.locator('[data-huashu="rep-name"]').fill('一二三四五六七八九十一二三四五六七八九十一');
    await options.locator('[data-huashu="save-settings"]').click();
    await expect.poll(() => options.locator('[data-field-error="repName"]').textContent()).toContain('最多 20 个字');
    const res = await callBackground<Res<{ repName: string }>>(options, 'getSettings');
    expect(res.ok && res.value.repName).toBe('');
  });

  it('an added site gets the sidebar content script registered, and removing it unregisters', async () => {
    const worker = await h.serviceWorker();
    const registered = () =>
      worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map(
          (s: { id: string; matches?: string[]; js?: string[] }) => `${s.id} ${s.matches?.join(',')} ${s.js?.join(',')}`,
        ),
      );
    const bad = await callBackground<Res<unknown>>(options, 'addExtraSite', { origin: 'ftp://nope' });
    expect(bad.ok).toBe(false);
    // http://localhost is already granted (built-in), so no permission prompt is needed here.
    const added = await callBackground<Res<{ extraSites: string[] }>>(options, 'addExtraSite', { origin: 'http://localhost' });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    expect(added.value.extraSites).toEqual(['http://localhost']);
    expect(await registered()).toEqual(['huashu-http://localhost http://localhost/* content-scripts/sidebar.js']);
    const removed = await callBackground<Res<{ extraSites: string[] }>>(options, 'removeExtraSite', { origin: 'http://localhost' });
    expect(removed.ok && removed.value.extraSites).toEqual([]);
    expect(await registered()).toEqual([]);
  });

  it('switching the language to English changes the headings at once', async () => {
    await openTab('settings');
    expect(await options.locator('[data-huashu="page-title"]').textContent()).toContain('话术管理与设置');
    await options.locator('input[name="language"][value="en"]').check();
    await expect.poll(() => options.locator('[data-huashu="page-title"]').textContent()).toContain('Library & settings');
    expect(await options.locator('[data-tab="library"]').textContent()).toBe('Library');
    expect(await options.locator('[data-huashu="settings-tab"] h2').first().textContent()).toBe('About you');
    await options.locator('input[name="language"][value="zh"]').check();
    await expect.poll(() => options.locator('[data-huashu="page-title"]').textContent()).toContain('话术管理与设置');
  });
});
