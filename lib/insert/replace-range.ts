/**
 * Apply a rewrite to characters [start, end) of the draft — offsets into the
 * field's plain text as readFieldText returns it (what the risk scanner saw).
 * Selects that range and runs the same insertion chain as insertText.
 */
import { insertText, type InsertResult } from './insert-text';

export function replaceRange(target: HTMLElement, start: number, end: number, replacement: string): Promise<InsertResult> {
  return insertText(target, replacement, { selection: { start: Math.min(start, end), end: Math.max(start, end) } });
}
