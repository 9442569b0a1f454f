/**
 * npm start [-- --headless] [-- --port 5173]
 *
 * Builds the extension, serves the demo chat pages and opens Chromium with
 * Huashu loaded on the demo. Without a display (no $DISPLAY / $WAYLAND_DISPLAY)
 * or with --headless it runs Chromium headless instead, saves screenshots of
 * the sidebar, popup and options page to docs/screenshots/ and exits.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../demo/server';
import { findBrowser, installHint } from './browser/find-browser';
import { launchWithExtension } from './browser/launch-with-extension';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 5173;
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !hasDisplay;

const browser = findBrowser();
if (!browser) {
  console.error(installHint());
  process.exit(1);
}
console.log(`Browser: ${browser.path} (${browser.brand})`);

// The test build: the same code as the store build, plus the demo origins (localhost, 127.0.0.1).
console.log('Building the extension (test build, runs on the demo pages)…');
execSync('npx wxt build --mode test', { stdio: 'inherit' });
const extensionPath = resolve('.output/chrome-mv3-test');

const server = await startDemoServer(port).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') console.error(`Port ${port} is busy: try npm start -- --port 5180`);
  throw error;
});
const base = `http://127.0.0.1:${port}`;
console.log(`Demo chat pages: ${base}/`);

if (!hasDisplay && !args.includes('--headless')) {
  console.log('No display found ($DISPLAY is not set): running headless and saving screenshots instead of opening a window.');
}

const { context, extensionId } = await launchWithExtension({
  browser,
  extensionPath,
  userDataDir: mkdtempSync(join(tmpdir(), 'huashu-start-')),
  headless,
  viewport: headless ? { width: 1400, height: 900 } : null,
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${base}/textarea.html`);

if (!headless) {
  console.log('The browser is open with Huashu on the demo chat. Close the window (or press Ctrl+C) to stop.');
  context.on('close', () => {
    server.close();
    process.exit(0);
  });
} else {
  const out = resolve('docs/screenshots');
  mkdirSync(out, { recursive: true });
  // Wait for states, not time: the scripted buyer has spoken and suggestion cards are shown.
  await page.locator('huashu-sidebar [data-huashu="suggestions"] .card').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(out, 'start-sidebar.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('[data-huashu="followups"]').waitFor({ timeout: 30_000 });
  await popup.screenshot({ path: join(out, 'start-popup.png') });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('main, #app > *').first().waitFor({ timeout: 30_000 });
  await options.screenshot({ path: join(out, 'start-options.png'), fullPage: false });
  console.log(`Screenshots saved in ${out}: start-sidebar.png, start-popup.png, start-options.png`);
  await context.close();
  server.close();
}
