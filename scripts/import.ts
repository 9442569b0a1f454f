/**
 * Dry run of an import, without a browser:
 *   npm run import -- FILE [--json] [--library FILE.json] [--rows] [--library-out OUT.json]
 * Reads FILE with the same code the options page uses, compares it with the
 * library (default assets/library/default-library.json; empty if missing) and
 * prints what would be imported. Changes nothing; --library-out writes the
 * library a confirmed import (the preview's default choices) would store.
 * Exit 0 for a readable file (even with row problems); 1 when the file cannot
 * be read or is not supported (message on stderr).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { previewImportFile } from '../lib/import/preview-file';
import { applyChoices } from '../lib/import/preview';
import { MAX_IMPORT_BYTES } from '../lib/import/limits';
import { problems as messages } from '../lib/import/problems';
import type { ReplyScript } from '../lib/types';

const DEFAULT_LIBRARY = 'assets/library/default-library.json';

interface Args {
  file?: string;
  json: boolean;
  rows: boolean;
  library?: string;
  libraryOut?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, rows: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--rows') args.rows = true;
    else if (a === '--library') args.library = argv[++i];
    else if (a === '--library-out') args.libraryOut = argv[++i];
    else if (!a.startsWith('--') && !args.file) args.file = a;
  }
  return args;
}

let jsonOutput = false;

/** An unreadable file: the reason on stderr, and with --json also one JSON object on stdout for scripts. */
function fail(zh: string, en: string): never {
  process.stderr.write(`${zh}\n${en}\n`);
  if (jsonOutput) process.stdout.write(JSON.stringify({ ok: false, error: { zh, en } }) + '\n');
  process.exit(1);
}

function loadLibrary(path: string | undefined): ReplyScript[] {
  const file = path ?? DEFAULT_LIBRARY;
  if (!existsSync(file)) {
    if (path) fail(`找不到话术库文件：${file}`, `Library file not found: ${file}`);
    return [];
  }
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(data)) return data as ReplyScript[];
    if (data && typeof data === 'object' && Array.isArray((data as { scripts?: unknown }).scripts)) {
      return (data as { scripts: ReplyScript[] }).scripts;
    }
  } catch {
    // reported below
  }
  return fail(`话术库文件无法读取：${file}`, `Cannot read the library file: ${file}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  jsonOutput = args.json;
  if (!args.file)
    fail('用法：npm run import -- 文件 [--json] [--library 话术库.json] [--rows]', 'Usage: npm run import -- FILE [--json] [--library FILE.json] [--rows]');
  const path = resolve(args.file);
  if (!existsSync(path)) fail(`找不到文件：${args.file}`, `File not found: ${args.file}`);
  if (!statSync(path).isFile()) fail(`“${args.file}” 是文件夹，请指定其中的一个文件`, `"${args.file}" is a folder; name one file in it`);
  const size = statSync(path).size;
  if (size > MAX_IMPORT_BYTES) {
    const p = messages.tooLarge(size);
    fail(p.zh, p.en);
  }
  const library = loadLibrary(args.library);
  const bytes = new Uint8Array(readFileSync(path));
  const result = await previewImportFile(basename(path), bytes, library);
  if (!result.ok) fail(result.problem.zh, result.problem.en);
  const { parsed, preview } = result;
  if (args.libraryOut) {
    const written = applyChoices(preview);
    const byId = new Map(library.map((s) => [s.id, s]));
    for (const s of written) byId.set(s.id, s);
    writeFileSync(args.libraryOut, JSON.stringify([...byId.values()], null, 1) + '\n');
  }
  const problems = [
    ...parsed.notes.map((n) => ({ row: 0, code: n.code, zh: n.zh, en: n.en })),
    ...preview.rows.flatMap((r) =>
      [r.problem, r.warning].filter((p) => p !== undefined).map((p) => ({ row: r.row, status: r.status, code: p.code, zh: p.zh, en: p.en })),
    ),
  ];

  if (args.json) {
    const out: Record<string, unknown> = {
      format: parsed.format,
      encoding: parsed.encoding ?? null,
      headerRow: parsed.headerRow ?? null,
      mapping: parsed.mapping ?? null,
      counts: preview.counts,
      problems,
    };
    if (args.rows) {
      out.rows = preview.rows.map((r) => ({
        row: r.row,
        status: r.status,
        ...(r.script ? { group: r.script.group, code: r.script.code ?? null, title: r.script.title, text: r.script.text, intent: r.script.intent } : {}),
        ...(r.intentGuess ? { intentGuess: r.intentGuess } : {}),
        ...(r.existingId ? { existingId: r.existingId } : {}),
        ...(r.otherRow !== undefined ? { otherRow: r.otherRow } : {}),
        ...(r.codeMove ? { codeMove: r.codeMove } : {}),
      }));
    }
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }

  const c = preview.counts;
  const lines = [
    `文件 File: ${args.file}  格式 format: ${parsed.format}${parsed.encoding ? `  编码 encoding: ${parsed.encoding}` : ''}`,
    parsed.headerRow ? `表头 header row: ${parsed.headerRow}` : '表头 header row: —',
    `列 columns: ${preview.columns.map((col) => `${col.index + 1}:${col.header ?? '?'}${col.role ? `→${col.role}` : ''}`).join('  ') || '—'}`,
    `话术库 library: ${library.length} 条 scripts`,
    `新增 new: ${c.new}   重复 duplicate: ${c.duplicate}   冲突 conflict: ${c.conflict}   错误 error: ${c.error}`,
  ];
  if (problems.length) {
    lines.push('问题 problems:');
    for (const p of problems) lines.push(`  ${p.row ? `第 ${p.row} 行 row ${p.row}` : '文件 file'}: ${p.zh} / ${p.en}`);
  }
  lines.push('（仅预览，未做任何修改 — dry run, nothing changed）');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => fail(`导入失败：${(e as Error).message}`, `Import failed: ${(e as Error).message}`));
