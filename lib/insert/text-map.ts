/**
 * A plain-text view of an editable element with a map back to DOM positions.
 *
 * Rich editors render one line per block (<p>, <div>) and soft breaks as
 * <br>; the browser's innerText needs layout (and reads placeholder nodes
 * some editors put inside the editable), so we walk the DOM ourselves:
 * text nodes give their characters, a <br> gives "\n" unless it only props
 * up the end of its block, and consecutive blocks are separated by "\n".
 * Each character remembers where it came from, so text offsets (what the
 * risk scanner and the sidebar see) turn into DOM Ranges and back.
 */

export interface DomPoint {
  node: Node;
  offset: number;
}

type Char = { kind: 'text'; node: Text; index: number } | { kind: 'br'; node: Element } | { kind: 'block'; prevEnd: DomPoint; boundary: DomPoint };

export interface TextMap {
  root: Element;
  text: string;
  chars: Char[];
  /** Where a caret at the very end of the text goes. */
  end: DomPoint;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
// Caret anchors editors put in empty lines; never part of the message.
const ZERO_WIDTH = /[\u200B\uFEFF]/;

function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/** Placeholder and hidden nodes that must not count as draft text. */
function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('data-slate-placeholder') || el.hasAttribute('data-lexical-placeholder')) return true;
  if (el.getAttribute('contenteditable') === 'false' && /placeholder/i.test(el.className || '')) return true;
  const style = (el as HTMLElement).style;
  return !!style && style.display === 'none';
}

/** Point just before `node` in its parent. */
function before(node: Node): DomPoint {
  const parent = node.parentNode!;
  return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, node) };
}

export function buildTextMap(root: Element): TextMap {
  const chars: Char[] = [];
  let text = '';
  // A block boundary is only emitted once content follows it, so leading and
  // trailing blocks do not add stray newlines.
  let pendingBlock: { prevEnd: DomPoint; boundary: DomPoint } | null = null;
  // The <br> just emitted, kept so a block end can take its newline back.
  let lastBrIndex = -1;
  // Set once a line (even an empty one held open by a <br>) has ended.
  let anyLine = false;
  let lastInsertPoint: DomPoint = { node: root, offset: 0 };

  const flushBlock = (): void => {
    if (pendingBlock) {
      chars.push({ kind: 'block', ...pendingBlock });
      text += '\n';
    }
    pendingBlock = null;
  };

  /** `boundary`: the DOM point where the next line starts (after the ended block, or before a new one). */
  const endBlock = (boundary: DomPoint): void => {
    // A <br> that ends a block only props the line open: drop its newline.
    if (lastBrIndex >= 0 && lastBrIndex === chars.length - 1) {
      const br = chars.pop()! as { kind: 'br'; node: Element };
      text = text.slice(0, -1);
      lastInsertPoint = before(br.node);
      anyLine = true;
    }
    lastBrIndex = -1;
    if (chars.length > 0) anyLine = true;
    pendingBlock = anyLine ? { prevEnd: lastInsertPoint, boundary } : null;
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const t = node as Text;
      const data = t.data;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i]!;
        if (ZERO_WIDTH.test(ch)) continue;
        flushBlock();
        chars.push({ kind: 'text', node: t, index: i });
        text += ch === '\u00A0' ? ' ' : ch;
        lastBrIndex = -1;
      }
      lastInsertPoint = { node: t, offset: data.length };
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isSkipped(el)) return;
    if (el.tagName === 'BR') {
      flushBlock();
      chars.push({ kind: 'br', node: el });
      text += '\n';
      lastBrIndex = chars.length - 1;
      const p = before(el);
      lastInsertPoint = { node: p.node, offset: p.offset + 1 };
      return;
    }
    const block = el !== root && isBlock(el);
    if (block) {
      if ((chars.length > 0 || anyLine) && !pendingBlock) endBlock(before(el));
      lastInsertPoint = { node: el, offset: 0 };
    }
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) {
      const after = before(el);
      endBlock({ node: after.node, offset: after.offset + 1 });
    } else if (el !== root && lastInsertPoint.node === el) lastInsertPoint = { node: el, offset: el.childNodes.length };
  };

  walk(root);
  // A trailing <br> in the root itself (plain contenteditable) is a line prop too.
  if (lastBrIndex >= 0 && lastBrIndex === chars.length - 1) {
    const br = chars.pop()! as { kind: 'br'; node: Element };
    text = text.slice(0, -1);
    lastInsertPoint = before(br.node);
  }
  return { root, text, chars, end: lastInsertPoint };
}

/** DOM point for the boundary before character `offset` (clamped to the text). */
export function offsetToPoint(map: TextMap, offset: number): DomPoint {
  const k = Math.max(0, Math.min(offset, map.chars.length));
  if (k === map.chars.length) return map.end;
  const c = map.chars[k]!;
  if (c.kind === 'text') return { node: c.node, offset: c.index };
  if (c.kind === 'br') {
    // Prefer the end of the preceding text so the caret stays on its line.
    const prev = map.chars[k - 1];
    if (prev && prev.kind === 'text') return { node: prev.node, offset: prev.index + 1 };
    return before(c.node);
  }
  return c.prevEnd;
}

/** Is DOM point a at or before DOM point b? */
function atOrBefore(doc: Document, a: DomPoint, b: DomPoint): boolean {
  if (a.node === b.node) return a.offset <= b.offset;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  return range.comparePoint(b.node, b.offset) >= 0;
}

/** Text offset of a DOM point (e.g. a selection end) inside the mapped root. */
export function pointToOffset(map: TextMap, point: DomPoint): number {
  const doc = map.root.ownerDocument;
  let count = 0;
  for (const c of map.chars) {
    let charEnd: DomPoint;
    if (c.kind === 'text') charEnd = { node: c.node, offset: c.index + 1 };
    else if (c.kind === 'br') {
      const p = before(c.node);
      charEnd = { node: p.node, offset: p.offset + 1 };
    } else charEnd = c.boundary; // the line break counts once the point has left the previous block
    if (!atOrBefore(doc, charEnd, point)) break;
    count++;
  }
  return count;
}
