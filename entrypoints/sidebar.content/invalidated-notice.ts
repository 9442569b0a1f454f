/**
 * When the extension is reloaded or updated under an open tab, this content
 * script is orphaned: its messages can no longer reach the background. Show
 * the rep one clear notice to refresh the page, stop everything, and never
 * throw in a loop. The notice is built with plain DOM in its own shadow root
 * because the extension's CSS can no longer be loaded.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isContextInvalidated, onContextInvalidated } from '@/components/api';
import { t } from '@/components/i18n';

const CHECK_EVERY_MS = 2_000;
let shown = false;

function showRefreshNotice(): void {
  if (shown || !document.body) return;
  shown = true;
  const host = document.createElement('huashu-refresh-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.dataset.huashu = 'refresh-notice';
  box.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:320px;padding:12px 14px;border-radius:10px;' +
    'background:#fef3f2;color:#b42318;border:1px solid #fda29b;box-shadow:0 4px 16px rgba(0,0,0,.15);' +
    'font:13px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;';
  const text = document.createElement('div');
  text.textContent = t('refreshNeeded');
  const button = document.createElement('button');
  button.textContent = t('refresh');
  button.style.cssText = 'margin-top:8px;padding:3px 10px;border-radius:6px;border:1px solid #b42318;background:#fff;color:#b42318;cursor:pointer;';
  button.addEventListener('click', () => location.reload());
  box.append(text, button);
  shadow.append(box);
  document.body.append(host);
}

export function watchExtensionContext(ctx: ContentScriptContext): void {
  const orphaned = () => {
    showRefreshNotice();
    if (!ctx.signal.aborted) ctx.abort('extension context invalidated'); // removes the UI and every observer
  };
  onContextInvalidated(orphaned);
  // A plain interval (not ctx.setInterval, which stops on invalidation) that clears itself once it fires.
  const id = setInterval(() => {
    if (isContextInvalidated()) {
      clearInterval(id);
      orphaned();
    }
  }, CHECK_EVERY_MS);
  // A newer copy of this script took over (not an orphan): just stop checking.
  ctx.onInvalidated(() => {
    if (!isContextInvalidated()) clearInterval(id);
  });
}
