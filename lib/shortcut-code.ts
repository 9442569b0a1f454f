/**
 * Find a "/code" right before the caret: a slash at the start of the draft or
 * after whitespace, then 1–20 letters, digits, - or _. Returns the range to
 * replace and the code (lower case).
 */
const CODE = /(?:^|[\s\u3000])\/([A-Za-z0-9_-]{1,20})$/;

export function findShortcutBeforeCaret(text: string, caret: number): { start: number; end: number; code: string } | null {
  const before = text.slice(Math.max(0, caret - 40), caret);
  const m = CODE.exec(before);
  if (!m) return null;
  const code = m[1]!;
  const start = caret - code.length - 1;
  return { start, end: caret, code: code.toLowerCase() };
}
