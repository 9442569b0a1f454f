/**
 * The library tab's rules, apart from the rendering: trigger parsing, the
 * shortcut-code check, filtering and sorting, and reordering inside a group.
 */
import { DEFAULT_GROUPS, type ReplyScript } from '@/lib/types';
import type { Matcher } from '@/lib/suggest/matcher';
import { fold } from '@/lib/text/normalize';

export type SortMode = 'order' | 'usage' | 'updated';

export interface LibraryFilter {
  query: string;
  group: string;
  intent: string;
  /** Only scripts whose guessed intent the rep has not confirmed. */
  unconfirmedOnly?: boolean;
  sort: SortMode;
}

/** "退货, 退款\n怎么退" → ["退货", "退款", "怎么退"]: commas (either width), 、 and new lines separate. */
export function parseTriggers(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of input.split(/[,，、;；\n\r]+/)) {
    const t = part.trim();
    if (!t || seen.has(fold(t))) continue;
    seen.add(fold(t));
    out.push(t);
  }
  return out;
}

export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,20}$/;

/** Why a shortcut code cannot be used, or null. Codes compare case-insensitively ("/TK" types as "/tk"). */
export function codeProblem(code: string, scripts: readonly ReplyScript[], selfId: string): { zh: string; en: string } | null {
  const c = code.trim().replace(/^\//, '');
  if (c === '') return null;
  if (!CODE_PATTERN.test(c)) {
    return { zh: '快捷编码只能是 1–20 个英文字母、数字、- 或 _', en: 'A shortcut code is 1–20 letters, digits, - or _' };
  }
  const other = scripts.find((s) => s.id !== selfId && !s.deleted && s.code && s.code.replace(/^\//, '').toLowerCase() === c.toLowerCase());
  if (other) {
    return { zh: `快捷编码 /${c} 已被“${other.title}”使用，请换一个`, en: `Shortcut /${c} is already used by "${other.title}"; pick another` };
  }
  return null;
}

/** Default groups first, then custom ones in first-seen order. */
export function groupsOf(scripts: readonly ReplyScript[], extra: readonly string[] = []): string[] {
  return [...new Set<string>([...DEFAULT_GROUPS, ...scripts.map((s) => s.group), ...extra])].filter((g) => g.trim() !== '');
}

const groupRank = (groups: readonly string[]) => {
  const rank = new Map(groups.map((g, i) => [g, i]));
  return (g: string) => rank.get(g) ?? groups.length;
};

export function byGroupThenOrder(groups: readonly string[]) {
  const rank = groupRank(groups);
  return (a: ReplyScript, b: ReplyScript) => rank(a.group) - rank(b.group) || (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id);
}

/**
 * The visible list. A search query uses the matcher's search (Chinese,
 * pinyin, initials) and keeps its ranking unless another sort is chosen.
 */
export function visibleScripts(
  scripts: readonly ReplyScript[],
  filter: LibraryFilter,
  matcher: Matcher | undefined,
  usage: Record<string, number>,
  groups: readonly string[],
): ReplyScript[] {
  let list: ReplyScript[];
  const query = filter.query.trim();
  if (query && matcher) {
    const byId = new Map(scripts.map((s) => [s.id, s]));
    list = matcher
      .search(query, { top: 500 })
      .map((h) => byId.get(h.id))
      .filter((s): s is ReplyScript => !!s);
  } else {
    list = scripts.slice();
  }
  list = list.filter(
    (s) =>
      !s.deleted &&
      (!filter.group || s.group === filter.group) &&
      (!filter.intent || s.intent === filter.intent) &&
      (!filter.unconfirmedOnly || s.intentUnconfirmed),
  );
  if (filter.sort === 'usage') list.sort((a, b) => (usage[b.id] ?? 0) - (usage[a.id] ?? 0) || a.title.localeCompare(b.title, 'zh'));
  else if (filter.sort === 'updated') list.sort((a, b) => b.updatedAt - a.updatedAt);
  else if (!query) list.sort(byGroupThenOrder(groups));
  return list;
}

/**
 * Move `movingId` to `targetIndex` inside its group and renumber the group
 * 0…n-1. Returns only the scripts whose `order` changed (to be saved).
 */
export function reorderInGroup(scripts: readonly ReplyScript[], movingId: string, targetIndex: number): ReplyScript[] {
  const moving = scripts.find((s) => s.id === movingId);
  if (!moving) return [];
  const members = scripts.filter((s) => s.group === moving.group && !s.deleted).sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id));
  const from = members.findIndex((s) => s.id === movingId);
  const to = Math.max(0, Math.min(members.length - 1, targetIndex));
  members.splice(from, 1);
  members.splice(to, 0, moving);
  const changed: ReplyScript[] = [];
  members.forEach((s, i) => {
    if (s.order !== i) changed.push({ ...s, order: i });
  });
  return changed;
}

/** Index of a script inside its group's order. */
export function indexInGroup(scripts: readonly ReplyScript[], id: string): number {
  const s = scripts.find((x) => x.id === id);
  if (!s) return -1;
  return scripts
    .filter((x) => x.group === s.group && !x.deleted)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id))
    .findIndex((x) => x.id === id);
}

/** Order value that puts a script at the end of `group`. */
export function endOfGroup(scripts: readonly ReplyScript[], group: string): number {
  let max = -1;
  for (const s of scripts) if (s.group === group && !s.deleted) max = Math.max(max, s.order ?? 0);
  return max + 1;
}

export function newScriptId(): string {
  return `user-${crypto.randomUUID()}`;
}

/** A copy to edit: new id, "（副本）" title, no shortcut code (codes are unique). */
export function duplicateScript(s: ReplyScript, now = Date.now()): ReplyScript {
  const { code: _code, ...rest } = s;
  return { ...rest, id: newScriptId(), title: `${s.title}（副本）`, source: 'user', order: (s.order ?? 0) + 0.5, updatedAt: now };
}
