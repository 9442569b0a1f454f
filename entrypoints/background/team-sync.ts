/**
 * Team sync in the background. Off until the rep creates or joins a shop:
 * every hook below returns at once in solo mode.
 *
 * - SyncStorage on the Dexie `syncState` table (outbox, checkpoint, leases…
 *   saved after every step, so a worker put to sleep resumes from there).
 * - Local writes announce themselves on the change bus (data-changes.ts); the
 *   subscriber here queues a change for those with origin 'local' only
 *   (lib/sync/local-rows.ts decides which rows are shared) and asks for a
 *   sync soon. It never fails the local write.
 * - Pulled rows are written into Dexie and announced with origin 'team', so
 *   the index, counters and sidebars follow and nothing echoes back into the
 *   outbox.
 * - chrome.alarms wakes the worker every 30 s to sync; while awake, the live
 *   stream nudges a sync on every change of the shop.
 * - claimFollowUp: a 催付/review reply may be inserted only while this device
 *   holds the server's lease on that follow-up.
 */
import { browser } from 'wxt/browser';
import { SyncClient, SyncError } from '@/lib/sync/client';
import { SYNC_MESSAGES, type SyncMessage } from '@/lib/sync/messages';
import type { ChangeBody, PushChange, RemoteRow } from '@/lib/sync/protocol';
import type { SyncStorage } from '@/lib/sync/storage';
import {
  canEditShared,
  followUpCreate,
  followUpFromRow,
  followUpStatusChanges,
  proposalFromRow,
  remoteIdOf,
  riskWordChanges,
  riskWordFromRow,
  riskWordId,
  scriptData,
  scriptDeleteChange,
  scriptFromRow,
  teamScriptLocalId,
  scriptSaveChange,
  siteProfileChange,
  siteProfileFromRow,
  siteProfileId,
  type ProposalView,
} from '@/lib/sync/local-rows';
import type { ClaimAnswer, TeamMemberView, TeamView } from '@/lib/sync/team-view';
import { dedupeKeyFor, logFollowUp, recountLive, type LogResult } from '@/lib/followups/store';
import { resolveRules } from '@/lib/followups/rules';
import type { CustomRiskWord } from '@/lib/settings';
import type { FollowUp, FollowUpKind, ReplyScript, SiteProfile, UsageEvent } from '@/lib/types';
import { database, readSettings } from './database';
import { handle, HandledError, notYours } from './handle';
import { mayUseSite, ownConversationUrl } from '@/lib/protocol/caller';
import { dataChanges } from './data-changes';
import { announce } from './broadcast';
import type { DataChange } from '@/lib/data/data-change';

const ALARM = 'huashu-team-sync';
const SERVER_URL_KEY = 'team.serverUrl';
const OWN_SHARED_KEY = 'team.ownShared';
const TEAM_WORDS_KEY = 'team.riskWordIds';
const SEQ = (kind: string, id: string) => `seq:${kind}:${id}`;

/** SyncStorage on the syncState table: one row per key. */
class DexieSyncStorage implements SyncStorage {
  async get<T>(key: string): Promise<T | undefined> {
    return (await database().syncState.get(key))?.value as T | undefined;
  }
  async set(key: string, value: unknown): Promise<void> {
    await database().syncState.put({ key, value });
  }
  async delete(key: string): Promise<void> {
    await database().syncState.delete(key);
  }
}
const storage = new DexieSyncStorage();

let client: SyncClient | undefined;
let clientUrl: string | undefined;
/** Cached "joined" flag so hot paths (suggest) need no database read in solo mode. */
let joinedCache: boolean | undefined;

function makeClient(baseUrl: string): SyncClient {
  return new SyncClient({ baseUrl, fetch: (url, init) => fetch(url, init), storage, applyRows, clearShared, onApplied });
}

async function serverUrl(): Promise<string | undefined> {
  return storage.get<string>(SERVER_URL_KEY);
}

