/** A regex matching any of the given words (escaped; the longest first, so 不可以 wins over 不). */
export function wordsPattern(words: readonly string[]): RegExp {
  const escaped = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(${escaped.join('|')})`);
}
