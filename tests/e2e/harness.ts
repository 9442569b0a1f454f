/**
 * End-to-end harness: the built extension (.output/chrome-mv3) in Debian's
 * Chromium, headless, with the demo/fixture server on a free loopback port.
 * Tests act as a rep would: read, click, type, press Enter, right-click.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { startDemoServer } from '../../demo/server';

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
    throw new Error(`The extension is not built: run "npm run build" first (looked in ${EXTENSION_PATH}).`);
  }
  const server = options.server ?? (await startDemoServer(0));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'huashu-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
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
        chrome.runtime.sendMessage(message, (response: never) => (chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(response))),
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
 * rest, confirm. Resolves false when no question came within `waitMs`.
 */
export async function answerVariablePrompt(page: Page, value = '测试值', waitMs = 1_500): Promise<boolean> {
  const form = page.locator('huashu-sidebar .variable-prompt');
  try {
    await form.waitFor({ timeout: waitMs });
  } catch {
    return false;
  }
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
