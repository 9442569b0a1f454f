/**
 * Lexical (data-lexical-editor). It cancels native edits and applies them to
 * its own state: execCommand('insertText') works for one line but drops
 * newlines, so multi-line text goes in as a paste (or a beforeinput paste).
 */
import { beforeInputStrategy } from './contenteditable-beforeinput';
import { execCommandStrategy } from './exec-command';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const lexicalPicker: EditorPicker = {
  kind: 'lexical',
  detect: (field) => field.hasAttribute('data-lexical-editor'),
  strategies: ({ text }) =>
    text.includes('\n')
      ? [syntheticPaste(), beforeInputStrategy('insertFromPaste')]
      : [beforeInputStrategy('insertText'), syntheticPaste(), execCommandStrategy()],
};
