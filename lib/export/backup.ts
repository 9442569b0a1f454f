/**
 * Huashu's own backup file: everything a rep would miss after reinstalling
 * the extension, as one JSON object.
 *
 *   {
 *     "format": "huashu-backup",
 *     "version": 1,
 *     "exportedAt": "2025-01-31T08:00:00.000Z",   // ISO 8601
 *     "scripts":   ReplyScript[],
 *     "settings":  { key, value }[],              // the settings table rows
 *     "followups": FollowUp[],
 *     "usage":     UsageEvent[]
 *   }
 *
 * parseBackup validates the shape. A file that is not JSON, not a Huashu
 * backup or from a newer version is refused; single rows that are damaged are
 * dropped and listed (by their 1-based position in their array), so one bad
 * row does not cost the rep the rest of the backup.
 */
import type { FollowUp, ReplyScript, UsageEvent } from '../types';
import type { Message } from '../import/import-types';
import { findBadCharacterDeep, type BadCharacterKind } from '../import/bad-characters';

export const BACKUP_FORMAT = 'huashu-backup';
export const BACKUP_VERSION = 1;

export interface BackupSetting {
  key: string;
  value: unknown;
}

export interface HuashuBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  scripts: ReplyScript[];
  settings: BackupSetting[];
  followups: FollowUp[];
  usage: UsageEvent[];
}

export interface BackupData {
  scripts: ReplyScript[];
  settings?: BackupSetting[];
  followups?: FollowUp[];
  usage?: UsageEvent[];
}

export function createBackup(data: BackupData, now: Date = new Date()): HuashuBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    scripts: data.scripts,
    settings: data.settings ?? [],
    followups: data.followups ?? [],
    usage: data.usage ?? [],
  };
}

export function stringifyBackup(backup: HuashuBackup): string {
  return JSON.stringify(backup, null, 2);
}

export type BackupTable = 'scripts' | 'settings' | 'followups' | 'usage';

export interface DroppedBackupRow extends Message {
  table: BackupTable;
  /** 1-based position in its array. */
  row: number;
  /** Set when the row holds NUL or half a surrogate pair (in which field, and which kind). */
  badCharacters?: { kind: BadCharacterKind; field: string };
}

export type ParseBackupResult = { ok: true; backup: HuashuBackup; dropped: DroppedBackupRow[] } | { ok: false; error: Message };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Why a script row is unusable, or undefined when it is fine. */
function scriptDefect(v: unknown): Message | undefined {
  if (!isObject(v)) return { zh: '不是对象', en: 'not an object' };
  if (!isString(v.id) || !v.id) return { zh: '缺少 id', en: 'missing id' };
  if (!isString(v.text) || !v.text.trim()) return { zh: '缺少话术内容', en: 'missing text' };
  if (!isString(v.group)) return { zh: '缺少分组', en: 'missing group' };
  if (!isString(v.intent)) return { zh: '缺少意图', en: 'missing intent' };
  if (!isString(v.title)) return { zh: '缺少标题', en: 'missing title' };
  if (!Array.isArray(v.triggers) || !v.triggers.every(isString)) return { zh: '触发词格式错误', en: 'triggers must be a list of strings' };
  if (v.code !== undefined && !isString(v.code)) return { zh: '快捷编码格式错误', en: 'code must be a string' };
  if (!isFiniteNumber(v.updatedAt)) return { zh: '缺少更新时间', en: 'missing updatedAt' };
  return undefined;
}

function followupDefect(v: unknown): Message | undefined {
  if (!isObject(v)) return { zh: '不是对象', en: 'not an object' };
  if (!isString(v.id) || !isString(v.kind) || !isString(v.status) || !isString(v.dedupeKey)) {
    return { zh: '缺少 id/类型/状态', en: 'missing id, kind, status or dedupeKey' };
  }
  if (!isFiniteNumber(v.dueAt) || !isFiniteNumber(v.createdAt) || !isFiniteNumber(v.deadlineAt) || !Array.isArray(v.attempts)) {
    return { zh: '时间或跟进记录格式错误', en: 'bad times or attempts' };
  }
  return undefined;
}

