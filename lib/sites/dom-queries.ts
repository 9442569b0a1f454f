/**
 * Structural DOM helpers shared by the marketplace adapters.
 *
 * Marketplace chat pages redeploy often and many of their class names are
 * hashed, so adapters ask for things through ordered fallback lists and
 * structure (placeholder text, position next to the compose box) instead of
 * one selector. Every helper queries fresh: frameworks replace nodes, and a
 * cached node may no longer be in the document.
 */
import type { ChatMessage, ConversationSnapshot } from '../types';
import type { AdapterHealth } from './adapter';

/** An ordered list of selectors: the first one that finds a connected element wins. */
export type Fallbacks = readonly string[];

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a selector the engine does not support must not break the others
  }
}

/** First connected, visible element matched by the earliest selector that matches anything usable. */
export function firstMatch<T extends Element = HTMLElement>(root: ParentNode, selectors: Fallbacks): T | null {
  for (const selector of selectors) {
    for (const el of safeQueryAll(root, selector)) {
      if (el.isConnected && !isHidden(el)) return el as T;
    }
  }
  return null;
}

/** All connected matches of the earliest selector that matches anything. */
export function allMatches<T extends Element = HTMLElement>(root: ParentNode, selectors: Fallbacks): T[] {
  for (const selector of selectors) {
    const found = safeQueryAll(root, selector).filter((el) => el.isConnected);
    if (found.length > 0) return found as T[];
  }
  return [];
}

/** Drop elements nested inside another element of the same list (keeps the outermost). */
export function outermost<T extends Element>(elements: T[]): T[] {
  const set = new Set<Element>(elements);
  return elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** Drop elements that contain another element of the same list (keeps the innermost). */
export function innermost<T extends Element>(elements: T[]): T[] {
  return elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
}

/** Does the element's class list contain a class that includes `fragment` (for BEM-style modifiers like `__isMine`)? */
export function hasClassContaining(el: Element, fragment: string): boolean {
  for (const c of Array.from(el.classList)) if (c.includes(fragment)) return true;
  return false;
}

/** Nearest ancestor-or-self with a class containing `fragment`, stopping at `stop`. */
export function closestWithClassContaining(el: Element, fragment: string, stop?: Element | null): Element | null {
  for (let p: Element | null = el; p && p !== stop; p = p.parentElement) if (hasClassContaining(p, fragment)) return p;
  return null;
}

/** Hidden by attribute, inline style or (when a browser computes it) the cascade. */
export function isHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  const view = el.ownerDocument?.defaultView;
  if (view && typeof view.getComputedStyle === 'function') {
    try {
      const computed = view.getComputedStyle(el);
      if (computed.display === 'none' || computed.visibility === 'hidden') return true;
    } catch {
      /* detached or foreign node: treat as visible */
    }
  }
  return false;
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'BUTTON', 'SVG']);
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'PRE', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TR', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE']);

/** Placeholder and decoration nodes whose text is not the message (editor hints, unread dots). */
function isPlaceholder(el: Element): boolean {
  if (el.hasAttribute('data-placeholder') && !el.hasAttribute('contenteditable')) return true;
  for (const c of Array.from(el.classList)) {
    const lower = c.toLowerCase();
    if (lower.includes('placeholder') || lower === 'sr-only' || lower === 'visually-hidden') return true;
  }
  return false;
}

export interface ReadTextOptions {
  /** Text for an image element (default: skip images). */
  imageText?: string;
}

/**
 * The visible text of an element: hidden and placeholder nodes skipped,
 * `<br>` and block boundaries become line breaks, runs of blank lines
 * collapsed, the result trimmed.
 */
export function readText(el: Element | null | undefined, options: ReadTextOptions = {}): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'IMG') {
      if (options.imageText) parts.push(options.imageText);
      return;
    }
    if (SKIP_TAGS.has(tag) || isHidden(element) || isPlaceholder(element)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) parts.push('\n');
  };
  if (el.nodeType === 1 && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT')) return ((el as HTMLTextAreaElement).value ?? '').trim();
  for (const child of Array.from(el.childNodes)) walk(child);
  return parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t]*(\n[ \t]*)+/g, '\n')
    .trim();
}

