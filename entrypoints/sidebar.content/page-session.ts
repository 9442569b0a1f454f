/**
 * Reads the chat page for the sidebar: picks the adapter, watches the
 * conversation (new messages, buyer switches, a list node the framework
 * replaced), and keeps the sidebar state and the background in step.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/sites/adapter';
import { pickAdapter } from '@/lib/sites/registry';
import { createGenericAdapter } from '@/lib/sites/generic';
import { createProfileAdapter } from '@/lib/sites/profile';
import { watchConversation } from '@/lib/sites/watch';
import type { LastEditable } from '@/lib/insert/focus-tracker';
import type { ConversationSnapshot } from '@/lib/types';
import { call, ContextInvalidatedError } from '@/components/api';
import { latestBuyerMessage, sidebarState as state } from '@/components/sidebar/state';
import { conversationWrites } from '@/components/sidebar/stores/conversation';

/** How long a page may take to mount its chat before the sidebar says it cannot find one. */
const FIND_CHAT_FOR_MS = 8_000;

export interface PageSession {
  adapter(): SiteAdapter | null;
  snapshot(): ConversationSnapshot | null;
  /** The compose box: the one the rep last typed in, else the adapter's. */
  composeBox(): HTMLElement | null;
  /** Read the page again right now (used just before inserting). */
  readNow(): ConversationSnapshot | null;
  useGenericMode(): void;
  useAdapter(adapter: SiteAdapter): void;
  /** No adapter fits (e.g. the taught profile was deleted): stop reading and say so. */
  resetAdapter(): void;
  refreshSuggestions(): void;
  /** Called after the adapter changed (found, generic mode, a taught profile, reset). */
  onAdapterChange(listener: () => void): void;
}

export function startPageSession(ctx: ContentScriptContext, tracker: LastEditable): PageSession {
  let adapter: SiteAdapter | null = null;
  let watchAbort: AbortController | null = null;
  let lastBuyerMessage = '';
  let lastKey = '';
  let selectedText = '';

  const generic = createGenericAdapter({ lastEditable: () => tracker.get(), selectedText: () => selectedText });

  const onSnapshot = (snapshot: ConversationSnapshot | null) => {
    conversationWrites.show(snapshot);
    if (adapter) conversationWrites.health(safeHealth(adapter));
    const message = latestBuyerMessage(snapshot);
    const key = snapshot?.key ?? '';
    if (message === lastBuyerMessage && key === lastKey) return;
    lastBuyerMessage = message;
    lastKey = key;
    void fetchSuggestions(snapshot, message);
    if (snapshot && adapter) {
      void call('conversationChanged', {
        site: snapshot.platform,
        conversationKey: snapshot.key,
        buyerName: snapshot.buyerName,
        orderId: snapshot.orderId,
        latestBuyerMessage: message.slice(0, 5_000),
        url: location.href,
      }).catch(ignoreInvalidated);
    }
  };

  const fetchSuggestions = async (snapshot: ConversationSnapshot | null, message: string) => {
    if (!message.trim()) {
      conversationWrites.suggest([]);
      return;
    }
    try {
      const suggestions = await call('suggest', {
        message,
        context: { site: snapshot?.platform ?? 'generic', conversationKey: snapshot?.key, buyerName: snapshot?.buyerName, orderId: snapshot?.orderId },
        top: 8,
      });
      // A newer message may have arrived while we waited; show only the current one's.
      if (message === lastBuyerMessage) conversationWrites.suggest(suggestions);
    } catch (error) {
      ignoreInvalidated(error);
    }
  };

  const safeHealth = (a: SiteAdapter) => {
    try {
      return a.health(document);
    } catch {
      return { messageList: false, composeBox: false, sendButton: false, buyerName: false, orderId: false };
    }
  };

  const adapterListeners = new Set<() => void>();
  const adapterChanged = () => adapterListeners.forEach((listener) => listener());

  const use = (next: SiteAdapter, mode: 'adapter' | 'generic' | 'profile') => {
    watchAbort?.abort();
    watchAbort = new AbortController();
    ctx.onInvalidated(() => watchAbort?.abort());
    adapter = next;
    conversationWrites.reading(mode, next.name);
    lastBuyerMessage = '\u0000'; // force a first suggestion fetch
    watchConversation(next, document, onSnapshot, watchAbort.signal);
    adapterChanged();
  };

  // In generic mode the rep's selection on the page is the buyer message.
  ctx.addEventListener(document, 'selectionchange', () => {
    if (adapter?.id !== 'generic') return;
    const sel = document.getSelection();
    // Text selected inside an editable field is the rep's own draft (Shift+Home, Ctrl+A), never the buyer's message.
    const anchor = sel?.anchorNode ?? null;
    const anchorElement = anchor?.nodeType === Node.ELEMENT_NODE ? (anchor as Element) : (anchor?.parentElement ?? null);
    if ((anchorElement as HTMLElement | null)?.isContentEditable || anchorElement?.closest('textarea, input')) return;
    const text = sel && !sel.isCollapsed ? sel.toString() : '';
    if (!text.trim() || text === selectedText) return;
    selectedText = text;
    onSnapshot(generic.readConversation(document));
  });

  const start = async () => {
    const profile = await call('getSiteProfile', { origin: location.origin }).catch(() => null);
    const extra = profile ? [createProfileAdapter(profile)] : [];
    const found = pickAdapter(new URL(location.href), document, extra);
    if (found) {
      use(found, found.id === 'profile' ? 'profile' : 'adapter');
      return;
    }
    // Single-page apps mount their chat late: keep probing for a while, cheaply.
    const deadline = Date.now() + FIND_CHAT_FOR_MS;
    const observer = new MutationObserver(() => {
      const late = pickAdapter(new URL(location.href), document, extra);
      if (late) {
        observer.disconnect();
        use(late, late.id === 'profile' ? 'profile' : 'adapter');
      } else if (Date.now() > deadline) {
        observer.disconnect();
      }
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.setTimeout(() => {
      if (!adapter) {
        observer.disconnect();
        conversationWrites.reading('none', location.host);
      }
    }, FIND_CHAT_FOR_MS);
  };
  void start();

  return {
    adapter: () => adapter,
    snapshot: () => state.snapshot.value,
    composeBox() {
      const last = tracker.get();
      if (last?.isConnected) return last;
      try {
        return adapter?.findComposeBox(document) ?? null;
      } catch {
        return null;
      }
    },
    readNow() {
      try {
        return adapter?.readConversation(document) ?? null;
      } catch {
        return null;
      }
    },
    useGenericMode: () => use(generic, 'generic'),
    useAdapter: (a) => use(a, a.id === 'profile' ? 'profile' : 'adapter'),
    resetAdapter() {
      watchAbort?.abort();
      watchAbort = null;
      adapter = null;
      lastBuyerMessage = '';
      lastKey = '';
      conversationWrites.clear(location.host);
      adapterChanged();
    },
    onAdapterChange(listener) {
      adapterListeners.add(listener);
    },
    refreshSuggestions() {
      lastBuyerMessage = '\u0000';
      onSnapshot(state.snapshot.value);
    },
  };
}

/** Calls after the extension reloaded fail by design; the notice handles it. */
export function ignoreInvalidated(error: unknown): void {
  if (error instanceof ContextInvalidatedError) return;
  console.warn('[huashu]', error);
}
