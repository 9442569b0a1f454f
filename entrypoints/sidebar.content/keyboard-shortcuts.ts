/**
 * Page-wide keys: Alt+1…9 inserts the nth suggestion, Alt+S focuses the
 * sidebar search. Never while an IME is composing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LastEditable } from '@/lib/insert/focus-tracker';
import { sidebarState as state } from '@/components/sidebar/state';
import { insertReply } from './insert-reply';
import { ignoreInvalidated, type PageSession } from './page-session';

export function registerKeyboardShortcuts(ctx: ContentScriptContext, session: PageSession, tracker: LastEditable, shadow: ShadowRoot): void {
  ctx.addEventListener(
    window,
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
        state.open.value = true;
        queueMicrotask(() => shadow.querySelector<HTMLInputElement>('[data-huashu="search"]')?.focus());
      }
    },
    { capture: true },
  );
}
