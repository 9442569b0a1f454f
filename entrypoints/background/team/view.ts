/** What the options page's Team tab shows: membership, sync state, conflicts, proposals. */
import { SYNC_MESSAGES } from '@/lib/sync/messages';
import type { PushChange } from '@/lib/sync/protocol';
import type { ProposalView } from '@/lib/sync/local-rows';
import type { TeamMemberView, TeamView } from '@/lib/sync/team-view';
import { database } from '../database';
import { joinedClient, serverUrl } from './session';

async function listByPrefix<T>(prefix: string): Promise<T[]> {
  const rows = await database().syncState.where('key').startsWith(prefix).toArray();
  return rows.map((r) => r.value as T);
}

function titleOf(change: PushChange): string | undefined {
  if ('data' in change && change.data && typeof (change.data as { title?: unknown }).title === 'string') return (change.data as { title: string }).title;
  if (change.kind === 'proposal' && change.op === 'propose') return String(change.data.script.title ?? '');
  return undefined;
}

export async function view(): Promise<TeamView> {
  const url = await serverUrl();
  const c = await joinedClient();
  const base: TeamView = {
    serverUrl: url,
    joined: false,
    online: true,
    removed: false,
    pending: 0,
    conflicts: [],
    rejected: [],
    members: [],
    proposals: [],
    sharedScripts: 0,
  };
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
    conflicts: st.conflicts.map((x) => ({
      changeId: x.change.changeId,
      kind: x.change.kind,
      id: x.change.id,
      title: titleOf(x.change),
      at: x.at,
      message: x.message ?? SYNC_MESSAGES.conflict,
    })),
    rejected: st.rejected.map((x) => ({ changeId: x.change.changeId, kind: x.change.kind, id: x.change.id, code: x.code, at: x.at, message: x.message })),
    lastError: st.lastError,
    members,
    proposals,
    sharedScripts: await database()
      .scripts.filter((s) => s.source === 'team')
      .count(),
  };
}
