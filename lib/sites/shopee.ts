/**
 * Shopee Seller Centre 聊聊 (seller.shopee.cn/webchat, regional
 * seller.shopee.co.*). Every class name is hashed, so this adapter works by
 * structure alone:
 *  - compose box: the editable textarea of the right pane (placeholder hints, never a search field);
 *  - send control: the clickable icon after it, bottom-right;
 *  - message list: the scrollable sibling region next to the compose area with the most row-like children;
 *  - side of a row: where its bubble sits (layout when the browser has one,
 *    else the computed alignment), centred rows are system notes.
 */
import type { AdapterHealth, SiteAdapter } from './adapter';
import type { ChatMessage, ConversationSnapshot } from '../types';
import { composeBoxByStructure, healthOf, isFixtureFor, isHidden, parseChatTime, readText, sendControlNear, snapshotOf } from './dom-queries';

const PLATFORM = 'shopee';
// Shopee order numbers: yymmdd + 8 letters/digits.
const ORDER_SN = /(?:^|[^0-9A-Z])(\d{6}[0-9A-Z]{8})(?![0-9A-Z])/;
const DUPLICATE_DIALOG = /检测到重复消息|duplicate message/i;

function findComposeBox(doc: Document): HTMLElement | null {
  const areas = Array.from(doc.querySelectorAll<HTMLTextAreaElement>('textarea')).filter(
    (t) => t.isConnected && !isHidden(t) && !t.disabled && !t.readOnly && !/搜索|search/i.test(t.placeholder) && !t.closest('[role="dialog"]'),
  );
  const hinted = areas.find((t) => /消息|輸入|输入|message|type/i.test(t.placeholder));
  // The right pane comes after the conversation list: the last textarea is the compose box.
  return hinted ?? areas[areas.length - 1] ?? composeBoxByStructure(doc);
}

function findSendButton(doc: Document): HTMLElement | null {
  const box = findComposeBox(doc);
  return box ? sendControlNear(box) : null;
}

function styleOf(el: Element): CSSStyleDeclaration | null {
  try {
    return el.ownerDocument.defaultView?.getComputedStyle(el) ?? null;
  } catch {
    return null;
  }
}

function isScrollable(el: Element): boolean {
  const s = styleOf(el);
  return !!s && /(auto|scroll)/.test(`${s.overflowY} ${s.overflow}`);
}

/** Children that look like message rows: block elements with text. */
function rowLike(el: Element): Element[] {
  return Array.from(el.children).filter(
    (c) => !/^(SPAN|A|B|I|EM|STRONG|SVG|svg|INPUT|TEXTAREA|BUTTON)$/.test(c.tagName) && !isHidden(c) && readText(c).length > 0,
  );
}

/**
 * The live page puts the message list in a row with an order panel: the
 * region found next to the compose box then holds both. The list is the
 * largest scrolling part inside it that holds rows (looked for two levels
 * down; the panel scrolls too, but is a narrow column), not the region, whose
 * width would put the shop's bubbles on the buyer's side. Before layout, the
 * one with the most rows.
 */
