/**
 * How a script's text is shown on a card: variables the page or settings
 * already know are shown filled (the rep reads what the buyer will read),
 * the {cursor} marker is dropped, unknown variables stay as {变量}. Highlight
 * ranges are moved to the same words.
 */
import { variableName } from './variables/fill';

const PLACEHOLDER = /[{｛]\s*([^{}｛｝\s]{1,12})\s*[}｝]/g;

export function displayScriptText(
  text: string,
  ranges: Array<{ start: number; end: number }> = [],
  values: Record<string, string | undefined> = {},
): { text: string; ranges: Array<{ start: number; end: number }> } {
  const edits: Array<{ at: number; length: number; insert: string }> = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = variableName(m[1]!);
    if (!name) continue;
    const insert = name === 'cursor' ? '' : values[name];
    if (insert === undefined || insert === '') {
      if (name === 'cursor') edits.push({ at: m.index!, length: m[0].length, insert: '' });
      continue;
    }
    edits.push({ at: m.index!, length: m[0].length, insert });
  }
  if (!edits.length) return { text, ranges };
  let shown = '';
  let from = 0;
  for (const e of edits) {
    shown += text.slice(from, e.at) + e.insert;
    from = e.at + e.length;
  }
  shown += text.slice(from);
  // A position inside a replaced placeholder moves to the replacement's edge.
  const move = (pos: number, edge: 'start' | 'end') => {
    let delta = 0;
    for (const e of edits) {
      if (e.at + e.length <= pos) delta += e.insert.length - e.length;
      else if (e.at < pos) return e.at + delta + (edge === 'end' ? e.insert.length : 0);
    }
    return pos + delta;
  };
  return {
    text: shown,
    ranges: ranges.map((r) => ({ start: move(r.start, 'start'), end: move(r.end, 'end') })).filter((r) => r.end > r.start),
  };
}