/** The client for the stored server, if the rep is in a shop (and not removed). */
async function joinedClient(): Promise<SyncClient | undefined> {
  if (joinedCache === false) return undefined;
  const url = await serverUrl();
  const session = await storage.get<{ shopId: string }>('sync.session');
  if (!url || !session) {
    joinedCache = false;
    return undefined;
  }
  if (!client || clientUrl !== url) {
    client = makeClient(url);
    clientUrl = url;
  }
  joinedCache = true;
  return client;
}

/** True when team sync is on (cheap after the first call). */
export async function teamActive(): Promise<boolean> {
  return !!(await joinedClient());
}

async function session() {
  const c = await joinedClient();
  if (!c) return undefined;
  const st = await c.state();
  if (!st.joined || st.removed || !st.shopId) return undefined;
  return { c, st, shopId: st.shopId, role: st.role, repId: st.repId };
}

// ---- sync scheduling ------------------------------------------------------

let kickTimer: ReturnType<typeof setTimeout> | undefined;

/** Sync soon (several hooks in a row make one sync). */
function kick(delayMs = 250): void {
  if (kickTimer) clearTimeout(kickTimer);
  kickTimer = setTimeout(() => {
    kickTimer = undefined;
    void syncNow();
  }, delayMs);
}

async function syncNow(): Promise<void> {
  const s = await session();
  if (!s) return;
  await s.c.sync();
  await dropHarmlessRejections(s.c);
  announce('team');
}

/** A follow-up another rep created first is merged by the pull (same order and kind): not an error to show. */
async function dropHarmlessRejections(c: SyncClient): Promise<void> {
  const st = await c.state();
  for (const r of st.rejected) if (r.code === 'duplicate_followup') await c.dismissConflict(r.change.changeId);
}

let live: AbortController | undefined;

/** Follow the shop's live stream while the worker is awake; reconnect after a drop. */
function startLive(): void {
  if (live) return;
  const controller = new AbortController();
  live = controller;
  void (async () => {
    const s = await session();
    if (!s) {
      live = undefined;
      return;
    }
    try {
      await s.c.listen(controller.signal);
    } catch {
      // server down or stream dropped: the alarm keeps syncing, try the stream again shortly
    }
    if (live === controller) {
      live = undefined;
      if (!controller.signal.aborted) setTimeout(startLive, 5_000);
    }
  })();
}

function stopLive(): void {
  live?.abort();
  live = undefined;
}

async function queue(bodies: ChangeBody[]): Promise<void> {
  if (!bodies.length) return;
  const s = await session();
  if (!s) return;
  await s.c.queueMany(bodies);
  kick();
  announce('team');
}

/** Hooks must never break the local write that called them. */
function guard(what: string, fn: () => Promise<void>): void {
  void fn().catch((e) => console.warn(`[huashu] team sync hook ${what} failed`, e));
}

// ---- local changes into the outbox ------------------------------------------

/** The team's subscriber on the change bus: local writes only (pulled and restored rows are not pushed back). */
function queueLocalChange(change: DataChange): void {
  if (change.origin !== 'local') return;
  switch (change.table) {
    case 'scripts':
      if (change.op === 'saved') teamScriptsSaved(change.rows);
      else if (change.op === 'deleted') teamScriptsDeleted(change.rows);
      return; // 'replaced' (hiding the defaults) is this rep's view only
    case 'siteProfiles':
      if (change.op === 'saved') teamSiteProfileSaved(change.row);
      else teamSiteProfileDeleted(change.key);
      return;
    case 'settings':
      teamRiskWordsChanged(change.before.customBanned, change.after.customBanned);
      return;
    case 'followups':
      if (change.op === 'logged') teamFollowUpLogged(change.result, change.scriptId);
      else if (change.op === 'saved') teamFollowUpChanged(change.before, change.after);
      // 'deleted' is the popup's local tidy-up (undone by restore): the shop's row stays for the others.
      return;
    case 'usage':
      teamUsageRecorded(change.row);
  }
}

