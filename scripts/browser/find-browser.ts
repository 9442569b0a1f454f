/**
 * Which Chromium-family browser the demo and the browser tests run in.
 *
 * Order: $CHROMIUM_PATH, then what chrome-launcher finds (Chromium and Chrome
 * on Linux, macOS, Windows and WSL), then Microsoft Edge at its usual places
 * (chrome-launcher does not look for Edge). Unbranded Chromium comes first:
 * branded Google Chrome ignores --load-extension since version 137, so an
 * extension has to be loaded into it over the DevTools protocol instead
 * (see launch-with-extension.ts).
 */
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { Launcher } from 'chrome-launcher';

export type BrowserBrand = 'chromium' | 'chrome' | 'edge';

export interface FoundBrowser {
  path: string;
  brand: BrowserBrand;
  /** Where it was found: "CHROMIUM_PATH", "installed". */
  source: 'CHROMIUM_PATH' | 'installed';
}

const EDGE_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge'],
  darwin: ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: [
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
  ],
};

const canRun = (path: string) => {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Chrome for Testing and Chromium are unbranded; Google Chrome and Edge are branded builds. */
export function brandOf(path: string): BrowserBrand {
  const p = path.toLowerCase();
  if (p.includes('edge') || p.includes('msedge')) return 'edge';
  if (p.includes('chromium') || p.includes('chrome for testing') || p.includes('chrome-for-testing')) return 'chromium';
  return 'chrome';
}

const BRAND_ORDER: BrowserBrand[] = ['chromium', 'chrome', 'edge'];

/** Every installed Chromium-family browser, best first. chrome-launcher's own lookups never throw here. */
export function installedBrowsers(): string[] {
  let found: string[] = [];
  try {
    found = Launcher.getInstallations();
  } catch {
    found = []; // e.g. macOS without lsregister; Edge and CHROMIUM_PATH still count
  }
  found.push(...(EDGE_PATHS[process.platform] ?? []).filter(canRun));
  return [...new Set(found)].filter(canRun).sort((a, b) => BRAND_ORDER.indexOf(brandOf(a)) - BRAND_ORDER.indexOf(brandOf(b)));
}

/**
 * The browser to use, or null. A CHROMIUM_PATH that does not exist is an
 * error the caller reports as such, never silently replaced by another one.
 */
export function findBrowser(): FoundBrowser | null {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) return canRun(wanted) ? { path: wanted, brand: brandOf(wanted), source: 'CHROMIUM_PATH' } : null;
  const [first] = installedBrowsers();
  return first ? { path: first, brand: brandOf(first), source: 'installed' } : null;
}

/** One line saying what to install on this system. */
export function installHint(): string {
  if (process.env.CHROMIUM_PATH) return `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which is not an executable file: fix the path or unset it.`;
  if (process.platform === 'darwin')
    return 'No Chromium, Chrome or Edge found: install Chromium (brew install --cask chromium) or Google Chrome, or set CHROMIUM_PATH to a Chromium-family browser.';
  if (process.platform === 'win32')
    return 'No Chromium, Chrome or Edge found: install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium-family browser (chrome.exe / msedge.exe).';
  return 'No Chromium, Chrome or Edge found: install Chromium (Debian: apt-get install chromium; Ubuntu: apt-get install chromium-browser; Fedora: dnf install chromium), or set CHROMIUM_PATH.';
}

/** The browser's path, or an error whose message says what to install. */
export function requireBrowserPath(): string {
  const found = findBrowser();
  if (!found) throw new Error(installHint());
  return found.path;
}