function scrollingListIn(region: Element): Element {
  if (isScrollable(region)) return region;
  let best: Element | null = null;
  let bestScore = 0;
  for (const child of Array.from(region.children)) {
    for (const candidate of [child, ...Array.from(child.children)]) {
      if (!isScrollable(candidate)) continue;
      const rows = rowLike(candidate).length;
      if (rows === 0) continue;
      const r = candidate.getBoundingClientRect();
      const score = r.width * r.height || rows;
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
  }
  return best ?? region;
}

/** The message list: walking up from the compose box, the best sibling region that holds rows. */
function findMessageList(doc: Document): Element | null {
  const box = findComposeBox(doc);
  if (!box) return null;
  for (let scope = box.parentElement; scope && scope !== doc.body; scope = scope.parentElement) {
    let best: Element | null = null;
    let bestScore = 0;
    for (const child of Array.from(scope.children)) {
      if (child.contains(box)) continue;
      let region: Element = child;
      while (region.children.length === 1 && rowLike(region).length <= 1) region = region.children[0]!;
      const rows = rowLike(region).length;
      if (rows === 0) continue;
      const height = region.getBoundingClientRect().height;
      const score = rows * 10 + height + (isScrollable(region) || isScrollable(child) ? 1000 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = region;
      }
    }
    if (best) return scrollingListIn(best);
  }
  return null;
}

/** The right pane: the lowest ancestor holding both the list and the compose box. */
function findPane(doc: Document): Element | null {
  const list = findMessageList(doc);
  const box = findComposeBox(doc);
  if (!list || !box) return null;
  for (let p = list.parentElement; p; p = p.parentElement) if (p.contains(box)) return p;
  return null;
}

type Side = ChatMessage['from'];

function sideByLayout(row: Element, bubble: Element, list: Element): Side | null {
  const l = list.getBoundingClientRect();
  const b = bubble.getBoundingClientRect();
  if (l.width === 0 || b.width === 0) return null;
  const leftGap = b.left - l.left;
  const rightGap = l.right - b.right;
  if (Math.abs(leftGap - rightGap) < l.width * 0.08) return 'system';
  return leftGap > rightGap ? 'seller' : 'buyer';
}

function sideByStyle(row: Element, bubble: Element): Side | null {
  const rs = styleOf(row);
  const bs = styleOf(bubble);
  const flags = [rs?.alignItems, rs?.justifyContent, rs?.textAlign, bs?.alignSelf, bs?.textAlign].map((v) => (v ?? '').toLowerCase());
  if (rs?.flexDirection === 'row-reverse') return 'seller';
  if (bs?.marginLeft === 'auto' && bs.marginRight !== 'auto') return 'seller';
  if (flags.some((f) => f === 'center')) return 'system';
  if (flags.some((f) => f === 'flex-end' || f === 'end' || f === 'right')) return 'seller';
  if (flags.some((f) => f === 'flex-start' || f === 'start' || f === 'left' || f === 'normal' || f === 'stretch')) return 'buyer';
  return null;
}

function readRow(row: Element, list: Element): ChatMessage | null {
  // Split the row into a time line and the bubble (the largest text part).
  const parts = Array.from(row.children).length > 0 ? Array.from(row.children) : [row];
  let time: number | undefined;
  let bubble: Element | null = null;
  let bubbleText = '';
  for (const part of parts) {
    const text = readText(part, { imageText: '[图片]' });
    if (!text) continue;
    const asTime = text.length <= 25 ? parseChatTime(text) : undefined;
    if (asTime !== undefined && /\d{1,2}:\d{2}/.test(text) && text.replace(/[\d\s:\-/年月日.昨天前]/g, '').length === 0) {
      time = asTime;
      continue;
    }
    if (text.length > bubbleText.length) {
      bubble = part;
      bubbleText = text;
    }
  }
  if (!bubble) return null;
  const from = sideByLayout(row, bubble, list) ?? sideByStyle(row, bubble) ?? 'buyer';
  return time === undefined ? { from, text: bubbleText } : { from, text: bubbleText, time };
}

function header(doc: Document): Element | null {
  const pane = findPane(doc);
  const list = findMessageList(doc);
  if (!pane || !list) return null;
  // The first region of the pane before the list.
  for (const child of Array.from(pane.children)) {
    if (child.contains(list)) return null;
    if (readText(child)) return child;
  }
  return null;
}

function buyerName(doc: Document): string | undefined {
  const h = header(doc);
  const first = h ? Array.from(h.querySelectorAll('*')).find((el) => el.children.length === 0 && readText(el)) : null;
  return (first && readText(first)) || undefined;
}

function buyerHandle(doc: Document): string | undefined {
  const h = header(doc);
  const m = h ? /@([\w.\-]+)/.exec(readText(h)) : null;
  return m?.[1];
}

function orderId(doc: Document): string | undefined {
  const pane = findPane(doc);
  if (!pane) return undefined;
  // Leaf by leaf: adjacent inline spans would otherwise run the SN into the next word.
  for (const leaf of Array.from(pane.querySelectorAll('*'))) {
    if (leaf.children.length > 0 || leaf.closest('textarea')) continue;
    const m = ORDER_SN.exec(readText(leaf));
    if (m) return m[1];
  }
  return undefined;
}

/** The 检测到重复消息 dialog, if open. */
export function shopeeDuplicateDialog(doc: Document): HTMLElement | null {
  for (const dialog of Array.from(doc.querySelectorAll<HTMLElement>('[role="dialog"], [class*="modal"], [class*="Modal"]'))) {
    if (dialog.isConnected && !isHidden(dialog) && DUPLICATE_DIALOG.test(readText(dialog))) return dialog;
  }
  return null;
}

export const shopeeAdapter: SiteAdapter = {
  id: PLATFORM,
  name: 'Shopee',
  matches(url, doc) {
    if (/^seller\.shopee\.(cn|co\.[a-z]+|com\.[a-z]+|[a-z]{2})$/.test(url.hostname)) return url.pathname.startsWith('/webchat');
    return isFixtureFor(url, doc, PLATFORM);
  },
  findComposeBox,
  findSendButton,
  readConversation(doc): ConversationSnapshot | null {
    const list = findMessageList(doc);
    if (!list) return null;
    const name = buyerName(doc);
    const buyer = buyerHandle(doc) ?? name;
    if (!buyer) return null;
    const messages = rowLike(list)
      .map((row) => readRow(row, list))
      .filter((m): m is ChatMessage => m !== null);
    const order = orderId(doc);
    return snapshotOf(PLATFORM, { buyerKey: buyer, buyerName: name, orderId: order, messages });
  },
  watchRoot(doc) {
    return findPane(doc) ?? doc.body;
  },
  health(doc): AdapterHealth {
    return healthOf({
      messageList: findMessageList(doc),
      composeBox: findComposeBox(doc),
      sendButton: findSendButton(doc),
      buyerName: buyerName(doc),
      orderId: orderId(doc),
    });
  },
};

// Exported for tests of the structural search.
export { findMessageList as shopeeMessageList };