function teamScriptsSaved(scripts: ReplyScript[]): void {
  if (joinedCache === false) return;
  guard('scriptsSaved', async () => {
    const s = await session();
    if (!s) return;
    const bodies: ChangeBody[] = [];
    for (const script of scripts) {
      const base = await storage.get<number>(SEQ('script', remoteIdOf(script.id)));
      const body = scriptSaveChange(script, s.role, base, () => crypto.randomUUID());
      if (body) bodies.push(body);
    }
    await queue(bodies);
  });
}

function teamScriptsDeleted(scripts: ReplyScript[]): void {
  if (joinedCache === false) return;
  guard('scriptsDeleted', async () => {
    const s = await session();
    if (!s) return;
    const bodies: ChangeBody[] = [];
    for (const script of scripts) {
      const base = await storage.get<number>(SEQ('script', remoteIdOf(script.id)));
      const body = scriptDeleteChange(script, s.role, base);
      if (body) bodies.push(body);
    }
    await queue(bodies);
  });
}

function teamSiteProfileSaved(profile: SiteProfile): void {
  if (joinedCache === false) return;
  guard('siteProfileSaved', async () => {
    const s = await session();
    const body = s && siteProfileChange(profile, s.role);
    if (body) await queue([body]);
  });
}

function teamSiteProfileDeleted(origin: string): void {
  if (joinedCache === false) return;
  guard('siteProfileDeleted', async () => {
    const s = await session();
    if (s && canEditShared(s.role)) await queue([{ kind: 'site_profile', op: 'delete', id: siteProfileId(origin) }]);
  });
}

function teamRiskWordsChanged(before: CustomRiskWord[], after: CustomRiskWord[]): void {
  if (joinedCache === false) return;
  guard('riskWordsChanged', async () => {
    const s = await session();
    if (s) await queue(riskWordChanges(before, after, s.role));
  });
}

/** A follow-up was logged: a new one goes to the team; an attempt needs this device's lease. */
function teamFollowUpLogged(result: LogResult, scriptId: string | undefined): void {
  if (joinedCache === false) return;
  guard('followUpLogged', async () => {
    const s = await session();
    if (!s) return;
    if (result.created || !result.row.shopId) await shareFollowUp(result.row, s.shopId);
    else if (scriptId) await s.c.recordAttempt(remoteIdOf(result.row.id), scriptId);
    kick();
  });
}

function teamFollowUpChanged(before: FollowUp | undefined, after: FollowUp): void {
  if (joinedCache === false) return;
  guard('followUpChanged', async () => {
    const s = await session();
    if (!s || after.shopId !== s.shopId) return;
    await queue(followUpStatusChanges(before, after));
    if (after.status === 'done' || after.status === 'expired') await s.c.release(remoteIdOf(after.id));
  });
}

function teamUsageRecorded(event: UsageEvent): void {
  if (joinedCache === false) return;
  guard('usageRecorded', async () => {
    await queue([{ kind: 'usage', op: 'record', id: remoteIdOf(event.id), data: { scriptId: event.scriptId, site: event.site, at: event.at, via: event.via, ...(event.conversationKey ? { conversationKey: event.conversationKey } : {}) } }]);
  });
}

/** Mark a local follow-up as the shop's and queue its creation. */
async function shareFollowUp(row: FollowUp, shopId: string): Promise<void> {
  await database().followups.update(row.id, { shopId });
  await queue([followUpCreate(row)]);
}

/** Suggestions carry the script's source so cards can show 团队 / 私有 (team mode only). */
export async function withSources<T extends { id: string }>(items: T[]): Promise<Array<T & { source?: ReplyScript['source'] }>> {
  if (!items.length || !(await teamActive())) return items;
  const rows = await database().scripts.bulkGet(items.map((i) => i.id));
  return items.map((item, i) => ({ ...item, source: rows[i]?.source }));
}

// ---- pulled rows into Dexie -------------------------------------------------

