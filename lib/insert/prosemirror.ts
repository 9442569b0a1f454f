/**
 * ProseMirror (.ProseMirror). It reads DOM mutations back into its document,
 * so most writes land, but a crude write can collapse newlines; its paste
 * handler and execCommand keep them.
 */
import { execCommandStrategy } from './exec-command';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const prosemirrorPicker: EditorPicker = {
  kind: 'prosemirror',
  detect: (field) => field.classList.contains('ProseMirror'),
  strategies: () => [syntheticPaste(), execCommandStrategy('insertParagraph')],
};
