/**
 * Export scripts in the 千牛 快捷短语 layout: one row per phrase with the
 * columns 分组, 快捷编码, 快捷短语 (the layout 千牛's own export and import
 * template use; 咚咚 and our importer read it too). CSV is UTF-8 with a BOM
 * so Excel/WPS on a Chinese Windows do not show it as GBK mojibake.
 *
 * Both files re-import through lib/import without loss of group, code and
 * text (and title, when withTitle is set). The full, lossless format for
 * moving between computers is the JSON backup (./backup.ts).
 */
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import { guardCell } from '../import/formula';
import type { ReplyScript } from '../types';

export const QIANNIU_HEADER = ['分组', '快捷编码', '快捷短语'] as const;
export const TITLE_HEADER = '标题';

export interface QianniuExportOptions {
  /** Add a 标题 column after the three 千牛 columns (千牛 itself ignores titles). */
  withTitle?: boolean;
}

function liveScripts(scripts: readonly ReplyScript[]): ReplyScript[] {
  return scripts.filter((s) => !s.deleted);
}

/** Rows of the sheet: header first, then one row per script, in group order then `order`. */
export function qianniuRows(scripts: readonly ReplyScript[], options: QianniuExportOptions = {}): string[][] {
  const header: string[] = [...QIANNIU_HEADER];
  if (options.withTitle) header.push(TITLE_HEADER);
  const groupRank = new Map<string, number>();
  const sorted = liveScripts(scripts)
    .map((s, i) => {
      if (!groupRank.has(s.group)) groupRank.set(s.group, groupRank.size);
      return { s, i };
    })
    .sort((a, b) => groupRank.get(a.s.group)! - groupRank.get(b.s.group)! || (a.s.order ?? a.i) - (b.s.order ?? b.i) || a.i - b.i)
    .map(({ s }) => s);
  const rows = sorted.map((s) => {
    const row = [s.group, s.code ?? '', s.text];
    if (options.withTitle) row.push(s.title);
    return row;
  });
  return [header, ...rows];
}

/**
 * CSV text with a BOM and CRLF line ends. Cells Excel would evaluate
 * (= + - @ at the start) get the usual "'" guard, which our importer removes.
 */
export function exportQianniuCsv(scripts: readonly ReplyScript[], options: QianniuExportOptions = {}): string {
  const rows = qianniuRows(scripts, options).map((row) => row.map(guardCell));
  return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n', quotes: false }) + '\r\n';
}

export function exportQianniuCsvBytes(scripts: readonly ReplyScript[], options: QianniuExportOptions = {}): Uint8Array {
  return new TextEncoder().encode(exportQianniuCsv(scripts, options));
}

/** The same rows as an .xlsx file (every cell written as text, so nothing is a formula). */
export async function exportQianniuXlsx(scripts: readonly ReplyScript[], options: QianniuExportOptions = {}): Promise<Uint8Array> {
  const rows = qianniuRows(scripts, options);
  const data = rows.map((row, i) => row.map((value) => ({ value, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })));
  const blob = await writeXlsxFile(data, {
    sheet: '快捷短语',
    columns: [{ width: 14 }, { width: 12 }, { width: 60 }, ...(options.withTitle ? [{ width: 20 }] : [])],
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
