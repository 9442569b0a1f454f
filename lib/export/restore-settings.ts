/**
 * Settings rows from a backup file are checked exactly like settings the rep
 * edits: a restored value reaches pages (the sidebar's side and width are
 * written into a style on the chat page), so a crafted backup must not be
 * able to carry CSS or wrong types in. Rows that are not settings (internal
 * counters, recomputed after a restore) are dropped.
 */
import * as v from 'valibot';
import { settingsPatch } from '../protocol/fields';
import { SEEDED_KEY } from '../data/seed-default-library';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../settings';

/** Internal bookkeeping rows a restore keeps as they are. */
const KEPT_INTERNAL_KEYS = new Set([SEEDED_KEY]);

export type RestoredSettings = { ok: true; rows: Array<{ key: string; value: unknown }> } | { ok: false; zh: string; en: string };

export function restorableSettings(rows: ReadonlyArray<{ key: string; value: unknown }>): RestoredSettings {
  const patch: Record<string, unknown> = {};
  const kept: Array<{ key: string; value: unknown }> = [];
  for (const row of rows) {
    if (Object.hasOwn(DEFAULT_SETTINGS, row.key)) patch[row.key] = row.value;
    else if (KEPT_INTERNAL_KEYS.has(row.key) && typeof row.value === 'number') kept.push(row);
  }
  const parsed = v.safeParse(settingsPatch, patch);
  if (!parsed.success) {
    const where = v.getDotPath(parsed.issues[0]) ?? '';
    return {
      ok: false,
      zh: `备份里的设置有误（${where}）：${parsed.issues[0].message}。未做任何更改。`,
      en: `The backup’s settings are invalid (${where}): ${parsed.issues[0].message}. Nothing was changed.`,
    };
  }
  const problems = validateSettings(parsed.output as Partial<Settings>);
  if (problems.length) {
    return {
      ok: false,
      zh: `备份里的设置有误：${problems.map((p) => p.zh).join('；')}。未做任何更改。`,
      en: `The backup’s settings are invalid: ${problems.map((p) => p.en).join('; ')}. Nothing was changed.`,
    };
  }
  return { ok: true, rows: [...Object.entries(parsed.output).map(([key, value]) => ({ key, value })), ...kept] };
}
