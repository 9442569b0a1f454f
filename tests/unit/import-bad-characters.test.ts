/**
 * NUL and half a surrogate pair, anywhere in an imported file: the row that
 * holds one is an error row whose message names the row (and the column or
 * field), in Chinese and English; every other row of the file is kept. Only
 * files that are mostly control bytes are refused whole, as binary.
 */
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../lib/export/backup';
import { findBadCharacter, findBadCharacterDeep } from '../../lib/import/bad-characters';
import { detectFormat } from '../../lib/import/detect-format';
import type { ImportRecord } from '../../lib/import/import-types';
import { previewImportFile } from '../../lib/import/preview-file';
import { readImportFile } from '../../lib/import/read-import-file';
import { buildXlsx, textCell } from './xlsx-build';
import { concat, utf16, utf8 } from './file-bytes';

const utf16le = (s: string): Uint8Array => utf16(s, true);

async function records(name: string, bytes: Uint8Array): Promise<ImportRecord[]> {
  const r = await readImportFile(name, bytes);
  if (!r.ok) throw new Error(`${name}: ${r.problem.en}`);
  return r.records;
}

function expectBadRow(record: ImportRecord | undefined, row: number, kind: 'nul' | 'surrogate', where?: [string, string]): void {
  expect(record?.row).toBe(row);
  expect(record?.error?.code).toBe('bad-characters');
  expect(record?.text).toBe('');
  expect(record?.error?.zh).toContain(`第 ${row} 行`);
  expect(record?.error?.en).toContain(`Row ${row}`);
  expect(record?.error?.zh).toContain(kind === 'nul' ? '空字符（NUL）' : '落单的代理项');
  expect(record?.error?.en).toContain(kind === 'nul' ? 'NUL' : 'surrogate');
  if (where) {
    expect(record?.error?.zh).toContain(where[0]);
    expect(record?.error?.en).toContain(where[1]);
  }
  // The message itself is clean text.
  expect(findBadCharacter(record!.error!.zh + record!.error!.en)).toBeUndefined();
}

const byRow = (list: ImportRecord[], row: number) => list.find((r) => r.row === row);

describe('CSV and TXT', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `售后,亲，这是第${i}条正常的话术，内容够长一些`);

  it('a NUL after the first 64 KiB: that row is an error naming row and column, the rest is kept', async () => {
    const lines = ['分组,快捷短语', ...filler(2000), '售后,坏\u0000的一行', '售后,最后一行'];
    const bytes = utf8(lines.join('\n'));
    expect(bytes.indexOf(0)).toBeGreaterThan(64 * 1024);
    const list = await records('late-nul.csv', bytes);
    expect(list).toHaveLength(2002);
    expectBadRow(byRow(list, 2002), 2002, 'nul', ['B 列', 'column B']);
    expect(list.filter((r) => r.error)).toHaveLength(1);
    expect(byRow(list, 2003)?.text).toBe('最后一行');
  });

  it('a NUL early in the file is the same row error, not a whole-file "binary" refusal', async () => {
    const bytes = utf8(['分组,快捷短语', '问候,亲，在的', '售\u0000后,退款已受理', '售后,最后一行'].join('\n'));
    expect(detectFormat('early-nul.csv', bytes)).toEqual({ ok: true, format: 'csv' });
    const list = await records('early-nul.csv', bytes);
    expect(list.map((r) => [r.row, r.text])).toEqual([
      [2, '亲，在的'],
      [3, ''],
      [4, '最后一行'],
    ]);
    expectBadRow(byRow(list, 3), 3, 'nul', ['A 列', 'column A']);
    expect(byRow(list, 3)?.group).toBeUndefined();
  });

  it('TXT: a damaged phrase line and a damaged 【group】 heading are reported on their own lines', async () => {
    const list = await records('list.txt', utf8('【问候】\n亲，在的\n坏\u0000的\n【售\u0000后】\n退款已受理\n好的\n'));
    expect(list.map((r) => [r.row, r.group, r.text])).toEqual([
      [2, '问候', '亲，在的'],
      [3, undefined, ''],
      [4, undefined, ''],
      [5, undefined, '退款已受理'],
      [6, undefined, '好的'],
    ]);
    expectBadRow(byRow(list, 3), 3, 'nul');
    expectBadRow(byRow(list, 4), 4, 'nul');
    expect(byRow(list, 5)?.error).toBeUndefined();
  });

  it('UTF-16 with half a surrogate pair: a bad-characters row, not garbled text', async () => {
    const list = await records('u16.csv', utf16le('内容\n好的\n坏\ud800的\n😀 收到\n'));
    expect(list.map((r) => r.text)).toEqual(['好的', '', '😀 收到']);
    expectBadRow(byRow(list, 3), 3, 'surrogate');
  });

  it('UTF-8 holding an encoded lone surrogate (ED A0 80): only that row is refused, a CESU-8 pair is read as its character', async () => {
    const bytes = concat(
      utf8('分组,快捷短语\n问候,亲，您好\n售后,坏'),
      new Uint8Array([0xed, 0xa0, 0x80]),
      utf8('的\n售后,笑'),
      new Uint8Array([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]),
      utf8('\n'),
    );
    const r = await readImportFile('wtf8.csv', bytes);
    expect(r.ok && r.encoding).toBe('utf-8');
    const list = r.ok ? r.records : [];
    expect(list.map((x) => x.text)).toEqual(['亲，您好', '', '笑😀']);
    expectBadRow(byRow(list, 3), 3, 'surrogate', ['B 列', 'column B']);
  });

  it('files that are mostly control bytes are still refused as binary', () => {
    const noBom = utf16le('内容,快捷短语\n好的,亲在的\n').subarray(2); // UTF-16 without a BOM: every other byte is NUL for ASCII
    expect(detectFormat('u16.csv', noBom)).toMatchObject({ ok: false, problem: { code: 'binary' } });
    expect(detectFormat('z.csv', new Uint8Array(100))).toMatchObject({ ok: false, problem: { code: 'binary' } });
  });
});

