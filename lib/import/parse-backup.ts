/**
 * A Huashu backup read as import records, so restoring scripts goes through
 * the same preview (duplicates, code conflicts) as any other import. The
 * backup's other tables (settings, follow-ups, usage) are returned whole for
 * the caller to restore.
 */
import { parseBackup, type HuashuBackup } from '../export/backup';
import type { ImportProblem, ImportRecord } from './import-types';
import { MAX_TEXT_CHARS } from './limits';
import { problems } from './problems';

export type BackupRecordsResult = { ok: true; backup: HuashuBackup; records: ImportRecord[] } | { ok: false; problem: ImportProblem };

export function parseBackupRecords(text: string): BackupRecordsResult {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, problem: problems.backupInvalid(parsed.error.zh, parsed.error.en) };
  const positions = new Map<number, ImportRecord>();
  parsed.backup.scripts.forEach((s, i) => {
    const { updatedAt: _updatedAt, deleted: _deleted, ...base } = s;
    const record: ImportRecord = { row: 0, text: s.text.trim(), group: s.group, title: s.title, base };
    if (s.code) record.code = s.code;
    if (s.text.length > MAX_TEXT_CHARS) record.error = problems.textTooLong(s.text.length);
    positions.set(i, record);
  });
  // Row numbers are positions in the file's scripts array, counting the dropped rows too.
  const records: ImportRecord[] = [];
  const droppedScripts = new Map(parsed.dropped.filter((d) => d.table === 'scripts').map((d) => [d.row, d]));
  let keptIndex = 0;
  const total = parsed.backup.scripts.length + droppedScripts.size;
  for (let row = 1; row <= total; row++) {
    const dropped = droppedScripts.get(row);
    if (dropped) {
      const bad = dropped.badCharacters;
      const error = bad
        ? problems.badCharacters(row, bad.kind, { zh: `字段 ${bad.field}`, en: `field ${bad.field}` })
        : problems.backupInvalid(dropped.zh, dropped.en);
      records.push({ row, text: '', error });
    } else {
      const record = positions.get(keptIndex++)!;
      record.row = row;
      records.push(record);
    }
  }
  return { ok: true, backup: parsed.backup, records };
}
