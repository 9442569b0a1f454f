/**
 * Watch a chat page for new messages and conversation switches. A debounced
 * MutationObserver on the adapter's watch root (re-found when the framework
 * replaces it), disconnected when the signal aborts.
 */
import type { SiteAdapter } from './adapter';
import type { ConversationSnapshot } from '../types';

export function snapshotSignature(s: ConversationSnapshot | null): string {
  if (!s) return '';
  const last = s.messages
    .slice(-3)
    .map((m) => `${m.from}:${m.text}`)
    .join('|');
  return `${s.key}#${s.messages.length}#${last}#${s.orderId ?? ''}#${s.buyerName ?? ''}`;
}

export function watchConversation(
  adapter: SiteAdapter,
  doc: Document,
  onChange: (snapshot: ConversationSnapshot | null) => void,
  signal: AbortSignal,
  debounceMs = 150,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSignature: string | undefined;
  const emit = () => {
    timer = undefined;
    let snapshot: ConversationSnapshot | null = null;
    try {
      snapshot = adapter.readConversation(doc);
    } catch {
      snapshot = null; // a half-rendered page: report "no chat" instead of throwing into the page
    }
    const signature = snapshotSignature(snapshot);
    if (signature === lastSignature) return;
    lastSignature = signature;
    onChange(snapshot);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(emit, debounceMs);
  };
  // Observe the whole body: frameworks replace the list node itself, and a
  // cheap signature check keeps the rest of the work from running needlessly.
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  emit();
}
