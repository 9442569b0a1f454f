/**
 * Editors that own their model (Slate, Lexical) listen to `beforeinput`,
 * cancel it and apply the change themselves. A synthetic, cancelable
 * beforeinput carrying the text (and a DataTransfer for paste) reaches that
 * code path. Nobody acts on an ignored synthetic beforeinput, so an
 * unhandled event changes nothing and the chain moves on.
 */
import { eventTarget, plainTextTransfer } from './editor-events';
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
