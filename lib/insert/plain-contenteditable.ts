/**
 * A contenteditable no known editor claims: chat widgets that re-read their
 * content on `input`. execCommand first (trusted events, undo), then a paste
 * the page may handle itself, then a Range write plus an `input` event.
 */
import { contenteditableRange } from './contenteditable-range';
import { execCommandStrategy } from './exec-command';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const plainContenteditablePicker: EditorPicker = {
  kind: 'contenteditable',
  detect: () => true,
  strategies: () => [execCommandStrategy('insertLineBreak'), syntheticPaste(), contenteditableRange],
};
