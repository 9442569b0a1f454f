/**
 * 200 malformed import files, generated from a seed: random bytes, truncated
 * and damaged .xlsx/.zip, broken CSV quoting, huge lines, NUL, lone
 * surrogates, wrong encodings, broken backups, empty files. Each goes through
 * the options page's path (previewImportFile) and must come back — never
 * throw — within 10 s with a clear message: a whole-file problem in Chinese
 * and English, or rows each of which is either importable or carries its own
 * problem. No message may itself hold NUL or half a surrogate pair.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findBadCharacter } from '../../lib/import/bad-characters';
import type { ImportProblem } from '../../lib/import/import-types';
import { previewImportFile } from '../../lib/import/preview-file';
import { seededRandom, type Random } from './seeded-random';
import { buildXlsx, formulaCell, textCell } from './xlsx-build';
import { concat, utf16, utf8 } from './file-bytes';

const SEED = 20_241_204;
const FILES = 200;
const PER_FILE_MS = 10_000;

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../fixtures/import', name)));
const PHRASES = ['亲，在的', '包邮吗', '退款已受理', '加我微信', '=HYPERLINK("x")', '+1 收到', '"引号"', 'a,b', '😀', '第一时间发货', ''];
const NAMES = ['x.csv', 'x.txt', 'x.xlsx', 'x.json', 'x.xls', 'x.tsv', 'x', 'x.CSV', 'x.png'];

function phrase(rnd: Random): string {
  const parts = Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(PHRASES));
  return parts.join(rnd.pick(['', ' ', '，', '\t', '\n', '\r', '"', ',']));
}

function csvText(rnd: Random, rows: number): string {
  const lines = [rnd.pick(['分组,快捷编码,快捷短语', '快捷短语', 'a;b;c', '', '"分组","内容"'])];
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: 1 + rnd.int(4) }, () => phrase(rnd)).join(rnd.pick([',', '\t', ';'])));
  return lines.join(rnd.pick(['\n', '\r\n', '\r']));
}

/** Damage a copy of `bytes` at a few random places. */
function flip(rnd: Random, bytes: Uint8Array, count: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < count && out.length; i++) out[rnd.int(out.length)] = rnd.int(256);
  return out;
}

const XLSX_FIXTURES = ['dongdong.xlsx', 'qianniu-export.xlsx', 'formulas.xlsx'].map(fixture);
const BACKUP = fixture('backup-valid.json');

type Case = { kind: string; name: string; bytes: Uint8Array };

