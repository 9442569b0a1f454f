/**
 * Reply scripts: CRUD, search and suggestions. The suggestion index lives
 * here, built once when the service worker wakes and updated one script at a
 * time on edits (no full rebuild).
 */
import { createMatcher } from '@/lib/suggest/matcher';
import { defaultBuyerKnowledge } from '@/lib/suggest/default-knowledge';
import type { ReplyScript, Suggestion, UsageEvent } from '@/lib/types';
import { isLiveScript } from '@/lib/library-visibility';
import type { ConversationContext } from '@/lib/messages';
import { database } from './database';
import { handle, NotFoundError } from './handle';
import { recentUsage } from './usage';
import { withSources } from './team-sync';
import { dataChanges } from './data-changes';
import { repos } from './repositories';
import type { DataChange } from '@/lib/data/data-change';

type Matcher = ReturnType<typeof createMatcher>;
let matcherPromise: Promise<Matcher> | undefined;

function matcher(): Promise<Matcher> {
  matcherPromise ??= database()
    .scripts.toArray()
    .then((all) => createMatcher(all.filter(isLiveScript), { knowledge: defaultBuyerKnowledge() }));
  return matcherPromise;
}

/** Forget the index (after an import or a restore replaces many scripts). */
function resetMatcher(): void {
  matcherPromise = undefined;
}

/** Past this many scripts in one write, rebuilding the index is cheaper than updating it one by one. */
const UPDATE_IN_PLACE_MAX = 50;

/**
 * Keep the index in step with every script write. Updates are chained on the
 * index promise, so a suggest that starts after a save sees the saved script.
 */
function followScriptChanges(change: DataChange): void {
  if (change.table !== 'scripts') return;
  if (change.op === 'replaced' || change.rows.length > UPDATE_IN_PLACE_MAX) return resetMatcher();
  if (!matcherPromise) return; // built from the database when first needed
  const { op, rows } = change;
  matcherPromise = matcherPromise.then((m) => {
    for (const row of rows) {
      if (op === 'saved' && isLiveScript(row)) m.upsert(row);
      else m.remove(row.id);
    }
    return m;
  });
}

export async function suggestFor(message: string, context: ConversationContext, top = 5): Promise<Suggestion[]> {
  const [m, usage] = await Promise.all([matcher(), recentUsage()]);
  return m.suggest(message, { top, usage: usageMap(usage) });
}

function usageMap(events: UsageEvent[]): Map<string, { count: number; lastAt: number }> {
  const map = new Map<string, { count: number; lastAt: number }>();
  for (const e of events) {
    const entry = map.get(e.scriptId) ?? { count: 0, lastAt: 0 };
    entry.count++;
    entry.lastAt = Math.max(entry.lastAt, e.at);
    map.set(e.scriptId, entry);
  }
  return map;
}

export async function getScript(id: string): Promise<ReplyScript> {
  const script = await database().scripts.get(id);
  if (!script || script.deleted) throw new NotFoundError(`找不到这条话术（${id}）`, `Script not found (${id})`);
  return script;
}

export function registerReplyScriptHandlers(): void {
  dataChanges.on(followScriptChanges);
  handle('suggest', async (req) => withSources(await suggestFor(req.message, req.context, req.top)));

  handle('searchScripts', async (req) => {
    const m = await matcher();
    const ids = m.search(req.query, { top: req.top ?? 30 }).map((s: Suggestion) => s.id);
    const rows = await database().scripts.bulkGet(ids);
    return rows.filter((s): s is ReplyScript => !!s && isLiveScript(s) && (!req.group || s.group === req.group));
  });

  handle('listScripts', async (req) => {
    const all = await database().scripts.toArray();
    return all
      .filter((s) => isLiveScript(s) && (!req?.group || s.group === req.group) && (!req?.favouritesOnly || s.favourite))
      .sort((a, b) => a.group.localeCompare(b.group, 'zh') || (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id));
  });

  handle('getScript', (req) => getScript(req.id));

  handle('saveScript', async (script) => {
    const saved: ReplyScript = { ...script, updatedAt: Date.now() };
    await repos.scripts.save([saved], 'local');
    return saved;
  });

  handle('deleteScript', async (req) => {
    const script = await getScript(req.id);
    await repos.scripts.remove([req.id], 'local');
    return script;
  });

  handle('recentScripts', async (req) => {
    const events = await database().usage.orderBy('at').reverse().limit(200).toArray();
    const ids = [...new Set(events.map((e) => e.scriptId))].slice(0, req?.limit ?? 10);
    const rows = await database().scripts.bulkGet(ids);
    return rows.filter((s): s is ReplyScript => !!s && isLiveScript(s));
  });
}
