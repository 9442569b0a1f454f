/**
 * Last resort for a plain contenteditable: put text nodes and <br>s at the
 * selection with the DOM Range API, move the caret after them and announce
 * the change with an `input` event (widgets that only listen to `input`
 * re-read their content from the DOM). Not for editors that own a model
 * (Slate, Lexical): they would overwrite or ignore a foreign DOM change.
 */
import { selectionFor } from './editable';
import { lineBreaks, type InsertContext, type InsertStrategy } from './strategy';

/** Is there any text or <br> after `node` inside `root`? */
function hasContentAfter(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 3 && (s as Text).data.length > 0) return true;
      if (s.nodeType === 1 && ((s as Element).tagName === 'BR' || (s.textContent ?? '') !== '')) return true;
    }
  }
  return false;
}

export const contenteditableRange: InsertStrategy = {
  name: 'contenteditable-range',
  run({ field, text }: InsertContext): boolean {
    const doc = field.ownerDocument;
    const sel = selectionFor(field);
    if (!sel) return false;
    let range: Range;
    if (sel.rangeCount > 0 && field.contains(sel.getRangeAt(0).commonAncestorContainer)) range = sel.getRangeAt(0);
    else {
      range = doc.createRange();
      range.selectNodeContents(field);
      range.collapse(false);
    }
    range.deleteContents();
    const fragment = doc.createDocumentFragment();
    const lines = lineBreaks(text);
    lines.forEach((line, i) => {
      if (i > 0) fragment.appendChild(doc.createElement('br'));
      if (line) fragment.appendChild(doc.createTextNode(line));
    });
    const last = fragment.lastChild;
    if (!last) return true;
    range.insertNode(fragment);
    // A trailing newline needs a second <br> to show an empty last line.
    if (last.nodeName === 'BR' && !hasContentAfter(field, last)) last.parentNode!.insertBefore(doc.createElement('br'), last.nextSibling);
    const caret = doc.createRange();
    caret.setStartAfter(last);
    caret.collapse(true);
    sel.removeAllRanges();
    sel.addRange(caret);
    const InputEv = doc.defaultView?.InputEvent ?? InputEvent;
    field.dispatchEvent(new InputEv('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  },
};
