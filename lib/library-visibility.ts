/**
 * Which scripts the rep works with: not deleted, and not a default script set
 * aside because the rep chose their own imported library instead. Hidden
 * defaults stay in the database (restorable in one click); what Huashu knows
 * about how buyers ask stays too (lib/suggest/default-knowledge.ts).
 */
import type { ReplyScript } from './types';

export function isLiveScript(s: Pick<ReplyScript, 'deleted' | 'hidden'>): boolean {
  return !s.deleted && !s.hidden;
}
