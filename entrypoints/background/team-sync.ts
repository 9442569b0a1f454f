/**
 * Team sync in the background: the wiring. Off until the rep creates or joins
 * a shop; in solo mode every path returns at once.
 *
 * - team/session.ts: the client, whether the rep is in a shop, when to sync
 *   (a kick after local changes, the 30-second alarm, the live stream); pulled
 *   rows go in through lib/data/apply-remote.ts, announced with origin 'team'.
 * - team/outbox.ts: the change bus's local writes into the outbox.
 * - team/membership.ts, team/claims.ts, team/view.ts: join/leave, claims on
 *   催付/review follow-ups, what the Team tab shows.
 */
import { browser } from 'wxt/browser';
import { SYNC_MESSAGES } from '@/lib/sync/messages';
import type { ChangeBody } from '@/lib/sync/protocol';
import { canEditShared, remoteIdOf, scriptData } from '@/lib/sync/local-rows';
import { TEAM_KEYS } from '@/lib/data/apply-remote';
import { mayUseSite, ownConversationUrl } from '@/lib/protocol/caller';
import type { ReplyScript } from '@/lib/types';
import { database } from './database';
import { repos } from './repositories';
import { dataChanges } from './data-changes';
import { handle, HandledError, notYours } from './handle';
import { claimFollowUp, claimFollowUpById } from './team/claims';
import { asHandled, normaliseUrl, startSession } from './team/membership';
import { queueLocalChange } from './team/outbox';
import { ALARM, currentServerUrl, dropClient, ensureAlarm, joinedClient, queue, session, startLive, storage, syncNow, teamActive } from './team/session';
import { view } from './team/view';

export { claimFollowUpById, teamActive };

/** Suggestions carry the script's source so cards can show 团队 / 私有 (team mode only). */
export async function withSources<T extends { id: string }>(items: T[]): Promise<Array<T & { source?: ReplyScript['source'] }>> {
  if (!items.length || !(await teamActive())) return items;
  const rows = await database().scripts.bulkGet(items.map((i) => i.id));
  return items.map((item, i) => ({ ...item, source: rows[i]?.source }));
}

async function member() {
  const s = await session();
  if (!s) throw new HandledError('bad_request', SYNC_MESSAGES.not_member.zh, SYNC_MESSAGES.not_member.en);
  return s;
}

export function registerTeamSyncHandlers(): void {
  dataChanges.on(queueLocalChange);
  handle('teamState', () => view());
  handle('teamCreateShop', async (req) => {
    const url = normaliseUrl(req.serverUrl);
    return startSession(url, (c) => c.createShop(req.shopName.trim(), req.repName.trim()));
  });
  handle('teamJoin', async (req) => {
    const url = normaliseUrl(req.serverUrl);
    const code = req.code.trim().toUpperCase();
    if (!/^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/.test(code))
      throw new HandledError(
        'bad_request',
        `邀请码格式不对：应为 12 位字母数字（如 ABCD-EFGH-JKLM）。`,
        'The invite code should be 12 letters/digits (e.g. ABCD-EFGH-JKLM).',
      );
    return startSession(url, (c) => c.join(code, req.repName.trim()));
  });
  handle('teamInvite', async (req) => {
    const s = await member();
    try {
      return await s.c.invite(req.role);
    } catch (e) {
      throw asHandled(e, currentServerUrl());
    }
  });
  handle('teamLeave', async () => {
    const c = await joinedClient();
    if (!c) return view();
    try {
      await c.leave();
    } catch (e) {
      throw asHandled(e, currentServerUrl());
    }
    await dropClient();
    return view();
  });
  handle('teamSyncNow', async () => {
    await syncNow();
    startLive();
    return view();
  });
  handle('teamShareScripts', async (req) => {
    const s = await member();
    const db = database();
    const scripts = (await db.scripts.bulkGet(req.ids)).filter((x): x is ReplyScript => !!x && !x.deleted);
    if (canEditShared(s.role)) {
      const mine = scripts.filter((x) => x.source !== 'team').map((x) => ({ ...x, source: 'team' as const, shopId: s.shopId }));
      // Announced as the team's: queued below as shares, so the outbox does not queue them twice.
      await repos.scripts.save(mine, 'team');
      const own = new Set((await storage.get<string[]>(TEAM_KEYS.ownShared)) ?? []);
      for (const x of mine) own.add(x.id);
      await storage.set(TEAM_KEYS.ownShared, [...own]);
      await queue(mine.map((x) => ({ kind: 'script', op: 'upsert', id: remoteIdOf(x.id), data: scriptData(x) }) as ChangeBody));
      return { shared: mine.length, proposed: 0 };
    }
    await queue(
      scripts.map(
        (x) =>
          ({
            kind: 'proposal',
            op: 'propose',
            id: crypto.randomUUID(),
            data: { script: scriptData(x), ...(x.source === 'team' ? { scriptId: remoteIdOf(x.id) } : {}) },
          }) as ChangeBody,
      ),
    );
    return { shared: 0, proposed: scripts.length };
  });
  handle('teamDecideProposal', async (req) => {
    const s = await member();
    if (!canEditShared(s.role)) throw new HandledError('bad_request', SYNC_MESSAGES.forbidden.zh, SYNC_MESSAGES.forbidden.en);
    await s.c.queue({ kind: 'proposal', op: 'decide', id: req.id, data: { decision: req.decision } });
    await syncNow();
    return view();
  });
  handle('teamDismissConflict', async (req) => {
    const c = await joinedClient();
    if (c) await c.dismissConflict(req.changeId);
    return view();
  });
  handle('claimFollowUpById', (req) => claimFollowUpById(req.id));
  handle('claimFollowUp', (req, caller) => {
    if (!mayUseSite(caller, req.site)) notYours();
    return claimFollowUp({ ...req, conversationUrl: ownConversationUrl(caller, req.conversationUrl) });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void syncNow();
    startLive();
  });
  // The worker just woke (install, browser start, a message, the alarm): resume from the stored checkpoint.
  void teamActive().then(async (on) => {
    if (!on) return;
    await ensureAlarm();
    void syncNow();
    startLive();
  });
}
