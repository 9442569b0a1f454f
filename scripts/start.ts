/**
 * npm start [-- --headless] [-- --port 5173]
 *
 * Builds the extension, serves the demo chat pages and opens Chromium with
 * Huashu loaded on the demo. Without a display (no $DISPLAY / $WAYLAND_DISPLAY)
 * or with --headless it runs Chromium headless instead, saves screenshots of
 * the sidebar, popup and options page to docs/screenshots/ and exits.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 5173;
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !hasDisplay;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  console.error(`Chromium was not found at ${chromiumPath}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

console.log('Building the extension…');
execSync('npx wxt build', { stdio: 'inherit' });
const extensionPath = resolve('.output/chrome-mv3');

const server = await startDemoServer(port).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') console.error(`Port ${port} is busy: try npm start -- --port 5180`);
  throw error;
});
const base = `http://127.0.0.1:${port}`;
console.log(`Demo chat pages: ${base}/`);

if (!hasDisplay && !args.includes('--headless')) {
  console.log('No display found ($DISPLAY is not set): running headless and saving screenshots instead of opening a window.');
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'huashu-start-')), {
  executablePath: chromiumPath,
  headless,
  viewport: headless ? { width: 1400, height: 900 } : null,
  locale: 'zh-CN',
  args: [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${base}/textarea.html`);

if (!headless) {
  console.log('Chromium is open with Huashu on the demo chat. Close the window (or press Ctrl+C) to stop.');
  context.on('close', () => {
    server.close();
    process.exit(0);
  });
} else {
  const out = resolve('docs/screenshots');
  mkdirSync(out, { recursive: true });
  await page.locator('huashu-sidebar [data-huashu="sidebar"]').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(4_000); // let the scripted buyer speak and suggestions arrive
  await page.screenshot({ path: join(out, 'start-sidebar.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: join(out, 'start-popup.png') });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForTimeout(800);
  await options.screenshot({ path: join(out, 'start-options.png'), fullPage: false });
  console.log(`Screenshots saved in ${out}: start-sidebar.png, start-popup.png, start-options.png`);
  await context.close();
  server.close();
}