describe('XLSX', () => {
  it('_x0000_ and _xD800_ escapes are caught in the cell that holds them', async () => {
    const raw = (ref: string, xml: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml}</t></is></c>`;
    const bytes = buildXlsx({
      sheetData: [
        `<row r="1">${textCell('A1', '分组')}${textCell('B1', '快捷短语')}</row>`,
        `<row r="2">${textCell('A2', '问候')}${textCell('B2', '亲，在的')}</row>`,
        `<row r="3">${textCell('A3', '问候')}${raw('B3', '坏_x0000_的')}</row>`,
        `<row r="4">${raw('A4', '售_xD800_后')}${textCell('B4', '退款已受理')}</row>`,
        `<row r="5">${textCell('A5', '售后')}${textCell('B5', '最后一行')}</row>`,
      ].join(''),
    });
    const list = await records('x.xlsx', bytes);
    expect(list.map((r) => [r.row, r.text])).toEqual([
      [2, '亲，在的'],
      [3, ''],
      [4, ''],
      [5, '最后一行'],
    ]);
    expectBadRow(byRow(list, 3), 3, 'nul', ['B 列', 'column B']);
    expectBadRow(byRow(list, 4), 4, 'surrogate', ['A 列', 'column A']);
  });
});

describe('Huashu backup (.json)', () => {
  const script = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    title: 't',
    text: `话术 ${id}`,
    group: '售后',
    intent: 'other',
    triggers: [],
    updatedAt: 1,
    ...over,
  });
  const backup = (scripts: unknown[], followups: unknown[] = []) =>
    utf8(JSON.stringify({ format: 'huashu-backup', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', scripts, settings: [], followups, usage: [] }));

  it('escaped NUL or a lone surrogate in any field of a script: that row is an error naming the field', async () => {
    const bytes = backup([
      script('a'),
      script('b', { text: '坏\u0000的' }),
      script('c', { title: '坏\ud800' }),
      script('d', { triggers: ['ok', '\udc00'] }),
      script('e'),
    ]);
    const list = await records('backup.json', bytes);
    expect(list.map((r) => [r.row, r.text])).toEqual([
      [1, '话术 a'],
      [2, ''],
      [3, ''],
      [4, ''],
      [5, '话术 e'],
    ]);
    expectBadRow(byRow(list, 2), 2, 'nul', ['字段 text', 'field text']);
    expectBadRow(byRow(list, 3), 3, 'surrogate', ['字段 title', 'field title']);
    expectBadRow(byRow(list, 4), 4, 'surrogate', ['triggers[1]', 'triggers[1]']);
    const preview = await previewImportFile('backup.json', bytes, []);
    expect(preview.ok && preview.preview.counts).toMatchObject({ new: 2, error: 3 });
  });

  it('a restore drops a damaged follow-up row and keeps the others', () => {
    const followup = (id: string, over: Record<string, unknown> = {}) => ({
      id,
      kind: 'k',
      status: 'open',
      dedupeKey: id,
      dueAt: 1,
      createdAt: 1,
      deadlineAt: 2,
      attempts: [],
      ...over,
    });
    const text = new TextDecoder().decode(backup([script('a')], [followup('f1'), followup('f2', { note: { deep: ['x\u0000'] } }), followup('f3')]));
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.followups.map((f) => f.id)).toEqual(['f1', 'f3']);
    expect(parsed.ok && parsed.dropped).toEqual([
      expect.objectContaining({ table: 'followups', row: 2, badCharacters: { kind: 'nul', field: 'note.deep[0]' } }),
    ]);
  });
});

describe('findBadCharacter', () => {
  it('finds NUL and unpaired halves, accepts well-formed pairs', () => {
    expect(findBadCharacter('亲😀好')).toBeUndefined();
    expect(findBadCharacter('ab\u0000')).toEqual({ index: 2, kind: 'nul' });
    expect(findBadCharacter('a\ud83d')).toEqual({ index: 1, kind: 'surrogate' });
    expect(findBadCharacter('a\ude00b')).toEqual({ index: 1, kind: 'surrogate' });
    expect(findBadCharacter('\ud83d\ude00\ud83d')).toEqual({ index: 2, kind: 'surrogate' });
  });

  it('walks deep JSON without recursion (100,000 levels) and names bad keys safely', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadCharacterDeep(deep)?.kind).toBe('nul');
    const found = findBadCharacterDeep({ ok: 1, ['k\u0000']: 2 });
    expect(found).toEqual({ kind: 'nul', path: 'k\\0 (name)' });
  });
});
