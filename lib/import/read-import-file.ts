/**
 * One entry point from "the rep picked a file" to import records: size and
 * format checks, encoding, parsing (in chunks), header and column mapping.
 * The options page and scripts/import.ts both call this.
 */
import type { HuashuBackup } from '../export/backup';
import type { ColumnMapping, ImportFailure, ImportFormat, ParsedImport, ProgressCallback, SheetRow } from './import-types';
import { decodeText } from './decode-text';
import { detectFormat } from './detect-format';
import { parseBackupRecords } from './parse-backup';
import { parseCsv } from './parse-csv';
import { looksTabSeparated, parseTxt, TXT_MAPPING } from './parse-txt';
import { parseXlsx, type XlsxReader } from './parse-xlsx';
import { problems } from './problems';
import { buildTable, tableToRecords } from './table';

export interface ReadImportOptions {
  /** Explicit column mapping from the mapping step. */
  mapping?: ColumnMapping;
  /** Explicit 1-based header row; 0 = no header. */
  headerRow?: number;
  /** Reader for .xlsx bytes; default read-excel-file's universal build. */
  readXlsx?: XlsxReader;
  /** Called as parsing (phase 'parse') and row checking (phase 'rows') progress. */
  onProgress?: (done: number, total: number, phase: 'parse' | 'rows') => void;
}

export type ReadImportResult = (ParsedImport & { ok: true; backup?: HuashuBackup }) | ImportFailure;

export async function readImportFile(name: string, bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ReadImportResult> {
  const detected = detectFormat(name, bytes);
  if (!detected.ok) return { ok: false, problem: detected.problem };
  const parseProgress: ProgressCallback | undefined = options.onProgress && ((d, t) => options.onProgress!(d, t, 'parse'));
  const rowProgress: ProgressCallback | undefined = options.onProgress && ((d, t) => options.onProgress!(d, t, 'rows'));

  let format: ImportFormat = detected.format;
  let encoding: string | undefined;
  let rows: SheetRow[];
  let fixedMapping: ColumnMapping | undefined;

  if (format === 'xlsx') {
    try {
      rows = await parseXlsx(bytes, options.readXlsx);
    } catch (e) {
      return { ok: false, problem: problems.corruptFile((e as Error).message || String(e)) };
    }
  } else {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, problem: problems.brokenEncoding() };
    encoding = decoded.encoding;
    const text = decoded.text;
    if (text.trim() === '') return { ok: false, problem: problems.emptyFile() };
    if (format === 'json-backup') {
      const backup = parseBackupRecords(text);
      if (!backup.ok) return { ok: false, problem: backup.problem };
      return { ok: true, format, encoding, columns: [], records: backup.records, notes: [], backup: backup.backup };
    }
    if (format === 'txt' && looksTabSeparated(text)) format = 'csv';
    if (format === 'csv') {
      try {
        rows = await parseCsv(text, { onProgress: parseProgress });
      } catch (e) {
        return { ok: false, problem: problems.corruptFile((e as Error).message) };
      }
    } else {
      rows = parseTxt(text);
      fixedMapping = TXT_MAPPING;
    }
  }

  if (rows.length === 0) return { ok: false, problem: problems.emptyFile() };
  const { table, notes } = buildTable(rows, fixedMapping ? { mapping: fixedMapping, headerRow: 0 } : options);
  const records = await tableToRecords(table, rowProgress);
  const result: ParsedImport & { ok: true } = { ok: true, format, columns: table.columns, records, notes };
  if (encoding) result.encoding = encoding;
  if (table.headerRow !== undefined) result.headerRow = table.headerRow;
  if (table.mapping) result.mapping = table.mapping;
  return result;
}
