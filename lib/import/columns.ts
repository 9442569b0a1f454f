/**
 * Find the header row and decide which column holds what. Exports from
 * 千牛, 咚咚 and hand-made spreadsheets name the same columns differently, put
 * title rows above the header, or have no header at all.
 */
import { fold } from '../text/normalize';
import type { ColumnInfo, ColumnMapping, ColumnRole, SheetRow } from './import-types';
import { HEADER_SEARCH_ROWS } from './limits';

/** Header names per role, already folded (lower case, Simplified, half width). */
const SYNONYMS: Record<ColumnRole, string[]> = {
  text: [
    '快捷短语',
    '短语',
    '短语内容',
    '快捷短语内容',
    '内容',
    '回复内容',
    '快捷回复',
    '快捷回复内容',
    '回复',
    '话术',
    '话术内容',
    '文本',
    '消息内容',
    'text',
    'content',
    'reply',
    'message',
    'phrase',
    'body',
  ],
  group: ['分组', '分组名称', '分组名', '组名', '短语分组', '所属分组', '快捷短语分组', '分类', '类别', '类目', 'group', 'group name', 'category', 'folder'],
  code: ['编码', '快捷编码', '快捷键', '快捷码', '快捷方式', '短语编码', '代码', '快捷指令', 'code', 'shortcut', 'short code', 'key', 'hotkey'],
  title: ['标题', '名称', '短语名称', '话术名称', '话术标题', 'title', 'name', 'label'],
};

const ROLES: ColumnRole[] = ['text', 'code', 'group', 'title'];

/** "快捷短语（必填）*" → "快捷短语". */
function cleanHeader(cell: string): string {
  return fold(cell)
    .replace(/[(（\[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[*:：\s_-]+/g, ' ')
    .trim();
}

/** Role for one header cell: exact synonym first, then a synonym contained in it. */
export function roleOfHeader(cell: string): { role: ColumnRole; exact: boolean } | undefined {
  const h = cleanHeader(cell);
  if (!h || h.length > 20) return undefined;
  for (const role of ROLES) if (SYNONYMS[role].includes(h)) return { role, exact: true };
  // Longer synonyms first so "快捷短语分组" is a group, not a phrase.
  let best: { role: ColumnRole; len: number } | undefined;
  for (const role of ROLES) {
    for (const s of SYNONYMS[role]) {
      if (s.length >= 2 && h.includes(s) && (!best || s.length > best.len)) best = { role, len: s.length };
    }
  }
  return best && { role: best.role, exact: false };
}

function scoreHeader(cells: string[]): { mapping: Partial<ColumnMapping>; score: number; exactText: boolean } {
  const mapping: Partial<ColumnMapping> = {};
  let score = 0;
  let exactText = false;
  cells.forEach((cell, index) => {
    const found = roleOfHeader(cell);
    if (!found || mapping[found.role] !== undefined) return;
    mapping[found.role] = index;
    score++;
    if (found.role === 'text' && found.exact) exactText = true;
  });
  return { mapping, score, exactText };
}

/** The mapping a given header row names, if it names a text column. */
export function mappingFromHeader(cells: string[]): ColumnMapping | undefined {
  const { mapping } = scoreHeader(cells);
  return mapping.text === undefined ? undefined : (mapping as ColumnMapping);
}

/**
 * The header row among the first rows: it must name a text column, and
 * either name another role too or name the text column exactly. A title row
 * ("千牛快捷短语导出 2024-05-01") only contains a synonym, so it is skipped.
 */
export function findHeader(rows: SheetRow[]): { index: number; mapping: ColumnMapping } | undefined {
  let best: { index: number; mapping: ColumnMapping; score: number } | undefined;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = rows[i]!.cells;
    const { mapping, score, exactText } = scoreHeader(cells);
    if (mapping.text === undefined) continue;
    if (score < 2 && !exactText) continue;
    if (!best || score > best.score) best = { index: i, mapping: mapping as ColumnMapping, score };
  }
  return best && { index: best.index, mapping: best.mapping };
}

const CODE_LIKE = /^\/?[A-Za-z0-9_.#-]{1,16}$/;

interface ColumnStats {
  filled: number;
  avgLength: number;
  codeLike: number;
  distinctShare: number;
}

function columnStats(rows: SheetRow[], index: number): ColumnStats {
  let filled = 0;
  let total = 0;
  let codeLike = 0;
  const distinct = new Set<string>();
  for (const r of rows) {
    const v = (r.cells[index] ?? '').trim();
    if (!v) continue;
    filled++;
    total += v.length;
    if (CODE_LIKE.test(v)) codeLike++;
    distinct.add(v);
  }
  return {
    filled: filled / Math.max(1, rows.length),
    avgLength: total / Math.max(1, filled),
    codeLike: codeLike / Math.max(1, filled),
    distinctShare: distinct.size / Math.max(1, filled),
  };
}

/**
 * Guess the roles of a table without a header from its content: the phrase
 * is the longest column, codes are short ASCII tokens, groups are short
 * values that repeat.
 */
export function guessMapping(rows: SheetRow[], columnCount: number): ColumnMapping | undefined {
  const sample = rows.slice(0, 500);
  const stats = Array.from({ length: columnCount }, (_, i) => columnStats(sample, i));
  let text = -1;
  stats.forEach((s, i) => {
    if (s.filled < 0.3) return;
    if (text < 0 || s.avgLength > stats[text]!.avgLength) text = i;
  });
  if (text < 0) return undefined;
  const mapping: ColumnMapping = { text };
  let code = -1;
  stats.forEach((s, i) => {
    if (i === text || s.filled < 0.3 || s.codeLike < 0.8) return;
    if (code < 0 || s.distinctShare > stats[code]!.distinctShare) code = i;
  });
  if (code >= 0) mapping.code = code;
  let group = -1;
  stats.forEach((s, i) => {
    if (i === text || i === code || s.filled < 0.3 || s.avgLength > 12) return;
    // groups repeat; with a handful of rows every value may be distinct, so only require some repetition on larger samples
    if (sample.length >= 6 && s.distinctShare > 0.6) return;
    if (group < 0 || s.distinctShare < stats[group]!.distinctShare) group = i;
  });
  if (group >= 0) mapping.group = group;
  return mapping;
}

export function describeColumns(rows: SheetRow[], columnCount: number, header: string[] | undefined, mapping: ColumnMapping | undefined): ColumnInfo[] {
  const roleAt = new Map<number, ColumnRole>();
  if (mapping) for (const role of ROLES) if (mapping[role] !== undefined) roleAt.set(mapping[role]!, role);
  return Array.from({ length: columnCount }, (_, index) => {
    const samples: string[] = [];
    for (const r of rows) {
      const v = (r.cells[index] ?? '').trim();
      if (v) samples.push(v.length > 40 ? v.slice(0, 40) + '…' : v);
      if (samples.length >= 3) break;
    }
    const info: ColumnInfo = { index, samples };
    const h = header?.[index]?.trim();
    if (h) info.header = h;
    const role = roleAt.get(index);
    if (role) info.role = role;
    return info;
  });
}

/** Check a caller-supplied mapping against the table width. */
export function isValidMapping(mapping: ColumnMapping, columnCount: number): boolean {
  return ROLES.every((role) => {
    const i = mapping[role];
    if (i === undefined) return role !== 'text';
    return Number.isInteger(i) && i >= 0 && i < columnCount;
  });
}
