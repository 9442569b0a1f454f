/**
 * The sidebar content script: mounts the Preact UI in a shadow root and
 * starts the page features. Page logic lives in the files beside this one;
 * this file only wires them together.
 */
import './style.css';
import { render } from 'preact';
import { BUILT_IN_SITE_MATCHES } from '@/lib/sites/built-in-matches';
import { trackLastEditable } from '@/lib/insert/focus-tracker';
import { call, onContextInvalidated } from '@/components/api';
import { setLanguage } from '@/components/i18n';
import { App } from '@/components/sidebar/App';
import { sidebarState as state } from '@/components/sidebar/state';
import { startPageSession, ignoreInvalidated } from './page-session';
import { createSidebarActions } from './sidebar-actions';
import { watchExtensionContext } from './invalidated-notice';
import { PAGE_FEATURES } from './features';
import { runFeatures } from './features/feature';
import { startDraftScan } from './features/draft-scan';
import { acceptTrustedInputOnly } from './trusted-input-only';
import { uiWrites } from '@/components/sidebar/stores/ui';

export const SHADOW_HOST_NAME = 'huashu-sidebar';

export default defineContentScript({
  matches: [...BUILT_IN_SITE_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    // Settings first, so the UI opens in the rep's language, width and side.
    const settings = await call('getSettings').catch(() => null);
    if (settings) {
      uiWrites.settingsRead(settings);
      setLanguage(settings.language);
      if (settings.disabledHosts.includes(location.host) || settings.disabledHosts.includes(location.hostname)) return; // the rep switched Huashu off here
      const host = location.host;
      if (settings.sidebarWidths[host]) uiWrites.setWidth(settings.sidebarWidths[host]!);
      if (settings.sidebarCollapsed[host]) uiWrites.setOpen(false);
    }

    const isOurs = (el: Element) => el.closest(SHADOW_HOST_NAME) !== null || (el.getRootNode() as ShadowRoot).host?.localName === SHADOW_HOST_NAME;
    const tracker = trackLastEditable(document, ctx.signal, { ignore: isOurs });
    const session = startPageSession(ctx, tracker);
    const actions = createSidebarActions(session, tracker, ctx.signal);

    const ui = await createShadowRootUi(ctx, {
      name: SHADOW_HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<App state={state} actions={actions} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    acceptTrustedInputOnly(ui.shadow, ctx.signal);

    const page = { session, tracker, shadow: ui.shadow, draft: startDraftScan(session, ctx.signal) };
    const features = runFeatures(PAGE_FEATURES, page, ctx.signal, { disabled: () => state.settings.value?.disabledFeatures ?? [] });
    session.onAdapterChange(() => features.restart());
    watchExtensionContext(ctx);
    onContextInvalidated(() => uiWrites.markInvalidated());
    void call('ping').catch(ignoreInvalidated);
  },
});
