/**
 * Reuses the previous draft's normalisation when the new draft only grew at
 * the end (the rep is typing): only the appended characters are normalised
 * and spliced on. This is exact when no character in the whole draft is
 * changed by Traditional→Simplified conversion, because normalize() then
 * works code point by code point; otherwise (or after any other edit) it
 * falls back to normalising the whole draft.
 */
import { normalize, type NormalizedText } from '../text/normalize';

const SCAN_OPTIONS = { dropNoise: true } as const;

/** Width/case fold of one code point, as normalize() does it, used only to detect script conversion. */
function foldOnly(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFKC').toLowerCase();
    out += folded.length === 0 ? ch : folded;
  }
  return out;
}

/** True when normalize() converted no character of `text` to Simplified (so it can be split anywhere). */
function untouchedByScript(text: string): boolean {
  // ASCII-only text is never converted; skip the work.
  let wide = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x2e80) {
      wide = true;
      break;
    }
  }
  return !wide || normalize(text).text === foldOnly(text);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export class IncrementalNormalizer {
  private prepared = '';
  private norm: NormalizedText | undefined;
  /** Whether `prepared` was left alone by script conversion (undefined: not yet checked). */
  private splittable: boolean | undefined;

  normalize(prepared: string): NormalizedText {
    const prev = this.norm;
    const base = this.prepared;
    if (prev && prepared.length > base.length && prepared.startsWith(base) && base.length > 0 && !isHighSurrogate(base.charCodeAt(base.length - 1))) {
      this.splittable ??= untouchedByScript(base);
      const suffix = prepared.slice(base.length);
      if (this.splittable && untouchedByScript(suffix)) {
        const tail = normalize(suffix, SCAN_OPTIONS);
        const offset = base.length;
        const n = prev.starts.length;
        const m = tail.starts.length;
        const starts = new Array<number>(n + m);
        const ends = new Array<number>(n + m);
        for (let i = 0; i < n; i++) {
          starts[i] = prev.starts[i]!;
          ends[i] = prev.ends[i]!;
        }
        for (let i = 0; i < m; i++) {
          starts[n + i] = tail.starts[i]! + offset;
          ends[n + i] = tail.ends[i]! + offset;
        }
        return this.remember(prepared, { text: prev.text + tail.text, starts, ends }, true);
      }
    }
    return this.remember(prepared, normalize(prepared, SCAN_OPTIONS), undefined);
  }

  private remember(prepared: string, norm: NormalizedText, splittable: boolean | undefined): NormalizedText {
    this.prepared = prepared;
    this.norm = norm;
    this.splittable = splittable;
    return norm;
  }
}
