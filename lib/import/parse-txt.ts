/**
 * Plain-text phrase lists: one phrase per line, as 咚咚 and older 旺旺 write
 * them and as reps keep them in Notepad. Two conventions are understood:
 *   【售后】 or [售后] or # 售后   on a line of its own starts a group;
 *   /tk 亲，退款已受理            a leading /code is the shortcut code.
 * A file whose lines are mostly tab-separated is really a table (TSV) and is
 * read by the CSV parser instead.
 */
import type { ColumnMapping, SheetRow } from './import-types';
import { findBadCharacter } from './bad-characters';
import { formulaVerdict } from './formula';

/** Fixed columns of the rows produced here. */
export const TXT_MAPPING: ColumnMapping = { group: 0, code: 1, text: 2 };

const GROUP_LINE = /^(?:【([^】]{1,30})】|\[([^\]]{1,30})\]|#{1,3}\s*(\S.{0,29}))$/;
const CODE_PREFIX = /^\/([A-Za-z0-9_.-]{1,16})[ \t\u3000]+(\S[\s\S]*)$/;

export function looksTabSeparated(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/, 200).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  return lines.filter((l) => l.includes('\t')).length / lines.length >= 0.6;
}

export function parseTxt(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let group = '';
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const heading = GROUP_LINE.exec(trimmed);
    if (heading) {
      const name = (heading[1] ?? heading[2] ?? heading[3] ?? '').trim();
      if (!findBadCharacter(name)) {
        group = name;
        return;
      }
      // A damaged heading is reported on its own line; the phrases under it are kept, without a group.
      group = '';
      rows.push({ row: i + 1, cells: ['', '', trimmed], fixedColumns: true });
      return;
    }
    const coded = CODE_PREFIX.exec(trimmed);
    const cells = coded ? [group, coded[1]!, coded[2]!] : [group, '', trimmed];
    const row: SheetRow = { row: i + 1, cells, fixedColumns: true };
    if (formulaVerdict(cells[2]!) === 'formula') row.formulaCells = [2];
    rows.push(row);
  });
  return rows;
}
