/**
 * Sites the rep turned Huashu on for beyond the built-in list. The options
 * page asks for the host permission (it must, inside the click); the
 * background then registers the sidebar content script there and remembers
 * the origin in settings.extraSites. At every start the registrations are
 * brought in line with the settings (a permission the rep revoked in
 * chrome://extensions drops its registration).
 */
import { browser } from 'wxt/browser';
import { readSettings } from './database';
import { repos } from './repositories';
import { handle, HandledError } from './handle';

const ID_PREFIX = 'huashu-';
const ORIGIN = /^https?:\/\/[^/*\s]+$/;

const scriptId = (origin: string) => ID_PREFIX + origin;
const pattern = (origin: string) => `${origin}/*`;

function checkOrigin(origin: string): void {
  if (!ORIGIN.test(origin)) {
    throw new HandledError(
      'bad_request',
      `“${origin}” 不是有效的网址（例如 https://example.com）`,
      `"${origin}" is not a valid origin (e.g. https://example.com)`,
    );
  }
}

async function registered(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX)));
}

async function register(origin: string): Promise<void> {
  if ((await registered()).has(scriptId(origin))) return;
  // The sidebar loads its own stylesheet into its shadow root; page-level CSS would leak into the site.
  await browser.scripting.registerContentScripts([
    { id: scriptId(origin), matches: [pattern(origin)], js: ['content-scripts/sidebar.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

async function unregister(origin: string): Promise<void> {
  if ((await registered()).has(scriptId(origin))) await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
}

/** Make the registrations match settings.extraSites and the granted permissions. */
export async function syncExtraSites(): Promise<void> {
  const settings = await readSettings();
  const wanted = new Set<string>();
  for (const origin of settings.extraSites) {
    if (ORIGIN.test(origin) && (await browser.permissions.contains({ origins: [pattern(origin)] }))) wanted.add(scriptId(origin));
  }
  const have = await registered();
  const stale = [...have].filter((id) => !wanted.has(id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const id of wanted) if (!have.has(id)) await register(id.slice(ID_PREFIX.length));
}

export function registerExtraSiteHandlers(): void {
  handle('addExtraSite', async ({ origin }) => {
    checkOrigin(origin);
    if (!(await browser.permissions.contains({ origins: [pattern(origin)] }))) {
      throw new HandledError(
        'bad_request',
        `没有获得 ${origin} 的访问权限，请在弹出的对话框中点“允许”。`,
        `No access to ${origin} was granted; click "Allow" in the browser's dialog.`,
      );
    }
    await register(origin);
    const settings = await readSettings();
    if (settings.extraSites.includes(origin)) return settings;
    return repos.settings.update({ extraSites: [...settings.extraSites, origin] }, 'local');
  });

  handle('removeExtraSite', async ({ origin }) => {
    checkOrigin(origin);
    await unregister(origin);
    await browser.permissions.remove({ origins: [pattern(origin)] }).catch(() => false);
    const settings = await readSettings();
    return repos.settings.update({ extraSites: settings.extraSites.filter((o) => o !== origin) }, 'local');
  });

  void syncExtraSites().catch((e) => console.warn('[huashu] extra sites sync', e));
}
