/**
 * Claims: a 催付/review reply may be handed to a rep (inserted, copied,
 * opened) only while this device holds the server's lease on that follow-up.
 * Solo mode always allows.
 */
import { SYNC_MESSAGES, type SyncMessage } from '@/lib/sync/messages';
import { remoteIdOf } from '@/lib/sync/local-rows';
import type { ClaimAnswer } from '@/lib/sync/team-view';
import { dedupeKeyFor } from '@/lib/data/followups-store';
import { repos } from '../repositories';
import { resolveRules } from '@/lib/followups/rules';
import type { FollowUpKind } from '@/lib/types';
import { database, readSettings } from '../database';
import { HandledError } from '../handle';
import { shareFollowUp } from './outbox';
import { memberName, session, syncNow } from './session';

type ClaimRequest = {
  kind: FollowUpKind;
  site: string;
  conversationKey: string;
  conversationUrl?: string;
  buyerName?: string;
  orderId?: string;
  item?: string;
};

export async function claimFollowUp(req: ClaimRequest): Promise<ClaimAnswer> {
  const s = await session();
  if (!s) return { team: false, ok: true };
  const db = database();
  const key = dedupeKeyFor(req.kind, req.site, req.orderId, req.conversationKey);
  let row = await db.followups.where('dedupeKey').equals(key).first();
  if (!row) {
    const rules = resolveRules((await readSettings()).followupRules);
    // Logged by the claim itself and shared just below: announced as the team's, so the outbox does not queue it twice.
    row = (await repos.followUps.log({ ...req }, rules, Date.now(), 'team')).row;
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
    await repos.followUps.annotate(row.id, { claimedBy: (await memberName(s.repId)) ?? s.repId });
    return { team: true, ok: true, followUpId: row.id };
  }
  if (res.ok) return { team: true, ok: false, followUpId: row.id, code: 'not_claimed', message: SYNC_MESSAGES.not_claimed };
  if (res.code === 'claimed_by_other') {
    const name = (await memberName(res.heldBy)) ?? res.heldBy ?? '';
    await repos.followUps.annotate(row.id, { claimedBy: name });
    const message: SyncMessage = {
      zh: `该跟进已由「${name}」认领，请勿重复联系买家。`,
      en: `${name} is handling this follow-up; do not contact the buyer twice.`,
    };
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
