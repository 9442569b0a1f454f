/**
 * The rep's settings: defaults, and validation with messages the options
 * page can show next to the field. Stored as one row per key in the
 * `settings` table (background), so a partial update never clobbers others.
 */
import type { RiskSeverity } from './types';

export interface CustomRiskWord {
  word: string;
  category: string;
  severity?: RiskSeverity;
  rewrite?: string;
}

export interface Settings {
  repName: string;
  shopName: string;
  language: 'auto' | 'zh' | 'en';
  sidebarSide: 'right' | 'left';
  /** Sidebar width in px per host name, remembered when the rep drags the edge. */
  sidebarWidths: Record<string, number>;
  /** Collapsed to a small tab, per host name. */
  sidebarCollapsed: Record<string, boolean>;
  /** Warn findings block the send too. */
  strictMode: boolean;
  customBanned: CustomRiskWord[];
  allowedWords: string[];
  /** Extra origins the rep turned Huashu on for (granted as optional host permissions). */
  extraSites: string[];
  /** Built-in hosts the rep switched off. */
  disabledHosts: string[];
  followupNotifications: boolean;
  followupBadge: boolean;
  /** Partial overrides of the follow-up rules (windows, quiet hours). */
  followupRules: Record<string, unknown>;
  /** Waiting-timer target in seconds per platform id. */
  replyTargets: Record<string, number>;
  /** Page features switched off by id (entrypoints/sidebar.content/features/), e.g. to work around a page that breaks one. */
  disabledFeatures: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  repName: '',
  shopName: '',
  language: 'auto',
  sidebarSide: 'right',
  sidebarWidths: {},
  sidebarCollapsed: {},
  strictMode: false,
  customBanned: [],
  allowedWords: [],
  extraSites: [],
  disabledHosts: [],
  followupNotifications: true,
  followupBadge: true,
  followupRules: {},
  replyTargets: {},
  disabledFeatures: [],
};

export const SIDEBAR_MIN_WIDTH = 280;
export const SIDEBAR_MAX_WIDTH = 640;
export const SIDEBAR_DEFAULT_WIDTH = 360;

export interface SettingProblem {
  field: keyof Settings;
  zh: string;
  en: string;
}

const SEVERITIES = new Set(['block', 'warn', 'tip']);

/** Check a partial update; returns the problems (empty when fine). */
export function validateSettings(patch: Partial<Settings>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const text = (field: 'repName' | 'shopName', max: number) => {
    const v = patch[field];
    if (v === undefined) return;
    if (typeof v !== 'string') problems.push({ field, zh: '请输入文字', en: 'Must be text' });
    else if (v.length > max) problems.push({ field, zh: `最多 ${max} 个字`, en: `At most ${max} characters` });
  };
  text('repName', 20);
  text('shopName', 40);
  if (patch.language !== undefined && !['auto', 'zh', 'en'].includes(patch.language)) {
    problems.push({ field: 'language', zh: '语言只能是 自动/中文/English', en: 'Language must be auto, zh or en' });
  }
  if (patch.sidebarSide !== undefined && !['left', 'right'].includes(patch.sidebarSide)) {
    problems.push({ field: 'sidebarSide', zh: '侧边栏只能在左侧或右侧', en: 'Sidebar side must be left or right' });
  }
  for (const [host, width] of Object.entries(patch.sidebarWidths ?? {})) {
    if (!Number.isFinite(width) || width < SIDEBAR_MIN_WIDTH || width > SIDEBAR_MAX_WIDTH) {
      problems.push({
        field: 'sidebarWidths',
        zh: `${host} 的宽度应在 ${SIDEBAR_MIN_WIDTH}–${SIDEBAR_MAX_WIDTH} 像素之间`,
        en: `Width for ${host} must be ${SIDEBAR_MIN_WIDTH}–${SIDEBAR_MAX_WIDTH} px`,
      });
    }
  }
  (patch.customBanned ?? []).forEach((w, i) => {
    if (!w || typeof w.word !== 'string' || w.word.trim().length === 0) {
      problems.push({ field: 'customBanned', zh: `第 ${i + 1} 个自定义违禁词是空的`, en: `Custom banned word ${i + 1} is empty` });
    } else if (w.word.length > 50) {
      problems.push({ field: 'customBanned', zh: `“${w.word.slice(0, 10)}…” 太长（最多 50 字）`, en: `"${w.word.slice(0, 10)}…" is too long (max 50)` });
    }
    if (w && w.severity !== undefined && !SEVERITIES.has(w.severity)) {
      problems.push({ field: 'customBanned', zh: `第 ${i + 1} 个自定义违禁词的级别无效`, en: `Custom banned word ${i + 1} has an invalid severity` });
    }
  });
  (patch.allowedWords ?? []).forEach((w, i) => {
    if (typeof w !== 'string' || w.trim().length === 0) {
      problems.push({ field: 'allowedWords', zh: `第 ${i + 1} 个放行词是空的`, en: `Allowed word ${i + 1} is empty` });
    }
  });
  (patch.extraSites ?? []).forEach((origin) => {
    if (!/^https?:\/\/[^/*\s]+$/.test(origin)) {
      problems.push({
        field: 'extraSites',
        zh: `“${origin}” 不是有效的网址（例如 https://example.com）`,
        en: `"${origin}" is not a valid origin (e.g. https://example.com)`,
      });
    }
  });
  for (const [platform, seconds] of Object.entries(patch.replyTargets ?? {})) {
    if (!Number.isFinite(seconds) || seconds < 10 || seconds > 3600) {
      problems.push({ field: 'replyTargets', zh: `${platform} 的回复目标应在 10–3600 秒之间`, en: `Reply target for ${platform} must be 10–3600 s` });
    }
  }
  return problems;
}

export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT_WIDTH;
  return Math.round(Math.min(SIDEBAR_MAX_WIDTH, Math.max(SIDEBAR_MIN_WIDTH, width)));
}
