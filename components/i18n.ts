/** The UI's language, shared by sidebar, popup and options (set once from settings). */
import { resolveLanguage, translate, type Language, type StringKey } from '@/lib/i18n/strings';

let current: Language = resolveLanguage('auto', typeof navigator === 'undefined' ? undefined : navigator.language);

export function setLanguage(setting: 'auto' | Language | undefined): Language {
  current = resolveLanguage(setting, typeof navigator === 'undefined' ? undefined : navigator.language);
  return current;
}

export function language(): Language {
  return current;
}

export function t(key: StringKey): string {
  return translate(current, key);
}

/** Pick the current language's side of a {zh, en} message. */
export function pick(message: { zh: string; en: string }): string {
  return message[current];
}
