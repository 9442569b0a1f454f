import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../lib/import/decode-text';
import { detectFormat } from '../../lib/import/detect-format';
import { MAX_IMPORT_BYTES } from '../../lib/import/limits';
import { readImportFile } from '../../lib/import/read-import-file';

const dir = join(__dirname, '../fixtures/import');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));

describe('detectFormat', () => {
  it.each([
    ['qianniu-export.xlsx', 'xlsx'],
    ['dongdong.xlsx', 'xlsx'],
    ['qianniu-gbk.csv', 'csv'],
    ['utf8-bom.csv', 'csv'],
    ['phrases.txt', 'txt'],
    ['backup-valid.json', 'json-backup'],
  ])('%s → %s', (name, format) => {
    expect(detectFormat(name, bytes(name))).toEqual({ ok: true, format });
  });

  it('trusts the zip signature over a wrong extension', () => {
    expect(detectFormat('renamed.csv', bytes('dongdong.xlsx'))).toEqual({ ok: true, format: 'xlsx' });
  });

  it('refuses an empty file', () => {
    const r = detectFormat('empty.csv', bytes('empty.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('empty-file');
  });

  it('refuses old binary Excel with advice to save as .xlsx or CSV', () => {
    const r = detectFormat('old-binary.xls', bytes('old-binary.xls'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('old-excel');
      expect(r.problem.zh).toContain('.xlsx');
      expect(r.problem.en).toContain('CSV');
    }
  });

  it('refuses an HTML table saved as .xls', () => {
    const r = detectFormat('web-table.xls', bytes('web-table.xls'));
    expect(!r.ok && r.problem.code).toBe('html-table');
  });

  it('reads a tab-separated text saved as .xls as CSV', () => {
    const tsv = new TextEncoder().encode('分组\t快捷短语\n问候\t亲，在的\n');
    expect(detectFormat('export.xls', tsv)).toEqual({ ok: true, format: 'csv' });
  });

  it('refuses binary garbage named .csv', () => {
    const r = detectFormat('garbage.csv', bytes('garbage.csv'));
    expect(!r.ok && r.problem.code).toBe('binary');
  });

  it('refuses unknown extensions', () => {
    const r = detectFormat('phrases.docx', new TextEncoder().encode('hello'));
    expect(!r.ok && r.problem.code).toBe('unsupported-format');
  });

  it('refuses a file over MAX_IMPORT_BYTES before looking at it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const r = detectFormat('big.csv', big);
    expect(!r.ok && r.problem.code).toBe('too-large');
    if (!r.ok) expect(r.problem.zh).toContain('50 MB');
  });
});

describe('decodeText', () => {
  it('reads GBK (no BOM) as GB18030', () => {
    const r = decodeText(bytes('qianniu-gbk.csv'));
    expect(r.ok && r.encoding).toBe('gb18030');
    expect(r.ok && r.text.startsWith('快捷编码,快捷短语,分组')).toBe(true);
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodeText(bytes('utf8-bom.csv'));
    expect(r.ok && r.encoding).toBe('utf-8-bom');
    expect(r.ok && r.text.startsWith('分组')).toBe(true);
  });

  it('reads UTF-16LE with BOM', () => {
    const text = '分组,快捷短语\n问候,您好';
    const body = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      body[i * 2] = text.charCodeAt(i) & 0xff;
      body[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const r = decodeText(new Uint8Array([0xff, 0xfe, ...body]));
    expect(r.ok && r.encoding).toBe('utf-16le');
    expect(r.ok && r.text).toBe(text);
  });

  it('prefers strict UTF-8 when the bytes are valid UTF-8', () => {
    const r = decodeText(new TextEncoder().encode('亲，在的'));
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', text: '亲，在的' });
  });

  it('reports broken encoding when neither UTF-8 nor GB18030 fits', () => {
    expect(decodeText(bytes('broken-encoding.csv'))).toEqual({ ok: false, reason: 'broken-encoding' });
  });
});

describe('readImportFile refusals', () => {
  it.each([
    ['empty.csv', 'empty-file'],
    ['garbage.csv', 'binary'],
    ['broken-encoding.csv', 'broken-encoding'],
    ['old-binary.xls', 'old-excel'],
    ['backup-corrupted.json', 'backup-invalid'],
    ['backup-newer.json', 'backup-invalid'],
  ])('%s → %s', async (name, code) => {
    const r = await readImportFile(name, bytes(name));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe(code);
  });

  it('reports a damaged .xlsx as corrupt', async () => {
    const xlsx = bytes('dongdong.xlsx').slice(0, 400);
    const r = await readImportFile('cut.xlsx', xlsx);
    expect(!r.ok && r.problem.code).toBe('corrupt-file');
  });

  it('treats a whitespace-only CSV as empty', async () => {
    const r = await readImportFile('blank.csv', new TextEncoder().encode('\n\n  \r\n'));
    expect(!r.ok && r.problem.code).toBe('empty-file');
  });
});