async function onApplied(applied: Array<{ change: PushChange; seq?: number }>): Promise<void> {
  for (const a of applied) {
    if (a.seq === undefined) continue;
    if (a.change.kind === 'script' || a.change.kind === 'site_profile' || a.change.kind === 'risk_word' || a.change.kind === 'group') await storage.set(SEQ(a.change.kind, a.change.id), a.seq);
  }
}

async function applyRows(rows: RemoteRow[]): Promise<void> {
  const sess = await storage.get<{ shopId: string }>('sync.session');
  if (!sess) return;
  const shopId = sess.shopId;
  const db = database();
  const now = Date.now();
  let scriptsChanged = false;
  let followUpsChanged = false;

  // Members first: follow-ups below show who holds them by name.
  for (const row of rows.filter((r) => r.kind === 'proposal')) await storage.set(`proposal:${row.id}`, proposalFromRow(row));
  for (const row of rows.filter((r) => r.kind === 'member'))
    await storage.set(`member:${row.id}`, { id: row.id, name: String(row.data.name ?? ''), role: row.data.role as TeamMemberView['role'], removed: row.deleted } satisfies TeamMemberView);

  const scripts = rows.filter((r) => r.kind === 'script');
  if (scripts.length) {
    scriptsChanged = true;
    await db.transaction('rw', db.scripts, db.syncState, async () => {
      for (const row of scripts) {
        const wanted = typeof row.data.id === 'string' ? row.data.id : row.id;
        const localId = teamScriptLocalId(row, shopId, await db.scripts.get(wanted));
        const local = await db.scripts.get(localId);
        if (row.deleted) {
          if (local?.source === 'team') await db.scripts.delete(localId);
        } else await db.scripts.put({ ...scriptFromRow(row, shopId, local), id: localId });
        await db.syncState.put({ key: SEQ('script', row.id), value: row.seq });
      }
    });
  }

  for (const row of rows.filter((r) => r.kind === 'site_profile')) {
    const origin = typeof row.data.origin === 'string' ? row.data.origin : undefined;
    if (!origin) continue;
    if (row.deleted) {
      const local = await db.siteProfiles.get(origin);
      if (local?.shopId) await db.siteProfiles.delete(origin);
    } else await db.siteProfiles.put(siteProfileFromRow(row, shopId));
    await storage.set(SEQ('site_profile', row.id), row.seq);
  }

  const words = rows.filter((r) => r.kind === 'risk_word');
  if (words.length) {
    const settings = await readSettings();
    const teamIds = new Set((await storage.get<string[]>(TEAM_WORDS_KEY)) ?? []);
    const byId = new Map(settings.customBanned.map((w) => [riskWordId(w.word), w]));
    for (const row of words) {
      const w = riskWordFromRow(row);
      const id = riskWordId(w.word);
      if (row.deleted) {
        byId.delete(row.id);
        teamIds.delete(row.id);
      } else if (w.word) {
        byId.set(id, w);
        teamIds.add(id);
      }
      await storage.set(SEQ('risk_word', row.id), row.seq);
    }
    await db.settings.put({ key: 'customBanned', value: [...byId.values()] });
    await storage.set(TEAM_WORDS_KEY, [...teamIds]);
    // Open sidebars re-read settings (the send guard uses the custom words).
    dataChanges.emit({ table: 'settings', op: 'saved', before: settings, after: await readSettings(), origin: 'team' });
  }

  const followUps = rows.filter((r) => r.kind === 'followup');
  if (followUps.length) {
    followUpsChanged = true;
    await db.transaction('rw', db.followups, db.settings, db.syncState, async () => {
      for (const row of followUps) {
        if (row.deleted) {
          await db.followups.delete(row.id);
          continue;
        }
        const f = followUpFromRow(row, shopId, now);
        if (f.claimedBy) f.claimedBy = (await memberName(f.claimedBy)) ?? f.claimedBy;
        // The same order and kind logged on this device under another id: the shop's row wins (attempts kept).
        const twin = await db.followups.where('dedupeKey').equals(f.dedupeKey).first();
        if (twin && twin.id !== f.id) await db.followups.delete(twin.id);
        await db.followups.put(f);
      }
    });
    await recountLive(db);
  }


  if (scriptsChanged) dataChanges.emit({ table: 'scripts', op: 'replaced', origin: 'team' });
  if (followUpsChanged) dataChanges.emit({ table: 'followups', op: 'replaced', origin: 'team' });
}

