/**
 * The one small interface every site adapter implements. Adapters are pure
 * DOM readers: they take a Document and return data, so they run in the
 * content script and in Node tests (happy-dom) alike. They never write to the
 * page; insertion lives in lib/insert/.
 */
import type { ConversationSnapshot } from '../types';

/** Which parts of the chat page an adapter found (shown to the rep when something is missing). */
export interface AdapterHealth {
  messageList: boolean;
  composeBox: boolean;
  sendButton: boolean;
  buyerName: boolean;
  orderId: boolean;
}

export interface SiteAdapter {
  /** Stable id: 'pinduoduo', 'feige', 'dongdong', 'kuaishou', 'shopee', 'demo', 'generic', 'profile'. */
  id: string;
  /** Human name shown in the sidebar. */
  name: string;
  /** Does this adapter handle the page? Cheap: URL first, then a DOM probe. */
  matches(url: URL, doc: Document): boolean;
  /** The element the rep types replies into, or null when not (yet) on the page. */
  findComposeBox(doc: Document): HTMLElement | null;
  /** The page's own send control, or null. */
  findSendButton(doc: Document): HTMLElement | null;
  /** The conversation on screen, newest message last; null when no chat is open. */
  readConversation(doc: Document): ConversationSnapshot | null;
  /** The element whose subtree changes when messages arrive or the buyer switches (observed, debounced). */
  watchRoot(doc: Document): Node | null;
  health(doc: Document): AdapterHealth;
}
