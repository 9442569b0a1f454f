/**
 * Insert a reply script into the compose box: re-check the buyer just before
 * writing (pages switch conversation by themselves), fill variables (asking
 * the rep for what the page does not show), insert through the editor's
 * strategy chain, fall back to the clipboard, and record the use.
 */
import { fillVariables } from '@/lib/variables/fill';
import { insertText } from '@/lib/insert/insert-text';
import type { LastEditable } from '@/lib/insert/focus-tracker';
import { followUpKindForIntent } from '@/lib/followups/intent-kinds';
import type { ConversationSnapshot, ReplyScript, UsageEvent } from '@/lib/types';
import { call } from '@/components/api';
import { pick, t } from '@/components/i18n';
import { sidebarState as state } from '@/components/sidebar/state';
import { dialogs } from '@/components/sidebar/dialogs';
import type { PageSession } from './page-session';
import { showNotice } from './notices';
import { truncateText } from '@/lib/text/truncate';
import { uiWrites } from '@/components/sidebar/stores/ui';
import { conversationWrites } from '@/components/sidebar/stores/conversation';

export function variableValues(snapshot: ConversationSnapshot | null): Record<string, string | undefined> {
  const settings = state.settings.value;
  return {
    买家: snapshot?.buyerName,
    订单号: snapshot?.orderId,
    商品: snapshot?.item,
    客服: settings?.repName || undefined,
    店铺: settings?.shopName || undefined,
  };
}

/** Ask the rep inline for the variables the page could not fill; null when they cancel. */
function askForVariables(script: ReplyScript, missing: string[]): Promise<Record<string, string> | null> {
  uiWrites.setOpen(true); // the question must be visible even when the sidebar was collapsed
  return dialogs.ask('variables', { scriptTitle: script.title, missing });
}

/** The rep's and shop's names typed once into the prompt are kept in settings for next time. */
async function rememberRepAndShop(asked: Record<string, string>): Promise<void> {
  const patch: { repName?: string; shopName?: string } = {};
  if (asked['客服']?.trim()) patch.repName = truncateText(asked['客服'].trim(), 20);
  if (asked['店铺']?.trim()) patch.shopName = truncateText(asked['店铺'].trim(), 40);
  if (!patch.repName && !patch.shopName) return;
  uiWrites.settingsRead(await call('updateSidebarPrefs', patch).catch(() => state.settings.value));
}

/** The filled text of a script for this conversation, or null if the rep cancelled. */
export async function fillForConversation(script: ReplyScript, snapshot: ConversationSnapshot | null): Promise<{ text: string; cursor?: number } | null> {
  const values = variableValues(snapshot);
  let filled = fillVariables(script.text, values);
  if (filled.missing.length) {
    const asked = await askForVariables(script, filled.missing);
    if (!asked) return null;
    filled = fillVariables(script.text, { ...values, ...asked });
    await rememberRepAndShop(asked);
  }
  return { text: filled.text, cursor: filled.cursor };
}

export async function insertReply(
  session: PageSession,
  tracker: LastEditable,
  scriptId: string,
  via: UsageEvent['via'],
  target: HTMLElement | null = session.composeBox(),
): Promise<boolean> {
  const script = await call('getScript', { id: scriptId });
  if (!target) {
    showNotice('error', t('noComposeBox'));
    return false;
  }
  // The page may have switched buyer since the sidebar last looked: never insert into the wrong conversation.
  const shown = state.snapshot.value;
  const current = session.readNow() ?? shown;
  if (shown && current && shown.key !== current.key) {
    conversationWrites.show(current);
    session.refreshSuggestions();
    showNotice(
      'error',
      pick({
        zh: `买家已切换为“${current.buyerName ?? '新会话'}”，请确认后再插入。`,
        en: `The buyer changed to "${current.buyerName ?? 'a new chat'}"; check before inserting.`,
      }),
    );
    return false;
  }
  const kind = followUpKindForIntent(script.intent);
  // Team mode: a 催付/review reply only while this rep holds the follow-up (solo mode always answers ok).
  if ((kind === 'payment_reminder' || kind === 'review_recovery') && current) {
    const site = current.platform ?? session.adapter()?.id ?? 'generic';
    const claim = await call('claimFollowUp', {
      kind,
      site,
      conversationKey: current.key,
      conversationUrl: location.href,
      buyerName: current.buyerName,
      orderId: current.orderId,
      item: current.item,
    }).catch(() => null);
    if (claim && !claim.ok) {
      showNotice('error', claim.message ? pick(claim.message) : pick({ zh: '该跟进暂不能联系买家。', en: 'This follow-up cannot be acted on now.' }));
      return false;
    }
  }
  const filled = await fillForConversation(script, current);
  if (!filled) return false;
  const selection = tracker.get() === target ? (tracker.selection() ?? undefined) : undefined;
  const result = await insertText(target, filled.text, selection ? { selection } : {});
  if (!result.ok) {
    await navigator.clipboard?.writeText(filled.text).catch(() => undefined);
    showNotice('error', t('copiedInstead'));
  } else {
    showNotice('success', `${t('inserted')}：${script.title}`);
  }
  const site = current?.platform ?? session.adapter()?.id ?? 'generic';
  await call('recordUsage', { scriptId: script.id, site, conversationKey: current?.key, via }).catch(() => undefined);
  if (kind && current) {
    await call('logFollowUp', {
      kind,
      site,
      conversationKey: current.key,
      conversationUrl: location.href,
      buyerName: current.buyerName,
      orderId: current.orderId,
      item: current.item,
      scriptId: script.id,
    }).then(
      () => showNotice('success', `${t('inserted')} · ${t('logged')}${t('followUps')}`),
      () => undefined,
    );
  }
  return result.ok;
}