/** Text of the first fallback match, or '' */
export function readFirstText(root: ParentNode, selectors: Fallbacks, options?: ReadTextOptions): string {
  return readText(firstMatch(root, selectors), options);
}

/**
 * Parse the time stamps chat pages show, in local time:
 * `2026年09月08日 17:12:14`, `2026-09-08 17:12`, `2026/9/8 17:12`,
 * `09-08 17:12`, `9月8日 17:12`, `昨天 17:12`, `17:12:14`.
 * Returns milliseconds since the epoch, or undefined when it is not a time.
 */
export function parseChatTime(text: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  const clock = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t);
  const h = clock ? Number(clock[1]) : 0;
  const mi = clock ? Number(clock[2]) : 0;
  const s = clock?.[3] ? Number(clock[3]) : 0;
  if (clock && (h > 23 || mi > 59 || s > 59)) return undefined;
  const make = (y: number, mo: number, d: number) => {
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
    const date = new Date(y, mo - 1, d, h, mi, s);
    return date.getMonth() === mo - 1 ? date.getTime() : undefined;
  };
  const full = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/.exec(t);
  if (full) return make(Number(full[1]), Number(full[2]), Number(full[3]));
  const monthDay = /(?:^|\D)(\d{1,2})\s*[月\-/]\s*(\d{1,2})\s*日?(?:\s|$)/.exec(t);
  if (monthDay && clock) return make(now.getFullYear(), Number(monthDay[1]), Number(monthDay[2]));
  if (!clock) return undefined;
  const dayShift = /前天/.test(t) ? -2 : /昨天|yesterday/i.test(t) ? -1 : 0;
  const base = new Date(now.getFullYear(), now.getMonth(), now.getDate() + dayShift, h, mi, s);
  return base.getTime();
}

/** `platform:shop:buyer`, with ':' in the parts replaced so the key splits cleanly. */
export function conversationKey(platform: string, shop: string | undefined, buyer: string): string {
  const clean = (part: string) => part.replace(/:/g, '：').trim();
  return `${platform}:${clean(shop || 'default') || 'default'}:${clean(buyer)}`;
}

/** The page's send control: a known selector first, else the clickable control nearest the compose box. */
export function sendControlFor(doc: Document, selectors: readonly string[], findComposeBox: (doc: Document) => HTMLElement | null): HTMLElement | null {
  const known = firstMatch(doc, selectors);
  if (known) return known;
  const box = findComposeBox(doc);
  return box ? sendControlNear(box) : null;
}

/** Which parts of the chat an adapter found: each part given as what its finder returned. */
export function healthOf(found: { messageList: unknown; composeBox: unknown; sendButton: unknown; buyerName: unknown; orderId: unknown }): AdapterHealth {
  const has = (v: unknown) => v !== null && v !== undefined && v !== false;
  return {
    messageList: has(found.messageList),
    composeBox: has(found.composeBox),
    sendButton: has(found.sendButton),
    buyerName: has(found.buyerName),
    orderId: has(found.orderId),
  };
}

/** What every adapter returns for an open chat: the key from platform, shop and buyer, and only the fields the page showed. */
export function snapshotOf(
  platform: string,
  parts: { shop?: string; buyerKey: string; buyerName?: string; orderId?: string; item?: string; messages: ChatMessage[] },
): ConversationSnapshot {
  const { shop, buyerKey, buyerName, orderId, item, messages } = parts;
  return {
    key: conversationKey(platform, shop, buyerKey),
    platform,
    ...(shop ? { shop } : {}),
    ...(buyerName ? { buyerName } : {}),
    ...(orderId ? { orderId } : {}),
    ...(item ? { item } : {}),
    messages,
  };
}

/** The first match of `pattern` (its first group when it has one) in the text of `root`. */
export function findPatternIn(root: Element | null, pattern: RegExp): string | undefined {
  if (!root) return undefined;
  const m = pattern.exec(readText(root));
  return m ? (m[1] ?? m[0]) : undefined;
}

/** Is the URL a local page (the demo server) rather than a real marketplace? */
export function isLocalUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/**
 * Local fixture pages announce the platform they reproduce with
 * `<meta name="huashu-fixture" content="<platform>">`; adapters accept a
 * local page only through that marker, real hosts only by URL.
 */
