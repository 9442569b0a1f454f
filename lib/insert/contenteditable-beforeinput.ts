/**
 * Editors that own their model (Slate, Lexical) listen to `beforeinput`,
 * cancel it and apply the change themselves. A synthetic, cancelable
 * beforeinput carrying the text (and a DataTransfer for paste) reaches that
 * code path. Nobody acts on an ignored synthetic beforeinput, so an
 * unhandled event changes nothing and the chain moves on.
 */
import { selectionFor } from './editable';
import { plainTextTransfer } from './synthetic-paste';
import type { InsertContext, InsertStrategy } from './strategy';

export function beforeInputStrategy(inputType: 'insertText' | 'insertFromPaste'): InsertStrategy {
  return {
    name: `beforeinput-${inputType}`,
    run({ field, text }: InsertContext): boolean {
      const win = field.ownerDocument.defaultView;
      const InputEv = win?.InputEvent;
      if (!InputEv) return false;
      const init: InputEventInit & { dataTransfer?: DataTransfer | null } = {
        inputType,
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      if (inputType === 'insertText') init.data = text;
      else {
        const transfer = plainTextTransfer(field, text);
        if (!transfer) return false;
        init.dataTransfer = transfer;
      }
      const target = eventTarget(field);
      const event = new InputEv('beforeinput', init);
      target.dispatchEvent(event);
      return event.defaultPrevented;
    },
  };
}

/** Dispatch where the caret is, like the browser does, so editors that check event.target accept it. */
export function eventTarget(field: HTMLElement): Node {
  const sel = selectionFor(field);
  const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null;
  if (node && field.contains(node)) return node.nodeType === 1 ? node : (node.parentNode ?? field);
  return field;
}
