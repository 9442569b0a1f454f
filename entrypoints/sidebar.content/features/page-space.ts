/**
 * Keep the sidebar from covering the chat's compose box: while it is open,
 * the page is narrowed by the sidebar's width (a document-level style, the
 * only change made to the page's layout); collapsed, the page gets it back.
 */
import { effect } from '@preact/signals';
import { sidebarState as state } from '@/components/sidebar/state';
import { clampSidebarWidth } from '@/lib/settings';
import { onAbort, type PageFeature } from './feature';

export const pageSpace: PageFeature = {
  id: 'page-space',
  start: (_page, signal) => reservePageSpace(signal),
};

function reservePageSpace(signal: AbortSignal): void {
  const style = document.createElement('style');
  style.dataset.huashu = 'page-space';
  (document.head ?? document.documentElement).append(style);
  const dispose = effect(() => {
    // Clamped here too: whatever reached the settings, only "left"/"right" and a pixel count go into the page's style.
    const side = state.settings.value?.sidebarSide === 'left' ? 'left' : 'right';
    const width = state.open.value ? clampSidebarWidth(Number(state.width.value)) : 0;
    style.textContent = width
      ? `html { margin-${side}: ${width}px !important; width: auto !important; } body { max-width: calc(100vw - ${width}px) !important; }`
      : '';
  });
  onAbort(signal, () => {
    dispose();
    style.remove();
  });
}
