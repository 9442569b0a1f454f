/**
 * Turn the elements a rep pointed at ("this is the message list", "this is a
 * buyer message"…) into CSS selectors that keep working after the page
 * re-renders: stable ids, data-* hooks, readable class names or readable
 * fragments of hashed ones, and structure relative to the message list. Pure
 * DOM reading; nothing here writes to the page.
 */

/** Attributes pages put on purpose for tests and tooling: the most stable hooks there are. */
const HOOK_ATTRIBUTES = [
  'data-qa-id',
  'data-testid',
  'data-test-id',
  'data-test',
  'data-qa',
  'data-e2e',
  'data-role',
  'data-type',
  'data-from',
  'data-kind',
  'data-side',
  'role',
  'name',
  'aria-label',
];
/** Classes that describe a passing state, not what the element is. */
const STATE_CLASSES = /^(is-|has-)?(active|selected|current|hover|focus(ed)?|checked|open|opened|visible|show|hidden|disabled|on|last|first|new|unread|cur)$/i;

/**
 * Does a class or id look machine-generated? CSS-module hashes (`_3Fq2sXcL`,
 * `a8Kx2`), styled-components (`sc-bdVaJa`), emotion (`css-1x2y3z`), and
 * random letter/digit mixes. Readable names with a digit (`h2`, `col-6`,
 * `message_v2`) are kept.
 */
export function looksHashed(token: string): boolean {
  if (!token) return true;
  if (/^(sc|css|jsx|emotion|tw|svelte|astro)-[A-Za-z0-9]{4,}$/.test(token)) return true;
  if (/^_/.test(token) && /\d/.test(token)) return true; // CSS modules: _2hQk7dLx
  if (/^_[A-Za-z0-9]{5,}$/.test(token) && /[a-z][A-Z]|[A-Z][a-z]*[A-Z]/.test(token)) return true; // _SideR, _MainPq
  if (/^[0-9]/.test(token)) return true;
  if (/[0-9a-f]{6,}/i.test(token) && /\d/.test(token) && !/^[a-z]+([-_][a-z]+)*$/i.test(token)) return true; // hex runs
  // Mixed letters and digits with no word separators: a8Kx2, x9fKd2Wm, aB3dE.
  const bare = token.replace(/^[-_]+/, '');
  if (!/[-_]/.test(bare) && /\d/.test(bare) && /[A-Za-z]/.test(bare)) {
    const digitGroups = bare.match(/\d+/g)?.length ?? 0;
    const caseFlips = (bare.match(/[a-z][A-Z]|[A-Z][A-Z][a-z]/g) ?? []).length;
    if (digitGroups >= 2 || caseFlips >= 2 || (digitGroups >= 1 && bare.length <= 6 && !/^[a-z]+\d{1,2}$/.test(bare))) return true;
  }
  // A readable head with a hash tail (shopName__a8Kx2) is hashed as a whole; its head may still be used.
  return readableFragment(token) !== undefined;
}

/**
 * The readable head of a hashed class: `shopName__a8Kx2` → `shopName`,
 * `bubble_3kXa9` → `bubble`, `Msg-module__row--x8Fk2` → `Msg-module__row`.
 * Undefined when nothing readable is left.
 */
export function readableFragment(token: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z-]*?(?:__[A-Za-z][A-Za-z-]*)?)(?:_{1,2}|-{1,2})[A-Za-z0-9]{4,}$/.exec(token);
  if (!m) return undefined;
  const head = m[1]!;
  if (head.length < 3 || looksHashed(head)) return undefined;
  const tail = token.slice(head.length).replace(/^[-_]+/, '');
  return looksHashed(tail) || /\d/.test(tail) ? head : undefined;
}

