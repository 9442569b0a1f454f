/**
 * Finding the element that actually takes text: a site adapter may hand us a
 * wrapper, or the focus may sit on a child inside a contenteditable.
 */

export type TextControl = HTMLTextAreaElement | HTMLInputElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

export function isTextControl(el: Element | null | undefined): el is TextControl {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase());
}

function isEditableHost(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  return attr !== null && attr.toLowerCase() !== 'false';
}

/** Inside an editable region (either its host or a descendant that inherits editing)? */
export function isInsideEditable(el: Element): boolean {
  if ((el as HTMLElement).isContentEditable) return true;
  return !!el.closest('[contenteditable]:not([contenteditable="false"])');
}

/**
 * The textarea/input, or the outermost contenteditable host, that `el` is or
 * belongs to; when `el` is a wrapper, the first such element inside it.
 */
export function resolveEditable(el: Element | null | undefined): HTMLElement | null {
  if (!el) return null;
  if (isTextControl(el)) return el;
  if (isInsideEditable(el)) {
    let host: Element = el;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (isEditableHost(p)) host = p;
      else if (p.getAttribute('contenteditable') === 'false') break;
    }
    return isEditableHost(host) ? (host as HTMLElement) : (el.closest('[contenteditable]') as HTMLElement | null);
  }
  const inner = el.querySelector('textarea, input[type="text"], input[type="search"], input:not([type]), [contenteditable]:not([contenteditable="false"])');
  return inner ? resolveEditable(inner) : null;
}

/**
 * The selection that can see inside `field`: a document's, or (Chromium) an
 * open shadow root's own, since the document's selection is retargeted to the host.
 */
export function selectionFor(field: Node): Selection | null {
  const root = field.getRootNode() as Document | (ShadowRoot & { getSelection?(): Selection | null });
  if (root !== field.ownerDocument && typeof (root as { getSelection?: unknown }).getSelection === 'function') {
    const sel = (root as { getSelection(): Selection | null }).getSelection();
    if (sel) return sel;
  }
  return (field.ownerDocument ?? (field as Document)).getSelection();
}

/** Is focus on `field` or inside it (looking through shadow roots)? */
export function hasFocusWithin(field: HTMLElement): boolean {
  const root = field.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement ?? null;
  return !!active && (active === field || field.contains(active));
}
