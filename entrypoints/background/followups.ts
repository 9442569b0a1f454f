/**
 * Follow-ups in the background: the store's functions behind the protocol,
 * the toolbar badge (how many are due), and chrome.alarms waking the worker
 * at the next due time to notify the rep (both can be switched off).
 */
import { isLiveScript } from '@/lib/library-visibility';
import { browser } from 'wxt/browser';
import { dueCount, expireOverdue, FollowUpError, forConversation, listForPopup, nextDueAt, report, toCsv } from '@/lib/data/followups-store';
import type { FollowUp, FollowUpKind, ReplyScript } from '@/lib/types';
import type { ConversationContext, FollowUpListQuery } from '@/lib/messages';
import { tabMessenger } from '@/lib/messages';
import { fold } from '@/lib/text/normalize';
import { resolveRules, type FollowUpRules } from '@/lib/followups/rules';
import { database, readSettings } from './database';
import { handle, HandledError, notYours } from './handle';
import { maySeeFollowUp, mayUseSite, ownConversationUrl } from '@/lib/protocol/caller';
import { claimFollowUpById } from './team-sync';
import { dataChanges } from './data-changes';
import { repos } from './repositories';
import { isOpenableLink } from '@/lib/followups/conversation-link';

const ALARM = 'huashu-followups-due';
const PERIODIC_ALARM = 'huashu-followups-tick';

async function rules(): Promise<FollowUpRules> {
  const settings = await readSettings();
  return resolveRules(settings.followupRules);
}

/** Store errors carry their own {zh, en}; pass them through as typed errors. */
async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof FollowUpError) {
      if (error.code === 'quota') throw Object.assign(new Error(error.en), { name: 'QuotaExceededError' });
      throw new HandledError(error.code === 'not_found' ? 'not_found' : error.code === 'conflict' ? 'conflict' : 'bad_request', error.zh, error.en);
    }
    throw error;
  }
}

