/** The strategies an editor's chain would try for `text`, by name, in order (for diagnostics and tests). */
import { pickerFor } from './detect-editor';
import { resolveEditable } from './editable';

export function strategyNames(target: HTMLElement, text: string): string[] {
  const field = resolveEditable(target);
  if (!field) return [];
  const picker = pickerFor(field);
  const prepared = picker.prepareText ? picker.prepareText(text) : text;
  return picker.strategies({ field, text: prepared }).map((s) => s.name);
}
