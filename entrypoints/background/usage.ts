/** Usage events: each insertion is recorded; frecency and the "most used" lists read them. */
import type { UsageEvent } from '@/lib/types';
import { database } from './database';
import { handle, notYours } from './handle';
import { mayUseSite } from '@/lib/protocol/caller';
import { repos } from './repositories';

const FRECENCY_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** The last 30 days of this rep's insertions (bounded), for ranking. */
export function recentUsage(now = Date.now()): Promise<UsageEvent[]> {
  return database()
    .usage.where('at')
    .above(now - FRECENCY_WINDOW_MS)
    .limit(5_000)
    .toArray();
}

export function registerUsageHandlers(): void {
  handle('recordUsage', async (req, caller) => {
    if (!mayUseSite(caller, req.site)) notYours();
    const event: UsageEvent = { ...req, id: crypto.randomUUID(), at: Date.now() };
    await repos.usage.record(event, 'local');
    return event;
  });
  handle('usageCount', (req) => (req?.scriptId ? database().usage.where('scriptId').equals(req.scriptId).count() : database().usage.count()));
}
