/**
 * Lexical (data-lexical-editor). It cancels native edits and applies them to
 * its own state: execCommand('insertText') works for one line but drops
 * newlines (measured: "ab" + "亲，您好！\n请问" became "ab请问亲，您好！"), so
 * multi-line text goes in as a paste (or a beforeinput paste). A synthetic
 * beforeinput insertText is left to the browser by Lexical and does nothing.
 */
import { beforeInputStrategy } from './contenteditable-beforeinput';
import { execCommandStrategy } from './exec-command';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const lexicalPicker: EditorPicker = {
  kind: 'lexical',
  detect: (field) => field.hasAttribute('data-lexical-editor'),
  strategies: ({ text }) => (text.includes('\n') ? [syntheticPaste(), beforeInputStrategy('insertFromPaste')] : [execCommandStrategy(), syntheticPaste()]),
};
