/**
 * How fast the sidebar follows the page, measured in real Chromium with the
 * test build on the 拼多多 fixture (Vue, which re-creates its message list
 * node every third message): from the moment the page adds a buyer message
 * (or switches buyer) to the moment the sidebar shows it. The baseline is the
 * page's own render of the same change, measured in the same run. This is a
 * figure, not an assertion: the end-to-end tests only wait for the state.
 *
 * Needs the test build (`npm run build:test`, made here when missing) and a
 * Chromium-family browser; without a browser it reports why and moves on.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchModule } from '../bench';
import { round } from '../../lib/bench/stats';
import { startDemoServer } from '../../demo/server';
import { findBrowser, installHint } from '../browser/find-browser';
import { launchWithExtension } from '../browser/launch-with-extension';

const MESSAGES = 24;

type Timing = { page: number; sidebar: number };

/** Runs in the page: make the change, resolve when both the page and the sidebar show it. */
const IN_PAGE = `(kind, text) => new Promise((resolve, reject) => {
  const fixture = window.__fixture;
  const root = document.querySelector('huashu-sidebar').shadowRoot;
  const target = kind === 'switch' ? fixture.conversations().find((c) => c.id === text).buyerName : text;
  const shown = { page: -1, sidebar: -1 };
  const t0 = performance.now();
  const observers = [];
  const check = () => {
    if (shown.page < 0 && document.body.innerText.includes(target)) shown.page = performance.now() - t0;
    const el = root.querySelector(kind === 'switch' ? '[data-huashu="buyer-name"]' : '[data-huashu="buyer-message"]');
    if (shown.sidebar < 0 && el && el.textContent.includes(target)) shown.sidebar = performance.now() - t0;
    if (shown.page >= 0 && shown.sidebar >= 0) { observers.forEach((o) => o.disconnect()); resolve(shown); }
  };
  for (const node of [document.body, root]) { const o = new MutationObserver(check); o.observe(node, { subtree: true, childList: true, characterData: true }); observers.push(o); }
  setTimeout(() => reject(new Error('the sidebar did not show ' + target + ' within 30 s')), 30000);
  if (kind === 'switch') fixture.switchTo(text); else fixture.buyerSays(text);
})`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const bench: BenchModule = {
  key: 'sidebar',
  async run(log) {
    const browser = findBrowser();
    if (!browser) {
      log(`skipped: ${installHint()}`);
      return { skipped: true };
    }
    const extensionPath = resolve('.output/chrome-mv3-test');
    if (!existsSync(join(extensionPath, 'manifest.json'))) execSync('npx wxt build --mode test', { stdio: 'ignore' });
    const server = await startDemoServer(0);
    const port = (server.address() as { port: number }).port;
    const userDataDir = mkdtempSync(join(tmpdir(), 'huashu-bench-'));
    const { context } = await launchWithExtension({ browser, extensionPath, userDataDir, headless: true });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/fixtures/sites/pinduoduo/`);
      await page.locator('huashu-sidebar [data-huashu="sidebar"]').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => !!document.querySelector('#msgListContainer .msg-list'));

      // In the page: make the change, then note when the page's list and the sidebar each show it
      // (mutation observers, so the figure is not rounded to animation frames). Sent as source text:
      // tsx would wrap named inner functions in a helper the page does not have.
      const measure = (change: 'message' | 'switch', value: string) =>
        page.evaluate(`(${IN_PAGE})(${JSON.stringify(change)}, ${JSON.stringify(value)})`) as Promise<Timing>;

      const messages: Timing[] = [];
      for (let i = 0; i < MESSAGES; i++) messages.push(await measure('message', `第${i + 1}个问题：能开发票吗`));
      const ids = await page.evaluate(() =>
        (window as unknown as { __fixture: { conversations(): Array<{ id: string }> } }).__fixture.conversations().map((c) => c.id),
      );
      const switches: Timing[] = [];
      for (let i = 0; i < 12; i++) switches.push(await measure('switch', ids[(i + 1) % ids.length]!));

      const summary = (rows: Timing[]) => {
        const lag = rows.map((r) => r.sidebar);
        const base = rows.map((r) => r.page);
        return {
          p50_ms: round(percentile(lag, 50), 1),
          p95_ms: round(percentile(lag, 95), 1),
          page_render_p50_ms: round(percentile(base, 50), 1),
          page_render_p95_ms: round(percentile(base, 95), 1),
        };
      };
      const result = { message: summary(messages), buyer_switch: summary(switches) };
      log(
        `new buyer message → sidebar shows it: p50 ${result.message.p50_ms} ms, p95 ${result.message.p95_ms} ms | the page's own render p50 ${result.message.page_render_p50_ms} ms (${MESSAGES} messages, the list node replaced every third)`,
      );
      log(
        `buyer switch → sidebar shows the buyer: p50 ${result.buyer_switch.p50_ms} ms, p95 ${result.buyer_switch.p95_ms} ms | the page's own render p50 ${result.buyer_switch.page_render_p50_ms} ms`,
      );
      return result;
    } finally {
      await context.close();
      server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
