import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHeader, guessMapping, roleOfHeader } from '../../lib/import/columns';
import { formulaVerdict, guardCell, unguardCell } from '../../lib/import/formula';
import type { ImportRecord } from '../../lib/import/import-types';
import { parseCsv } from '../../lib/import/parse-csv';
import { parseTxt } from '../../lib/import/parse-txt';
import { sheetToRows } from '../../lib/import/parse-xlsx';
import { readImportFile } from '../../lib/import/read-import-file';
import { findFormulaCells } from '../../lib/import/xlsx-formulas';

const dir = join(__dirname, '../fixtures/import');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));

async function read(name: string, options = {}) {
  const r = await readImportFile(name, bytes(name), options);
  if (!r.ok) throw new Error(`${name}: ${r.problem.en}`);
  return r;
}
const byRow = (records: ImportRecord[], row: number) => records.find((r) => r.row === row)!;

describe('千牛 XLSX export', () => {
  it('finds the header under the title row and keeps Excel row numbers', async () => {
    const r = await read('qianniu-export.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.headerRow).toBe(3);
    expect(r.mapping).toEqual({ group: 0, code: 1, text: 2 });
    expect(r.notes.map((n) => n.code)).toContain('header-not-first-row');
    expect(byRow(r.records, 4)).toMatchObject({ group: '问候语', code: 'hy', text: '亲，您好！欢迎光临本店，有什么可以帮您的吗？' });
    expect(r.records[0]!.row).toBe(4);
  });

  it('keeps multi-line phrases and reads a numeric code as text', async () => {
    const r = await read('qianniu-export.xlsx');
    expect(byRow(r.records, 12).text).toContain('\n如果介于两个尺码之间');
    expect(byRow(r.records, 13).code).toBe('123');
  });

  it('flags the row whose phrase is empty', async () => {
    const r = await read('qianniu-export.xlsx');
    expect(byRow(r.records, 14).error?.code).toBe('empty-text');
    expect(r.records.filter((x) => x.error)).toHaveLength(1);
  });
});

describe('CSV', () => {
  it('reads the GBK 千牛 CSV with 快捷编码 first', async () => {
    const r = await read('qianniu-gbk.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.mapping).toEqual({ code: 0, text: 1, group: 2 });
    expect(r.records).toHaveLength(5);
    expect(byRow(r.records, 2)).toMatchObject({ code: 'hy', group: '问候语', text: '亲，您好！欢迎光临本店～有什么可以帮您的吗？' });
  });

  it('reads UTF-8 BOM CSV with quoted newlines; rows are record numbers', async () => {
    const r = await read('utf8-bom.csv');
    expect(r.encoding).toBe('utf-8-bom');
    expect(byRow(r.records, 3).text).toBe('亲，请核对一下收货信息：\n姓名、电话、地址，确认无误我们就安排发货啦');
    expect(byRow(r.records, 4).text).toContain('身高160、体重100斤左右');
    expect(byRow(r.records, 6).group).toBe('售后服務');
  });

  it('reads the 咚咚 header names in CSV and XLSX alike', async () => {
    const csv = await read('dongdong.csv');
    const xlsx = await read('dongdong.xlsx');
    expect(csv.mapping).toEqual({ group: 0, text: 1, code: 2 });
    expect(xlsx.mapping).toEqual({ group: 0, text: 1, code: 2 });
    expect(csv.records.map((r) => r.text)).toEqual(xlsx.records.filter((r) => !r.error).map((r) => r.text));
  });

  it('guesses a first row with unknown English names as the header, and takes an explicit mapping', async () => {
    const guessed = await read('generic-english.csv');
    expect(guessed.headerRow).toBe(1);
    expect(guessed.mapping).toEqual({ text: 2, code: 1, group: 0 });
    expect(guessed.notes.map((n) => n.code)).toEqual(['header-unknown']);
    expect(guessed.columns.map((c) => c.header)).toEqual(['Topic', 'Key', 'Answer', 'Notes']);

    const mapped = await read('generic-english.csv', { headerRow: 1, mapping: { text: 2, title: 3 } });
    expect(mapped.mapping).toEqual({ text: 2, title: 3 });
    expect(mapped.records).toHaveLength(4);
    expect(mapped.records[0]).toMatchObject({ row: 2, title: 'from old shop', text: expect.stringContaining('48 hours') });
    expect(mapped.records[0]!.group).toBeUndefined();
  });

  it('guesses columns of a headerless file from their content', async () => {
    const r = await read('no-header.csv');
    expect(r.headerRow).toBeUndefined();
    expect(r.mapping).toEqual({ text: 1, code: 2, group: 0 });
    expect(r.notes.map((n) => n.code)).toEqual(['no-header']);
    expect(r.records).toHaveLength(6);
    expect(r.records[0]).toMatchObject({ row: 1, group: '问候语', code: 'zd' });
  });

  it('guesses the delimiter (tab, semicolon)', async () => {
    const tab = await parseCsv('分组\t快捷短语\n问候\t亲，在的，请问有什么可以帮您\n');
    expect(tab[1]!.cells).toEqual(['问候', '亲，在的，请问有什么可以帮您']);
    const semi = await parseCsv('group;text\ngreet;hello, how can I help?\n');
    expect(semi[1]!.cells).toEqual(['greet', 'hello, how can I help?']);
  });

  it('refuses formula cells, keeps plain text that merely starts with - or +, and removes the export guard', async () => {
    const r = await read('formulas.csv');
    for (const row of [3, 4, 5, 6]) {
      expect(byRow(r.records, row).error?.code).toBe('formula');
      expect(byRow(r.records, row).text).toBe('');
    }
    expect(byRow(r.records, 7)).toMatchObject({ text: '-亲，这款是纯棉的，不起球' });
    expect(byRow(r.records, 7).error).toBeUndefined();
    expect(byRow(r.records, 8).text).toBe('+1 已收到您的反馈');
    expect(byRow(r.records, 9).text).toBe('=这行是被保护的文字');
    expect(byRow(r.records, 9).error).toBeUndefined();
  });
});

describe('XLSX formulas', () => {
  it('finds <f> cells in the first sheet', () => {
    const cells = findFormulaCells(bytes('formulas.xlsx'));
    expect([...cells.entries()]).toEqual([
      [3, [2]],
      [4, [2]],
      [5, [2]],
    ]);
  });

  it('keeps a plain cached result with a warning, refuses uncomputed or formula-like results', async () => {
    const r = await read('formulas.xlsx');
    expect(byRow(r.records, 2).warning).toBeUndefined();
    expect(byRow(r.records, 3)).toMatchObject({ text: '亲，在的', warning: { code: 'formula-result-kept' } });
    expect(byRow(r.records, 3).error).toBeUndefined();
    expect(byRow(r.records, 4).error?.code).toBe('formula');
    expect(byRow(r.records, 5).error?.code).toBe('formula');
  });

  it('sheetToRows drops blank rows but keeps Excel numbering and stringifies values', () => {
    const rows = sheetToRows([
      [null, null],
      ['分组', '快捷短语'],
      [null, null],
      ['问候', 42],
      [true, new Date('2024-05-01T00:00:00Z')],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(rows[1]!.cells).toEqual(['问候', '42']);
    expect(rows[2]!.cells).toEqual(['true', '2024-05-01']);
  });

  it('accepts an injected reader', async () => {
    const r = await readImportFile('x.xlsx', bytes('dongdong.xlsx'), {
      readXlsx: async () => [
        ['标题', '内容'],
        ['开场', '亲，在的'],
      ],
    });
    expect(r.ok && r.records).toEqual([{ row: 2, title: '开场', text: '亲，在的' }]);
  });
});

describe('TXT', () => {
  it('reads one phrase per line with 【group】 headings and /code prefixes', async () => {
    const r = await read('phrases.txt');
    expect(r.format).toBe('txt');
    expect(r.records.map((x) => [x.row, x.group, x.code, x.text])).toEqual([
      [2, '问候语', undefined, '亲，在的，请问有什么可以帮您？'],
      [3, '问候语', 'hy', '您好，欢迎光临～'],
      [6, '售后服务', undefined, '亲，非常抱歉给您带来不便，我们马上为您处理'],
      [7, '售后服务', 'tk', '退款已受理，1-3个工作日原路退回'],
      [8, '售后服务', undefined, '亲，在的，请问有什么可以帮您？'],
    ]);
  });

  it('accepts [group] and # group headings', () => {
    const rows = parseTxt('[售前]\n亲，有货的\n# 售后\n请提供订单号');
    expect(rows.map((r) => r.cells)).toEqual([
      ['售前', '', '亲，有货的'],
      ['售后', '', '请提供订单号'],
    ]);
  });

  it('reads a mostly tab-separated .txt as a table', async () => {
    const text = '分组\t快捷编码\t快捷短语\n问候\thy\t亲，在的\n售后\ttk\t退款已受理\n';
    const r = await readImportFile('phrases.txt', new TextEncoder().encode(text));
    expect(r.ok && r.format).toBe('csv');
    expect(r.ok && r.records.map((x) => x.code)).toEqual(['hy', 'tk']);
  });
});

describe('column roles', () => {
  it.each([
    ['分组', 'group'],
    ['分组名称', 'group'],
    ['组名', 'group'],
    ['Group', 'group'],
    ['短语分组', 'group'],
    ['短语', 'text'],
    ['快捷短语', 'text'],
    ['内容', 'text'],
    ['回复内容', 'text'],
    ['快捷回复', 'text'],
    ['话术', 'text'],
    ['TEXT', 'text'],
    ['Content', 'text'],
    ['快捷短语（必填）', 'text'],
    ['＊快捷短语', 'text'],
    ['编码', 'code'],
    ['快捷编码', 'code'],
    ['快捷键', 'code'],
    ['快捷码', 'code'],
    ['code', 'code'],
    ['Shortcut', 'code'],
    ['标题', 'title'],
    ['title', 'title'],
    ['標題', 'title'],
  ])('%s → %s', (header, role) => {
    expect(roleOfHeader(header)?.role).toBe(role);
  });

  it('does not take a title row that mentions 快捷短语 for the header', () => {
    const rows = [
      { row: 1, cells: ['千牛快捷短语导出 2024-05-01', '', ''] },
      { row: 2, cells: ['分组', '快捷编码', '快捷短语'] },
    ];
    expect(findHeader(rows)).toEqual({ index: 1, mapping: { group: 0, code: 1, text: 2 } });
  });

  it('guesses text as the longest column, codes as short ASCII tokens', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ row: i + 1, cells: [`c${i}`, ['售前', '售后'][i % 2]!, `亲，这是第${i}条比较长的回复话术内容`] }));
    expect(guessMapping(rows, 3)).toEqual({ text: 2, code: 0, group: 1 });
  });
});

describe('formula verdicts', () => {
  it.each([
    ['=SUM(A1:A3)', 'formula'],
    ['=A1+B2', 'formula'],
    ['+A1', 'formula'],
    ['@SUM(1)', 'formula'],
    ['=1+1', 'formula'],
    ["=cmd|' /C calc'!A0", 'formula'],
    ['-2*3', 'formula'],
    ['=Sheet1!A1', 'formula'],
    ['=abc', 'formula'],
    ['-亲，这款是纯棉的', 'plain'],
    ['+1 已收到', 'plain'],
    ['=====', 'plain'],
    ['-', 'plain'],
    ['亲=A1', 'plain'],
    ['@客服小美 在的', 'plain'],
    ['=这是文字', 'plain'],
  ])('%s → %s', (cell, verdict) => {
    expect(formulaVerdict(cell)).toBe(verdict);
  });

  it('guard and unguard are exact inverses', () => {
    for (const s of ['=SUM(1)', "'", "''=x", "'hello", '+86', '-', '@x', '\tx', 'plain', '']) {
      expect(unguardCell(guardCell(s))).toBe(s);
    }
  });
});
