/**
 * Decide how to read a file from its name and its first bytes. The bytes win
 * over the extension: reps rename files, and many web back-ends write a
 * tab-separated text or an HTML table and call it ".xls".
 */
import type { ImportFormat, ImportProblem } from './import-types';
import { MAX_IMPORT_BYTES } from './limits';
import { problems } from './problems';

export type DetectResult = { ok: true; format: ImportFormat } | { ok: false; problem: ImportProblem };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TEXT_BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * True when the head of the file is full of control bytes no text table
 * contains (images, archives, UTF-16 without a BOM). A stray NUL or two in a
 * text file is damage, not a binary file: those rows are refused one by one
 * (table.ts) and the rest of the file is kept.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (TEXT_BOMS.some((bom) => startsWith(bytes, bom))) return false;
  const head = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > 2 && control / Math.max(1, head.length) > 0.01;
}

/** The first non-space characters of the file as ASCII, for sniffing JSON and HTML. */
function asciiHead(bytes: Uint8Array): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  let out = '';
  for (let i = start; i < Math.min(bytes.length, start + 512); i++) out += String.fromCharCode(bytes[i]!);
  return out.trimStart();
}

export function detectFormat(name: string, bytes: Uint8Array): DetectResult {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: problems.tooLarge(bytes.length) };
  if (bytes.length === 0) return { ok: false, problem: problems.emptyFile() };
  const ext = extensionOf(name);

  if (startsWith(bytes, ZIP)) {
    if (['xlsx', 'xlsm', 'csv', 'txt', 'xls', ''].includes(ext)) return { ok: true, format: 'xlsx' };
    return { ok: false, problem: problems.unsupported(name) };
  }
  if (startsWith(bytes, OLE2)) {
    if (['xls', 'et', 'xlt', ''].includes(ext)) return { ok: false, problem: problems.oldExcel() };
    return { ok: false, problem: problems.unsupported(name) };
  }
  if (looksBinary(bytes)) return { ok: false, problem: problems.binary(name) };

  const head = asciiHead(bytes);
  if (head.length === 0 && bytes.length < 4096 && /^[\s\uFEFF]*$/.test(new TextDecoder().decode(bytes))) {
    return { ok: false, problem: problems.emptyFile() };
  }
  if (ext === 'json' || (head.startsWith('{') && head.includes('huashu-backup'))) {
    return { ok: true, format: 'json-backup' };
  }
  if (/^<(!doctype|html|table|\?xml|meta|head)/i.test(head)) {
    if (ext === 'xls' || ext === 'xlsx') return { ok: false, problem: problems.htmlTable() };
    return { ok: false, problem: problems.unsupported(name) };
  }
  switch (ext) {
    case 'csv':
    case 'tsv':
    case 'xls': // text saved as .xls by web back-ends: tab- or comma-separated
      return { ok: true, format: 'csv' };
    case 'txt':
    case 'text':
    case '':
      return { ok: true, format: 'txt' };
    default:
      return { ok: false, problem: problems.unsupported(name) };
  }
}
