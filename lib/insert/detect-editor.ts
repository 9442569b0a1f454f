/** Which kind of editor a compose box is, so insertion can pick what that editor accepts. */
import { draftPicker } from './draft';
import { resolveEditable } from './editable';
import { lexicalPicker } from './lexical';
import { plainContenteditablePicker } from './plain-contenteditable';
import { prosemirrorPicker } from './prosemirror';
import { quillPicker } from './quill';
import { slatePicker } from './slate';
import type { EditorKind, EditorPicker } from './strategy';
import { inputPicker, textareaPicker } from './textarea-input';

// Order matters only for the catch-all, which must come last.
const PICKERS: EditorPicker[] = [
  textareaPicker,
  inputPicker,
  lexicalPicker,
  slatePicker,
  prosemirrorPicker,
  quillPicker,
  draftPicker,
  plainContenteditablePicker,
];

export function pickerFor(field: HTMLElement): EditorPicker {
  return PICKERS.find((p) => p.detect(field)) ?? plainContenteditablePicker;
}

/** The editor kind of `el` (or of the editable it belongs to / wraps); plain 'contenteditable' when unknown. */
export function detectEditor(el: HTMLElement): EditorKind {
  const field = resolveEditable(el) ?? el;
  return pickerFor(field).kind;
}
