/**
 * 快手小店 客服 (im.kwaixiaodian.com/workbench, older s.kwaixiaodian.com).
 * Ant Design UI with a Quill compose box. Message rows are
 * `…LayoutDefaultWrapper_msgMain`; the side is a BEM-style modifier
 * (`…_lrWrapper__isMine` / `__notMe`) on the left-right wrapper, which may sit
 * inside or around the row. Rows with no side marker are system notes.
 */
import type { AdapterHealth, SiteAdapter } from './adapter';
import type { ChatMessage, ConversationSnapshot } from '../types';
import {
  allMatches,
  closestWithClassContaining,
  composeBoxByStructure,
  snapshotOf,
  firstMatch,
  healthOf,
  hasClassContaining,
  hostIs,
  isFixtureFor,
  isHidden,
  isSendLabel,
  outermost,
  parseChatTime,
  readFirstText,
  readText,
  sendControlNear,
} from './dom-queries';

const PLATFORM = 'kuaishou';

const LIST = ['.ChatMessageList-ContentWrap', '.ChatMessageList', '[class*="ChatMessageList"]'];
const ROWS = ['.ChatMessageList-ContentWrap [class*="LayoutDefaultWrapper_msgMain"]', '[class*="LayoutDefaultWrapper_msgMain"]'];
const COMPOSE = ['.SendBox-Editor .ql-editor', '.SendBox .ql-editor', '.ql-editor[contenteditable="true"]'];
const BUYER = ['.LoginUserInfo-mainTitle-text', '.SessionBaseCard-active .SessionBaseCard-topHeadName', '[class*="active"] .SessionBaseCard-topHeadName'];
const SHOP = ['.ShopInfo-name', '[class*="ShopName"]', '[class*="shopName"]'];
const ORDER_IDS = ['#OrderListDom .OrderCard .oid', '#OrderListDom .oid', '.OrderCard .oid'];
const ORDER_ID = /(\d{12,20})/;

function sideOf(row: Element): ChatMessage['from'] {
  const wrapper =
    closestWithClassContaining(row, '_lrWrapper') ??
    Array.from(row.querySelectorAll('[class*="_lrWrapper"]')).find((el) => hasClassContaining(el, '__isMine') || hasClassContaining(el, '__notMe')) ??
    null;
  if (!wrapper) return 'system';
  if (hasClassContaining(wrapper, '__isMine')) return 'seller';
  if (hasClassContaining(wrapper, '__notMe')) return 'buyer';
  return 'system';
}

function readMessage(row: Element): ChatMessage | null {
  const from = sideOf(row);
  const timeEl = row.querySelector('[class*="_time"]');
  const time = parseChatTime(readText(timeEl));
  // The bubble when the row has one; else the row's text without its time line.
  const bubble = row.querySelector('[class*="_bubble"], [class*="_systemText"]');
  let text = bubble ? readText(bubble, { imageText: '[图片]' }) : readText(row, { imageText: '[图片]' });
  if (!bubble && timeEl) text = text.replace(readText(timeEl), '').trim();
  if (!text && row.querySelector('img')) text = '[图片]';
  if (!text) return null;
  return time === undefined ? { from, text } : { from, text, time };
}

function buyerName(doc: Document): string | undefined {
  return readFirstText(doc, BUYER) || undefined;
}

function orderId(doc: Document): string | undefined {
  const el = firstMatch(doc, ORDER_IDS);
  const m = el ? ORDER_ID.exec(readText(el)) : null;
  return m?.[1];
}

function findComposeBox(doc: Document): HTMLElement | null {
  return firstMatch(doc, COMPOSE) ?? composeBoxByStructure(firstMatch(doc, ['.SendBox', '.SendBox-Editor']) ?? doc);
}

function findSendButton(doc: Document): HTMLElement | null {
  const buttons = Array.from(doc.querySelectorAll<HTMLElement>('button.ant-btn.ant-btn-primary, button.ant-btn')).filter(
    (b) => b.isConnected && !isHidden(b) && isSendLabel(readText(b)),
  );
  const inSendBox = buttons.find((b) => b.closest('.SendBox'));
  if (inSendBox ?? buttons[0]) return (inSendBox ?? buttons[0])!;
  const box = findComposeBox(doc);
  // Quill wraps .ql-editor in .ql-container: start the structural search from the container.
  return box ? sendControlNear(box.closest('.ql-container') ?? box) : null;
}

export const kuaishouAdapter: SiteAdapter = {
  id: PLATFORM,
  name: '快手小店',
  matches(url, doc) {
    if (hostIs(url, 'im.kwaixiaodian.com')) return true;
    if (hostIs(url, 's.kwaixiaodian.com')) return url.pathname.includes('/chat');
    return isFixtureFor(url, doc, PLATFORM);
  },
  findComposeBox,
  findSendButton,
  readConversation(doc): ConversationSnapshot | null {
    if (!firstMatch(doc, LIST)) return null;
    const name = buyerName(doc);
    if (!name) return null;
    const messages = outermost(allMatches(doc, ROWS))
      .map(readMessage)
      .filter((m): m is ChatMessage => m !== null);
    const shop = readFirstText(doc, SHOP) || undefined;
    const order = orderId(doc);
    return snapshotOf(PLATFORM, { shop, buyerKey: name, buyerName: name, orderId: order, messages });
  },
  watchRoot(doc) {
    return firstMatch(doc, ['.ChatPanel', ...LIST]) ?? doc.body;
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
