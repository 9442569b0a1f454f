/**
 * Slate (data-slate-editor). Slate ignores DOM changes it did not make:
 * execCommand text shows on screen while the editor's value stays empty and
 * the page's send does nothing. Only beforeinput (with a DataTransfer) and
 * paste reach its model — never execCommand or Range writes here.
 */
import { beforeInputStrategy } from './contenteditable-beforeinput';
import type { EditorPicker } from './strategy';
import { syntheticPaste } from './synthetic-paste';

export const slatePicker: EditorPicker = {
  kind: 'slate',
  detect: (field) => field.hasAttribute('data-slate-editor'),
  strategies: () => [beforeInputStrategy('insertFromPaste'), syntheticPaste()],
};
