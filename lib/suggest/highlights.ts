/** Where matched phrases occur in a script's title and text, as ranges of the original strings. */
import type { ReplyScript, Suggestion } from '../types.ts';
import { normalize, originalRange, type NormalizedText } from '../text/normalize.ts';
import { MATCH_OPTIONS } from './canonical.ts';

type Range = NonNullable<Suggestion['highlights']>[number];

const normalised = new WeakMap<ReplyScript, { title: NormalizedText; text: NormalizedText }>();

function forms(script: ReplyScript) {
  let f = normalised.get(script);
  if (!f) {
    f = { title: normalize(script.title, MATCH_OPTIONS), text: normalize(script.text, MATCH_OPTIONS) };
    normalised.set(script, f);
  }
  return f;
}

/** Ranges of `script` where any of `phrases` (canonical form, ≥ 2 characters) occurs. */
export function highlightPhrases(script: ReplyScript, phrases: Iterable<string>, maxPerField = 4): Range[] {
  const f = forms(script);
  const out: Range[] = [];
  for (const field of ['title', 'text'] as const) {
    const norm = f[field];
    const ranges: Array<[number, number]> = [];
    for (const phrase of phrases) {
      if (phrase.length < 2) continue;
      let from = 0;
      while (ranges.length < 16) {
        const at = norm.text.indexOf(phrase, from);
        if (at < 0) break;
        ranges.push(originalRange(norm, at, at + phrase.length));
        from = at + phrase.length;
      }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    for (const [start, end] of merged.slice(0, maxPerField)) out.push({ field, start, end });
  }
  return out;
}
