/** Messages from the background to this tab: toggle the sidebar, insert a right-click choice, library changes. */
import type { LastEditable } from '@/lib/insert/focus-tracker';
import { resolveEditable } from '@/lib/insert/editable';
import { ok, fail, tabMessenger } from '@/lib/messages';
import { insertReply } from '../insert-reply';
import { call } from '@/components/api';
import { onChanged } from '@/components/announcements';
import { setLanguage } from '@/components/i18n';
import { ignoreInvalidated } from '../page-session';
import type { PageSession } from '../page-session';
import { onAbort, type PageFeature } from './feature';
import { uiWrites } from '@/components/sidebar/stores/ui';

export const backgroundMessages: PageFeature = {
  id: 'background-messages',
  start: ({ session, tracker }, signal) => listenToBackground(session, tracker, signal),
};

function listenToBackground(session: PageSession, tracker: LastEditable, signal: AbortSignal): void {
  // The field the rep right-clicked is where a context-menu choice goes.
  let rightClicked: HTMLElement | null = null;
  document.addEventListener(
    'contextmenu',
    (e) => {
      const path = e.composedPath();
      rightClicked = resolveEditable((path[0] as Element) ?? null);
    },
    { capture: true, signal },
  );

  const removers = [
    tabMessenger.onMessage('toggleSidebar', () => {
      uiWrites.toggleOpen();
    }),
    tabMessenger.onMessage('insertScript', async ({ data }) => {
      const target = rightClicked?.isConnected ? rightClicked : session.composeBox();
      const done = await insertReply(session, tracker, data.scriptId, 'context-menu', target);
      return done ? ok(null) : fail('internal', '未能插入', 'Not inserted');
    }),
  ];
  onChanged('library', () => session.refreshSuggestions(), signal);
  // Custom banned/allowed words, strict mode, names and language apply at once (the draft scan follows state.settings).
  onChanged(
    'settings',
    () =>
      void call('getSettings')
        .then((settings) => {
          uiWrites.settingsRead(settings);
          setLanguage(settings.language);
        })
        .catch(ignoreInvalidated),
    signal,
  );
  onAbort(signal, () => removers.forEach((remove) => remove()));
}