/** Leaving or removed: the shop's rows leave this device; scripts this device shared become private again. */
async function clearShared(): Promise<void> {
  const db = database();
  const own = new Set((await storage.get<string[]>(OWN_SHARED_KEY)) ?? []);
  const team = await db.scripts.filter((s) => s.source === 'team').toArray();
  await db.transaction('rw', db.scripts, async () => {
    for (const s of team) {
      if (own.has(s.id)) {
        const { shopId: _s, ...rest } = s;
        await db.scripts.put({ ...rest, source: 'user' });
      } else await db.scripts.delete(s.id);
    }
  });
  const shopFollowUps = await db.followups.filter((f) => !!f.shopId).primaryKeys();
  await db.followups.bulkDelete(shopFollowUps);
  await recountLive(db);
  const shopProfiles = await db.siteProfiles.filter((p) => !!p.shopId).primaryKeys();
  await db.siteProfiles.bulkDelete(shopProfiles);
  const teamWords = new Set((await storage.get<string[]>(TEAM_WORDS_KEY)) ?? []);
  if (teamWords.size) {
    const settings = await readSettings();
    await db.settings.put({ key: 'customBanned', value: settings.customBanned.filter((w) => !teamWords.has(riskWordId(w.word))) });
  }
  const keys = (await db.syncState.toCollection().primaryKeys()).filter((k) => /^(seq:|proposal:|member:)/.test(String(k)) || k === TEAM_WORDS_KEY || k === OWN_SHARED_KEY);
  await db.syncState.bulkDelete(keys);
  dataChanges.emit({ table: 'scripts', op: 'replaced', origin: 'team' });
  dataChanges.emit({ table: 'followups', op: 'replaced', origin: 'team' });
}

// ---- the Team tab's view ------------------------------------------------------

async function listByPrefix<T>(prefix: string): Promise<T[]> {
  const rows = await database().syncState.where('key').startsWith(prefix).toArray();
  return rows.map((r) => r.value as T);
}

function titleOf(change: PushChange): string | undefined {
  if ('data' in change && change.data && typeof (change.data as { title?: unknown }).title === 'string') return (change.data as { title: string }).title;
  if (change.kind === 'proposal' && change.op === 'propose') return String(change.data.script.title ?? '');
  return undefined;
}

async function view(): Promise<TeamView> {
  const url = await serverUrl();
  const c = await joinedClient();
  const base: TeamView = { serverUrl: url, joined: false, online: true, removed: false, pending: 0, conflicts: [], rejected: [], members: [], proposals: [], sharedScripts: 0 };
  if (!c) return base;
  const st = await c.state();
  const members = (await listByPrefix<TeamMemberView>('member:')).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const proposals = (await listByPrefix<ProposalView>('proposal:')).sort((a, b) => b.updatedAt - a.updatedAt);
  return {
    ...base,
    joined: st.joined,
    shopName: st.shopName,
    repId: st.repId,
    role: st.role,
    online: st.online,
    removed: st.removed,
    lastSyncAt: st.lastSyncAt,
    pending: st.pending,
    conflicts: st.conflicts.map((x) => ({ changeId: x.change.changeId, kind: x.change.kind, id: x.change.id, title: titleOf(x.change), at: x.at, message: x.message ?? SYNC_MESSAGES.conflict })),
    rejected: st.rejected.map((x) => ({ changeId: x.change.changeId, kind: x.change.kind, id: x.change.id, code: x.code, at: x.at, message: x.message })),
    lastError: st.lastError,
    members,
    proposals,
    sharedScripts: await database().scripts.filter((s) => s.source === 'team').count(),
  };
}

