import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, stringifyBackup } from '../../lib/export/backup';
import { exportQianniuCsv, exportQianniuCsvBytes, exportQianniuXlsx, QIANNIU_HEADER } from '../../lib/export/qianniu';
import { applyChoices, buildImportPreview } from '../../lib/import/preview';
import { readImportFile } from '../../lib/import/read-import-file';
import type { ReplyScript } from '../../lib/types';

const script = (id: string, group: string, text: string, code?: string, title = `标题${id}`): ReplyScript => ({
  id,
  group,
  intent: 'product_info',
  title,
  text,
  triggers: [],
  updatedAt: 1,
  ...(code ? { code } : {}),
});

// Texts chosen to break naive CSV/XLSX writers and readers.
const scripts: ReplyScript[] = [
  script('1', '问候语', '亲，您好！欢迎光临{店铺}～', 'hy'),
  script('2', '问候语', '第一行\n第二行，带逗号, 和 "引号"', 'dq'),
  script('3', '售后服务', '=SUM(A1:A3) 这不是公式，是文字', 'f1'),
  script('4', '售后服务', "'以单引号开头", 'q1'),
  script('5', '售后服務', '親，收到貨有問題請聯繫我們 😊', 'ft'),
  script('6', '咨询回复', '+86 客服电话请看详情页', '007'),
  script('7', '咨询回复', '-亲，这款是纯棉的', undefined),
  script('8', '咨询回复', '  前后有空格也保留中间  空格  '.trim(), 'sp'),
  script('9', '咨询回复', '@客服小美 会为您处理;分号|竖线\t制表符', 'at'),
  { ...script('10', '已删除', '删除的不导出', 'del'), deleted: true },
];
const live = scripts.filter((s) => !s.deleted);

async function reimport(name: string, bytes: Uint8Array) {
  const parsed = await readImportFile(name, bytes);
  if (!parsed.ok) throw new Error(parsed.problem.en);
  return parsed;
}

describe('千牛 export', () => {
  it('CSV starts with a BOM and the 千牛 header, guards formula-like cells', () => {
    const csv = exportQianniuCsv(scripts);
    expect(csv.startsWith('\uFEFF分组,快捷编码,快捷短语\r\n')).toBe(true);
    expect(csv).toContain("'=SUM(A1:A3)");
    expect(csv).not.toContain('删除的不导出');
    expect(QIANNIU_HEADER).toEqual(['分组', '快捷编码', '快捷短语']);
  });

  it.each([
    ['csv', false],
    ['csv', true],
    ['xlsx', false],
    ['xlsx', true],
  ] as const)('%s (withTitle %s) re-imports without loss', async (kind, withTitle) => {
    const bytes = kind === 'csv' ? exportQianniuCsvBytes(scripts, { withTitle }) : await exportQianniuXlsx(scripts, { withTitle });
    const parsed = await reimport(`export.${kind}`, bytes);
    expect(parsed.format).toBe(kind);
    expect(parsed.headerRow).toBe(1);
    expect(parsed.records.filter((r) => r.error || r.warning)).toEqual([]);
    expect(parsed.records.map((r) => ({ group: r.group, code: r.code, text: r.text, ...(withTitle ? { title: r.title } : {}) }))).toEqual(
      live.map((s) => ({ group: s.group, code: s.code, text: s.text, ...(withTitle ? { title: s.title } : {}) })),
    );
    // Against the library it came from, everything is a duplicate; into an empty library, everything is new.
    expect(buildImportPreview(parsed, scripts).counts).toEqual({ new: 0, duplicate: live.length, conflict: 0, error: 0 });
    expect(buildImportPreview(parsed, []).counts.new).toBe(live.length);
  });

  it('re-imports an imported fixture the same way (千牛 XLSX → export → import)', async () => {
    const first = await reimport('qianniu-export.xlsx', new Uint8Array(readFileSync(join(__dirname, '../fixtures/import/qianniu-export.xlsx'))));
    const imported = applyChoices(buildImportPreview(first, []), {});
    const again = await reimport('again.csv', exportQianniuCsvBytes(imported));
    expect(again.records.map((r) => [r.group, r.code, r.text])).toEqual(imported.map((s) => [s.group, s.code, s.text]));
  });
});

describe('Huashu backup', () => {
  it('createBackup → stringify → parseBackup gives back the same data', () => {
    const backup = createBackup(
      {
        scripts: live,
        settings: [{ key: 'theme', value: { dark: true } }],
        usage: [{ id: 'u1', scriptId: '1', site: 'demo', at: 5, via: 'click' }],
        followups: [
          {
            id: 'f1',
            kind: 'payment_reminder',
            site: 'demo',
            conversationKey: 'k',
            createdAt: 1,
            dueAt: 2,
            deadlineAt: 3,
            status: 'open',
            dedupeKey: 'payment_reminder:demo:k',
            attempts: [],
            updatedAt: 1,
          },
        ],
      },
      new Date('2025-01-31T08:00:00Z'),
    );
    expect(backup).toMatchObject({ format: 'huashu-backup', version: 1, exportedAt: '2025-01-31T08:00:00.000Z' });
    const parsed = parseBackup(stringifyBackup(backup));
    expect(parsed).toEqual({ ok: true, backup, dropped: [] });
  });

  it('refuses corrupted, foreign and newer files', () => {
    const dir = join(__dirname, '../fixtures/import');
    const corrupted = parseBackup(readFileSync(join(dir, 'backup-corrupted.json'), 'utf8'));
    expect(corrupted.ok).toBe(false);
    if (!corrupted.ok) expect(corrupted.error.zh).toContain('JSON');
    const newer = parseBackup(readFileSync(join(dir, 'backup-newer.json'), 'utf8'));
    expect(!newer.ok && newer.error.en).toContain('newer');
    expect(parseBackup('{"scripts":[]}').ok).toBe(false);
    expect(parseBackup('[1,2]').ok).toBe(false);
    expect(parseBackup('{"format":"huashu-backup","version":1,"exportedAt":"2025-01-01T00:00:00Z"}').ok).toBe(false);
  });

  it('drops a damaged row, names it, and keeps the rest', async () => {
    const text = readFileSync(join(__dirname, '../fixtures/import/backup-bad-row.json'), 'utf8');
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.scripts.map((s) => s.id)).toEqual(['u-1', 'u-2']);
    expect(parsed.ok && parsed.dropped).toEqual([{ table: 'scripts', row: 3, zh: '缺少话术内容', en: 'missing text' }]);
    const read = await readImportFile('backup-bad-row.json', new TextEncoder().encode(text));
    expect(read.ok && read.records.map((r) => [r.row, r.error?.code])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'backup-invalid'],
    ]);
  });

  it('restores scripts through the preview with their intents and ids', async () => {
    const text = readFileSync(join(__dirname, '../fixtures/import/backup-valid.json'));
    const read = await readImportFile('backup-valid.json', new Uint8Array(text));
    if (!read.ok) throw new Error(read.problem.en);
    expect(read.format).toBe('json-backup');
    expect(read.backup?.settings).toEqual([{ key: 'theme', value: 'light' }]);
    const out = applyChoices(buildImportPreview(read, []), {}, { now: 9 });
    expect(out.map((s) => [s.id, s.intent, s.code, s.favourite, s.intentUnconfirmed])).toEqual([
      ['u-1', 'greeting', 'zd', undefined, undefined],
      ['u-2', 'return_refund', undefined, true, undefined],
    ]);
  });
});
