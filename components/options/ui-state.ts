/**
 * Page-wide state of the options page: the language (switching it re-renders
 * every tab at once) and the one toast (with an optional action such as 撤销).
 */
import { signal } from '@preact/signals';
import { setLanguage } from '../i18n';
import type { Language } from '@/lib/i18n/strings';

export const languageTick = signal(0);

export function applyLanguage(setting: 'auto' | 'zh' | 'en'): Language {
  const lang = setLanguage(setting);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  languageTick.value++;
  return lang;
}

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'success' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

export const toast = signal<Toast | null>(null);
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Show a toast; it disappears after `ms` (an undo toast stays ~8 s). */
export function showToast(t: Omit<Toast, 'id'>, ms = t.action ? 8_000 : 4_000): void {
  const id = nextId++;
  toast.value = { ...t, id };
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    if (toast.value?.id === id) toast.value = null;
  }, ms);
}

export function hideToast(): void {
  toast.value = null;
}
