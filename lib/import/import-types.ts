/**
 * Shapes passed between the import steps: detect → decode → parse → map
 * columns → preview → choices. Everything here is plain data so the options
 * page can show it and the CLI can print it as JSON.
 */
import type { ReplyScript } from '../types';

export type ImportFormat = 'xlsx' | 'csv' | 'txt' | 'json-backup';

export interface Message {
  zh: string;
  en: string;
}

/** A problem the rep should see. `code` lets the UI group or filter them. */
export interface ImportProblem extends Message {
  code: ImportProblemCode;
}

export type ImportProblemCode =
  // whole-file problems (the file cannot be read)
  | 'empty-file'
  | 'too-large'
  | 'unsupported-format'
  | 'old-excel'
  | 'html-table'
  | 'binary'
  | 'broken-encoding'
  | 'corrupt-file'
  | 'backup-invalid'
  | 'no-text-column'
  | 'timed-out'
  | 'import-failed'
  // row problems
  | 'formula'
  | 'formula-result-kept'
  | 'empty-text'
  | 'text-too-long'
  | 'garbled-text'
  | 'duplicate-in-file'
  | 'duplicate-existing'
  | 'code-conflict'
  | 'code-conflict-in-file'
  | 'default-code-moved'
  | 'unclosed-quote'
  | 'bad-characters'
  // file-level notes
  | 'no-header'
  | 'header-unknown'
  | 'header-not-first-row';

/** Column roles the importer understands. */
export type ColumnRole = 'text' | 'group' | 'code' | 'title';

/** Which column index (0-based) holds each role. `text` is required. */
export interface ColumnMapping {
  text: number;
  group?: number;
  code?: number;
  title?: number;
}

export interface ColumnInfo {
  index: number;
  /** Header cell as written in the file, when the file has a header row. */
  header?: string;
  /** The role this column was matched to, if any. */
  role?: ColumnRole;
  /** A few non-empty values, for the mapping step. */
  samples: string[];
}

/** One row of a table as read from the file, before column mapping. */
export interface SheetRow {
  /** 1-based row number as the rep sees it in Excel/WPS (CSV: record number). */
  row: number;
  cells: string[];
  /** 0-based indexes of cells that are spreadsheet formulas (XLSX). */
  formulaCells?: number[];
  /** CSV: a quote opened on this row is never closed (the rest of the file ran into it). */
  unclosedQuote?: boolean;
  /** TXT: the cells are fixed slots (group, code, text), not columns the rep would recognise. */
  fixedColumns?: boolean;
}

/** A table read from CSV, XLSX or TSV-like TXT, with the detected header and mapping. */
export interface ParsedTable {
  rows: SheetRow[];
  /** 1-based row number of the header row, or undefined when none was found. */
  headerRow?: number;
  columns: ColumnInfo[];
  /** Proposed mapping (or the caller's explicit mapping). Undefined when no text column could be found. */
  mapping?: ColumnMapping;
}

/** One candidate phrase after column mapping, before comparison with the library. */
export interface ImportRecord {
  row: number;
  text: string;
  group?: string;
  code?: string;
  title?: string;
  /** A problem that stops this row from being imported. */
  error?: ImportProblem;
  /** A note that does not stop the import (e.g. a formula's plain result was kept). */
  warning?: ImportProblem;
  /** Extra fields kept from a Huashu backup (intent, triggers, favourite…). */
  base?: Partial<ReplyScript>;
}

export interface ParsedImport {
  format: ImportFormat;
  /** 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' for text formats. */
  encoding?: string;
  headerRow?: number;
  columns: ColumnInfo[];
  mapping?: ColumnMapping;
  records: ImportRecord[];
  /** File-level notes (row 0 in the CLI output). */
  notes: ImportProblem[];
}

export interface ImportFailure {
  ok: false;
  problem: ImportProblem;
}

export type ProgressCallback = (done: number, total: number) => void;
