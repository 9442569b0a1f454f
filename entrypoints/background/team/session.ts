/**
 * The team's session in the background: the sync client for the stored
 * server, whether the rep is in a shop, and when to sync (a short "kick"
 * after local changes, the 30-second alarm, the live stream). Pulled rows go
 * into the database through lib/data/apply-remote.ts and are announced on
 * the change bus with origin 'team', so nothing echoes back into the outbox.
 */
import { browser } from 'wxt/browser';
import { SyncClient } from '@/lib/sync/client';
import type { ChangeBody, RemoteRow } from '@/lib/sync/protocol';
import type { TeamMemberView } from '@/lib/sync/team-view';
import { applyRemoteRows, clearSharedRows, rememberAppliedSeqs, TEAM_KEYS } from '@/lib/data/apply-remote';
import { DexieSyncStorage } from '@/lib/data/sync-storage';
import { database } from '../database';
import { dataChanges } from '../data-changes';
import { announce } from '../broadcast';

export const ALARM = 'huashu-team-sync';
const SERVER_URL_KEY = 'team.serverUrl';

export const storage = new DexieSyncStorage(database);

let client: SyncClient | undefined;
let clientUrl: string | undefined;
/** Cached "joined" flag so hot paths (suggest) need no database read in solo mode. */
let joinedCache: boolean | undefined;

export function makeClient(baseUrl: string): SyncClient {
  return new SyncClient({
    baseUrl,
    fetch: (url, init) => fetch(url, init),
    storage,
    applyRows,
    clearShared,
    onApplied: (applied) => rememberAppliedSeqs(storage, applied),
  });
}

async function applyRows(rows: RemoteRow[]): Promise<void> {
  const sess = await storage.get<{ shopId: string }>('sync.session');
  if (!sess) return;
  const applied = await applyRemoteRows(database(), storage, rows, sess.shopId, Date.now());
  if (applied.settings) dataChanges.emit({ table: 'settings', op: 'saved', ...applied.settings, origin: 'team' });
  if (applied.scripts) dataChanges.emit({ table: 'scripts', op: 'replaced', origin: 'team' });
  if (applied.followUps) dataChanges.emit({ table: 'followups', op: 'replaced', origin: 'team' });
}

async function clearShared(): Promise<void> {
  await clearSharedRows(database(), storage);
  dataChanges.emit({ table: 'scripts', op: 'replaced', origin: 'team' });
  dataChanges.emit({ table: 'followups', op: 'replaced', origin: 'team' });
}

export function serverUrl(): Promise<string | undefined> {
  return storage.get<string>(SERVER_URL_KEY);
}

/** The address the current client talks to (for error messages). */
export const currentServerUrl = (): string => clientUrl ?? '';

/** The client for the stored server, if the rep is in a shop (and not removed). */
export async function joinedClient(): Promise<SyncClient | undefined> {
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

/** Solo mode: nothing to queue, claim or sync (cheap after the first call). */
export const isSolo = (): boolean => joinedCache === false;

/** True when team sync is on (cheap after the first call). */
export async function teamActive(): Promise<boolean> {
  return !!(await joinedClient());
}

/** Just joined or created a shop with `c` at `url`. */
export async function adoptClient(c: SyncClient, url: string): Promise<void> {
  await storage.set(SERVER_URL_KEY, url);
  client = c;
  clientUrl = url;
  joinedCache = true;
}

/** Left the shop. */
export async function dropClient(): Promise<void> {
  stopLive();
  joinedCache = false;
  await browser.alarms.clear(ALARM);
}

export async function session() {
  const c = await joinedClient();
  if (!c) return undefined;
  const st = await c.state();
  if (!st.joined || st.removed || !st.shopId) return undefined;
  return { c, st, shopId: st.shopId, role: st.role, repId: st.repId };
}

export async function memberName(repId: string | undefined): Promise<string | undefined> {
  if (!repId) return undefined;
  return (await storage.get<TeamMemberView>(TEAM_KEYS.member(repId)))?.name || undefined;
}

// ---- when to sync ---------------------------------------------------------------

let kickTimer: ReturnType<typeof setTimeout> | undefined;

/** Sync soon (several changes in a row make one sync). */
export function kick(delayMs = 250): void {
  if (kickTimer) clearTimeout(kickTimer);
  kickTimer = setTimeout(() => {
    kickTimer = undefined;
    void syncNow();
  }, delayMs);
}

export async function syncNow(): Promise<void> {
  const s = await session();
  if (!s) return;
  await s.c.sync();
  // A follow-up another rep created first is merged by the pull (same order and kind): not an error to show.
  for (const r of (await s.c.state()).rejected) if (r.code === 'duplicate_followup') await s.c.dismissConflict(r.change.changeId);
  announce('team');
}

/** Queue changes for the shop and sync soon. */
export async function queue(bodies: ChangeBody[]): Promise<void> {
  if (!bodies.length) return;
  const s = await session();
  if (!s) return;
  await s.c.queueMany(bodies);
  kick();
  announce('team');
}

export async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(ALARM))) await browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
}

let live: AbortController | undefined;

/** Follow the shop's live stream while the worker is awake; reconnect after a drop. */
export function startLive(): void {
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
