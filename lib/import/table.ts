/**
 * Rows → table (header row, columns, proposed mapping) → import records.
 * Shared by CSV, XLSX and TXT so every format gets the same row checks.
 */
import type { ColumnMapping, ImportProblem, ImportRecord, ParsedTable, ProgressCallback, SheetRow } from './import-types';
import { describeColumns, findHeader, guessMapping, isValidMapping, mappingFromHeader } from './columns';
import { parseInChunks } from './chunks';
import { formulaVerdict } from './formula';
import { MAX_TEXT_CHARS } from './limits';
import { problems } from './problems';
import { findBadCharacter } from './bad-characters';

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
    if (options.headerRow > 0 && i >= 0) {
      headerIndex = i;
      detected = mappingFromHeader(rows[i]!.cells);
    }
  } else {
    const found = findHeader(rows);
    if (found) {
      headerIndex = found.index;
      detected = found.mapping;
    } else if (!options.mapping) {
      // No header we recognise: guess roles from the content, and whether row 1 is an unknown header.
      const guess = guessMapping(rows, columnCount);
      if (guess && looksLikeUnknownHeader(rows, guess)) headerIndex = 0;
      detected = headerIndex === undefined ? guess : (guessMapping(rows.slice(1), columnCount) ?? guess);
      if (detected && columnCount > 1) notes.push(headerIndex === undefined ? problems.noHeader() : problems.headerUnknown());
    }
  }
  if (!options.mapping && !detected) {
    detected = guessMapping(headerIndex === undefined ? rows : rows.slice(headerIndex + 1), columnCount);
  }
  if (headerIndex !== undefined && rows[headerIndex]!.row > 1 && notes.length === 0) {
    notes.push(problems.headerNotFirstRow(rows[headerIndex]!.row));
  }
  const dataRows = headerIndex === undefined ? rows : rows.slice(headerIndex + 1);

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

/**
 * A first row with unknown names ("Topic, Key, Answer") is still a header
 * when every cell is filled and its cell in the phrase column is far shorter
 * than the phrases below it.
 */
function looksLikeUnknownHeader(rows: SheetRow[], mapping: ColumnMapping): boolean {
  const first = rows[0];
  if (!first || rows.length < 3 || first.formulaCells) return false;
  const filled = first.cells.filter((c) => c.trim() !== '');
  if (filled.length < 2 || filled.length !== first.cells.length) return false;
  const headerText = (first.cells[mapping.text] ?? '').trim();
  const below = rows.slice(1, 50).map((r) => (r.cells[mapping.text] ?? '').trim().length);
  const average = below.reduce((a, b) => a + b, 0) / below.length;
  return headerText.length <= 12 && average >= headerText.length * 2;
}

/** 0-based column index → spreadsheet letters (0 → "A", 26 → "AA"). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
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

  if (row.unclosedQuote) {
    record.error = problems.unclosedQuote();
    return record;
  }
  // NUL or half a surrogate pair anywhere in the row: a damaged file, not a phrase to keep.
  for (const [column, cell] of row.cells.entries()) {
    const bad = findBadCharacter(cell);
    if (!bad) continue;
    const letter = columnLetter(column);
    record.error = problems.badCharacters(row.row, bad.kind, row.fixedColumns ? undefined : { zh: `${letter} 列`, en: `column ${letter}` });
    record.text = '';
    delete record.group;
    delete record.code;
    delete record.title;
    return record;
  }
  if (row.formulaCells?.includes(mapping.text)) {
    // CSV: the cell is the formula itself. XLSX: the cell is the formula's cached result.
    // A result that itself starts like a formula (=, +, -, @) is not clearly plain text.
    if (!text || /^[=+\-@]/.test(text) || formulaVerdict(text) === 'formula') {
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