/** CSS.escape where the environment has it; a conservative fallback elsewhere. */
export function cssEscape(value: string): string {
  const css = (globalThis as { CSS?: { escape?(v: string): string } }).CSS;
  if (css?.escape) return css.escape(value);
  return value.replace(/^(\d)/, '\\3$1 ').replace(/[^A-Za-z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`);
}

function attrSelector(name: string, value: string): string {
  return `[${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`;
}

/** A value that names a kind (buyer, textarea, send) rather than one record (msg_8800121, 42). */
function isKindValue(value: string): boolean {
  return value.length > 0 && value.length <= 40 && !/\d{3,}/.test(value) && !looksHashed(value) && !/\s{2,}/.test(value);
}

/** Stable single-element tokens of an element, best first. `forKind` leaves out per-record ids. */
export function stableTokens(el: Element, forKind = false, allowHashed = false): string[] {
  const tokens: string[] = [];
  const tag = el.localName;
  if (!forKind && el.id && !looksHashed(el.id) && !/\d{3,}/.test(el.id)) tokens.push(`#${cssEscape(el.id)}`);
  for (const name of HOOK_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value !== null && isKindValue(value)) tokens.push(attrSelector(name, value));
  }
  for (const attr of Array.from(el.attributes)) {
    if (!attr.name.startsWith('data-') || HOOK_ATTRIBUTES.includes(attr.name)) continue;
    // For a kind of row, per-record attributes (data-msgid="d5", data-key) would pin one message.
    if (forKind && (/(id|key|uid|index|idx|time|ts)$/i.test(attr.name) || /\d/.test(attr.value))) continue;
    if (isKindValue(attr.value) && attr.value.length <= 24) tokens.push(attrSelector(attr.name, attr.value));
  }
  for (const c of Array.from(el.classList)) {
    if (STATE_CLASSES.test(c)) continue;
    if (!looksHashed(c)) tokens.push(`.${cssEscape(c)}`);
    else {
      const fragment = readableFragment(c);
      if (fragment) tokens.push(`[class*="${fragment}"]`);
      else if (allowHashed) tokens.push(`.${cssEscape(c)}`);
    }
  }
  if (el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '') tokens.push(`${tag}[contenteditable]`);
  const placeholder = el.getAttribute('placeholder');
  if (placeholder && placeholder.length <= 60) tokens.push(`${tag}${attrSelector('placeholder', placeholder)}`);
  if (['textarea', 'button', 'input', 'pre', 'ul', 'ol', 'li', 'article', 'main', 'section', 'header', 'aside', 'nav'].includes(tag)) tokens.push(tag);
  return [...new Set(tokens)];
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** `tag:nth-of-type(n)` for the element among its siblings. */
function nthOfType(el: Element): string {
  const same = el.parentElement ? Array.from(el.parentElement.children).filter((c) => c.localName === el.localName) : [el];
  return same.length > 1 ? `${el.localName}:nth-of-type(${same.indexOf(el) + 1})` : el.localName;
}

/**
 * A selector whose first match in `root` is `el`, as readable and short as
 * possible: a lone stable token, a token under a stable ancestor token, then
 * a structural path down from the nearest ancestor that has a unique token.
 */
export function deriveUniqueSelector(el: Element, root: ParentNode = el.ownerDocument!): string {
  const isFirst = (selector: string) => queryAll(root, selector)[0] === el;
  const isUnique = (selector: string) => {
    const found = queryAll(root, selector);
    return found.length === 1 && found[0] === el;
  };
  const own = stableTokens(el);
  for (const t of own) if (isUnique(t)) return t;
  // Token under a distinguishing ancestor (a few levels up).
  const ancestors: Element[] = [];
  for (let p = el.parentElement; p && p !== root && ancestors.length < 6; p = p.parentElement) ancestors.push(p);
  for (const a of ancestors) {
    for (const at of stableTokens(a)) {
      for (const t of own) {
        const s = `${at} ${t}`;
        if (isUnique(s)) return s;
      }
    }
  }
  for (const t of own) if (isFirst(t)) return t;
  // Structure: walk up until an ancestor has a unique token, then path down by tag and position.
  const path: string[] = [];
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) {
    const anchor = stableTokens(cur).find((t) => isUnique(t) || (cur !== el && queryAll(root, t).length === 1));
    if (anchor && cur !== el) {
      const s = `${anchor} > ${path.join(' > ')}`;
      if (isFirst(s)) return s;
    }
    path.unshift(nthOfType(cur));
    if (cur.localName === 'body') break;
  }
  return path.join(' > ');
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** The element's chain from itself up to (not including) `stop`. */
function chainUpTo(el: Element, stop: Element): Element[] {
  const chain: Element[] = [];
  for (let p: Element | null = el; p && p !== stop; p = p.parentElement) chain.push(p);
  return chain;
}

/** How to reach `el` from `ancestor`: its own best kind token, else a child path by tag. */
function pathFrom(ancestor: Element, el: Element): string[] {
  if (ancestor === el) return [''];
  const out: string[] = [];
  for (const t of stableTokens(el, true)) if (!t.startsWith('#')) out.push(` ${t}`);
  const tags: string[] = [];
  for (let p: Element | null = el; p && p !== ancestor; p = p.parentElement) tags.unshift(p.localName);
  out.push(` > ${tags.join(' > ')}`);
  return out;
}

export interface MessageSelectors {
  buyer: string;
  seller: string;
}

interface Candidate {
  selector: string;
  count: number;
  score: number;
}

/**
 * Generalise one buyer and one seller example into selectors (relative to the
 * message list) that match every row of the same kind and none of the other:
 * a token that only the example's chain carries (a side class, a data-from
 * hook), scoped down to the clicked element so the text read is the bubble,
 * not the row with its time line. Null when the two examples cannot be told
 * apart by anything stable.
 */
export function deriveMessageSelectors(
  list: Element,
  buyerExample: Element,
  sellerExample: Element,
  options: { allowHashed?: boolean } = {},
): MessageSelectors | null {
  const buyer = deriveKindSelector(list, buyerExample, sellerExample, options);
  const seller = deriveKindSelector(list, sellerExample, buyerExample, options);
  return buyer && seller ? { buyer, seller } : null;
}

/**
 * One side's selector. With `allowHashed`, hashed classes are a last resort
 * (a page whose only difference between the sides is a hash); such a
 * profile breaks when the page redeploys, and the rep is told so.
 */
export function deriveKindSelector(list: Element, example: Element, other: Element, { allowHashed = false }: { allowHashed?: boolean } = {}): string | null {
  if (!list.contains(example) || example === list) return null;
  const chain = chainUpTo(example, list);
  const otherList = list.contains(other) ? chainUpTo(other, list) : [];
  const otherChain = new Set(otherList);
  const candidates: Candidate[] = [];
  chain.forEach((ancestor, level) => {
    const own = stableTokens(ancestor, true, allowHashed);
    // The other side's element at the same depth below the list: what it has and we lack can be excluded (`.row:not(.row--self)`).
    const peer = otherList[otherList.length - (chain.length - level)];
    const negations = peer ? stableTokens(peer, true, allowHashed).filter((t) => t.startsWith('.') && !safeMatches(ancestor, t)) : [];
    const tokens = [...own, ...own.flatMap((t) => negations.map((n) => `${t}:not(${n})`))];
    for (const token of tokens) {
      for (const rest of pathFrom(ancestor, example)) {
        const selector = `${token}${rest}`.trim();
        const found = queryAll(list, selector);
        if (!found.includes(example)) continue;
        // Must not reach the other kind: neither its element nor anything around it.
        if (found.some((f) => otherChain.has(f) || f.contains(other) || other.contains(f))) continue;
        // Nested matches would read a message twice.
        if (found.some((f) => found.some((g) => g !== f && g.contains(f)))) continue;
        // Matching several rows is a good sign (not a one-off class), but a closer, plainer token matters more.
        const generalises = found.length >= 2 ? 0 : 15;
        const depth = selector.split(/\s+|>/).filter(Boolean).length;
        const penalty = (token.startsWith('[class*=') ? 3 : 0) + (token.includes(':not(') ? 25 : 0);
        candidates.push({ selector, count: found.length, score: generalises + level * 10 + depth + penalty });
      }
    }
  });
  candidates.sort((a, b) => a.score - b.score || b.count - a.count);
  return candidates[0]?.selector ?? null;
}

/** Where the rep clicked inside the message list, lifted to the list itself: the nearest scrolling ancestor. */
export function liftToMessageList(el: Element, isScrollable: (e: Element) => boolean): Element {
  for (let p: Element | null = el; p && p.localName !== 'body'; p = p.parentElement) if (isScrollable(p)) return p;
  return el;
}

/** Where the rep clicked in the compose area, lifted to the editable field (editor root, not its inner paragraph). */
export function liftToEditable(el: Element): Element {
  const field = el.closest('textarea, input');
  if (field) return field;
  let root: Element | null = null;
  for (let p: Element | null = el; p; p = p.parentElement) {
    const ce = p.getAttribute('contenteditable');
    if (ce === 'true' || ce === '' || ce === 'plaintext-only') root = p;
    else if (ce === 'false') break;
  }
  return root ?? el;
}

/** Where the rep clicked on a send control, lifted out of its icon or label to the control. */
export function liftToControl(el: Element): Element {
  const control = el.closest('button, [role="button"], a, input[type="submit"], input[type="button"]');
  if (control) return control;
  const svg = el.closest('svg');
  return svg?.parentElement ?? el;
}
