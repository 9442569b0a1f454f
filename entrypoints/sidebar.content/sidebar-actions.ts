/** The sidebar's buttons and keys, turned into page work and background calls. */
import type { LastEditable } from '@/lib/insert/focus-tracker';
import { fillVariables } from '@/lib/variables/fill';
import { clampSidebarWidth } from '@/lib/settings';
import type { ReplyScript } from '@/lib/types';
import { call } from '@/components/api';
import { pick, t } from '@/components/i18n';
import type { SidebarActions } from '@/components/sidebar/actions';
import { sidebarState as state } from '@/components/sidebar/state';
import { insertReply, variableValues } from './insert-reply';
import { ignoreInvalidated, type PageSession } from './page-session';
import { showNotice } from './notices';
import { applyFindingRewrite } from './features/apply-rewrite';
import { startTeaching } from './features/teach-page';
import { uiWrites } from '@/components/sidebar/stores/ui';

export function createSidebarActions(session: PageSession, tracker: LastEditable, lifetime: AbortSignal): SidebarActions {
  let saveWidthTimer: ReturnType<typeof setTimeout> | undefined;

  const savePrefs = (prefs: Parameters<typeof call<'updateSidebarPrefs'>>[1]) =>
    call('updateSidebarPrefs', prefs)
      .then((s) => uiWrites.settingsRead(s))
      .catch(ignoreInvalidated);

  return {
    async insert(script, via) {
      try {
        await insertReply(session, tracker, script.id, via);
      } catch (error) {
        ignoreInvalidated(error);
        showNotice('error', `${t('error')}：${String((error as Error).message ?? error)}`);
      }
    },
    async search(query, group) {
      try {
        if (query.trim())
          return await call('searchScripts', { query, group: ['all', 'fav', 'recent', 'suggested'].includes(group) ? undefined : group, top: 40 });
        if (group === 'recent') return await call('recentScripts', { limit: 20 });
        if (group === 'fav') return await call('listScripts', { favouritesOnly: true });
        return await call('listScripts', group === 'all' || group === 'suggested' ? {} : { group });
      } catch (error) {
        ignoreInvalidated(error);
        return [] as ReplyScript[];
      }
    },
    preview(script) {
      return fillVariables(script.text, variableValues(state.snapshot.value)).text;
    },
    knownValues: () => variableValues(state.snapshot.value),
    focusCompose() {
      session.composeBox()?.focus();
    },
    useGenericMode: () => session.useGenericMode(),
    teachPage: () => startTeaching(session, lifetime),
    setOpen(open) {
      uiWrites.setOpen(open);
      void savePrefs({ collapsed: !open });
    },
    setWidth(width) {
      uiWrites.setWidth(clampSidebarWidth(width));
      if (saveWidthTimer) clearTimeout(saveWidthTimer);
      saveWidthTimer = setTimeout(() => {
        void savePrefs({ width: state.width.value });
      }, 400);
    },
    applyRewrite: async (finding) => {
      await applyFindingRewrite(session, finding);
    },
    async logFollowUp(kind) {
      const snapshot = session.readNow() ?? state.snapshot.value;
      if (!snapshot) {
        showNotice('error', t('cannotFindChat'));
        return;
      }
      try {
        await call('logFollowUp', {
          kind,
          site: snapshot.platform,
          conversationKey: snapshot.key,
          conversationUrl: location.href,
          buyerName: snapshot.buyerName,
          orderId: snapshot.orderId,
          item: snapshot.item,
        });
        showNotice('success', `${t('logged')}：${snapshot.buyerName ?? ''} ${snapshot.orderId ?? ''}`);
      } catch (error) {
        ignoreInvalidated(error);
        const e = error as { error?: { zh: string; en: string } };
        showNotice('error', e.error ? pick(e.error) : String(error));
      }
    },
    openOptions() {
      void call('openOptions').catch(ignoreInvalidated);
    },
  };
}
