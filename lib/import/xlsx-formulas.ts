/**
 * read-excel-file returns a formula cell's cached result (or nothing) and
 * does not say the cell was a formula. To refuse formulas we look at the
 * first worksheet's XML ourselves: a <c> element with an <f> child.
 * fflate is the unzip library read-excel-file itself uses.
 *
 * Everything here is read with the single-pass tag reader (xml-tags.ts): no
 * regular expression is built from the file's contents, and the cost grows
 * linearly with the size of the sheet, however the file is crafted.
 */
import { strFromU8, unzipSync } from 'fflate';
import { attributeOf, scanXmlTags, type ScanStats } from './xml-tags';

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_REF = /^([A-Za-z]{1,3})([0-9]{1,7})$/;

function firstSheetPath(files: Record<string, Uint8Array>, stats?: ScanStats): string | undefined {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (workbook && rels) {
    // The first <sheet name=…> of the workbook, as read-excel-file picks it, and its relationship id.
    let id: string | undefined;
    scanXmlTags(
      strFromU8(workbook),
      (tag) => {
        if (tag.name !== 'sheet' || tag.kind === 'close' || !attributeOf(tag, 'name', stats)) return;
        id = attributeOf(tag, '*:id', stats);
        return false;
      },
      stats,
    );
    let target: string | undefined;
    if (id !== undefined) {
      scanXmlTags(
        strFromU8(rels),
        (tag) => {
          if (tag.name !== 'Relationship' || tag.kind === 'close' || attributeOf(tag, 'Id', stats) !== id) return;
          target = attributeOf(tag, 'Target', stats);
          return false;
        },
        stats,
      );
    }
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return Object.keys(files)
    .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))
    .sort()[0];
}

/**
 * Formula cells of the first sheet as a map from 1-based row number to the
 * 0-based column indexes. Returns an empty map when the file cannot be unzipped
 * (the sheet reader will report that error). `stats`, when given, counts the
 * characters examined (for tests that check the work stays linear).
 */
export function findFormulaCells(bytes: Uint8Array, stats?: ScanStats): Map<number, number[]> {
  const found = new Map<number, number[]>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.startsWith('xl/worksheets/') || f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels',
    });
  } catch {
    return found;
  }
  const path = firstSheetPath(files, stats);
  const sheet = path && files[path];
  if (!sheet) return found;
  const xml = strFromU8(sheet);
  // One pass over the tags: remember the open <c>, and mark it when an <f> opens inside it.
  let cell: { row: number; column: number } | undefined;
  let marked = false;
  scanXmlTags(
    xml,
    (tag) => {
      if (tag.name === 'c') {
        if (tag.kind === 'open') {
          const ref = CELL_REF.exec(attributeOf(tag, 'r', stats) ?? '');
          cell = ref ? { row: Number(ref[2]), column: columnIndex(ref[1]!) } : undefined;
          marked = false;
        } else cell = undefined; // </c>, or an empty <c/> that holds no formula
      } else if (tag.name === 'f' && tag.kind !== 'close' && cell && !marked) {
        const list = found.get(cell.row) ?? [];
        list.push(cell.column);
        found.set(cell.row, list);
        marked = true;
      }
    },
    stats,
  );
  return found;
}
