/**
 * A synthetic `paste` with the text on a DataTransfer. Rich editors (Lexical,
 * Slate, ProseMirror, Quill, Draft.js) handle paste themselves, read the
 * clipboard data and keep newlines. The browser performs no default action
 * for an untrusted paste, so a page that ignores it is left unchanged.
 */
import { eventTarget } from './contenteditable-beforeinput';
import { lineBreaks, type InsertContext, type InsertStrategy } from './strategy';

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

export function syntheticPaste(options: { html?: boolean } = {}): InsertStrategy {
  return {
    name: options.html ? 'paste-html' : 'paste',
    run({ field, text }: InsertContext): boolean {
      const win = field.ownerDocument.defaultView;
      const transfer = plainTextTransfer(field, text, options.html && text.includes('\n'));
      if (!win?.ClipboardEvent || !transfer) return false;
      const event = new win.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true });
      eventTarget(field).dispatchEvent(event);
      return event.defaultPrevented;
    },
  };
}
