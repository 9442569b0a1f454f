/**
 * Where Huashu runs: the built-in marketplace sites (each can be switched
 * off) and sites the rep adds. Adding asks the browser for the permission
 * inside the click, then the background registers the sidebar there.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { validateSettings, type Settings } from '@/lib/settings';
import { call } from '../api';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { showToast } from './ui-state';

const SITE_NAMES: Record<string, { zh: string; en: string }> = {
  'mms.pinduoduo.com': { zh: '拼多多 商家客服', en: 'Pinduoduo seller chat' },
  'im.jinritemai.com': { zh: '抖店 飞鸽', en: 'Douyin 飞鸽' },
  'dongdong.jd.com': { zh: '京东 咚咚', en: 'JD 咚咚' },
  'im.kwaixiaodian.com': { zh: '快手小店 客服', en: 'Kuaishou seller chat' },
  's.kwaixiaodian.com': { zh: '快手小店', en: 'Kuaishou shop' },
  localhost: { zh: '本机演示页', en: 'Local demo pages' },
  '127.0.0.1': { zh: '本机演示页', en: 'Local demo pages' },
};

/** The sites this build runs on without asking, as its manifest says (the store build has no demo origins). */
function builtInHosts(): string[] {
  const matches = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  return [...new Set(matches.map((m) => m.replace(/^https?:\/\//, '').replace(/\/\*$/, '')))];
}

/** "example.com/chat?x" or "https://example.com/" → "https://example.com"; null when it is no web address. */
export function originOf(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

interface Props {
  disabledHosts: string[];
  extraSites: string[];
  onDisabledHosts(hosts: string[]): void;
  onExtraSites(settings: Settings): void;
}

export function SitesSettings({ disabledHosts, extraSites, onDisabledHosts, onExtraSites }: Props) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState('');

  function add() {
    const origin = originOf(input);
    const found = origin ? validateSettings({ extraSites: [origin] }) : [];
    if (!origin || found.length) {
      setProblem(
        found[0]
          ? pick(found[0])
          : pick({ zh: `“${input}” 不是有效的网址（例如 https://example.com）`, en: `"${input}" is not a valid address (e.g. https://example.com)` }),
      );
      return;
    }
    if (extraSites.includes(origin)) {
      setProblem(pick({ zh: '这个网站已经添加过了。', en: 'This site is already on the list.' }));
      return;
    }
    setProblem('');
    // The permission prompt must be opened inside the click, before any await.
    void browser.permissions
      .request({ origins: [`${origin}/*`] })
      .then(async (granted) => {
        if (!granted) {
          setProblem(pick({ zh: '没有获得权限：请在浏览器弹出的对话框中点“允许”。', en: 'Permission not granted: click "Allow" in the browser dialog.' }));
          return;
        }
        onExtraSites(await call('addExtraSite', { origin }));
        setInput('');
        showToast({ kind: 'success', text: pick({ zh: `已在 ${origin} 启用话术（刷新该网页后生效）`, en: `Huashu is on for ${origin} (reload that page)` }) });
      })
      .catch((e) => setProblem(errorText(e)));
  }

  async function remove(origin: string) {
    try {
      onExtraSites(await call('removeExtraSite', { origin }));
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  }

  return (
    <div class="card" data-huashu="sites">
      <h2>{pick({ zh: '网站', en: 'Sites' })}</h2>
      <p class="muted">
        {pick({
          zh: '话术会在这些网站的聊天页上显示侧边栏。关闭后刷新网页生效。',
          en: 'Huashu shows its sidebar on these chat pages. Switching one off applies after a reload.',
        })}
      </p>
      <ul class="site-list">
        {builtInHosts().map((host) => (
          <li>
            <label class="inline switch">
              <input
                type="checkbox"
                data-host={host}
                checked={!disabledHosts.includes(host)}
                onChange={(e) => onDisabledHosts(e.currentTarget.checked ? disabledHosts.filter((h) => h !== host) : [...disabledHosts, host])}
              />
              <code>{host}</code>
              {SITE_NAMES[host] && <span class="muted"> {pick(SITE_NAMES[host])}</span>}
              {host.startsWith('seller.shopee') && <span class="muted"> Shopee</span>}
            </label>
          </li>
        ))}
      </ul>
      <h3>{pick({ zh: '其他网站', en: 'Other sites' })}</h3>
      <ul class="site-list" data-huashu="extra-sites">
        {extraSites.length === 0 && <li class="muted">{pick({ zh: '还没有添加。', en: 'None yet.' })}</li>}
        {extraSites.map((origin) => (
          <li>
            <code>{origin}</code>{' '}
            <button type="button" class="danger" onClick={() => void remove(origin)}>
              {pick({ zh: '移除', en: 'Remove' })}
            </button>
          </li>
        ))}
      </ul>
      <div class="add-site">
        <input
          data-huashu="site-origin"
          value={input}
          placeholder="https://example.com"
          onInput={(e) => setInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          {pick({ zh: '添加网站', en: 'Add site' })}
        </button>
      </div>
      {problem && (
        <div class="field-error error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
