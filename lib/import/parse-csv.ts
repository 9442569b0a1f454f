/**
 * CSV/TSV text → rows, with papaparse in chunk mode so 100,000 rows do not
 * block the page: the parser pauses after each chunk and resumes on the next
 * turn of the event loop. The delimiter (comma, tab, semicolon) is guessed.
 */
import Papa from 'papaparse';
import type { ProgressCallback, SheetRow } from './import-types';
import { formulaVerdict, unguardCell } from './formula';
import { CSV_CHUNK_BYTES } from './limits';

export interface CsvParseOptions {
  onProgress?: ProgressCallback;
  /** Force a delimiter; default: guessed. */
  delimiter?: string;
}

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * The separator used on most of the first lines (quoted parts ignored).
 * papaparse's own guess needs many equal-width lines and is thrown off by
 * blank lines, which short phrase files have.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50)
    .map((l) => l.replace(/"(?:[^"]|"")*"/g, ''));
  let best = ',';
  let bestLines = 0;
  for (const d of DELIMITERS) {
    const count = lines.filter((l) => l.includes(d)).length;
    if (count > bestLines) {
      best = d;
      bestLines = count;
    }
  }
  return best;
}

/**
 * Cells are un-guarded (our export's leading "'"), and a cell that still looks
 * like a formula is listed in `formulaCells`. Rows are numbered by record,
 * which is the row number Excel shows when it opens the file.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let record = 0;
  const total = text.length;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter: options.delimiter ?? guessDelimiter(text),
      skipEmptyLines: false,
      chunkSize: CSV_CHUNK_BYTES,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        // A quote never closed swallows the rest of the file into one cell: that record is marked
        // (an error row), and nothing after it is read, since its rows are inside the broken cell.
        const broken = results.errors.find((e) => e.code === 'MissingQuotes');
        const data = broken?.row !== undefined ? results.data.slice(0, broken.row + 1) : results.data;
        for (const [k, raw] of data.entries()) {
          record++;
          if (broken && k === data.length - 1) {
            rows.push({ row: record, cells: raw.map((c) => c.slice(0, 200)), unclosedQuote: true });
            break;
          }
          if (raw.length === 1 && raw[0] === '') continue; // blank line
          const cells: string[] = [];
          const formulaCells: number[] = [];
          raw.forEach((cell: string, i: number) => {
            const unguarded = unguardCell(cell);
            if (unguarded === cell && formulaVerdict(cell) === 'formula') formulaCells.push(i);
            cells.push(unguarded);
          });
          const row: SheetRow = { row: record, cells };
          if (formulaCells.length) row.formulaCells = formulaCells;
          rows.push(row);
        }
        const cursor = results.meta.cursor;
        options.onProgress?.(Math.min(cursor, total), total);
        if (broken) {
          parser.abort();
          return;
        }
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete() {
        resolve(rows);
      },
      error(err: Error) {
        reject(err);
      },
    });
  });
}
