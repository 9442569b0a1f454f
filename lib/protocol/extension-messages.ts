/**
 * Messages only the extension's own pages (options, popup) may send: whole-
 * library writes, backups, settings, follow-ups of every site, team
 * membership. The background refuses them from content scripts, so a
 * compromised or hostile chat page cannot export, restore, wipe or re-point
 * the rep's data (entrypoints/background/handle.ts).
 */
import * as v from 'valibot';
import type { PopupResult } from '../data/followups-store';
import type { Settings } from '../settings';
import type { ClaimAnswer, TeamView } from '../sync/team-view';
import type { FollowUp, FollowUpKind, ReplyScript } from '../types';
import { message } from './define';
import { count, followUp, followUpKind, followUpListQuery, id, replyScript, settingsPatch, text, time, usageEvent } from './fields';

const none = v.optional(v.undefined());
const ids = (max: number) => v.pipe(v.array(id), v.maxLength(max));
const reportRange = { from: time, to: time, utcOffsetMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-840), v.maxValue(840))) };

export const backupTables = v.object({
  scripts: v.pipe(v.array(replyScript), v.maxLength(200_000)),
  settings: v.pipe(v.array(v.object({ key: text(200), value: v.unknown() })), v.maxLength(1_000)),
  followups: v.pipe(v.array(followUp), v.maxLength(1_000_000)),
  usage: v.pipe(v.array(usageEvent), v.maxLength(5_000_000)),
});
export type BackupTables = v.InferOutput<typeof backupTables>;

export const EXTENSION_MESSAGES = {
  updateSettings: message(settingsPatch).answers<Settings>(),
  saveScript: message(replyScript).answers<ReplyScript>(),
  deleteScript: message(v.object({ id })).answers<ReplyScript>(),
  usageCount: message(v.optional(v.object({ scriptId: v.optional(id) }))).answers<number>(),
  /** Insertions per scriptId (all time), read from the usage table's scriptId index. */
  usageCounts: message(none).answers<Record<string, number>>(),
  /** Write many scripts in ONE transaction (import, reorder, move, undo): all or nothing. */
  saveScripts: message(v.object({ scripts: v.pipe(v.array(replyScript), v.maxLength(200_000)) })).answers<{ written: number }>(),
  deleteScripts: message(v.object({ ids: ids(200_000) })).answers<ReplyScript[]>(),
  /** Hide (or show again) every default script: the rep's own library in charge. Answers how many changed. */
  setDefaultLibrary: message(v.object({ hidden: v.boolean() })).answers<{ changed: number }>(),
  defaultLibraryState: message(none).answers<{ hidden: number; shown: number }>(),
  /** Every table a backup holds (the page wraps it with createBackup). */
  exportBackup: message(none).answers<BackupTables>(),
  /** Replace scripts, settings, follow-ups and usage with a backup's, in one transaction. */
  restoreBackup: message(backupTables).answers<{ scripts: number; settings: number; followups: number; usage: number }>(),
  /** After the page got the host permission: register the sidebar there and remember the origin. */
  addExtraSite: message(v.object({ origin: text(300) })).answers<Settings>(),
  removeExtraSite: message(v.object({ origin: text(300) })).answers<Settings>(),
  // Follow-up popup and report (entrypoints/background/followups.ts).
  listFollowUps: message(followUpListQuery).answers<PopupResult>(),
  /** Done + expired items, most recently due first (the popup's last tab; loaded only when opened). */
  listClosedFollowUps: message(followUpListQuery).answers<{ rows: FollowUp[]; total: number; hasMore: boolean }>(),
  snoozeFollowUp: message(v.object({ id, until: time })).answers<FollowUp>(),
  deleteFollowUp: message(v.object({ id })).answers<FollowUp>(),
  restoreFollowUp: message(followUp).answers<FollowUp>(),
  reopenFollowUp: message(v.object({ id })).answers<FollowUp>(),
  /** The rep sent a reminder outside the sidebar (copied it from the popup): one more attempt, rescheduled. */
  recordFollowUpAttempt: message(v.object({ id, scriptId: v.optional(id) })).answers<FollowUp>(),
  /** Before the popup hands a rep a follow-up's reminder (copy, insert): claim it in team mode, as the sidebar does. */
  claimFollowUpById: message(v.object({ id })).answers<ClaimAnswer>(),
  /** Scripts for a follow-up kind's intent (催付 → payment_reminder…), most used first. */
  followUpScripts: message(v.object({ kind: followUpKind, limit: v.optional(v.pipe(count(100), v.minValue(1))) })).answers<ReplyScript[]>(),
  /** Insert a script into the follow-up's conversation tab; fails with a clear reason when that tab is not open or shows another buyer. */
  insertFollowUpScript: message(v.object({ id, scriptId: id })).answers<{ tabId: number }>(),
  followUpReport: message(v.object(reportRange)).answers<FollowUpReportData>(),
  /** CSV text with a UTF-8 BOM: the report, or every follow-up created in the range. */
  followUpCsv: message(v.object({ ...reportRange, what: v.picklist(['report', 'rows']) })).answers<string>(),
  /** Recount the stored live counters from the indexes (after rows were written outside the store). */
  recountFollowUps: message(none).answers<{ open: number; snoozed: number; rowCount: number }>(),
  // Team sync (entrypoints/background/team-sync.ts). Off until the rep creates or joins a shop.
  teamState: message(none).answers<TeamView>(),
  /** Create a shop on the sync server; the rep becomes its lead. */
  teamCreateShop: message(v.object({ serverUrl: text(500), shopName: text(100), repName: text(100) })).answers<TeamView>(),
  teamJoin: message(v.object({ serverUrl: text(500), code: text(100), repName: text(100) })).answers<TeamView>(),
  /** Lead only: a one-time invite code. */
  teamInvite: message(v.object({ role: v.picklist(['rep', 'editor']) })).answers<{ code: string; role: string; expiresAt: number }>(),
  teamLeave: message(none).answers<TeamView>(),
  teamSyncNow: message(none).answers<TeamView>(),
  /** Lead/editor: share these scripts with the team; a rep: propose them. */
  teamShareScripts: message(v.object({ ids: ids(20_000) })).answers<{ shared: number; proposed: number }>(),
  teamDecideProposal: message(v.object({ id, decision: v.picklist(['accept', 'reject']) })).answers<TeamView>(),
  teamDismissConflict: message(v.object({ changeId: text(100) })).answers<TeamView>(),
};

/** lib/followups/report.ts FollowUpReport, restated here so the protocol does not import the report code. */
export interface FollowUpReportData {
  from: number;
  to: number;
  utcOffsetMinutes: number;
  days: Array<{ date: string; kind: FollowUpKind; created: number; done: number; expired: number }>;
  totals: Record<FollowUpKind, { created: number; done: number; expired: number }>;
  paymentConversion: { reminded: number; paid: number; rate: number | null };
  reviewRecovery: { contacted: number; revised: number; explained: number; rate: number | null };
  nonPurchaseReasons: Record<string, number>;
  topScripts: Array<{ scriptId: string; count: number }>;
}
