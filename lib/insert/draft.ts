/**
 * Draft.js (.public-DraftEditor-content, [data-contents]). Its paste handler
 * reads clipboardData into the EditorState (one block per line); execCommand
 * is the fallback because Draft reconciles native input from the DOM.
 */
import { execCommandStrategy } from './exec-command';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const draftPicker: EditorPicker = {
  kind: 'draft',
  detect: (field) => field.classList.contains('public-DraftEditor-content') || !!field.querySelector(':scope > [data-contents]'),
  strategies: () => [syntheticPaste(), execCommandStrategy('insertParagraph')],
};
