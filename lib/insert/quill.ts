/**
 * Quill (.ql-editor). Quill's clipboard module handles paste into its Delta
 * with newlines intact; execCommand is the fallback (Quill re-reads the DOM).
 */
import { execCommandStrategy } from './exec-command';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const quillPicker: EditorPicker = {
  kind: 'quill',
  detect: (field) => field.classList.contains('ql-editor'),
  strategies: () => [syntheticPaste(), execCommandStrategy('insertParagraph')],
};
