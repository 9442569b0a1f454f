/**
 * Page-wide keys: Alt+1…9 inserts the nth suggestion, Alt+S focuses the
 * sidebar search. Never while an IME is composing.
 */
import type { LastEditable } from '@/lib/insert/focus-tracker';
import { sidebarState as state } from '@/components/sidebar/state';
import { insertReply } from '../insert-reply';
import { ignoreInvalidated, type PageSession } from '../page-session';
import type { PageFeature } from './feature';
import { uiWrites } from '@/components/sidebar/stores/ui';

export const keyboardShortcuts: PageFeature = {
  id: 'keyboard-shortcuts',
  start: ({ session, tracker, shadow }, signal) => registerKeyboardShortcuts(session, tracker, shadow, signal),
};

function registerKeyboardShortcuts(session: PageSession, tracker: LastEditable, shadow: ShadowRoot, signal: AbortSignal): void {
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.isComposing || e.keyCode === 229 || !e.altKey || e.ctrlKey || e.metaKey) return;
      const digit = /^Digit([1-9])$/.exec(e.code)?.[1];
      if (digit) {
        const suggestion = state.suggestions.value[Number(digit) - 1];
        if (!suggestion) return;
        e.preventDefault();
        e.stopPropagation();
        void insertReply(session, tracker, suggestion.id, 'keyboard').catch(ignoreInvalidated);
      } else if (e.code === 'KeyS') {
        e.preventDefault();
        uiWrites.setOpen(true);
        queueMicrotask(() => shadow.querySelector<HTMLInputElement>('[data-huashu="search"]')?.focus());
      }
    },
    { capture: true, signal },
  );
}