async function memberName(repId: string | undefined): Promise<string | undefined> {
  if (!repId) return undefined;
  return (await storage.get<TeamMemberView>(`member:${repId}`))?.name || undefined;
}

// ---- membership -----------------------------------------------------------------

function normaliseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new HandledError('bad_request', `“${raw}” 不是有效的服务器地址（例如 http://127.0.0.1:8787）`, `"${raw}" is not a valid server address (e.g. http://127.0.0.1:8787)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HandledError('bad_request', '服务器地址须以 http:// 或 https:// 开头', 'The server address must start with http:// or https://');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A SyncError as a message the rep can act on; "cannot reach" names the address. */
function asHandled(e: unknown, url: string): HandledError {
  if (e instanceof SyncError) {
    if (e.status === 0 && e.code === 'server_unavailable')
      return new HandledError('bad_request', `无法连接同步服务（${url}）：请检查地址是否正确、服务是否已启动，稍后再试。`, `Cannot reach the sync service at ${url}: check the address and that the service is running, then try again.`);
    return new HandledError(e.code === 'invite_invalid' || e.code === 'not_found' ? 'not_found' : 'bad_request', e.syncMessage.zh, e.syncMessage.en);
  }
  return new HandledError('bad_request', String((e as Error)?.message ?? e), String((e as Error)?.message ?? e));
}

async function startSession(url: string, run: (c: SyncClient) => Promise<unknown>): Promise<TeamView> {
  if (await session()) throw new HandledError('conflict', '已加入一个店铺，请先退出再加入其他店铺。', 'Already in a shop; leave it first.');
  const c = makeClient(url);
  try {
    await run(c);
  } catch (e) {
    throw asHandled(e, url);
  }
  await storage.set(SERVER_URL_KEY, url);
  client = c;
  clientUrl = url;
  joinedCache = true;
  await shareLiveFollowUps();
  await syncNow();
  startLive();
  await ensureAlarm();
  return view();
}

/** Open follow-ups logged before joining become the shop's (so claims cover them). */
async function shareLiveFollowUps(): Promise<void> {
  const s = await session();
  if (!s) return;
  const db = database();
  const live = await db.followups.where('[status+dueAt]').between(['open', -Infinity], ['snoozed', Infinity]).filter((f) => !f.shopId).toArray();
  for (const f of live) await db.followups.update(f.id, { shopId: s.shopId });
  if (live.length) await s.c.queueMany(live.map(followUpCreate));
}

async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(ALARM))) await browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
}

// ---- claims -------------------------------------------------------------------------

type ClaimRequest = { kind: FollowUpKind; site: string; conversationKey: string; conversationUrl?: string; buyerName?: string; orderId?: string; item?: string };

async function claimFollowUp(req: ClaimRequest): Promise<ClaimAnswer> {
  const s = await session();
  if (!s) return { team: false, ok: true };
  const db = database();
  const key = dedupeKeyFor(req.kind, req.site, req.orderId, req.conversationKey);
  let row = await db.followups.where('dedupeKey').equals(key).first();
  if (!row) {
    const rules = resolveRules((await readSettings()).followupRules);
    row = (await logFollowUp(db, { ...req }, rules, Date.now())).row;
  }
  if (!row.shopId) await shareFollowUp(row, s.shopId);
  // The shop must know this follow-up before it can be claimed; the pull merges a twin another rep logged first.
  if ((await s.c.state()).pending > 0) {
    await syncNow();
    row = (await db.followups.where('dedupeKey').equals(key).first()) ?? row;
  }
  const id = remoteIdOf(row.id);
  const res = await s.c.claim(id);
  if (res.ok && (await s.c.canAct(id))) {
    await db.followups.update(row.id, { claimedBy: (await memberName(s.repId)) ?? s.repId });
    return { team: true, ok: true, followUpId: row.id };
  }
  if (res.ok) return { team: true, ok: false, followUpId: row.id, code: 'not_claimed', message: SYNC_MESSAGES.not_claimed };
  if (res.code === 'claimed_by_other') {
    const name = (await memberName(res.heldBy)) ?? res.heldBy ?? '';
    await db.followups.update(row.id, { claimedBy: name });
    const message: SyncMessage = { zh: `该跟进已由「${name}」认领，请勿重复联系买家。`, en: `${name} is handling this follow-up; do not contact the buyer twice.` };
    return { team: true, ok: false, followUpId: row.id, code: res.code, heldBy: name, message };
  }
  return { team: true, ok: false, followUpId: row.id, code: res.code, message: res.message };
}

/** The popup hands a rep a follow-up's reminder (copy, insert, open): the same claim the sidebar takes first. */
export async function claimFollowUpById(id: string): Promise<ClaimAnswer> {
  const row = await database().followups.get(id);
  if (!row) throw new HandledError('not_found', '这条跟进已不存在', 'That follow-up no longer exists');
  const { kind, site, conversationKey, conversationUrl, buyerName, orderId, item } = row;
  return claimFollowUp({ kind, site, conversationKey, conversationUrl, buyerName, orderId, item });
}

// ---- registration ---------------------------------------------------------------------

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
    if (!/^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/.test(code)) throw new HandledError('bad_request', `邀请码格式不对：应为 12 位字母数字（如 ABCD-EFGH-JKLM）。`, 'The invite code should be 12 letters/digits (e.g. ABCD-EFGH-JKLM).');
    return startSession(url, (c) => c.join(code, req.repName.trim()));
  });
  handle('teamInvite', async (req) => {
    const s = await session();
    if (!s) throw new HandledError('bad_request', SYNC_MESSAGES.not_member.zh, SYNC_MESSAGES.not_member.en);
    try {
      return await s.c.invite(req.role);
    } catch (e) {
      throw asHandled(e, clientUrl ?? '');
    }
  });
  handle('teamLeave', async () => {
    const c = await joinedClient();
    if (!c) return view();
    try {
      await c.leave();
    } catch (e) {
      throw asHandled(e, clientUrl ?? '');
    }
    stopLive();
    joinedCache = false;
    await browser.alarms.clear(ALARM);
    return view();
  });
  handle('teamSyncNow', async () => {
    await syncNow();
    startLive();
    return view();
  });
  handle('teamShareScripts', async (req) => {
    const s = await session();
    if (!s) throw new HandledError('bad_request', SYNC_MESSAGES.not_member.zh, SYNC_MESSAGES.not_member.en);
    const db = database();
    const scripts = (await db.scripts.bulkGet(req.ids)).filter((x): x is ReplyScript => !!x && !x.deleted);
    if (canEditShared(s.role)) {
      const mine = scripts.filter((x) => x.source !== 'team').map((x) => ({ ...x, source: 'team' as const, shopId: s.shopId }));
      await db.scripts.bulkPut(mine);
      const own = new Set((await storage.get<string[]>(OWN_SHARED_KEY)) ?? []);
      for (const x of mine) own.add(x.id);
      await storage.set(OWN_SHARED_KEY, [...own]);
      await queue(mine.map((x) => ({ kind: 'script', op: 'upsert', id: remoteIdOf(x.id), data: scriptData(x) }) as ChangeBody));
      // Queued above as shares; announced as the team's so nothing is queued twice.
      dataChanges.emit({ table: 'scripts', op: 'saved', rows: mine, origin: 'team' });
      return { shared: mine.length, proposed: 0 };
    }
    await queue(scripts.map((x) => ({ kind: 'proposal', op: 'propose', id: crypto.randomUUID(), data: { script: scriptData(x), ...(x.source === 'team' ? { scriptId: remoteIdOf(x.id) } : {}) } }) as ChangeBody));
    return { shared: 0, proposed: scripts.length };
  });
  handle('teamDecideProposal', async (req) => {
    const s = await session();
    if (!s) throw new HandledError('bad_request', SYNC_MESSAGES.not_member.zh, SYNC_MESSAGES.not_member.en);
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
