/**
 * Remember the compose box the rep was typing in, and where in it, so a click
 * in Huashu's own UI (which moves focus) does not lose the insertion target.
 */
import { hasFocusWithin, resolveEditable } from './editable';
import { getSelectionOffsets, type TextSelection } from './read-field';

export interface LastEditable {
  /** The last focused editable, or null if none yet or it left the page. */
  get(): HTMLElement | null;
  /** Its selection as text offsets, as it was when focus left it (or now, while focused). */
  selection(): TextSelection | null;
}

export interface TrackOptions {
  /** Elements to ignore (e.g. anything inside Huashu's own shadow host). */
  ignore?(el: Element): boolean;
}

/** The element that really got the event, even inside an open shadow root. */
function realTarget(event: Event): Element | null {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  const first = path[0] ?? event.target;
  return first && (first as Node).nodeType === 1 ? (first as Element) : null;
}

export function trackLastEditable(doc: Document, signal: AbortSignal, options: TrackOptions = {}): LastEditable {
  let current: HTMLElement | null = null;
  let saved: TextSelection | null = null;

  const consider = (el: Element | null): HTMLElement | null => {
    if (!el) return null;
    if (options.ignore?.(el)) return null;
    const field = resolveEditable(el);
    if (!field || (field !== el && !field.contains(el))) return null;
    if (options.ignore?.(field)) return null;
    return field;
  };

  const record = (): void => {
    if (!current) return;
    const sel = getSelectionOffsets(current);
    if (sel) saved = sel;
  };

  const onFocusIn = (event: Event): void => {
    const field = consider(realTarget(event));
    if (!field) return;
    if (field !== current) saved = null;
    current = field;
    record();
  };
  const onFocusOut = (event: Event): void => {
    const field = consider(realTarget(event));
    if (field && field === current) record();
  };
  const onSelectionChange = (): void => {
    if (!current) return;
    if (hasFocusWithin(current)) record();
  };

  const opts = { capture: true, signal };
  doc.addEventListener('focusin', onFocusIn, opts);
  doc.addEventListener('focusout', onFocusOut, opts);
  doc.addEventListener('selectionchange', onSelectionChange, opts);
  // Textarea caret moves do not always reach document-level selectionchange.
  doc.addEventListener('keyup', onSelectionChange, opts);
  doc.addEventListener('mouseup', onSelectionChange, opts);
  doc.addEventListener('input', onSelectionChange, opts);

  return {
    get: () => (current && current.isConnected ? current : null),
    selection: () => (current && current.isConnected ? saved : null),
  };
}