function usageDefect(v: unknown): Message | undefined {
  if (!isObject(v)) return { zh: '不是对象', en: 'not an object' };
  if (!isString(v.id) || !isString(v.scriptId) || !isFiniteNumber(v.at)) return { zh: '缺少 id/话术/时间', en: 'missing id, scriptId or at' };
  return undefined;
}

function settingDefect(v: unknown): Message | undefined {
  if (!isObject(v) || !isString(v.key)) return { zh: '缺少 key', en: 'missing key' };
  return undefined;
}

function keepValid<T>(table: BackupTable, value: unknown, defect: (v: unknown) => Message | undefined, dropped: DroppedBackupRow[]): T[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const kept: T[] = [];
  value.forEach((item, i) => {
    const d = defect(item);
    if (d) {
      dropped.push({ table, row: i + 1, zh: d.zh, en: d.en });
      return;
    }
    // NUL or half a surrogate pair anywhere in the row: damaged, dropped like any other bad row.
    const bad = findBadCharacterDeep(item);
    if (bad) {
      const what =
        bad.kind === 'nul'
          ? { zh: '空字符（NUL）', en: 'a NUL character' }
          : { zh: '残缺的 Unicode 字符（落单的代理项）', en: 'broken Unicode (half a surrogate pair)' };
      dropped.push({
        table,
        row: i + 1,
        zh: `${bad.path} 含有${what.zh}`,
        en: `${bad.path} holds ${what.en}`,
        badCharacters: { kind: bad.kind, field: bad.path },
      });
      return;
    }
    kept.push(item as T);
  });
  return kept;
}

export function parseBackup(text: string): ParseBackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      error: { zh: 'JSON 格式错误，文件可能不完整或已损坏', en: `not valid JSON, the file may be truncated or damaged (${(e as Error).message})` },
    };
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    return { ok: false, error: { zh: '不是话术备份文件（缺少 format: huashu-backup）', en: 'not a Huashu backup (format is not "huashu-backup")' } };
  }
  if (data.version !== BACKUP_VERSION) {
    const newer = isFiniteNumber(data.version) && data.version > BACKUP_VERSION;
    return {
      ok: false,
      error: newer
        ? {
            zh: `备份来自更新版本（版本 ${String(data.version)}），请先升级话术插件`,
            en: `the backup comes from a newer version (${String(data.version)}); update Huashu first`,
          }
        : { zh: `不支持的备份版本：${String(data.version)}`, en: `unsupported backup version: ${String(data.version)}` },
    };
  }
  const exportedAt = isString(data.exportedAt) && !Number.isNaN(Date.parse(data.exportedAt)) ? data.exportedAt : undefined;
  if (!exportedAt) return { ok: false, error: { zh: '缺少导出时间', en: 'missing or invalid exportedAt' } };

  const dropped: DroppedBackupRow[] = [];
  if (!Array.isArray(data.scripts)) return { ok: false, error: { zh: '缺少话术列表（scripts）', en: 'missing scripts list' } };
  const scripts = keepValid<ReplyScript>('scripts', data.scripts, scriptDefect, dropped);
  const settings = keepValid<BackupSetting>('settings', data.settings, settingDefect, dropped);
  const followups = keepValid<FollowUp>('followups', data.followups, followupDefect, dropped);
  const usage = keepValid<UsageEvent>('usage', data.usage, usageDefect, dropped);
  if (!scripts || !settings || !followups || !usage) {
    return { ok: false, error: { zh: 'settings/followups/usage 必须是列表', en: 'settings, followups and usage must be lists' } };
  }
  return {
    ok: true,
    backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, scripts, settings, followups, usage },
    dropped,
  };
}
