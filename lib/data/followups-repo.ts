/**
 * Every write to the follow-ups, announced once with its origin. The rules of
 * a follow-up's life (dedupe, schedule, live counters) are in
 * ./followups-store.ts; this adds the announcement, so the badge, the team
 * outbox and open pages follow whoever made the change.
 */
import type { HuashuDB } from '../db/schema';
import type { FollowUpRules } from '../followups/rules';
import type { FollowUp, FollowUpOutcome } from '../types';
import type { ChangeOrigin } from './data-change';
import {
  logFollowUp,
  markDone,
  recordAttempt,
  recountLive,
  remove,
  reopen,
  restore,
  snooze,
  type AttemptInput,
  type LogFollowUpInput,
  type LogResult,
} from './followups-store';
import type { Emit } from './scripts-repo';

export function createFollowUpsRepo(db: () => HuashuDB, emit: Emit) {
  /** Run a store write on one row and announce it with the row before and after. */
  const change = async (id: string, origin: ChangeOrigin, write: (d: HuashuDB) => Promise<FollowUp>): Promise<FollowUp> => {
    const before = await db().followups.get(id);
    const after = await write(db());
    emit({ table: 'followups', op: 'saved', before, after, origin });
    return after;
  };
  return {
    async log(input: LogFollowUpInput, rules: FollowUpRules, now: number, origin: ChangeOrigin, scriptId?: string): Promise<LogResult> {
      const result = await logFollowUp(db(), input, rules, now);
      emit({ table: 'followups', op: 'logged', result, scriptId, origin });
      return result;
    },
    markDone: (id: string, outcome: FollowUpOutcome, now: number, origin: ChangeOrigin) => change(id, origin, (d) => markDone(d, id, outcome, now)),
    snooze: (id: string, until: number, now: number, rules: FollowUpRules, origin: ChangeOrigin) =>
      change(id, origin, async (d) => (await snooze(d, id, until, now, rules)).row),
    reopen: (id: string, rules: FollowUpRules, now: number, origin: ChangeOrigin) => change(id, origin, (d) => reopen(d, id, rules, now)),
    recordAttempt: (id: string, attempt: AttemptInput, rules: FollowUpRules, now: number, origin: ChangeOrigin) =>
      change(id, origin, (d) => recordAttempt(d, id, attempt, rules, now)),
    /** The popup's 删除 (undone by restore): local only, the shop's row stays for the others. */
    async remove(id: string, origin: ChangeOrigin): Promise<FollowUp | undefined> {
      const row = await remove(db(), id);
      if (row) emit({ table: 'followups', op: 'deleted', row, origin });
      return row;
    },
    /** The undo of a delete: the row back as it was. */
    async restore(row: FollowUp, origin: ChangeOrigin): Promise<void> {
      await restore(db(), row);
      emit({ table: 'followups', op: 'saved', before: undefined, after: row, origin });
    },
    /** Recount the live counters from the indexes (after rows were written in bulk). */
    async recount(origin: ChangeOrigin) {
      const counters = await recountLive(db());
      emit({ table: 'followups', op: 'replaced', origin });
      return counters;
    },
    /** Team bookkeeping on a row (the shop it belongs to, who holds it): announced as the team's, never pushed back. */
    async annotate(id: string, fields: Pick<Partial<FollowUp>, 'shopId' | 'claimedBy'>): Promise<void> {
      const before = await db().followups.get(id);
      if (!before) return;
      await db().followups.update(id, fields);
      emit({ table: 'followups', op: 'saved', before, after: { ...before, ...fields }, origin: 'team' });
    },
  };
}