const GENERATORS: Array<(rnd: Random) => Case> = [
  (rnd) => ({ kind: 'random bytes', name: rnd.pick(NAMES), bytes: rnd.bytes(rnd.int(64 * 1024)) }),
  (rnd) => {
    const x = rnd.pick(XLSX_FIXTURES);
    return { kind: 'truncated xlsx', name: 'x.xlsx', bytes: x.slice(0, rnd.int(x.length)) };
  },
  (rnd) => ({ kind: 'damaged xlsx', name: 'x.xlsx', bytes: flip(rnd, rnd.pick(XLSX_FIXTURES), 1 + rnd.int(20)) }),
  (rnd) => ({
    kind: 'zip signature, then noise',
    name: rnd.pick(['x.xlsx', 'x.csv', 'x']),
    bytes: concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), rnd.bytes(rnd.int(4096))),
  }),
  (rnd) => {
    // A well-formed zip whose sheet XML is noise made of markup characters.
    const noise = Array.from({ length: rnd.int(3000) }, () =>
      rnd.pick(['<', '>', '"', "'", '/', 'c', 'f', 'r="A1"', '<c r="B2">', '<f>', '</c>', '<!--', ']]>', '&#x0;', '_x0000_', '亲']),
    ).join('');
    return { kind: 'xlsx with noise XML', name: 'x.xlsx', bytes: buildXlsx({ sheetRelId: rnd.pick(['rId1', '(a+)+b', '', '"']), sheetData: noise }) };
  },
  (rnd) => {
    const rows = Array.from(
      { length: 1 + rnd.int(50) },
      (_, i) => `<row r="${i + 1}">${textCell(`A${i + 1}`, phrase(rnd))}${rnd() < 0.3 ? formulaCell(`B${i + 1}`, 'SUM(1)', phrase(rnd)) : ''}</row>`,
    );
    return { kind: 'xlsx, odd cells', name: 'x.xlsx', bytes: buildXlsx({ sheetData: rows.join('') }) };
  },
  (rnd) => ({ kind: 'zip without a sheet', name: 'x.xlsx', bytes: zipSync({ 'a.txt': strToU8(phrase(rnd)) }) }),
  (rnd) => {
    // Quotes opened and never closed, doubled, or in the middle of cells.
    let text = csvText(rnd, 5 + rnd.int(40));
    for (let i = 0; i < 1 + rnd.int(5); i++) {
      const at = rnd.int(text.length + 1);
      text = text.slice(0, at) + rnd.pick(['"', '""', '"""', '",', ',"', '\n"']) + text.slice(at);
    }
    return { kind: 'broken CSV quoting', name: rnd.pick(['x.csv', 'x.tsv', 'x.txt']), bytes: utf8(text) };
  },
  (rnd) => {
    const unit = rnd.pick(['亲', 'a', '1,', '"', '\t', '加我微信 ', '😀']);
    const length = 100_000 + rnd.int(1_500_000);
    return { kind: 'one huge line', name: rnd.pick(['x.csv', 'x.txt']), bytes: utf8(unit.repeat(Math.ceil(length / unit.length))) };
  },
  (rnd) => ({ kind: 'a phrase over the length limit', name: 'x.csv', bytes: utf8(`快捷短语\n${'亲'.repeat(2001 + rnd.int(50_000))}\n好的\n`) }),
  (rnd) => {
    const text = utf8(csvText(rnd, 20 + rnd.int(200)));
    const out = text.slice();
    for (let i = 0; i < 1 + rnd.int(4); i++) out[rnd.int(out.length)] = 0;
    return { kind: 'NUL bytes', name: rnd.pick(['x.csv', 'x.txt']), bytes: out };
  },
  (rnd) => {
    let text = csvText(rnd, 10 + rnd.int(50));
    for (let i = 0; i < 1 + rnd.int(3); i++) {
      const at = rnd.int(text.length + 1);
      text = text.slice(0, at) + rnd.pick(['\ud800', '\udfff', '\udc00\ud800', '\u0000']) + text.slice(at);
    }
    return { kind: 'lone surrogates (UTF-16)', name: rnd.pick(['x.csv', 'x.txt']), bytes: utf16(text, rnd() < 0.5) };
  },
  (rnd) => {
    const text = utf8(csvText(rnd, 10 + rnd.int(50)));
    const at = rnd.int(text.length + 1);
    const bad = rnd.pick([[0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0], [0xc0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
    return { kind: 'malformed UTF-8', name: 'x.csv', bytes: concat(text.subarray(0, at), new Uint8Array(bad), text.subarray(at)) };
  },
  (rnd) => ({ kind: 'UTF-16 without a BOM', name: 'x.csv', bytes: utf16(csvText(rnd, 10), rnd() < 0.5, false) }),
  (rnd) => ({ kind: 'GBK named .json / .txt', name: rnd.pick(['x.json', 'x.txt', 'x.csv']), bytes: fixture('qianniu-gbk.csv') }),
  (rnd) => {
    // Latin-1 or other single-byte text: high bytes that are not UTF-8.
    const bytes = Array.from({ length: 50 + rnd.int(2000) }, () => (rnd() < 0.3 ? 0x80 + rnd.int(128) : rnd.pick([0x61, 0x2c, 0x0a, 0x20, 0x22])));
    return { kind: 'single-byte encoding', name: 'x.csv', bytes: new Uint8Array(bytes) };
  },
  (rnd) => ({ kind: 'empty or blank', name: rnd.pick(NAMES), bytes: utf8(rnd.pick(['', ' ', '\n\n', '\uFEFF', '\uFEFF\r\n', '\t\t', ',,,\n,,,'])) }),
  (rnd) => ({ kind: 'truncated backup', name: 'backup.json', bytes: BACKUP.slice(0, rnd.int(BACKUP.length)) }),
  (rnd) => {
    const variants = [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"format":"huashu-backup","version":1,"exportedAt":"2025-01-01T00:00:00Z","scripts":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}',
      '{"format":"huashu-backup","version":1,"exportedAt":"2025-01-01T00:00:00Z","scripts":[{"id":"a","text":"\\u0000","group":"","intent":"x","title":"","triggers":[],"updatedAt":1},null,7,"s"]}',
      '{"format":"huashu-backup","version":1,"exportedAt":"2025-01-01T00:00:00Z","scripts":[{"id":"\\ud800","text":"ok","group":"g","intent":"x","title":"t","triggers":["\\udc00"],"updatedAt":1}],"settings":{}}',
      '{"format":"huashu-backup","version":99}',
      '{"format":"huashu-backup"' + ',"x":1'.repeat(rnd.int(10_000)) + '}',
    ];
    return { kind: 'odd backup', name: 'backup.json', bytes: utf8(rnd.pick(variants)) };
  },
  (rnd) => ({
    kind: 'web page as .xls',
    name: rnd.pick(['x.xls', 'x.xlsx', 'x.csv']),
    bytes: utf8(`<html><table>${'<tr><td>亲</td></tr>'.repeat(rnd.int(100))}`),
  }),
];

function expectClear(problem: ImportProblem | undefined, context: string): void {
  expect(problem, context).toBeDefined();
  expect(typeof problem!.code, context).toBe('string');
  expect(problem!.zh.length, context).toBeGreaterThan(4);
  expect(problem!.en.length, context).toBeGreaterThan(4);
  expect(findBadCharacter(problem!.zh + problem!.en), `${context}: the message holds a bad character`).toBeUndefined();
}

describe(`fuzz: ${FILES} malformed import files (seed ${SEED})`, () => {
  it('each gives a clear message within 10 s and never throws', async () => {
    const rnd = seededRandom(SEED);
    const seen = new Map<string, number>();
    let slowest = { ms: 0, kind: '' };
    for (let n = 0; n < FILES; n++) {
      const c = GENERATORS[n % GENERATORS.length]!(rnd);
      const context = `file ${n} (${c.kind}, ${c.name}, ${c.bytes.length} bytes)`;
      const t0 = performance.now();
      let result: Awaited<ReturnType<typeof previewImportFile>> | undefined;
      let thrown: unknown;
      try {
        result = await previewImportFile(c.name, c.bytes, []);
      } catch (e) {
        thrown = e;
      }
      const ms = performance.now() - t0;
      expect(thrown, `${context} threw`).toBeUndefined();
      expect(ms, `${context} took ${ms.toFixed(0)} ms`).toBeLessThan(PER_FILE_MS);
      if (ms > slowest.ms) slowest = { ms, kind: context };
      if (!result!.ok) {
        expectClear(result!.problem, context);
        seen.set(result!.problem.code, (seen.get(result!.problem.code) ?? 0) + 1);
        continue;
      }
      seen.set('readable', (seen.get('readable') ?? 0) + 1);
      const { preview } = result!;
      for (const row of preview.rows) {
        if (row.status === 'error') expectClear(row.problem, `${context} row ${row.row}`);
        if (row.script)
          expect(
            findBadCharacter(row.script.text + row.script.group + row.script.title + (row.script.code ?? '')),
            `${context} row ${row.row} kept a bad character`,
          ).toBeUndefined();
      }
      for (const note of result!.parsed.notes) expectClear(note, `${context} note`);
    }
    console.log(`fuzz import: ${FILES} files, outcomes ${JSON.stringify(Object.fromEntries(seen))}; slowest ${slowest.ms.toFixed(0)} ms: ${slowest.kind}`);
  }, 600_000);
});
