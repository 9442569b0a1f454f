/**
 * 抖店 飞鸽 (im.jinritemai.com). React with hashed class names; the stable
 * hooks are the data-qa-id attributes and a few ids. Bot and system messages
 * are recognised by their message id, not their look. The page may switch
 * the active chat by itself, so callers re-read the conversation right
 * before inserting.
 */
import type { AdapterHealth, SiteAdapter } from './adapter';
import type { ChatMessage, ConversationSnapshot } from '../types';
import {
  allMatches,
  composeBoxByStructure,
  snapshotOf,
  findPatternIn,
  firstMatch,
  healthOf,
  hostIs,
  isFixtureFor,
  outermost,
  parseChatTime,
  readFirstText,
  readText,
  sendControlFor,
} from './dom-queries';

const PLATFORM = 'feige';

const MESSAGE_WRAPPERS = ['[data-qa-id="qa-message-warpper"]', '[data-qa-id="qa-message-wrapper"]'];
const COMPOSE = ['textarea[data-qa-id="qa-send-message-textarea"]', '[data-qa-id="qa-send-message-textarea"]', 'textarea[placeholder*="Enter"]'];
const SEND = ['[data-qa-id="qa-send-message-button"]'];
const BUYER_HEADER = ['#topbar-left-info'];
const ACTIVE_CONVERSATION = ['[data-qa-id="qa-conversation-chat-item"][data-btm-id$=".current"]', '[data-kora="conversation"][data-btm-id$=".current"]'];
// Not documented for the live page: CSS-module names keep a readable fragment.
const SHOP = ['[class*="shopName"]', '[class*="ShopName"]', '[class*="shop-name"]'];
const ORDER_PANEL = ['#workStation'];
const ORDER_ID = /(?:^|\D)(\d{19})(?!\d)/;

/** Bot and system messages by id: LLM drafts, welcome, assignment, closing notes. */
export function isFeigeSystemId(id: string): boolean {
  return id.startsWith('llm_process_') || id.startsWith('cs_close_conversation') || id.includes('_Welcome_') || id.includes('_CsAssign_');
}

function messageNodes(doc: Document): Element[] {
  const wrappers = allMatches(doc, MESSAGE_WRAPPERS);
  // The wrapper may be per message or the whole list: take the outermost [data-id] inside either way.
  const nodes = wrappers.flatMap((w) => (w.hasAttribute('data-id') ? [w] : Array.from(w.querySelectorAll('[data-id]'))));
  return outermost(Array.from(new Set(nodes)));
}

function readMessage(node: Element): ChatMessage | null {
  const id = node.getAttribute('data-id') ?? '';
  const pre = node.querySelector('pre');
  const bubble = node.querySelector('.messageNotMe, .messageIsMe');
  let text = readText(pre ?? bubble, { imageText: '[图片]' });
  if (!text && node.querySelector('img')) text = '[图片]';
  if (!text) return null;
  let from: ChatMessage['from'];
  if (isFeigeSystemId(id)) from = 'system';
  else if (node.querySelector('.messageIsMe') || node.classList.contains('messageIsMe')) from = 'seller';
  else if (node.querySelector('.messageNotMe') || node.classList.contains('messageNotMe')) from = 'buyer';
  else from = 'system';
  // A time line is any short child text that parses as a time and is not the bubble.
  let time: number | undefined;
  for (const child of Array.from(node.children)) {
    if (child === bubble || child.contains(pre)) continue;
    time = parseChatTime(readText(child));
    if (time !== undefined) break;
  }
  return time === undefined ? { from, text } : { from, text, time };
}

function buyerName(doc: Document): string | undefined {
  const header = firstMatch(doc, BUYER_HEADER);
  // The nickname is the header's first part that holds text (a hashed span; an avatar may come before it); the rest are tags.
  const parts = header ? (header.children.length ? Array.from(header.children) : [header]) : [];
  for (const part of parts) {
    const text = readText(part);
    if (text) return text;
  }
  // No header, or one without text yet: the name inside the sidebar row marked current.
  const active = firstMatch(doc, ACTIVE_CONVERSATION);
  return (active && readFirstText(active, ['[class*="name"]', '[class*="Name"]'])) || undefined;
}

function conversationId(doc: Document): string | undefined {
  const btm = firstMatch(doc, ACTIVE_CONVERSATION)?.getAttribute('data-btm-id');
  return btm ? btm.replace(/\.current$/, '') : undefined;
}

function shopName(doc: Document): string | undefined {
  return readFirstText(doc, SHOP) || undefined;
}

function orderId(doc: Document): string | undefined {
  return findPatternIn(firstMatch(doc, ORDER_PANEL), ORDER_ID);
}

function findComposeBox(doc: Document): HTMLElement | null {
  return firstMatch(doc, COMPOSE) ?? composeBoxByStructure(doc);
}

function findSendButton(doc: Document): HTMLElement | null {
  return sendControlFor(doc, SEND, findComposeBox);
}

/** The duplicate-message warning or another modal the rep must answer first, if one is open. */
export function feigeBlockingPopup(doc: Document): HTMLElement | null {
  return firstMatch(doc, ['.repeat-interceptor-popup', '.auxo-modal']);
}

export const feigeAdapter: SiteAdapter = {
  id: PLATFORM,
  name: '抖店飞鸽',
  matches(url, doc) {
    if (hostIs(url, 'im.jinritemai.com')) return /^\/pc_seller/.test(url.pathname);
    return isFixtureFor(url, doc, PLATFORM);
  },
  findComposeBox,
  findSendButton,
  readConversation(doc): ConversationSnapshot | null {
    const nodes = messageNodes(doc);
    const name = buyerName(doc);
    if (!name && nodes.length === 0) return null;
    const buyer = name ?? conversationId(doc);
    if (!buyer) return null;
    const messages = nodes.map(readMessage).filter((m): m is ChatMessage => m !== null);
    const shop = shopName(doc);
    const order = orderId(doc);
    return snapshotOf(PLATFORM, { shop, buyerKey: buyer, buyerName: name, orderId: order, messages });
  },
  watchRoot(doc) {
    return allMatches(doc, MESSAGE_WRAPPERS)[0]?.parentElement ?? doc.body;
  },
  health(doc): AdapterHealth {
    return healthOf({
      messageList: allMatches(doc, MESSAGE_WRAPPERS).length > 0,
      composeBox: findComposeBox(doc),
      sendButton: findSendButton(doc),
      buyerName: buyerName(doc),
      orderId: orderId(doc),
    });
  },
};
