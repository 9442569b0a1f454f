/**
 * The shape shared by every insertion strategy and every per-editor picker.
 * A strategy tries one way of putting text at the current selection; the
 * chain in insert-text.ts confirms the result by reading the field back.
 */

export type EditorKind = 'textarea' | 'input' | 'lexical' | 'slate' | 'prosemirror' | 'quill' | 'draft' | 'contenteditable';

export interface InsertContext {
  /** The textarea/input or the contenteditable host. */
  field: HTMLElement;
  /** Text to insert at (replacing) the current selection. */
  text: string;
}

export interface InsertStrategy {
  name: string;
  /**
   * Try once. Returns false when the strategy could not even start (no API,
   * event ignored by the page); true means "something may have happened" —
   * the caller reads the field back to know.
   */
  run(ctx: InsertContext): boolean | Promise<boolean>;
}

/** What an editor file declares: how to recognise the editor and what to try, in order. */
export interface EditorPicker {
  kind: EditorKind;
  /** Does this editable host belong to the editor? */
  detect(field: HTMLElement): boolean;
  /** Adapt the text to what the field can hold (e.g. no newlines in an <input>). */
  prepareText?(text: string): string;
  strategies(ctx: InsertContext): InsertStrategy[];
}

export function lineBreaks(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}
