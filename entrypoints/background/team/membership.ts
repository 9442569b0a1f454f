/** Joining, creating and leaving a shop; a sync error as a message the rep can act on. */
import { SyncClient, SyncError } from '@/lib/sync/client';
import { followUpCreate } from '@/lib/sync/local-rows';
import type { TeamView } from '@/lib/sync/team-view';
import { database } from '../database';
import { repos } from '../repositories';
import { HandledError } from '../handle';
import { adoptClient, ensureAlarm, makeClient, session, startLive, syncNow } from './session';
import { view } from './view';

export function normaliseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new HandledError(
      'bad_request',
      `“${raw}” 不是有效的服务器地址（例如 http://127.0.0.1:8787）`,
      `"${raw}" is not a valid server address (e.g. http://127.0.0.1:8787)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HandledError('bad_request', '服务器地址须以 http:// 或 https:// 开头', 'The server address must start with http:// or https://');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A SyncError as a message the rep can act on; "cannot reach" names the address. */
export function asHandled(e: unknown, url: string): HandledError {
  if (e instanceof SyncError) {
    if (e.status === 0 && e.code === 'server_unavailable')
      return new HandledError(
        'bad_request',
        `无法连接同步服务（${url}）：请检查地址是否正确、服务是否已启动，稍后再试。`,
        `Cannot reach the sync service at ${url}: check the address and that the service is running, then try again.`,
      );
    return new HandledError(e.code === 'invite_invalid' || e.code === 'not_found' ? 'not_found' : 'bad_request', e.syncMessage.zh, e.syncMessage.en);
  }
  return new HandledError('bad_request', String((e as Error)?.message ?? e), String((e as Error)?.message ?? e));
}

export async function startSession(url: string, run: (c: SyncClient) => Promise<unknown>): Promise<TeamView> {
  if (await session()) throw new HandledError('conflict', '已加入一个店铺，请先退出再加入其他店铺。', 'Already in a shop; leave it first.');
  const c = makeClient(url);
  try {
    await run(c);
  } catch (e) {
    throw asHandled(e, url);
  }
  await adoptClient(c, url);
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
  const live = await db.followups
    .where('[status+dueAt]')
    .between(['open', -Infinity], ['snoozed', Infinity])
    .filter((f) => !f.shopId)
    .toArray();
  for (const f of live) await repos.followUps.annotate(f.id, { shopId: s.shopId });
  if (live.length) await s.c.queueMany(live.map(followUpCreate));
}
