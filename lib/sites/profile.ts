/**
 * An adapter built from a taught site profile: plain selectors the rep
 * pointed at, saved per origin. Profiles are data, never code.
 */
import type { SiteAdapter } from './adapter';
import type { ChatMessage, ConversationSnapshot, SiteProfile } from '../types';

function safeQueryAll(root: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return [];
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // a broken selector reads as "not found"
  }
}

function safeQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string | undefined): T | null {
  return (safeQueryAll(root, selector)[0] as T | undefined) ?? null;
}

export function createProfileAdapter(profile: SiteProfile): SiteAdapter {
  const s = profile.selectors;
  const list = (doc: Document) => safeQuery(doc, s.messageList);
  return {
    id: 'profile',
    name: `${profile.name}（已教会）`,
    matches: (url) => url.origin === profile.origin,
    findComposeBox: (doc) => safeQuery<HTMLElement>(doc, s.composeBox),
    findSendButton: (doc) => safeQuery<HTMLElement>(doc, s.sendButton),
    readConversation(doc): ConversationSnapshot | null {
      const root = list(doc);
      if (!root) return null;
      const buyerRows = new Set(safeQueryAll(root, s.buyerMessage));
      const sellerRows = new Set(safeQueryAll(root, s.sellerMessage));
      const all = [...buyerRows, ...sellerRows].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const messages: ChatMessage[] = [];
      for (const el of all) {
        const text = (el as HTMLElement).innerText?.trim() || el.textContent?.trim() || '';
        if (text) messages.push({ from: buyerRows.has(el) ? 'buyer' : 'seller', text });
      }
      const buyerName = safeQuery(doc, s.buyerName)?.textContent?.trim() || undefined;
      const orderId = safeQuery(doc, s.orderId)?.textContent?.replace(/[^\dA-Za-z-]/g, '') || undefined;
      return {
        key: `profile:${profile.origin}:${buyerName ?? doc.defaultView?.location.pathname ?? ''}`,
        platform: 'profile',
        shop: profile.origin,
        buyerName,
        orderId,
        messages,
      };
    },
    watchRoot: (doc) => list(doc) ?? doc.body,
    health: (doc) => ({
      messageList: !!list(doc),
      composeBox: !!safeQuery(doc, s.composeBox),
      sendButton: !s.sendButton || !!safeQuery(doc, s.sendButton),
      buyerName: !s.buyerName || !!safeQuery(doc, s.buyerName),
      orderId: !s.orderId || !!safeQuery(doc, s.orderId),
    }),
  };
}
