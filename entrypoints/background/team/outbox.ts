/**
 * Local writes into the team's outbox. The change bus tells this module of
 * every write; only those made on this device (origin 'local') are queued,
 * and lib/sync/local-rows.ts decides which rows are shared at all. A failure
 * here never fails the local write that caused it.
 */
import type { ChangeBody } from '@/lib/sync/protocol';
import {
  canEditShared,
  followUpCreate,
  followUpStatusChanges,
  remoteIdOf,
  riskWordChanges,
  scriptDeleteChange,
  scriptSaveChange,
  siteProfileChange,
  siteProfileId,
} from '@/lib/sync/local-rows';
import { TEAM_KEYS } from '@/lib/data/apply-remote';
import type { DataChange } from '@/lib/data/data-change';
import type { LogResult } from '@/lib/data/followups-store';
import type { CustomRiskWord } from '@/lib/settings';
import type { FollowUp, ReplyScript, SiteProfile, UsageEvent } from '@/lib/types';
import { repos } from '../repositories';
import { isSolo, kick, queue, session, storage } from './session';

/** Hooks must never break the local write that called them. */
function guard(what: string, fn: () => Promise<void>): void {
  void fn().catch((e) => console.warn(`[huashu] team sync hook ${what} failed`, e));
}

/** The team's subscriber on the change bus: local writes only (pulled and restored rows are not pushed back). */
export function queueLocalChange(change: DataChange): void {
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
  if (isSolo()) return;
  guard('scriptsSaved', async () => {
    const s = await session();
    if (!s) return;
    const bodies: ChangeBody[] = [];
    for (const script of scripts) {
      const base = await storage.get<number>(TEAM_KEYS.seq('script', remoteIdOf(script.id)));
      const body = scriptSaveChange(script, s.role, base, () => crypto.randomUUID());
      if (body) bodies.push(body);
    }
    await queue(bodies);
  });
}

function teamScriptsDeleted(scripts: ReplyScript[]): void {
  if (isSolo()) return;
  guard('scriptsDeleted', async () => {
    const s = await session();
    if (!s) return;
    const bodies: ChangeBody[] = [];
    for (const script of scripts) {
      const base = await storage.get<number>(TEAM_KEYS.seq('script', remoteIdOf(script.id)));
      const body = scriptDeleteChange(script, s.role, base);
      if (body) bodies.push(body);
    }
    await queue(bodies);
  });
}

function teamSiteProfileSaved(profile: SiteProfile): void {
  if (isSolo()) return;
  guard('siteProfileSaved', async () => {
    const s = await session();
    const body = s && siteProfileChange(profile, s.role);
    if (body) await queue([body]);
  });
}

function teamSiteProfileDeleted(origin: string): void {
  if (isSolo()) return;
  guard('siteProfileDeleted', async () => {
    const s = await session();
    if (s && canEditShared(s.role)) await queue([{ kind: 'site_profile', op: 'delete', id: siteProfileId(origin) }]);
  });
}

function teamRiskWordsChanged(before: CustomRiskWord[], after: CustomRiskWord[]): void {
  if (isSolo()) return;
  guard('riskWordsChanged', async () => {
    const s = await session();
    if (s) await queue(riskWordChanges(before, after, s.role));
  });
}

/** A follow-up was logged: a new one goes to the team; an attempt needs this device's lease. */
function teamFollowUpLogged(result: LogResult, scriptId: string | undefined): void {
  if (isSolo()) return;
  guard('followUpLogged', async () => {
    const s = await session();
    if (!s) return;
    if (result.created || !result.row.shopId) await shareFollowUp(result.row, s.shopId);
    else if (scriptId) await s.c.recordAttempt(remoteIdOf(result.row.id), scriptId);
    kick();
  });
}

function teamFollowUpChanged(before: FollowUp | undefined, after: FollowUp): void {
  if (isSolo()) return;
  guard('followUpChanged', async () => {
    const s = await session();
    if (!s || after.shopId !== s.shopId) return;
    await queue(followUpStatusChanges(before, after));
    if (after.status === 'done' || after.status === 'expired') await s.c.release(remoteIdOf(after.id));
  });
}

function teamUsageRecorded(event: UsageEvent): void {
  if (isSolo()) return;
  guard('usageRecorded', async () => {
    await queue([
      {
        kind: 'usage',
        op: 'record',
        id: remoteIdOf(event.id),
        data: {
          scriptId: event.scriptId,
          site: event.site,
          at: event.at,
          via: event.via,
          ...(event.conversationKey ? { conversationKey: event.conversationKey } : {}),
        },
      },
    ]);
  });
}

/** Mark a local follow-up as the shop's and queue its creation. */
export async function shareFollowUp(row: FollowUp, shopId: string): Promise<void> {
  await repos.followUps.annotate(row.id, { shopId });
  await queue([followUpCreate(row)]);
}
