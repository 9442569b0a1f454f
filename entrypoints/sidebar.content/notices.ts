/** Short notices in the sidebar that clear themselves. */
import { sidebarState as state } from '@/components/sidebar/state';

let timer: ReturnType<typeof setTimeout> | undefined;

export function showNotice(kind: 'info' | 'success' | 'error', text: string, ms = kind === 'error' ? 8_000 : 3_000): void {
  state.notice.value = { kind, text };
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => (state.notice.value = null), ms);
}
