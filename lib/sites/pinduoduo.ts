/**
 * 拼多多 商家客服 (mms.pinduoduo.com/chat-merchant). Vue app without iframes;
 * the message list node can be replaced at any time, so everything is
 * queried fresh. Robot auto-replies (`.cs-item.callback`) are sent in the
 * shop's name, so they count as seller messages.
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

const PLATFORM = 'pinduoduo';

const LIST = ['#msgListContainer .msg-list', '#msgListContainer ul', '#msgListContainer'];
const ROWS = ['#msgListContainer .msg-list > li.onemsg', '#msgListContainer li.onemsg', 'li[id^="middlePanel_list_"]'];
const COMPOSE = ['textarea#replyTextarea', 'textarea.custom-scroll', '.reply-box textarea', '.chat-input textarea'];
const SEND = ['div.send-btn', '.send-btn', 'button.send-btn'];
const ACTIVE_CHAT = ['li.chat-item.active', 'li.chat-item.chat-item-active', 'li.chat-item.selected', 'li.chat-item[class*="active"]'];
const HEADER_NAME = ['.chat-header .nickname-span', '.chat-header .nickname', '.chat-box-header .nickname'];
// Not documented for the live page: plausible places for the shop name, then 'default'.
const SHOP = ['.mms-header .shop-name', '.header-shop-name', '.shop-info .shop-name', '[data-shop-name]'];
const ORDER_PANEL = ['.right-panel-container', '.order-panel'];
// 拼多多 order numbers: yymmdd-15 digits.
const ORDER_ID = /(\d{6}-\d{12,16})/;

function messageRows(doc: Document): Element[] {
  return allMatches(doc, ROWS);
}

function readMessage(row: Element): ChatMessage | null {
  if (row.querySelector('[class*="system-msg"]') || /(^|\s)system-msg/.test(row.className)) {
    const text = readText(row.querySelector('[class*="system-msg"]') ?? row);
    return text ? { from: 'system', text } : null;
  }
  const timeText = readFirstText(row, ['p.message-time', '.message-time']);
  const time = parseChatTime(timeText);
  const contentBox = row.querySelector('.msg-content-box');
  let text = contentBox ? readText(contentBox, { imageText: '[图片]' }) : '';
  if (!text && row.querySelector('img')) text = '[图片]';
  if (!text) return null;
  let from: ChatMessage['from'];
  if (row.querySelector('.buyer-item')) from = 'buyer';
  else if (row.querySelector('.cs-item'))
    from = 'seller'; // includes .cs-item.callback robot replies
  else return null;
  return time === undefined ? { from, text } : { from, text, time };
}

function buyerId(doc: Document): string | undefined {
  const rows = messageRows(doc);
  for (let i = rows.length - 1; i >= 0; i--) {
    const uid = rows[i]!.querySelector('[currentuid]')?.getAttribute('currentuid');
    if (uid) return uid;
  }
  return firstMatch(doc, ACTIVE_CHAT)?.getAttribute('data-uid') ?? undefined;
}

function buyerName(doc: Document): string | undefined {
  const active = firstMatch(doc, ACTIVE_CHAT);
  const fromList = active ? readFirstText(active, ['.chat-detail .nickname-span', '.nickname-span']) : '';
  return fromList || readFirstText(doc, HEADER_NAME) || undefined;
}

function shopName(doc: Document): string | undefined {
  const el = firstMatch(doc, SHOP);
  return el?.getAttribute('data-shop-name') || readText(el) || undefined;
}

function orderId(doc: Document): string | undefined {
  return findPatternIn(firstMatch(doc, ORDER_PANEL), ORDER_ID);
}

function findComposeBox(doc: Document): HTMLElement | null {
  const scope = firstMatch(doc, ['.reply-box', '.chat-box']) ?? doc;
  return firstMatch(doc, COMPOSE) ?? composeBoxByStructure(scope);
}

function findSendButton(doc: Document): HTMLElement | null {
  return sendControlFor(doc, SEND, findComposeBox);
}

export const pinduoduoAdapter: SiteAdapter = {
  id: PLATFORM,
  name: '拼多多',
  matches(url, doc) {
    if (hostIs(url, 'mms.pinduoduo.com')) return url.pathname.startsWith('/chat-merchant');
    return isFixtureFor(url, doc, PLATFORM);
  },
  findComposeBox,
  findSendButton,
  readConversation(doc): ConversationSnapshot | null {
    const list = firstMatch(doc, LIST);
    if (!list) return null;
    const messages = messageRows(doc)
      .map(readMessage)
      .filter((m): m is ChatMessage => m !== null);
    const name = buyerName(doc);
    const buyer = buyerId(doc) ?? name;
    if (!buyer) return null;
    const shop = shopName(doc);
    const order = orderId(doc);
    return snapshotOf(PLATFORM, { shop, buyerKey: buyer, buyerName: name, orderId: order, messages });
  },
  watchRoot(doc) {
    return firstMatch(doc, ['#msgListContainer', '.chat-box']) ?? doc.body;
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
