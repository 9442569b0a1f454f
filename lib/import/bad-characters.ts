/**
 * Characters no phrase holds and that betray a damaged file: NUL (U+0000) and
 * half a surrogate pair (a "lone surrogate", which PostgreSQL, JSON tools and
 * some chat boxes reject). The importer refuses the row that holds one and
 * keeps the rest of the file.
 */
import { truncateText } from '../text/truncate';

export type BadCharacterKind = 'nul' | 'surrogate';

const SUSPECT = /[\u0000\ud800-\udfff]/;

/** The first NUL or lone surrogate in `text` (its UTF-16 index), or undefined. Linear. */
export function findBadCharacter(text: string): { index: number; kind: BadCharacterKind } | undefined {
  const first = text.search(SUSPECT);
  if (first < 0) return undefined;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { index: i, kind: 'nul' };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff)
        i++; // a well-formed pair
      else return { index: i, kind: 'surrogate' };
    } else if (c >= 0xdc00 && c <= 0xdfff) return { index: i, kind: 'surrogate' };
  }
  return undefined;
}

/**
 * The first bad character in any string inside a parsed JSON value (object
 * keys included), with the path of the field that holds it ("text",
 * "triggers[2]"). Iterative, so a deeply nested file cannot overflow the stack.
 */
export function findBadCharacterDeep(value: unknown): { kind: BadCharacterKind; path: string } | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = findBadCharacter(v);
      if (bad) return { kind: bad.kind, path: path || '(value)' };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}[${i}]` });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const name = printable(key);
        const keyPath = path ? `${path}.${name}` : name;
        stack.push({ value: item, path: keyPath });
        stack.push({ value: key, path: `${keyPath} (name)` }); // popped first: the name before its value
      }
    }
  }
  return undefined;
}

/** A field name safe to show in a message: NUL spelled out, lone surrogates replaced, at most 40 characters. */
function printable(key: string): string {
  return truncateText(key.replace(/\u0000/g, '\\0'), 40, '…');
}
