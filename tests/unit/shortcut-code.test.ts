import { describe, expect, it } from 'vitest';
import { findShortcutBeforeCaret } from '../../lib/shortcut-code';

describe('findShortcutBeforeCaret', () => {
  it('finds /code at the start of the draft', () => {
    expect(findShortcutBeforeCaret('/fh', 3)).toEqual({ start: 0, end: 3, code: 'fh' });
  });
  it('finds /code after text and a space, and lower-cases it', () => {
    expect(findShortcutBeforeCaret('亲 /FH', 5)).toEqual({ start: 2, end: 5, code: 'fh' });
  });
  it('ignores a slash alone, a URL path and a slash inside a word', () => {
    expect(findShortcutBeforeCaret('/', 1)).toBeNull();
    expect(findShortcutBeforeCaret('http://a.com/fh', 15)).toBeNull();
    expect(findShortcutBeforeCaret('1/2', 3)).toBeNull();
  });
  it('only looks right before the caret', () => {
    expect(findShortcutBeforeCaret('/fh 好的', 6)).toBeNull();
    expect(findShortcutBeforeCaret('/fh 好的', 3)).toEqual({ start: 0, end: 3, code: 'fh' });
  });
});
