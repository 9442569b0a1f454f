/**
 * Start a Chromium-family browser with the built extension loaded, for the
 * demo (`npm start`), the end-to-end tests and the browser benchmark.
 *
 * Chromium, Chrome for Testing and Edge take --load-extension. Branded
 * Google Chrome ignores that switch since version 137; there the extension
 * is loaded over the DevTools protocol (Extensions.loadUnpacked, which needs
 * --enable-unsafe-extension-debugging) on the pipe Playwright already uses.
 * HUASHU_LOAD_EXTENSION=cdp forces that path on any browser (how it is tested
 * on a machine without Chrome).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import type { FoundBrowser } from './find-browser';

export interface LaunchOptions {
  browser: FoundBrowser;
  extensionPath: string;
  userDataDir: string;
  headless: boolean;
  viewport?: { width: number; height: number } | null;
  locale?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
}

/** Flags that keep a test browser quiet on a closed network and fast to start. */
const QUIET_ARGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export async function launchWithExtension(o: LaunchOptions): Promise<LaunchedBrowser> {
  const overDevTools = o.browser.brand === 'chrome' || process.env.HUASHU_LOAD_EXTENSION === 'cdp';
  const lang = o.locale ?? 'zh-CN';
  const context = await chromium.launchPersistentContext(o.userDataDir, {
    executablePath: o.browser.path,
    headless: o.headless,
    viewport: o.viewport === undefined ? { width: 1400, height: 900 } : o.viewport,
    locale: lang,
    // Playwright turns extensions off unless told which to load; over DevTools none is named on the command line.
    ...(overDevTools ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...(overDevTools ? ['--enable-unsafe-extension-debugging'] : [`--disable-extensions-except=${o.extensionPath}`, `--load-extension=${o.extensionPath}`]),
      ...QUIET_ARGS,
      ...(o.headless ? ['--disable-gpu'] : []),
      `--lang=${lang}`,
      // Chromium's sandbox cannot start as root (containers, CI).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    if (overDevTools) {
      const session = await context.browser()!.newBrowserCDPSession();
      const { id } = (await session.send('Extensions.loadUnpacked' as never, { path: o.extensionPath } as never)) as { id: string };
      await session.detach();
      return { context, extensionId: id };
    }
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    return { context, extensionId: new URL(worker.url()).host };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw new Error(`${o.browser.path} started but did not load the extension from ${o.extensionPath}: ${(error as Error).message}`);
  }
}
