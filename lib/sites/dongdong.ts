/**
 * 京东 咚咚 (dongdong.jd.com). Message rows are `.message` with a side
 * modifier; the compose box is a contenteditable `.EditorContent`. The row id
 * of the selected buyer, `u_<pin>imcustomer<venderId>`, gives both the buyer
 * pin and the shop's vender id. Product cards are not messages: the latest
 * one becomes the snapshot's `item`.
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
  parseChatTime,
  readFirstText,
  readText,
  sendControlFor,
} from './dom-queries';

const PLATFORM = 'dongdong';

const LIST = ['#t-chat-scroll', '.chat-scroll-wrap'];
const ROWS = ['#t-chat-scroll .message', '.chat-scroll-wrap .message'];
const COMPOSE = ['.EditorContent[contenteditable="true"]', '.EditorContent[contenteditable]', '.chat-editor [contenteditable="true"]'];
const SEND = ['.SendButtonGroup > .send-button', '.SendButtonGroup .send-button', '.send-button'];
const HEADER_NAME = ['.chat-head-name > span', '.chat-head-name'];
const SELECTED_USER = ['#t-alluser-wrap .alluser-item_check', '.alluser-item_check', '.alluser-item.active'];
const ORDER_PANEL = ['.dd-order-item', '[class*="order-item"]', '[class*="OrderItem"]', '[class*="order"]'];
// JD order numbers shown next to 订单号 are 11–13 digits.
const ORDER_ID = /订单(?:编?号)[:：]?\s*(\d{9,14})/;
const ROW_ID = /^u_(.+)imcustomer(\d+)$/;

function readMessage(row: Element): ChatMessage | null {
  const cls = row.classList;
  if (cls.contains('message_center') || cls.contains('message__system')) {
    const text = readText(row.querySelector('.message__content') ?? row);
    return text ? { from: 'system', text } : null;
  }
  if (row.querySelector('.CardWrapper')) return null; // product / order cards: context, not a message
  const from: ChatMessage['from'] | null = cls.contains('message_left') ? 'buyer' : cls.contains('message_right') ? 'seller' : null;
  if (!from) return null;
  const body = row.querySelector('pre.message__text') ?? row.querySelector('.message__content');
  let text = readText(body, { imageText: '[图片]' });
  if (!text && row.querySelector('img')) text = '[图片]';
  if (!text) return null;
  const time = parseChatTime(readFirstText(row, ['.message__time_str']));
  return time === undefined ? { from, text } : { from, text, time };
}

function selectedIds(doc: Document): { pin?: string; venderId?: string } {
  const row = firstMatch(doc, SELECTED_USER);
  const m = row ? ROW_ID.exec(row.id) : null;
  return m ? { pin: m[1], venderId: m[2] } : {};
}

function buyerName(doc: Document): string | undefined {
  const header = readFirstText(doc, HEADER_NAME);
  if (header) return header;
  const row = firstMatch(doc, SELECTED_USER);
  return (row && readFirstText(row, ['.alluser-item-name'])) || undefined;
}

function latestItem(doc: Document): string | undefined {
  const cards = allMatches(doc, ['#t-chat-scroll .CardWrapper.ProductCard', '.chat-scroll-wrap .ProductCard']);
  const last = cards[cards.length - 1];
  return last ? readText(last) || undefined : undefined;
}

function orderId(doc: Document): string | undefined {
  for (const selector of ORDER_PANEL) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      const id = findPatternIn(el, ORDER_ID);
      if (id) return id;
    }
  }
  return undefined;
}

function findComposeBox(doc: Document): HTMLElement | null {
  return firstMatch(doc, COMPOSE) ?? composeBoxByStructure(firstMatch(doc, ['.chat-editor', '.chat-main']) ?? doc);
}

function findSendButton(doc: Document): HTMLElement | null {
  return sendControlFor(doc, SEND, findComposeBox);
}

export const dongdongAdapter: SiteAdapter = {
  id: PLATFORM,
  name: '京东咚咚',
  matches(url, doc) {
    if (hostIs(url, 'dongdong.jd.com')) return true;
    return isFixtureFor(url, doc, PLATFORM);
  },
  findComposeBox,
  findSendButton,
  readConversation(doc): ConversationSnapshot | null {
    if (!firstMatch(doc, LIST)) return null;
    const name = buyerName(doc);
    const { pin, venderId } = selectedIds(doc);
    const buyer = pin ?? name;
    if (!buyer) return null;
    const messages = allMatches(doc, ROWS)
      .map(readMessage)
      .filter((m): m is ChatMessage => m !== null);
    const shop = venderId ?? firstMatch(doc, ['[data-vender-id]'])?.getAttribute('data-vender-id') ?? undefined;
    const order = orderId(doc);
    const item = latestItem(doc);
    return snapshotOf(PLATFORM, { shop, buyerKey: buyer, buyerName: name, orderId: order, item, messages });
  },
  watchRoot(doc) {
    return firstMatch(doc, ['.chat-main', ...LIST]) ?? doc.body;
  },
  health(doc): AdapterHealth {
    return healthOf({
      messageList: firstMatch(doc, LIST),
      composeBox: findComposeBox(doc),
      sendButton: findSendButton(doc),
      buyerName: buyerName(doc),
      orderId: orderId(doc),
    });
  },
};
