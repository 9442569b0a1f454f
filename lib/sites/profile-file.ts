/**
 * A taught site profile as a file the rep can hand to a colleague: plain
 * JSON data, validated field by field on import. Selectors are the only
 * strings that matter and they are only ever given to querySelector, never
 * evaluated.
 */
import type { SiteProfile } from '../types';
import { truncateText } from '../text/truncate';

export const PROFILE_FILE_KIND = 'huashu-site-profile';
const REQUIRED = ['messageList', 'buyerMessage', 'sellerMessage', 'composeBox'] as const;
const OPTIONAL = ['sendButton', 'buyerName', 'orderId'] as const;
const MAX_SELECTOR = 500;

export interface ProfileFile {
  kind: typeof PROFILE_FILE_KIND;
  version: 1;
  profile: SiteProfile;
}

export function profileToFile(profile: SiteProfile): string {
  const file: ProfileFile = { kind: PROFILE_FILE_KIND, version: 1, profile };
  return JSON.stringify(file, null, 2);
}

export type ParsedProfile = { ok: true; profile: SiteProfile; originChanged: boolean } | { ok: false; error: { zh: string; en: string } };

const bad = (zh: string, en: string): ParsedProfile => ({ ok: false, error: { zh, en } });

/**
 * Read a profile file for the page at `origin` (the profile is re-homed to
 * it). `isValidSelector` checks each selector where a DOM exists.
 */
export function parseProfileFile(text: string, origin: string, isValidSelector: (s: string) => boolean = () => true): ParsedProfile {
  if (text.length > 100_000) return bad('文件太大，不是话术的站点配置。', 'File too large for a Huashu site profile.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return bad('不是有效的 JSON 文件。', 'Not a valid JSON file.');
  }
  const file = data as Partial<ProfileFile> | null;
  if (!file || typeof file !== 'object' || file.kind !== PROFILE_FILE_KIND || file.version !== 1 || !file.profile || typeof file.profile !== 'object') {
    return bad('不是话术导出的站点配置文件。', 'Not a site profile exported by Huashu.');
  }
  const source = file.profile as Partial<SiteProfile>;
  const selectorsIn = (source.selectors ?? {}) as Record<string, unknown>;
  if (typeof selectorsIn !== 'object') return bad('配置缺少选择器。', 'The profile has no selectors.');
  const selectors: Record<string, string> = {};
  for (const key of [...REQUIRED, ...OPTIONAL]) {
    const value = selectorsIn[key];
    if (value === undefined || value === null || value === '') {
      if ((REQUIRED as readonly string[]).includes(key)) return bad(`缺少必填项：${key}`, `Missing required part: ${key}`);
      continue;
    }
    if (typeof value !== 'string' || value.length > MAX_SELECTOR || !isValidSelector(value)) return bad(`选择器无效：${key}`, `Invalid selector: ${key}`);
    selectors[key] = value.trim();
  }
  const name = typeof source.name === 'string' && source.name.trim() ? truncateText(source.name.trim(), 200) : new URL(origin).host;
  const profile: SiteProfile = {
    origin,
    name,
    selectors: selectors as SiteProfile['selectors'],
    updatedAt: Date.now(),
  };
  return { ok: true, profile, originChanged: typeof source.origin === 'string' && source.origin !== origin };
}
