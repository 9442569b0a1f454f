/**
 * Shortcut codes in the compose box: typing /code then Space or Tab expands
 * to that script (variables filled as in the sidebar). Never while an IME is
 * composing; "/" alone or an unknown code changes nothing.
 */
import { getCaretOffset, readFieldText } from '@/lib/insert/read-field';
import { replaceRange } from '@/lib/insert/replace-range';
import { findShortcutBeforeCaret } from '@/lib/shortcut-code';
import { call } from '@/components/api';
import { onChanged } from '@/components/announcements';
import { sidebarState as state } from '@/components/sidebar/state';
import { fillForConversation } from '../insert-reply';
import { ignoreInvalidated, type PageSession } from '../page-session';
import type { PageFeature } from './feature';

export const shortcutCodes: PageFeature = {
  id: 'shortcut-codes',
  start: ({ session }, signal) => startShortcutCodes(session, signal),
};

function startShortcutCodes(session: PageSession, signal: AbortSignal): void {
  let busy = false;
  window.addEventListener(
    'keydown',
    (e) => {
      if ((e.key !== ' ' && e.key !== 'Tab') || e.isComposing || e.keyCode === 229 || e.ctrlKey || e.metaKey || e.altKey || busy) return;
      const box = session.composeBox();
      if (!box || !e.composedPath().includes(box)) return;
      const caret = getCaretOffset(box);
      if (caret === null) return;
      const found = findShortcutBeforeCaret(readFieldText(box), caret);
      if (!found) return;
      // Only swallow the key when the code is known: look it up synchronously from the cached list.
      const script = codeIndex.get(found.code);
      if (!script) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      busy = true;
      void (async () => {
        const full = await call('getScript', { id: script });
        const filled = await fillForConversation(full, session.readNow() ?? state.snapshot.value);
        if (filled) {
          await replaceRange(box, found.start, found.end, filled.text);
          await call('recordUsage', {
            scriptId: full.id,
            site: session.snapshot()?.platform ?? 'generic',
            conversationKey: session.snapshot()?.key,
            via: 'shortcut-code',
          });
        }
      })()
        .catch(ignoreInvalidated)
        .finally(() => (busy = false));
    },
    { capture: true, signal },
  );

  // code → script id, refreshed when the library changes.
  const codeIndex = new Map<string, string>();
  const load = () =>
    call('listScripts', {})
      .then((scripts) => {
        codeIndex.clear();
        for (const s of scripts) if (s.code) codeIndex.set(s.code.toLowerCase(), s.id);
      })
      .catch(ignoreInvalidated);
  void load();
  onChanged('library', () => void load(), signal);
}
