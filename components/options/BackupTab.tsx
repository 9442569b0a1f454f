/**
 * Backup and export: the full Huashu JSON backup (scripts, settings,
 * follow-ups, usage), restore from one (preview, confirm, one transaction),
 * and the scripts in 千牛's 快捷短语 layout as CSV (UTF-8 BOM) or XLSX.
 */
import { useRef, useState } from 'preact/hooks';
import { createBackup, parseBackup, stringifyBackup, type DroppedBackupRow, type HuashuBackup } from '@/lib/export/backup';
import { exportQianniuCsvBytes, exportQianniuXlsx } from '@/lib/export/qianniu';
import { decodeText } from '@/lib/import/decode-text';
import { MAX_IMPORT_BYTES } from '@/lib/import/limits';
import { problems } from '@/lib/import/problems';
import { call } from '../api';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { downloadFile, fileStamp } from './download';
import { applyLanguage, showToast } from './ui-state';

type Restore =
  | { kind: 'idle' }
  | { kind: 'failed'; name: string; message: string }
  | { kind: 'preview'; name: string; backup: HuashuBackup; dropped: DroppedBackupRow[] }
  | { kind: 'writing' }
  | { kind: 'done'; counts: { scripts: number; settings: number; followups: number; usage: number } };

export function BackupTab() {
  const [busy, setBusy] = useState('');
  const [withTitle, setWithTitle] = useState(false);
  const [restore, setRestore] = useState<Restore>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  async function run(label: string, task: () => Promise<void>) {
    setBusy(label);
    try {
      await task();
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy('');
    }
  }

  const exportBackup = () =>
    run('backup', async () => {
      const tables = await call('exportBackup');
      const backup = createBackup(tables);
      downloadFile(`huashu-backup-${fileStamp()}.json`, stringifyBackup(backup), 'application/json');
      showToast({
        kind: 'success',
        text: pick({ zh: `已导出备份：${tables.scripts.length} 条话术`, en: `Backup exported: ${tables.scripts.length} replies` }),
      });
    });

  const exportCsv = () =>
    run('csv', async () => {
      const scripts = await call('listScripts', {});
      downloadFile(`huashu-qianniu-${fileStamp()}.csv`, exportQianniuCsvBytes(scripts, { withTitle }), 'text/csv;charset=utf-8');
    });

  const exportXlsx = () =>
    run('xlsx', async () => {
      const scripts = await call('listScripts', {});
      downloadFile(
        `huashu-qianniu-${fileStamp()}.xlsx`,
        await exportQianniuXlsx(scripts, { withTitle }),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    });

  async function openBackup(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setRestore({ kind: 'failed', name: file.name, message: pick(problems.tooLarge(file.size)) });
      return;
    }
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      setRestore({ kind: 'failed', name: file.name, message: pick(problems.brokenEncoding()) });
      return;
    }
    const parsed = parseBackup(decoded.text);
    if (!parsed.ok) {
      setRestore({ kind: 'failed', name: file.name, message: pick(parsed.error) });
      return;
    }
    setRestore({ kind: 'preview', name: file.name, backup: parsed.backup, dropped: parsed.dropped });
  }

  async function confirmRestore() {
    if (restore.kind !== 'preview') return;
    const { backup } = restore;
    setRestore({ kind: 'writing' });
    try {
      const counts = await call('restoreBackup', { scripts: backup.scripts, settings: backup.settings, followups: backup.followups, usage: backup.usage });
      const settings = await call('getSettings');
      applyLanguage(settings.language);
      setRestore({ kind: 'done', counts });
    } catch (e) {
      setRestore({ kind: 'failed', name: '', message: errorText(e) });
    }
    if (input.current) input.current.value = '';
  }

  return (
    <section class="backup" data-huashu="backup-tab">
      <div class="card">
        <h2>{pick({ zh: '完整备份', en: 'Full backup' })}</h2>
        <p class="muted">
          {pick({
            zh: '话术、设置、跟进记录和使用记录，保存为一个 JSON 文件。换电脑或重装插件时用它恢复。',
            en: 'Replies, settings, follow-ups and usage in one JSON file. Use it to move to another computer or after reinstalling.',
          })}
        </p>
        <button class="primary" data-huashu="export-backup" disabled={!!busy} onClick={() => void exportBackup()}>
          {pick({ zh: '导出备份（.json）', en: 'Export backup (.json)' })}
        </button>
      </div>

      <div class="card">
        <h2>{pick({ zh: '从备份恢复', en: 'Restore from a backup' })}</h2>
        <p class="muted">
          {pick({
            zh: '恢复会用备份替换当前的全部话术、设置、跟进和使用记录。确认前不会改动任何数据。',
            en: 'Restoring replaces all current replies, settings, follow-ups and usage with the backup. Nothing changes until you confirm.',
          })}
        </p>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          data-huashu="restore-file"
          onChange={(e) => void openBackup(e.currentTarget.files?.[0])}
        />
        {restore.kind === 'failed' && (
          <div class="message error-box" role="alert" data-huashu="restore-error">
            <b>{pick({ zh: `无法恢复 ${restore.name}`, en: `Cannot restore ${restore.name}` })}</b>
            <p>{restore.message}</p>
          </div>
        )}
        {restore.kind === 'preview' && (
          <div class="message" data-huashu="restore-preview">
            <p>
              {pick({
                zh: `备份时间 ${new Date(restore.backup.exportedAt).toLocaleString('zh-CN')}：话术 ${restore.backup.scripts.length} 条，设置 ${restore.backup.settings.length} 项，跟进 ${restore.backup.followups.length} 条，使用记录 ${restore.backup.usage.length} 条。`,
                en: `Backup of ${new Date(restore.backup.exportedAt).toLocaleString('en')}: ${restore.backup.scripts.length} replies, ${restore.backup.settings.length} settings, ${restore.backup.followups.length} follow-ups, ${restore.backup.usage.length} usage events.`,
              })}
            </p>
            {restore.dropped.length > 0 && (
              <details>
                <summary class="error">
                  {pick({ zh: `${restore.dropped.length} 行已损坏，将被跳过`, en: `${restore.dropped.length} damaged rows will be skipped` })}
                </summary>
                <ul>
                  {restore.dropped.slice(0, 50).map((d) => (
                    <li>
                      {d.table} #{d.row}: {pick(d)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <button class="primary danger-fill" data-huashu="restore-confirm" onClick={() => void confirmRestore()}>
              {pick({ zh: '替换当前数据并恢复', en: 'Replace current data and restore' })}
            </button>
            <button onClick={() => setRestore({ kind: 'idle' })}>{pick({ zh: '取消', en: 'Cancel' })}</button>
          </div>
        )}
        {restore.kind === 'writing' && <p class="muted">{pick({ zh: '正在恢复…', en: 'Restoring…' })}</p>}
        {restore.kind === 'done' && (
          <div class="message ok-box" role="status" data-huashu="restore-summary">
            {pick({
              zh: `已恢复：话术 ${restore.counts.scripts} 条，设置 ${restore.counts.settings} 项，跟进 ${restore.counts.followups} 条，使用记录 ${restore.counts.usage} 条。`,
              en: `Restored: ${restore.counts.scripts} replies, ${restore.counts.settings} settings, ${restore.counts.followups} follow-ups, ${restore.counts.usage} usage events.`,
            })}
          </div>
        )}
      </div>

      <div class="card">
        <h2>{pick({ zh: '导出为千牛快捷短语', en: 'Export as 千牛 quick phrases' })}</h2>
        <p class="muted">
          {pick({
            zh: '列为“分组、快捷编码、快捷短语”，可直接导入千牛、咚咚等工具。CSV 为 UTF-8（带 BOM），Excel/WPS 打开不乱码。',
            en: 'Columns 分组, 快捷编码, 快捷短语, ready for 千牛, 咚咚 and similar tools. CSV is UTF-8 with a BOM so Excel/WPS open it correctly.',
          })}
        </p>
        <label class="inline">
          <input type="checkbox" checked={withTitle} onChange={(e) => setWithTitle(e.currentTarget.checked)} />{' '}
          {pick({ zh: '附加“标题”列', en: 'Add a 标题 (title) column' })}
        </label>
        <div class="buttons">
          <button data-huashu="export-csv" disabled={!!busy} onClick={() => void exportCsv()}>
            {pick({ zh: '导出 CSV', en: 'Export CSV' })}
          </button>
          <button data-huashu="export-xlsx" disabled={!!busy} onClick={() => void exportXlsx()}>
            {pick({ zh: '导出 Excel（.xlsx）', en: 'Export Excel (.xlsx)' })}
          </button>
        </div>
      </div>
    </section>
  );
}
