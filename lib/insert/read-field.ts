/**
 * Reading a compose box as plain text, the way the rep sees it: the value of
 * a textarea/input; for a contenteditable, its lines joined by "\n" without
 * placeholder nodes (see text-map.ts). The sidebar and the send guard use these.
 */
import { isTextControl, resolveEditable, selectionFor } from './editable';
import { buildTextMap, offsetToPoint, pointToOffset } from './text-map';

/** A selection as offsets into the field's plain text. */
export interface TextSelection {
  start: number;
  end: number;
}

export function readFieldText(el: HTMLElement): string {
  const field = resolveEditable(el) ?? el;
  if (isTextControl(field)) return field.value;
  return buildTextMap(field).text;
}

/** The current selection inside the field, or null when the selection is elsewhere. */
export function getSelectionOffsets(el: HTMLElement): TextSelection | null {
  const field = resolveEditable(el) ?? el;
  if (isTextControl(field)) {
    const start = field.selectionStart;
    const end = field.selectionEnd;
    if (start === null || end === null) return null;
    return { start, end };
  }
  const sel = selectionFor(field);
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!field.contains(range.startContainer) || !field.contains(range.endContainer)) return null;
  const map = buildTextMap(field);
  const start = pointToOffset(map, { node: range.startContainer, offset: range.startOffset });
  const end = pointToOffset(map, { node: range.endContainer, offset: range.endOffset });
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** Where the caret is (the selection's end), or null when it is not in the field. */
export function getCaretOffset(el: HTMLElement): number | null {
  return getSelectionOffsets(el)?.end ?? null;
}

/** Select text offsets [start, end) inside the field (does not move focus). */
export function setSelectionOffsets(el: HTMLElement, selection: TextSelection): void {
  const field = resolveEditable(el) ?? el;
  if (isTextControl(field)) {
    const len = field.value.length;
    field.setSelectionRange(Math.min(selection.start, len), Math.min(selection.end, len));
    return;
  }
  const map = buildTextMap(field);
  const start = offsetToPoint(map, selection.start);
  const end = offsetToPoint(map, selection.end);
  const doc = field.ownerDocument;
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const sel = selectionFor(field);
  if (!sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}
