/**
 * What changed in the extension's data, and who changed it. `origin` says
 * where a write came from: the rep on this device ('local', the only origin
 * the team outbox queues), the team sync itself ('team': pulled rows, and its
 * own bookkeeping such as a claim's or a share's, which it queues itself), or
 * a restored backup ('restore').
 */
import type { LogResult } from './followups-store';
import type { Settings } from '../settings';
import type { FollowUp, ReplyScript, SiteProfile, UsageEvent } from '../types';

export type ChangeOrigin = 'local' | 'team' | 'restore';

export type DataChange =
  | { table: 'scripts'; op: 'saved'; rows: ReplyScript[]; origin: ChangeOrigin }
  | { table: 'scripts'; op: 'deleted'; rows: ReplyScript[]; origin: ChangeOrigin }
  /** Many scripts at once (hide the defaults, restore, a pull): the index is rebuilt, nothing is pushed. */
  | { table: 'scripts'; op: 'replaced'; origin: ChangeOrigin }
  | { table: 'siteProfiles'; op: 'saved'; row: SiteProfile; origin: ChangeOrigin }
  | { table: 'siteProfiles'; op: 'deleted'; key: string; origin: ChangeOrigin }
  | { table: 'settings'; op: 'saved'; before: Settings; after: Settings; origin: ChangeOrigin }
  | { table: 'followups'; op: 'logged'; result: LogResult; scriptId?: string; origin: ChangeOrigin }
  | { table: 'followups'; op: 'saved'; before: FollowUp | undefined; after: FollowUp; origin: ChangeOrigin }
  /** Deleted locally (the popup's 删除, undone by restore): rows the team never hears about; see followups.ts. */
  | { table: 'followups'; op: 'deleted'; row: FollowUp; origin: ChangeOrigin }
  /** Many follow-ups at once (restore, a pull): counters are recounted. */
  | { table: 'followups'; op: 'replaced'; origin: ChangeOrigin }
  | { table: 'usage'; op: 'recorded'; row: UsageEvent; origin: ChangeOrigin };
