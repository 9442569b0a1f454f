/**
 * The background's one change bus. Write paths announce what they wrote
 * (lib/data/data-change.ts); the modules that react subscribe in their own
 * register functions: the suggestion index (reply-scripts.ts), follow-up
 * counters and badge (followups.ts), the team outbox (team-sync.ts, local
 * changes only) and the tab broadcast (broadcast.ts). No write path calls
 * another module's hook by hand, so no module imports the ones it notifies.
 */
import { createChangeBus } from '@/lib/data/change-bus';
import type { DataChange } from '@/lib/data/data-change';

export const dataChanges = createChangeBus<DataChange>();
