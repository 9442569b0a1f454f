/** Short notices in the sidebar that clear themselves. */
import { uiWrites } from '@/components/sidebar/stores/ui';

let timer: ReturnType<typeof setTimeout> | undefined;

export function showNotice(kind: 'info' | 'success' | 'error', text: string, ms = kind === 'error' ? 8_000 : 3_000): void {
  uiWrites.say({ kind, text });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => uiWrites.say(null), ms);
}
