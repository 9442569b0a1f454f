/**
 * What the synthetic editor events carry and where they are dispatched:
 * shared by the paste and the beforeinput strategies.
 */
import { selectionFor } from './editable';
import { lineBreaks } from './strategy';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The text as clipboard HTML: one escaped line per <br> (never parsed into the page by us). */
export function textAsHtml(text: string): string {
  return lineBreaks(text).map(escapeHtml).join('<br>');
}

export function plainTextTransfer(field: HTMLElement, text: string, withHtml = false): DataTransfer | null {
  const DT = field.ownerDocument.defaultView?.DataTransfer;
  if (!DT) return null;
  try {
    const dt = new DT();
    dt.setData('text/plain', text);
    if (withHtml) dt.setData('text/html', textAsHtml(text));
    return dt;
  } catch {
    return null;
  }
}

/** Dispatch where the caret is, like the browser does, so editors that check event.target accept it. */
export function eventTarget(field: HTMLElement): Node {
  const sel = selectionFor(field);
  const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null;
  if (node && field.contains(node)) return node.nodeType === 1 ? node : (node.parentNode ?? field);
  return field;
}
