/**
 * document.execCommand, line by line: insertText for each line and a line
 * or paragraph break between them (a single insertText with "\n" loses the
 * newlines in some editors). The browser fires trusted beforeinput/input
 * events and records undo steps, so editors that read DOM mutations
 * (ProseMirror, Quill, Draft.js, plain widgets) see a real edit.
 */
import { selectionFor } from './editable';
import { lineBreaks, type InsertContext, type InsertStrategy } from './strategy';

export type LineCommand = 'insertLineBreak' | 'insertParagraph';

export function execCommandStrategy(lineCommand: LineCommand = 'insertLineBreak'): InsertStrategy {
  return {
    name: `exec-command-${lineCommand}`,
    run({ field, text }: InsertContext): boolean {
      const doc = field.ownerDocument;
      if (typeof doc.execCommand !== 'function') return false;
      const sel = selectionFor(field);
      const hasSelection = !!sel && sel.rangeCount > 0 && field.contains(sel.getRangeAt(0).commonAncestorContainer);
      if (!hasSelection) return false;
      if (text === '') return sel!.isCollapsed ? true : doc.execCommand('delete', false);
      let ok = true;
      lineBreaks(text).forEach((line, i) => {
        if (i > 0) ok = doc.execCommand(lineCommand, false) && ok;
        if (line) ok = doc.execCommand('insertText', false, line) && ok;
      });
      return ok;
    },
  };
}
