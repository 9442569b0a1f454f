/**
 * Rows → table (header row, columns, proposed mapping) → import records.
 * Shared by CSV, XLSX and TXT so every format gets the same row checks.
 */
import type { ColumnMapping, ImportProblem, ImportRecord, ParsedTable, ProgressCallback, SheetRow } from './import-types';
import { describeColumns, findHeader, guessMapping, isValidMapping } from './columns';
import { parseInChunks } from './chunks';
import { formulaVerdict } from './formula';
import { MAX_TEXT_CHARS } from './limits';
import { problems } from './problems';

export interface TableOptions {
  /** The caller's mapping from the column-mapping step; overrides detection. */
  mapping?: ColumnMapping;
  /** 1-based header row chosen by the caller; 0 means "the file has no header". */
  headerRow?: number;
}

export function buildTable(rows: SheetRow[], options: TableOptions = {}): { table: ParsedTable; notes: ImportProblem[] } {
  const notes: ImportProblem[] = [];
  const columnCount = rows.reduce((n, r) => Math.max(n, r.cells.length), 0);

  let headerIndex: number | undefined;
  let detected: ColumnMapping | undefined;
  if (options.headerRow !== undefined) {
    const i = rows.findIndex((r) => r.row === options.headerRow);
    if (i >= 0) headerIndex = i;
  } else {
    const found = findHeader(rows);
    if (found) {
      headerIndex = found.index;
      detected = found.mapping;
    }
  }
  const dataRows = headerIndex === undefined ? rows : rows.slice(headerIndex + 1);
  if (headerIndex === undefined && !options.mapping) {
    detected = guessMapping(dataRows, columnCount);
    if (detected && columnCount > 1) notes.push(problems.noHeader());
  } else if (headerIndex !== undefined && rows[headerIndex]!.row > 1) {
    notes.push(problems.headerNotFirstRow(rows[headerIndex]!.row));
  }

  let mapping = options.mapping ?? detected;
  if (mapping && !isValidMapping(mapping, Math.max(columnCount, 1))) mapping = undefined;
  const header = headerIndex === undefined ? undefined : rows[headerIndex]!.cells;
  const table: ParsedTable = {
    rows: dataRows,
    columns: describeColumns(dataRows, columnCount, header, mapping),
  };
  if (headerIndex !== undefined) table.headerRow = rows[headerIndex]!.row;
  if (mapping) table.mapping = mapping;
  if (!mapping) notes.push(problems.noTextColumn());
  return { table, notes };
}

function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** Value of an optional column; a formula there is dropped, a formula's plain result kept. */
function optionalCell(row: SheetRow, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = cleanText(row.cells[index] ?? '');
  if (!value) return undefined;
  if (row.formulaCells?.includes(index) && formulaVerdict(value) === 'formula') return undefined;
  return value;
}

export function rowToRecord(row: SheetRow, mapping: ColumnMapping): ImportRecord {
  const text = cleanText(row.cells[mapping.text] ?? '');
  const record: ImportRecord = { row: row.row, text };
  const group = optionalCell(row, mapping.group);
  const code = optionalCell(row, mapping.code)?.replace(/^\//, '');
  const title = optionalCell(row, mapping.title);
  if (group) record.group = group;
  if (code) record.code = code;
  if (title) record.title = title;

  if (row.formulaCells?.includes(mapping.text)) {
    // CSV: the cell is the formula itself. XLSX: the cell is the formula's cached result.
    if (!text || formulaVerdict(text) === 'formula') {
      record.error = problems.formula();
      record.text = '';
      return record;
    }
    record.warning = problems.formulaResultKept();
  }
  if (!text) record.error = problems.emptyText();
  else if (text.includes('\uFFFD')) record.error = problems.garbledText();
  else if (text.length > MAX_TEXT_CHARS) record.error = problems.textTooLong(text.length);
  return record;
}

/** Map every data row to a record, in chunks, reporting progress. */
export async function tableToRecords(table: ParsedTable, onProgress?: ProgressCallback): Promise<ImportRecord[]> {
  const mapping = table.mapping;
  if (!mapping) return [];
  const records: ImportRecord[] = [];
  await parseInChunks(table.rows, (row) => records.push(rowToRecord(row, mapping)), { onProgress });
  return records;
}
