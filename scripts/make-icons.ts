/**
 * Draws the extension icons (public/icon/16.png … 128.png) with headless
 * Chromium: an orange rounded square with 话. Run once after changing the design.
 */
import { chromium } from 'playwright-core';
import { requireBrowserPath } from './browser/find-browser';
import { mkdirSync } from 'node:fs';

const sizes = [16, 32, 48, 128];
mkdirSync('public/icon', { recursive: true });
const browser = await chromium.launch({ executablePath: requireBrowserPath(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${size * 0.22}px;background:#ff5000;color:#fff;
      display:flex;align-items:center;justify-content:center;font:700 ${size * 0.68}px 'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;">话</div>
  </body></html>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log('icons written to public/icon/');
