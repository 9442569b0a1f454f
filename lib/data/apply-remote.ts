/**
 * Rows pulled from the team server, written into the local database; and the
 * reverse, when the rep leaves the shop or is removed. Pure: the database and
 * the sync client's storage are passed in, so this runs (and is tested) in
 * Node with fake-indexeddb. The caller announces what changed (the answer
 * says which tables), with origin 'team', so nothing is pushed back.
 */
import type { HuashuDB } from '../db/schema';
import { recountLive } from './followups-store';
import type { Settings } from '../settings';
import { followUpFromRow, proposalFromRow, riskWordFromRow, riskWordId, scriptFromRow, siteProfileFromRow, teamScriptLocalId } from '../sync/local-rows';
import type { PushChange, RemoteRow } from '../sync/protocol';
import type { SyncStorage } from '../sync/storage';
import type { TeamMemberView } from '../sync/team-view';
import { readSettingsFrom } from './settings-rows';

/** Keys the team keeps in the sync storage beside the client's own. */
export const TEAM_KEYS = {
  /** The server row's sequence number a local library row was last based on. */
  seq: (kind: string, id: string) => `seq:${kind}:${id}`,
  member: (repId: string) => `member:${repId}`,
  proposal: (id: string) => `proposal:${id}`,
  /** Ids of custom risk words that came from the team (removed again on leaving). */
  riskWordIds: 'team.riskWordIds',
  /** Ids of scripts this device shared (they become private again on leaving). */
  ownShared: 'team.ownShared',
} as const;

export interface AppliedRemote {
  scripts: boolean;
  followUps: boolean;
  /** The custom risk words changed: settings before and after. */
  settings?: { before: Settings; after: Settings };
}

export async function applyRemoteRows(db: HuashuDB, storage: SyncStorage, rows: RemoteRow[], shopId: string, now: number): Promise<AppliedRemote> {
  const applied: AppliedRemote = { scripts: false, followUps: false };

  // Members first: follow-ups below show who holds them by name.
  for (const row of rows.filter((r) => r.kind === 'proposal')) await storage.set(TEAM_KEYS.proposal(row.id), proposalFromRow(row));
  for (const row of rows.filter((r) => r.kind === 'member'))
    await storage.set(TEAM_KEYS.member(row.id), {
      id: row.id,
      name: String(row.data.name ?? ''),
      role: row.data.role as TeamMemberView['role'],
      removed: row.deleted,
    } satisfies TeamMemberView);

  const scripts = rows.filter((r) => r.kind === 'script');
  if (scripts.length) {
    applied.scripts = true;
    await db.transaction('rw', db.scripts, db.syncState, async () => {
      for (const row of scripts) {
        const wanted = typeof row.data.id === 'string' ? row.data.id : row.id;
        const localId = teamScriptLocalId(row, shopId, await db.scripts.get(wanted));
        const local = await db.scripts.get(localId);
        if (row.deleted) {
          if (local?.source === 'team') await db.scripts.delete(localId);
        } else await db.scripts.put({ ...scriptFromRow(row, shopId, local), id: localId });
        await db.syncState.put({ key: TEAM_KEYS.seq('script', row.id), value: row.seq });
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
    await storage.set(TEAM_KEYS.seq('site_profile', row.id), row.seq);
  }

  const words = rows.filter((r) => r.kind === 'risk_word');
  if (words.length) {
    const before = await readSettingsFrom(db);
    const teamIds = new Set((await storage.get<string[]>(TEAM_KEYS.riskWordIds)) ?? []);
    const byId = new Map(before.customBanned.map((w) => [riskWordId(w.word), w]));
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
      await storage.set(TEAM_KEYS.seq('risk_word', row.id), row.seq);
    }
    await db.settings.put({ key: 'customBanned', value: [...byId.values()] });
    await storage.set(TEAM_KEYS.riskWordIds, [...teamIds]);
    applied.settings = { before, after: await readSettingsFrom(db) };
  }

  const followUps = rows.filter((r) => r.kind === 'followup');
  if (followUps.length) {
    applied.followUps = true;
    const memberName = async (repId: string) => (await storage.get<TeamMemberView>(TEAM_KEYS.member(repId)))?.name || undefined;
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
  return applied;
}

/** After a push: remember the sequence number each library change got, so the next edit is based on it. */
export async function rememberAppliedSeqs(storage: SyncStorage, applied: Array<{ change: PushChange; seq?: number }>): Promise<void> {
  for (const a of applied) {
    if (a.seq === undefined) continue;
    if (a.change.kind === 'script' || a.change.kind === 'site_profile' || a.change.kind === 'risk_word' || a.change.kind === 'group')
      await storage.set(TEAM_KEYS.seq(a.change.kind, a.change.id), a.seq);
  }
}

/** Leaving or removed: the shop's rows leave this device; scripts this device shared become private again. */
export async function clearSharedRows(db: HuashuDB, storage: SyncStorage): Promise<void> {
  const own = new Set((await storage.get<string[]>(TEAM_KEYS.ownShared)) ?? []);
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
  const teamWords = new Set((await storage.get<string[]>(TEAM_KEYS.riskWordIds)) ?? []);
  if (teamWords.size) {
    const settings = await readSettingsFrom(db);
    await db.settings.put({ key: 'customBanned', value: settings.customBanned.filter((w) => !teamWords.has(riskWordId(w.word))) });
  }
  const keys = (await db.syncState.toCollection().primaryKeys()).filter(
    (k) => /^(seq:|proposal:|member:)/.test(String(k)) || k === TEAM_KEYS.riskWordIds || k === TEAM_KEYS.ownShared,
  );
  await db.syncState.bulkDelete(keys);
}
