/**
 * Messages a content script on a chat page may send (extension pages may send
 * them too). Everything here is safe to answer to a page the rep is on: reads
 * of the library, and writes that concern the calling page's own site and
 * conversations. Where a request names a site or origin, the background
 * checks it against the sender (lib/protocol/caller.ts), never trusts it.
 */
import * as v from 'valibot';
import type { Settings } from '../settings';
import type { ClaimAnswer } from '../sync/team-view';
import type { FollowUp, ReplyScript, RiskFinding, SiteProfile, Suggestion, UsageEvent } from '../types';
import { message } from './define';
import { conversationContext, count, followUpOfConversation, followUpOutcome, id, optText, optTime, siteProfile, text } from './fields';

const none = v.optional(v.undefined());

export const PAGE_MESSAGES = {
  ping: message(none).answers<{ version: string }>(),
  getSettings: message(none).answers<Settings>(),
  /** The sidebar remembers its own layout and the names typed into a variable prompt; the host is the sender's. */
  updateSidebarPrefs: message(
    v.object({
      collapsed: v.optional(v.boolean()),
      width: v.optional(v.pipe(v.number(), v.finite())),
      repName: optText(20),
      shopName: optText(40),
    }),
  ).answers<Settings>(),
  suggest: message(v.object({ message: text(200_000), context: conversationContext, top: v.optional(v.pipe(count(50), v.minValue(1))) })).answers<
    Suggestion[]
  >(),
  searchScripts: message(v.object({ query: text(500), group: optText(100), top: v.optional(v.pipe(count(200), v.minValue(1))) })).answers<ReplyScript[]>(),
  listScripts: message(v.optional(v.object({ group: optText(100), favouritesOnly: v.optional(v.boolean()) }))).answers<ReplyScript[]>(),
  getScript: message(v.object({ id })).answers<ReplyScript>(),
  recentScripts: message(v.optional(v.object({ limit: v.optional(count(500)) }))).answers<ReplyScript[]>(),
  recordUsage: message(
    v.object({ scriptId: id, site: text(200), conversationKey: optText(500), via: v.picklist(['click', 'keyboard', 'context-menu', 'shortcut-code']) }),
  ).answers<UsageEvent>(),
  /** The content script tells the background what this tab's conversation is (for the context menu). */
  conversationChanged: message(conversationContext).answers<null>(),
  logRiskOverride: message(
    v.object({ site: text(200), categories: v.pipe(v.array(text(100)), v.maxLength(50)), textHash: text(128), reason: text(500) }),
  ).answers<null>(),
  /** What the sidebar knows when it logs a follow-up; the background fills in the schedule. */
  logFollowUp: message(
    v.object({
      ...followUpOfConversation,
      amount: v.optional(v.pipe(v.number(), v.finite())),
      /** Order and review times the page shows, when it shows them: the due time follows the platform's rules. */
      orderCreatedAt: optTime,
      deliveredAt: optTime,
      reviewAt: optTime,
      notes: optText(2_000),
      tags: v.optional(v.pipe(v.array(text(50)), v.maxLength(50))),
      scriptId: v.optional(id),
    }),
  ).answers<FollowUp>(),
  followUpsForConversation: message(v.object({ conversationKey: text(500) })).answers<FollowUp[]>(),
  markFollowUpDone: message(v.object({ id, outcome: followUpOutcome })).answers<FollowUp>(),
  getSiteProfile: message(v.object({ origin: text(500) })).answers<SiteProfile | null>(),
  saveSiteProfile: message(siteProfile).answers<SiteProfile>(),
  deleteSiteProfile: message(v.object({ origin: text(500) })).answers<null>(),
  libraryLint: message(none).answers<Array<{ script: ReplyScript; findings: RiskFinding[] }>>(),
  openOptions: message(none).answers<null>(),
  /** Before a 催付/review reply goes into the compose box: claim the follow-up (team mode); solo mode always allows. */
  claimFollowUp: message(v.object(followUpOfConversation)).answers<ClaimAnswer>(),
};
