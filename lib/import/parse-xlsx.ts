/**
 * XLSX → rows. The reading itself is done by read-excel-file's universal
 * build (works on an ArrayBuffer in Node and in the browser); a caller may
 * inject another reader, e.g. one that runs in a web worker.
 */
import { readSheet } from 'read-excel-file/universal';
import type { SheetRow } from './import-types';
import { findFormulaCells } from './xlsx-formulas';

export type XlsxCell = string | number | boolean | Date | null | undefined;

/** Reads the first sheet of an .xlsx file into rows of cells, row 1 first. */
export type XlsxReader = (bytes: Uint8Array) => Promise<XlsxCell[][]>;

export const readFirstSheet: XlsxReader = async (bytes) => {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return (await readSheet(buffer)) as unknown as XlsxCell[][];
};

function cellText(value: XlsxCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * Sheet rows (as read-excel-file returns them: index 0 is row 1) → SheetRows.
 * Blank rows are dropped; row numbers stay those Excel shows.
 */
export function sheetToRows(sheet: XlsxCell[][], formulaCells: Map<number, number[]> = new Map()): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.forEach((values, i) => {
    const cells = values.map(cellText);
    const row = i + 1;
    const formulas = formulaCells.get(row);
    if (cells.every((c) => c.trim() === '') && !formulas) return;
    const out: SheetRow = { row, cells };
    if (formulas) out.formulaCells = formulas;
    rows.push(out);
  });
  return rows;
}

export async function parseXlsx(bytes: Uint8Array, reader: XlsxReader = readFirstSheet): Promise<SheetRow[]> {
  const sheet = await reader(bytes);
  return sheetToRows(sheet, findFormulaCells(bytes));
}
