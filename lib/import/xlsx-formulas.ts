/**
 * read-excel-file returns a formula cell's cached result (or nothing) and
 * does not say the cell was a formula. To refuse formulas we look at the
 * first worksheet's XML ourselves: a <c> element with an <f> child.
 * fflate is the unzip library read-excel-file itself uses.
 */
import { strFromU8, unzipSync } from 'fflate';

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function firstSheetPath(files: Record<string, Uint8Array>): string | undefined {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (workbook && rels) {
    const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(strFromU8(workbook));
    if (sheet) {
      const relsText = strFromU8(rels);
      const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1]}"[^>]*>`).exec(relsText);
      const target = rel && /\bTarget="([^"]+)"/.exec(rel[0]);
      if (target) {
        const t = target[1]!;
        return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
      }
    }
  }
  return Object.keys(files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).sort()[0];
}

/**
 * Formula cells of the first sheet as a map from 1-based row number to the
 * 0-based column indexes. Returns an empty map when the file cannot be unzipped
 * (the sheet reader will report that error).
 */
export function findFormulaCells(bytes: Uint8Array): Map<number, number[]> {
  const found = new Map<number, number[]>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.startsWith('xl/worksheets/') || f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels',
    });
  } catch {
    return found;
  }
  const path = firstSheetPath(files);
  const sheet = path && files[path];
  if (!sheet) return found;
  const xml = strFromU8(sheet);
  if (!/<(?:\w+:)?f[\s>/]/.test(xml)) return found;
  const cell = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    if (!m[2] || !/<(?:\w+:)?f[\s>/]/.test(m[2])) continue;
    const ref = /\br="([A-Za-z]+)(\d+)"/.exec(m[1]!);
    if (!ref) continue;
    const row = Number(ref[2]);
    const list = found.get(row) ?? [];
    list.push(columnIndex(ref[1]!));
    found.set(row, list);
  }
  return found;
}