/** Badge and the next alarm follow every change. */
export async function refreshFollowUpSignals(now = Date.now()): Promise<void> {
  const db = database();
  const settings = await readSettings();
  await expireOverdue(db, now);
  const due = await dueCount(db, now);
  await browser.action.setBadgeText({ text: settings.followupBadge && due > 0 ? (due > 99 ? '99+' : String(due)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#d92d20' });
  const next = await nextDueAt(db, now);
  await browser.alarms.clear(ALARM);
  if (next !== undefined && next > now) await browser.alarms.create(ALARM, { when: next });
}

async function notifyDue(now = Date.now()): Promise<void> {
  const settings = await readSettings();
  if (!settings.followupNotifications) return;
  const result = await listForPopup(database(), now, { limit: 5 });
  const due = result.rows.filter((r) => r.bucket === 'overdue' || r.bucket === 'due_now');
  if (!due.length) return;
  const first = due[0]!.row;
  await browser.notifications.create(`huashu-due:${first.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `话术 · ${result.dueCount} 项跟进已到期`,
    message: due.map((r) => `${r.row.buyerName ?? '买家'} ${r.row.orderId ?? ''}`.trim()).join('，'),
  });
}

export function registerFollowUpHandlers(): void {
  // Counters, badge and alarm follow every follow-up write, whoever made it.
  dataChanges.on((change) => {
    if (change.table === 'followups') void refreshFollowUpSignals();
  });
  handle('logFollowUp', async (req, caller) => {
    if (!mayUseSite(caller, req.site)) notYours();
    const own = { ...req, conversationUrl: ownConversationUrl(caller, req.conversationUrl) };
    const result = await storeCall(async () => repos.followUps.log(own, await rules(), Date.now(), 'local', req.scriptId));
    return result.row;
  });
  handle('followUpsForConversation', async (req, caller) =>
    (await storeCall(() => forConversation(database(), req.conversationKey))).filter((row) => maySeeFollowUp(caller, row)),
  );
  handle('listFollowUps', (req) => storeCall(() => listForPopup(database(), Date.now(), req ?? {})));
  handle('markFollowUpDone', async (req, caller) => {
    const before = await database().followups.get(req.id);
    if (before && !maySeeFollowUp(caller, before)) notYours();
    return storeCall(() => repos.followUps.markDone(req.id, req.outcome, Date.now(), 'local'));
  });
  handle('snoozeFollowUp', async (req) => storeCall(async () => repos.followUps.snooze(req.id, req.until, Date.now(), await rules(), 'local')));
  handle('deleteFollowUp', async (req) => {
    const row = await storeCall(() => repos.followUps.remove(req.id, 'local'));
    if (!row) throw new HandledError('not_found', '这条跟进已不存在', 'That follow-up no longer exists');
    return row;
  });
  handle('restoreFollowUp', async (row) => {
    // The undo of a local delete: the row is back as it was, and the team never heard of the delete.
    await storeCall(() => repos.followUps.restore(row, 'restore'));
    return row;
  });

  registerPopupAndReportHandlers();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM && alarm.name !== PERIODIC_ALARM) return;
    void refreshFollowUpSignals().then(() => (alarm.name === ALARM ? notifyDue() : undefined));
  });
  // A slow tick keeps the badge honest as items become due (alarms minimum is 30 s in Chrome).
  void browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 5 });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith('huashu-due:')) return;
    void database()
      .followups.get(id.slice('huashu-due:'.length))
      .then(async (row) => {
        if (row?.conversationUrl && (await isOpenableLink(row.conversationUrl, (origin) => browser.permissions.contains({ origins: [origin] }))))
          await browser.tabs.create({ url: row.conversationUrl });
        else await browser.action.openPopup?.();
      });
  });
  void refreshFollowUpSignals();
}

// ---- popup actions and the report ---------------------------------------

/** Which script intent serves which follow-up kind (the reverse of lib/followups/intent-kinds.ts, plus the revisit kinds). */
const SCRIPT_INTENT_FOR_KIND: Record<FollowUpKind, string> = {
  payment_reminder: 'payment_reminder',
  review_recovery: 'review_recovery',
  aftersale_revisit: 'revisit',
  complaint_revisit: 'revisit',
  new_customer_revisit: 'revisit',
};

/** Done and expired items, latest due first, merged across the two statuses; filters as in the popup. */
async function listClosed(q: FollowUpListQuery): Promise<{ rows: FollowUp[]; total: number; hasMore: boolean }> {
  const db = database();
  const limit = Math.max(1, Math.min(500, Math.floor(q.limit ?? 50)));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const needle = q.search ? fold(q.search, { dropNoise: true }) : '';
  const site = q.site?.toLowerCase();
  const keep = (r: FollowUp) =>
    (!q.kind || r.kind === q.kind) &&
    (!site || r.site === site) &&
    (!needle || fold([r.buyerName, r.orderId, r.item, r.notes].filter(Boolean).join('|'), { dropNoise: true }).includes(needle));
  const filtered = !!(q.kind || site || needle);
  const want = offset + limit + 1;
  const perStatus = await Promise.all(
    (['done', 'expired'] as const).map((s) => {
      let c = db.followups.where('[status+dueAt]').between([s, -Infinity], [s, Infinity]).reverse();
      if (filtered) c = c.filter(keep);
      return c.limit(want).toArray();
    }),
  );
  const merged = perStatus.flat().sort((a, b) => b.dueAt - a.dueAt || a.id.localeCompare(b.id));
  const total = filtered
    ? -1
    : (
        await Promise.all((['done', 'expired'] as const).map((s) => db.followups.where('[status+dueAt]').between([s, -Infinity], [s, Infinity]).count()))
      ).reduce((a, b) => a + b, 0);
  return { rows: merged.slice(offset, offset + limit), total, hasMore: merged.length > offset + limit };
}

/** Scripts of the kind's intent, most used first (usage counted through the scriptId index). */
async function scriptsForKind(kind: FollowUpKind, limit: number): Promise<ReplyScript[]> {
  const db = database();
  const scripts = (await db.scripts.where('intent').equals(SCRIPT_INTENT_FOR_KIND[kind]).toArray()).filter(isLiveScript);
  const uses = await Promise.all(scripts.map((s) => db.usage.where('scriptId').equals(s.id).count()));
  const order = scripts.map((s, i) => ({ s, n: uses[i] ?? 0 }));
  order.sort((a, b) => Number(!!b.s.favourite) - Number(!!a.s.favourite) || b.n - a.n || (a.s.order ?? 0) - (b.s.order ?? 0) || a.s.id.localeCompare(b.s.id));
  return order.slice(0, limit).map((o) => o.s);
}

/** The conversation the content script last reported for a tab (kept by context-menu.ts in session storage). */
async function tabConversation(tabId: number): Promise<ConversationContext | undefined> {
  const key = `conversation:${tabId}`;
  const stored = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
  return stored[key] as ConversationContext | undefined;
}

const sameUrl = (a: string | undefined, b: string | undefined) => !!a && !!b && a.split('#')[0] === b.split('#')[0];

/**
 * Insert into the follow-up's conversation: a tab whose reported conversation
 * is this follow-up's, or a tab at its URL. A tab showing another buyer is
 * refused (never insert into the wrong conversation).
 */
async function insertIntoConversation(id: string, scriptId: string): Promise<{ tabId: number }> {
  const row = await database().followups.get(id);
  if (!row) throw new HandledError('not_found', '这条跟进已不存在', 'That follow-up no longer exists');
  const tabs = await browser.tabs.query({});
  let target: number | undefined;
  let otherBuyer = false;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const conversation = await tabConversation(tab.id);
    if (conversation?.conversationKey && conversation.conversationKey === row.conversationKey) {
      target = tab.id;
      break;
    }
    if (sameUrl(tab.url, row.conversationUrl)) {
      if (conversation?.conversationKey && conversation.conversationKey !== row.conversationKey) otherBuyer = true;
      else target ??= tab.id;
    }
  }
  if (target === undefined) {
    if (otherBuyer)
      throw new HandledError('conflict', '会话页当前显示的是其他买家，请先切换到该买家再插入', 'The chat tab shows another buyer; switch to this buyer first');
    throw new HandledError('not_found', '该会话没有打开，请先点「打开会话」', 'The conversation is not open; open it first');
  }
  // Held by another rep: say so, and do not point at 复制 (that would walk around the claim).
  const claim = await claimFollowUpById(id);
  if (!claim.ok)
    throw new HandledError('conflict', claim.message?.zh ?? '该跟进已由其他客服处理', claim.message?.en ?? 'Another rep is handling this follow-up');
  const result = await tabMessenger.sendMessage('insertScript', { scriptId }, target).catch(() => undefined);
  if (!result?.ok) throw new HandledError('bad_request', '未能插入到会话输入框，请点「复制」后手动粘贴', 'Could not insert into the chat box; copy it instead');
  return { tabId: target };
}

function registerPopupAndReportHandlers(): void {
  handle('listClosedFollowUps', (req) => storeCall(() => listClosed(req ?? {})));
  handle('reopenFollowUp', async (req) => storeCall(async () => repos.followUps.reopen(req.id, await rules(), Date.now(), 'local')));
  handle('recordFollowUpAttempt', async (req) =>
    storeCall(async () => repos.followUps.recordAttempt(req.id, req.scriptId ? { scriptId: req.scriptId } : {}, await rules(), Date.now(), 'local')),
  );
  handle('followUpScripts', (req) => scriptsForKind(req.kind, req.limit ?? 5));
  handle('insertFollowUpScript', (req) => insertIntoConversation(req.id, req.scriptId));
  handle('followUpReport', (req) => storeCall(() => report(database(), { from: req.from, to: req.to, utcOffsetMinutes: req.utcOffsetMinutes })));
  handle('followUpCsv', async (req) => {
    const range = { from: req.from, to: req.to, utcOffsetMinutes: req.utcOffsetMinutes };
    if (req.what === 'report') return toCsv(await storeCall(() => report(database(), range)));
    const rows = await storeCall(() => database().followups.where('createdAt').between(req.from, req.to, true, false).toArray());
    return toCsv(rows, req.utcOffsetMinutes);
  });
  handle('recountFollowUps', async () => {
    const c = await storeCall(() => repos.followUps.recount('local'));
    return { open: c.open, snoozed: c.snoozed, rowCount: c.rowCount };
  });
}
