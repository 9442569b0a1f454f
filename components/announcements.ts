/** Listen for the background's change announcements (lib/protocol/announcement.ts) in a sidebar or an extension page. */
import { browser } from 'wxt/browser';
import { announcedIn, type Announced } from '@/lib/protocol/announcement';

/** Call `listener` whenever `what` changed; returns the function that stops listening (also stopped by `signal`). */
export function onChanged(what: Announced, listener: () => void, signal?: AbortSignal): () => void {
  const onMessage = (message: unknown) => {
    if (announcedIn(message) === what) listener();
  };
  browser.runtime.onMessage.addListener(onMessage);
  const stop = () => browser.runtime.onMessage.removeListener(onMessage);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
