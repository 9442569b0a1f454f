/**
 * How a script's text is shown on a card: the {cursor} marker is a hint for
 * insertion, not something the rep needs to read, so it is dropped and any
 * highlight ranges are shifted to match.
 */
const CURSOR = /[{｛]\s*(?:cursor|光标)\s*[}｝]/gi;

export function displayScriptText(text: string, ranges: Array<{ start: number; end: number }> = []): { text: string; ranges: Array<{ start: number; end: number }> } {
  const cuts: Array<{ at: number; length: number }> = [];
  const shown = text.replace(CURSOR, (m, offset: number) => {
    cuts.push({ at: offset, length: m.length });
    return '';
  });
  if (!cuts.length) return { text, ranges };
  const shift = (pos: number) => {
    let removed = 0;
    for (const c of cuts) {
      if (c.at + c.length <= pos) removed += c.length;
      else if (c.at < pos) removed += pos - c.at;
    }
    return pos - removed;
  };
  return { text: shown, ranges: ranges.map((r) => ({ start: shift(r.start), end: shift(r.end) })).filter((r) => r.end > r.start) };
}
