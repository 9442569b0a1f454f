/** DOM Ranges for text offsets of a contenteditable field (for highlights and popovers). */
import { buildTextMap, offsetToPoint } from './text-map';

export function rangesForOffsets(root: Element, spans: Array<{ start: number; end: number }>): Range[] {
  const map = buildTextMap(root);
  const doc = root.ownerDocument;
  return spans.map(({ start, end }) => {
    const range = doc.createRange();
    const a = offsetToPoint(map, start);
    const b = offsetToPoint(map, end);
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  });
}