export function isFixtureFor(url: URL, doc: Document, platform: string): boolean {
  if (!isLocalUrl(url)) return false;
  const meta = doc.querySelector('meta[name="huashu-fixture"]');
  return meta?.getAttribute('content') === platform;
}

/** Does the host equal `domain` or end with `.domain`? */
export function hostIs(url: URL, domain: string): boolean {
  return url.hostname === domain || url.hostname.endsWith('.' + domain);
}

const CLICKABLE = 'button, [role="button"], a[href], [onclick], div, span, i';

function looksClickable(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'BUTTON' || el.getAttribute('role') === 'button' || el.hasAttribute('onclick')) return true;
  // Icon controls: a small element holding an svg or icon font and little text.
  if (el.querySelector('svg, i[class*="icon"], img') && readText(el).length <= 4) return true;
  return isSendLabel(readText(el));
}

/** 发送 / Send, also with the space Ant Design puts between two CJK characters (发 送). */
export function isSendLabel(text: string): boolean {
  return /^(发送|發送|send|提交)$/i.test(text.replace(/\s+/g, ''));
}

function disabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/**
 * The send control for a compose box by structure: within the nearest few
 * ancestors, the clickable element that comes after the box (send controls
 * sit at its bottom-right) — preferring one labelled 发送/Send, then the one
 * furthest bottom-right when the browser has laid the page out, else the last
 * in document order.
 */
export function sendControlNear(box: Element, maxLevels = 4): HTMLElement | null {
  let scope: Element | null = box.parentElement;
  for (let level = 0; scope && level < maxLevels; level++, scope = scope.parentElement) {
    const after = safeQueryAll(scope, CLICKABLE).filter(
      (el) =>
        el !== box &&
        !el.contains(box) &&
        !box.contains(el) &&
        (box.compareDocumentPosition(el) & 4) !== 0 /* DOCUMENT_POSITION_FOLLOWING */ &&
        !isHidden(el) &&
        !disabled(el) &&
        looksClickable(el),
    );
    // The innermost control of a nested icon (div > div > svg): a click on it
    // bubbles to whichever wrapper holds the handler. A real button wins over
    // the label span inside it.
    const controls = Array.from(new Set(innermost(after).map((el) => (el.parentElement?.closest('button, [role="button"]') as Element | null) ?? el)));
    if (controls.length === 0) continue;
    const labelled = controls.find((el) => isSendLabel(readText(el)) || /发送|send/i.test(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? ''));
    if (labelled) return labelled as HTMLElement;
    const boxRect = box.getBoundingClientRect();
    const laidOut = boxRect.width > 0 && boxRect.height > 0;
    if (laidOut) {
      let best: Element | null = null;
      let bestScore = -Infinity;
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const score = r.right + r.bottom;
        if (score > bestScore) {
          bestScore = score;
          best = el;
        }
      }
      if (best) return best as HTMLElement;
    }
    return controls[controls.length - 1] as HTMLElement;
  }
  return null;
}

/**
 * A compose box by structure when no known selector matches: an editable
 * element (textarea, contenteditable) — preferring one whose placeholder
 * mentions sending or typing, and never a search field.
 */
export function composeBoxByStructure(root: ParentNode): HTMLElement | null {
  const candidates = safeQueryAll(root, 'textarea, [contenteditable="true"], [contenteditable=""], [role="textbox"]').filter(
    (el) => el.isConnected && !isHidden(el) && !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly,
  ) as HTMLElement[];
  const notSearch = candidates.filter((el) => !/搜索|查找|search/i.test(placeholderOf(el)));
  const hinted = notSearch.find((el) => /发送|發送|输入|輸入|回复|enter|send|type|message/i.test(placeholderOf(el)));
  // Outermost editable: a contenteditable root, not a child paragraph.
  return hinted ?? outermost(notSearch)[0] ?? null;
}

export function placeholderOf(el: Element): string {
  return el.getAttribute('placeholder') ?? el.getAttribute('data-placeholder') ?? el.getAttribute('aria-placeholder') ?? el.getAttribute('aria-label') ?? '';
}
