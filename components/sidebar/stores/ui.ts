/**
 * The sidebar itself: open or collapsed, its width, the notice it shows, and
 * whether the extension was reloaded under the page. Written only through the
 * functions here.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Settings } from '@/lib/settings';

export type Notice = { kind: 'info' | 'success' | 'error'; text: string } | null;

const open = signal(true);
const width = signal(360);
const notice = signal<Notice>(null);
const invalidated = signal(false);
const settings = signal<Settings | null>(null);

export const ui = {
  open: open as ReadonlySignal<boolean>,
  width: width as ReadonlySignal<number>,
  notice: notice as ReadonlySignal<Notice>,
  invalidated: invalidated as ReadonlySignal<boolean>,
  /** The rep's settings as last read from the background. */
  settings: settings as ReadonlySignal<Settings | null>,
};

export const uiWrites = {
  setOpen(next: boolean): void {
    open.value = next;
  },
  toggleOpen(): void {
    open.value = !open.value;
  },
  setWidth(next: number): void {
    width.value = next;
  },
  say(next: Notice): void {
    notice.value = next;
  },
  markInvalidated(): void {
    invalidated.value = true;
  },
  settingsRead(next: Settings | null): void {
    settings.value = next;
  },
};
