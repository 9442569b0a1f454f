/**
 * Follow-ups in the background: the store's functions behind the protocol,
 * the toolbar badge (how many are due), and chrome.alarms waking the worker
 * at the next due time to notify the rep (both can be switched off).
 */
import { browser } from 'wxt/browser';
import {
  dueCount,
  expireOverdue,
  FollowUpError,
  forConversation,
  listForPopup,
  logFollowUp,
  markDone,
  nextDueAt,
  remove,
  restore,
  snooze,
} from '@/lib/followups/store';
import { resolveRules, type FollowUpRules } from '@/lib/followups/rules';
import { database, readSettings } from './database';
import { handle, HandledError } from './handle';

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
  handle('logFollowUp', async (req) => {
    const result = await storeCall(async () => logFollowUp(database(), req, await rules(), Date.now()));
    void refreshFollowUpSignals();
    return result.row;
  });
  handle('followUpsForConversation', (req) => storeCall(() => forConversation(database(), req.conversationKey)));
  handle('listFollowUps', (req) => storeCall(() => listForPopup(database(), Date.now(), req ?? {})));
  handle('markFollowUpDone', async (req) => {
    const row = await storeCall(() => markDone(database(), req.id, req.outcome, Date.now()));
    void refreshFollowUpSignals();
    return row;
  });
  handle('snoozeFollowUp', async (req) => {
    const { row } = await storeCall(async () => snooze(database(), req.id, req.until, Date.now(), await rules()));
    void refreshFollowUpSignals();
    return row;
  });
  handle('deleteFollowUp', async (req) => {
    const row = await storeCall(() => remove(database(), req.id));
    if (!row) throw new HandledError('not_found', '这条跟进已不存在', 'That follow-up no longer exists');
    void refreshFollowUpSignals();
    return row;
  });
  handle('restoreFollowUp', async (row) => {
    await storeCall(() => restore(database(), row));
    void refreshFollowUpSignals();
    return row;
  });

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
        if (row?.conversationUrl) await browser.tabs.create({ url: row.conversationUrl });
        else await browser.action.openPopup?.();
      });
  });
  void refreshFollowUpSignals();
}
