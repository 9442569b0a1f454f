/**
 * End-to-end harness: the test build of the extension (.output/chrome-mv3-test,
 * `npm run build:test`, which also runs on the demo origins) in a
 * Chromium-family browser (scripts/browser/find-browser.ts), headless, with the
 * demo/fixture server on a free loopback port. Tests act as a rep would:
 * read, click, type, press Enter, right-click.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { startDemoServer } from '../../demo/server';
import { findBrowser, installHint } from '../../scripts/browser/find-browser';
import { launchWithExtension } from '../../scripts/browser/launch-with-extension';

export const EXTENSION_PATH = resolve('.output/chrome-mv3-test');

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  baseUrl: string;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchExtension(options: { userDataDir?: string; server?: Server } = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`The test build is missing: run "npm run build:test" first (looked in ${EXTENSION_PATH}).`);
  }
  const browser = findBrowser();
  if (!browser) throw new Error(installHint());
  const server = options.server ?? (await startDemoServer(0));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'huashu-e2e-'));
  const { context, extensionId } = await launchWithExtension({ browser, extensionPath: EXTENSION_PATH, userDataDir, headless: true });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    extensionId,
    baseUrl: `http://127.0.0.1:${port}`,
    userDataDir,
    serviceWorker,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!options.server) await new Promise<void>((r) => server.close(() => r()));
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The sidebar's shadow root content, through Playwright's shadow-piercing locators. */
export function sidebar(page: Page) {
  return page.locator('huashu-sidebar [data-huashu="sidebar"]');
}

/** Send a protocol message to the background from an extension page (popup), as the UI does. */
export async function callBackground<T = unknown>(page: Page, name: string, data?: unknown): Promise<T> {
  const response = (await page.evaluate(
    async ([n, d]) => {
      const message = { id: Date.now(), type: n, data: d, timestamp: Date.now() };
      return await new Promise((resolve, reject) =>
        chrome.runtime.sendMessage(message, (response: never) =>
          chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(response),
        ),
      );
    },
    [name, data] as const,
  )) as { res?: T; err?: unknown };
  if (response?.err) throw new Error(`background error: ${JSON.stringify(response.err)}`);
  return response.res as T;
}

/**
 * When a reply needs a variable the page does not show (e.g. {商品}), the
 * sidebar asks inline; answer like a rep: keep any pre-filled guess, type the
 * rest, confirm. Waits for a state, never for a time: either the question is
 * shown or the reply has reached the compose box (`compose`, a selector).
 * Resolves true when it answered a question.
 */
export async function answerVariablePrompt(page: Page, compose = '[data-demo="compose"]', value = '测试值'): Promise<boolean> {
  const outcome = await page.waitForFunction(
    (selector) => {
      if (document.querySelector('huashu-sidebar')?.shadowRoot?.querySelector('.variable-prompt')) return 'asked';
      const box = document.querySelector(selector);
      const text = box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement ? box.value : ((box as HTMLElement | null)?.innerText ?? '');
      return text.trim() ? 'inserted' : false;
    },
    compose,
    { timeout: 30_000 },
  );
  if ((await outcome.jsonValue()) !== 'asked') return false;
  const form = page.locator('huashu-sidebar .variable-prompt');
  for (const input of await form.locator('input').all()) {
    if (!(await input.inputValue())) await input.fill(value);
  }
  await form.locator('button[type="submit"]').click();
  return true;
}

/** The three demo compose boxes and the key that sends on each. */
export const DEMO_PAGES = [
  { name: 'textarea', path: 'textarea.html', sendKey: 'Control+Enter' },
  { name: 'contenteditable', path: 'contenteditable.html', sendKey: 'Enter' },
  { name: 'framework (Preact)', path: 'framework.html', sendKey: 'Enter' },
] as const;

/**
 * Let the page finish what the last action started: two animation frames
 * (framework renders and Lexical-style update queues commit before them).
 * For checks that something did NOT happen; it waits for frames, not a time.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** The extension's settings as the background holds them, read from an extension page of this harness. */
export async function settingsOf(h: Harness): Promise<Record<string, unknown> & { sidebarWidths?: Record<string, number> }> {
  const ext = await h.context.newPage();
  try {
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    return (await callBackground<{ value: Record<string, unknown> & { sidebarWidths?: Record<string, number> } }>(ext, 'getSettings')).value;
  } finally {
    await ext.close();
  }
}

/**
 * Wait for a state outside a test body (beforeAll), where expect.poll is not
 * allowed: polls `check` until it is true; fails with `what` after `timeoutMs`.
 */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
