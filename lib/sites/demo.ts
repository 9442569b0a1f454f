/**
 * The demo seller-chat pages in demo/ (served by `npm run demo`). They mark
 * their parts with data-demo attributes, like a well-behaved real page would
 * with stable ids.
 */
import type { SiteAdapter } from './adapter';
import type { ChatMessage, ConversationSnapshot } from '../types';

const q = (doc: Document, part: string) => doc.querySelector<HTMLElement>(`[data-demo="${part}"]`);

function readMessages(doc: Document): ChatMessage[] {
  const list = q(doc, 'message-list');
  if (!list) return [];
  const rows = list.querySelectorAll<HTMLElement>('[data-from]');
  const messages: ChatMessage[] = [];
  rows.forEach((row) => {
    const from = row.dataset.from;
    if (from !== 'buyer' && from !== 'seller' && from !== 'system') return;
    const text = (row.querySelector('[data-demo="message-text"]') ?? row).textContent?.trim() ?? '';
    const time = Number(row.dataset.time);
    if (text) messages.push({ from, text, ...(Number.isFinite(time) && time > 0 ? { time } : {}) });
  });
  return messages;
}

export const demoAdapter: SiteAdapter = {
  id: 'demo',
  name: '演示聊天页 Demo chat',
  matches(url, doc) {
    return (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && !!q(doc, 'message-list');
  },
  findComposeBox: (doc) => q(doc, 'compose'),
  findSendButton: (doc) => q(doc, 'send'),
  readConversation(doc): ConversationSnapshot | null {
    const list = q(doc, 'message-list');
    if (!list) return null;
    const buyerName = q(doc, 'buyer-name')?.textContent?.trim() || undefined;
    const conversationId = list.dataset.conversation || doc.defaultView?.location.hash || buyerName || 'unknown';
    const orderId = q(doc, 'order-id')?.textContent?.replace(/\D/g, '') || undefined;
    const item = q(doc, 'order-item')?.textContent?.trim() || undefined;
    return {
      key: `demo:${doc.defaultView?.location.pathname ?? ''}:${conversationId}`,
      platform: 'demo',
      shop: 'demo',
      buyerName,
      orderId,
      item,
      messages: readMessages(doc),
    };
  },
  watchRoot: (doc) => doc.body,
  health: (doc) => ({
    messageList: !!q(doc, 'message-list'),
    composeBox: !!q(doc, 'compose'),
    sendButton: !!q(doc, 'send'),
    buyerName: !!q(doc, 'buyer-name'),
    orderId: !!q(doc, 'order-id'),
  }),
};
