/**
 * Put text into the page's compose box so that the page's own framework sees
 * it (send button enabled, newlines kept). Detect the editor, select where
 * the text goes, try that editor's strategies in order and confirm each by
 * reading the field back. When nothing works, ok=false and the caller falls
 * back to the clipboard.
 */
import { pickerFor } from './detect-editor';
import { hasFocusWithin, isTextControl, resolveEditable } from './editable';
import { getSelectionOffsets, readFieldText, setSelectionOffsets, type TextSelection } from './read-field';
import type { EditorKind } from './strategy';

export type { EditorKind } from './strategy';
export type { TextSelection } from './read-field';

export interface InsertResult {
  ok: boolean;
  /** The strategy that got the text in (or the last one tried). */
  strategy: string;
  editor: EditorKind;
  reason?: string;
}

export interface InsertOptions {
  /** Replace the whole draft (e.g. "apply rewrite" of the entire message). */
  replaceAll?: boolean;
  /** Replace these text offsets instead of the live selection (a saved selection, a risk finding's range). */
  selection?: TextSelection;
  /** Only try the strategy with this name (diagnostics and tests of each fallback). */
  onlyStrategy?: string;
}

/** Compare texts the way the rep sees them: same line endings, no nbsp/zero-width, no trailing blank lines. */
export function comparableText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+$/, '');
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Editors render their model asynchronously (React commits, Lexical's update queue): poll briefly. */
async function settledText(field: HTMLElement, before: string, expected: string, patient: boolean): Promise<string> {
  let text = readFieldText(field);
  for (let i = 0; i < (patient ? 12 : 2) && comparableText(text) !== expected; i++) {
    await sleep(i < 4 ? 10 : 25);
    const next = readFieldText(field);
    // Once changed and stable across two reads, stop waiting.
    if (next === text && next !== before && i >= 4) break;
    text = next;
  }
  return text;
}

export async function insertText(target: HTMLElement, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  const field = resolveEditable(target);
  if (!field) return { ok: false, strategy: 'none', editor: 'contenteditable', reason: 'no editable element found' };
  const picker = pickerFor(field);
  const editor = picker.kind;
  if (isTextControl(field) && (field.disabled || field.readOnly)) {
    return { ok: false, strategy: 'none', editor, reason: 'field is disabled or read-only' };
  }
  const insert = picker.prepareText ? picker.prepareText(text) : text;

  // Where the text goes: an explicit range, the whole draft, the live selection, or the end.
  const wasFocused = hasFocusWithin(field);
  const liveSelection = wasFocused ? getSelectionOffsets(field) : null;
  if (!wasFocused) field.focus({ preventScroll: true });
  const current = readFieldText(field);
  let selection: TextSelection | null;
  if (options.replaceAll) selection = { start: 0, end: current.length };
  else if (options.selection) selection = options.selection;
  else selection = liveSelection;
  if (!selection) {
    // Focusing a textarea restores its own last selection; a contenteditable's caret goes to the end.
    selection = isTextControl(field) ? getSelectionOffsets(field) : null;
    selection ??= { start: current.length, end: current.length };
  }
  const start = Math.max(0, Math.min(selection.start, current.length));
  const end = Math.max(start, Math.min(selection.end, current.length));
  setSelectionOffsets(field, { start, end });
  // Let editors that sync their model selection from `selectionchange` catch up.
  await sleep(0);

  const rawExpected = current.slice(0, start) + insert + current.slice(end);
  const expected = comparableText(rawExpected);
  // A no-op must not pass for success when the comparison cannot see the difference (e.g. a trailing newline).
  const mustChange = rawExpected !== current;
  const ctx = { field, text: insert };
  let last = 'none';
  const chain = picker.strategies(ctx).filter((s) => !options.onlyStrategy || s.name === options.onlyStrategy);
  for (const strategy of chain) {
    last = strategy.name;
    const before = readFieldText(field);
    let started: boolean;
    try {
      started = await strategy.run(ctx);
    } catch {
      started = false;
    }
    // A strategy that got no taker (event not handled) gets a short look; one that acted, a longer one.
    const after = await settledText(field, before, expected, started);
    const changed = after !== before || !mustChange;
    if (changed && comparableText(after) === expected) return { ok: true, strategy: strategy.name, editor };
    // Editors may tidy the surroundings (spaces, an empty trailing line); the inserted text itself must be intact.
    if (after !== before && insert.trim() !== '' && comparableText(after).includes(comparableText(insert))) {
      return { ok: true, strategy: strategy.name, editor };
    }
    if (after !== before) {
      // Something landed but not the right text: trying another way would double it.
      return { ok: false, strategy: strategy.name, editor, reason: `field changed but does not match (${started ? 'handled' : 'not handled'})` };
    }
    // Unchanged: the editor ignored this way in; restore the selection and try the next.
    setSelectionOffsets(field, { start, end });
  }
  return { ok: false, strategy: last, editor, reason: 'no strategy changed the field' };
}
