/**
 * <textarea> and <input>. React and Vue keep the value in their own state and
 * do not see `el.value = …`; they notice a value set through the prototype's
 * native setter followed by a bubbling `input` event. execCommand is tried
 * first when the field has focus because it also keeps the browser's undo stack.
 */
import { hasFocusWithin, isTextControl } from './editable';
import type { EditorPicker, InsertContext, InsertStrategy } from './strategy';

function nativeValueSetter(el: HTMLTextAreaElement | HTMLInputElement): ((v: string) => void) | null {
  const win = el.ownerDocument.defaultView;
  const proto = el.tagName === 'TEXTAREA' ? win?.HTMLTextAreaElement?.prototype : win?.HTMLInputElement?.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  return setter ? (v: string) => setter.call(el, v) : null;
}

export const textareaExecCommand: InsertStrategy = {
  name: 'textarea-exec-command',
  run({ field, text }: InsertContext): boolean {
    const doc = field.ownerDocument;
    if (!isTextControl(field) || typeof doc.execCommand !== 'function' || !hasFocusWithin(field)) return false;
    if (text === '') {
      return field.selectionStart !== field.selectionEnd ? doc.execCommand('delete', false) : true;
    }
    return doc.execCommand('insertText', false, text);
  },
};

export const textareaNativeSetter: InsertStrategy = {
  name: 'textarea-native-setter',
  run({ field, text }: InsertContext): boolean {
    if (!isTextControl(field)) return false;
    const value = field.value;
    const start = field.selectionStart ?? value.length;
    const end = field.selectionEnd ?? start;
    const next = value.slice(0, start) + text + value.slice(end);
    const setValue = nativeValueSetter(field);
    if (setValue) setValue(next);
    else field.setRangeText(text, start, end, 'end');
    const caret = start + text.length;
    try {
      field.setSelectionRange(caret, caret);
    } catch {
      // some input types refuse selection APIs; the value is what matters
    }
    const win = field.ownerDocument.defaultView;
    const InputEv = win?.InputEvent ?? InputEvent;
    field.dispatchEvent(new InputEv('input', { bubbles: true, inputType: 'insertText', data: text }));
    field.dispatchEvent(new (win?.Event ?? Event)('change', { bubbles: true }));
    return true;
  },
};

function textControlStrategies(): InsertStrategy[] {
  return [textareaExecCommand, textareaNativeSetter];
}

export const textareaPicker: EditorPicker = {
  kind: 'textarea',
  detect: (field) => field.tagName === 'TEXTAREA',
  strategies: textControlStrategies,
};

export const inputPicker: EditorPicker = {
  kind: 'input',
  detect: (field) => field.tagName === 'INPUT',
  // A single-line field drops newlines anyway; join lines with a space so words do not run together.
  prepareText: (text) => text.replace(/\r\n?|\n/g, ' '),
  strategies: textControlStrategies,
};
