import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewImportFile } from '../../lib/import/preview-file';

const root = join(__dirname, '../..');
const fixture = (name: string): string => join(root, 'tests/fixtures/import', name);

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'huashu-import-cli-'));
const library = join(dir, 'library.json');
writeFileSync(
  library,
  JSON.stringify([
    {
      id: 'a',
      group: '问候语',
      intent: 'greeting',
      title: '开场',
      text: '亲，您好！欢迎光临本店，有什么可以帮您的吗？',
      triggers: [],
      code: 'hy',
      updatedAt: 1,
    },
    { id: 'b', group: '物流相关', intent: 'shipping_time', title: '发货', text: '亲，48小时内发货', triggers: [], code: 'fh', updatedAt: 1 },
  ]),
);

describe('npm run import', () => {
  it('prints counts and problems as JSON for a 千牛 XLSX, against a given library', () => {
    const r = run(fixture('qianniu-export.xlsx'), '--json', '--library', library);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: 'xlsx', encoding: null, headerRow: 3, counts: { new: 8, duplicate: 1, conflict: 1, error: 1 } });
    expect(out.problems).toContainEqual(expect.objectContaining({ row: 0, code: 'header-not-first-row' }));
    expect(out.problems).toContainEqual(expect.objectContaining({ row: 6, code: 'code-conflict', zh: expect.stringContaining('fh') }));
    expect(out.problems).toContainEqual(expect.objectContaining({ row: 14, code: 'empty-text' }));
    expect(out.rows).toBeUndefined();
  }, 60_000);

  it('reports the encoding of a GBK CSV and lists rows with --rows', () => {
    const r = run(fixture('qianniu-gbk.csv'), '--json', '--rows', '--library', library);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.encoding).toBe('gb18030');
    expect(out.rows).toHaveLength(5);
    expect(out.rows[0]).toMatchObject({ row: 2, status: 'conflict', code: 'hy', group: '问候语', existingId: 'a' });
    expect(out.rows[4]).toMatchObject({ row: 6, status: 'new', code: 'xx', intent: 'thanks_bye' });
  }, 60_000);

  it('exits 0 with row problems (formulas), 1 with a message for unreadable files', () => {
    const ok = run(fixture('formulas.csv'), '--json', '--library', library);
    expect(ok.code).toBe(0);
    expect(
      JSON.parse(ok.stdout)
        .problems.filter((p: { code: string }) => p.code === 'formula')
        .map((p: { row: number }) => p.row),
    ).toEqual([3, 4, 5, 6]);

    for (const [name, text] of [
      ['garbage.csv', '不是文本表格'],
      ['empty.csv', '文件是空的'],
      ['old-binary.xls', '.xlsx'],
      ['broken-encoding.csv', '编码'],
      ['backup-corrupted.json', 'JSON'],
    ]) {
      const bad = run(fixture(name!), '--json', '--library', library);
      expect(bad.code, name).toBe(1);
      // --json callers get one machine-readable line too, with the same reason as stderr
      expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { zh: expect.any(String), en: expect.any(String) } });
      expect(bad.stderr).toContain(text);
    }
    expect(run(join(dir, 'missing.csv')).code).toBe(1);
  }, 120_000);

  it('uses the default library when none is given and prints a readable summary', () => {
    const r = run(fixture('phrases.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新增 new:');
    expect(r.stdout).toContain('第 8 行');
    expect(r.stdout).toContain('dry run');
  }, 60_000);

  it('gives the same preview as the options page (one import path): statuses, codes, guessed intents', async () => {
    const r = run(fixture('qianniu-own-library.csv'), '--json', '--rows', '--library', library);
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout) as { rows: Array<{ row: number; status: string; code: string | null; intent: string; intentGuess?: unknown }> };
    const page = await previewImportFile(
      'qianniu-own-library.csv',
      new Uint8Array(readFileSync(fixture('qianniu-own-library.csv'))),
      JSON.parse(readFileSync(library, 'utf8')),
    );
    if (!page.ok) throw new Error(page.problem.en);
    expect(cli.rows.map((x) => [x.row, x.status, x.code, x.intent, x.intentGuess])).toEqual(
      page.preview.rows.map((x) => [x.row, x.status, x.script?.code ?? null, x.script?.intent, x.intentGuess]),
    );
    expect(cli.rows.find((x) => x.code === 'kd')?.intent).toBe('courier_fee');
  }, 60_000);
});
