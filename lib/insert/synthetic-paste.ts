/**
 * A synthetic `paste` with the text on a DataTransfer. Rich editors (Lexical,
 * Slate, ProseMirror, Quill, Draft.js) handle paste themselves, read the
 * clipboard data and keep newlines. The browser performs no default action
 * for an untrusted paste, so a page that ignores it is left unchanged.
 */
import { eventTarget, plainTextTransfer } from './editor-events';
import type { InsertContext, InsertStrategy } from './strategy';

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
