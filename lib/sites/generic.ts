/**
 * The generic adapter: works on any page the rep enabled. The compose box is
 * the last editable field the rep focused; the "buyer message" is the text
 * the rep selected on the page (or nothing until they do); the send control
 * is found by structure next to the compose box, so the send guard covers a
 * click on the page's 发送 button as well as Enter.
 */
import type { SiteAdapter } from './adapter';
import type { ConversationSnapshot } from '../types';
import { sendControlNear } from './dom-queries';

export function isEditable(el: Element | null): el is HTMLElement {
  if (!el || !(el as HTMLElement).isConnected) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return ['text', 'search', ''].includes(el.type) && !el.readOnly && !el.disabled;
  return (el as HTMLElement).isContentEditable === true;
}

/** The generic adapter is created per page with access to what the content script tracks. */
export function createGenericAdapter(state: { lastEditable(): HTMLElement | null; selectedText(): string }): SiteAdapter {
  const findComposeBox = (doc: Document): HTMLElement | null => {
    const last = state.lastEditable();
    if (last && last.ownerDocument === doc && last.isConnected) return last;
    const active = doc.activeElement;
    return isEditable(active) ? active : null;
  };
  return {
    id: 'generic',
    name: '通用模式 Generic',
    matches: () => true,
    findComposeBox,
    findSendButton(doc) {
      const box = findComposeBox(doc);
      return box ? sendControlNear(box) : null;
    },
    readConversation(doc): ConversationSnapshot | null {
      const selected = state.selectedText().trim();
      const host = doc.defaultView?.location.host ?? 'page';
      return {
        key: `generic:${host}:${doc.defaultView?.location.pathname ?? ''}`,
        platform: 'generic',
        messages: selected ? [{ from: 'buyer', text: selected.slice(0, 5_000) }] : [],
      };
    },
    watchRoot: (doc) => doc.body,
    health: (doc) => ({
      messageList: false,
      composeBox: !!findComposeBox(doc),
      sendButton: (() => {
        const box = findComposeBox(doc);
        return !!box && !!sendControlNear(box);
      })(),
      buyerName: false,
      orderId: false,
    }),
  };
}
