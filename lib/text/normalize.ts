/**
 * One normaliser for both matchers (suggestions and the risk scanner).
 *
 * It folds the forms buyers and reps type interchangeably — Traditional and
 * Simplified characters, full- and half-width, upper and lower case — and can
 * drop noise (spaces, punctuation, emoji, zero-width and direction marks)
 * that evaders put between characters. Every output character remembers the
 * range of the original text it came from, so a match found in the
 * normalised text can be highlighted on exactly the characters the rep typed.
 */
import { Converter } from 'opencc-js/t2cn';

export interface NormalizeOptions {
  /** Drop everything that is not a letter or a digit (spaces, punctuation, emoji, marks). */
  dropNoise?: boolean;
  /** Collapse a run of the same non-digit character to one (哈哈哈 → 哈, 在吗吗吗 → 在吗). */
  collapseRepeats?: boolean;
  /** Characters to drop entirely (e.g. chat fillers 亲 啊 呢 for suggestion matching). */
  dropChars?: ReadonlySet<string>;
}

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, the start offset in the original string. */
  starts: number[];
  /** For each UTF-16 unit of `text`, the end offset (exclusive) in the original string. */
  ends: number[];
}

// Traditional (Taiwan/HK variants included) → Simplified, phrase-aware.
const toSimplifiedTw = Converter({ from: 'tw', to: 'cn' });
const toSimplifiedHk = Converter({ from: 'hk', to: 'cn' });
/** Simplified characters OpenCC would still change on their own (么 is Simplified for 麼, not 幺). */
const KEEP_AS_TYPED = new Set(['么']);

function toSimplified(text: string): string {
  const out = toSimplifiedHk(toSimplifiedTw(text));
  if (out.length !== text.length) return out;
  let fixed = out;
  for (let i = 0; i < text.length; i++) {
    if (KEEP_AS_TYPED.has(text[i]!) && out[i] !== text[i]) fixed = fixed.slice(0, i) + text[i] + fixed.slice(i + 1);
  }
  return fixed;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;

/**
 * Per-character caches. Drafts are normalised on every keystroke and a
 * library on every index build, so each character's fold, Simplified form
 * and letter/digit test is computed once: in flat tables for the Basic
 * Multilingual Plane (one array read), in a Map for the rest.
 */
const BMP = 0x10000;
const foldTable: Array<string | undefined> = new Array(BMP);
const foldAstral = new Map<string, string>();
const simplifiedTable: Array<string | undefined> = new Array(BMP);
/** 0 = not computed yet, 1 = letter or digit, 2 = noise. */
const letterOrDigitTable = new Uint8Array(BMP);

function computeFold(ch: string): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  return folded.length === 0 ? ch : folded;
}

/** Fold one original code point: compatibility form (full-width → ASCII, circled digits → digits), lower case. */
function foldCodePoint(ch: string): string {
  if (ch.length === 1) {
    const code = ch.charCodeAt(0);
    return (foldTable[code] ??= computeFold(ch));
  }
  let out = foldAstral.get(ch);
  if (out === undefined) {
    out = computeFold(ch);
    if (foldAstral.size < 50_000) foldAstral.set(ch, out);
  }
  return out;
}

function simplifyChar(ch: string): string {
  if (ch.length !== 1) return toSimplified(ch);
  return (simplifiedTable[ch.charCodeAt(0)] ??= toSimplified(ch));
}

/** True when no character would change on its own: plain Simplified text skips the phrase converter. */
export function isSimplifiedText(text: string): boolean {
  return alreadySimplified(text);
}

function alreadySimplified(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80) continue; // ASCII, Latin, symbols: never converted
    const ch = text[i]!;
    if (simplifyChar(ch) !== ch) return false;
  }
  return true;
}

function isLetterOrDigit(ch: string): boolean {
  const code = ch.charCodeAt(0);
  let known = letterOrDigitTable[code]!;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(ch) ? 1 : 2;
    letterOrDigitTable[code] = known;
  }
  return known === 1;
}

export function normalize(input: string, options: NormalizeOptions = {}): NormalizedText {
  // 1. Fold width and case, code point by code point, remembering origins.
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of input) {
    const out = foldCodePoint(ch);
    for (let k = 0; k < out.length; k++) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    folded += out;
    offset += ch.length;
  }

  // 2. Traditional → Simplified. Phrase conversion keeps the length almost always;
  // when it does not, fall back to character-by-character so offsets stay exact.
  let simplified = alreadySimplified(folded) ? folded : toSimplified(folded);
  if (simplified.length !== folded.length) {
    simplified = '';
    for (let i = 0; i < folded.length; i++) {
      const one = simplifyChar(folded[i]!);
      simplified += one.length === 1 ? one : folded[i]!;
    }
  }

  // 3. Drop noise, chosen characters and repeats.
  if (!options.dropNoise && !options.collapseRepeats && !options.dropChars) {
    return { text: simplified, starts, ends };
  }
  let text = '';
  const keptStarts: number[] = [];
  const keptEnds: number[] = [];
  let previous = '';
  for (let i = 0; i < simplified.length; i++) {
    const ch = simplified[i]!;
    // Lone surrogate halves (emoji, rare CJK) count as noise unless part of a letter.
    if (options.dropNoise && !isLetterOrDigit(ch)) {
      const pair = simplified.slice(i, i + 2);
      if (!(pair.length === 2 && /^[\p{L}\p{N}]$/u.test(pair))) continue;
    }
    if (options.dropChars?.has(ch)) continue;
    if (options.collapseRepeats && ch === previous && !DIGIT.test(ch)) {
      keptEnds[keptEnds.length - 1] = ends[i]!;
      continue;
    }
    text += ch;
    keptStarts.push(starts[i]!);
    keptEnds.push(ends[i]!);
    previous = ch;
  }
  return { text, starts: keptStarts, ends: keptEnds };
}

/** Map a [start, end) range of the normalised text back to the original text. */
export function originalRange(norm: NormalizedText, start: number, end: number): [number, number] {
  if (norm.starts.length === 0) return [0, 0];
  const s = norm.starts[Math.min(start, norm.starts.length - 1)]!;
  const e = norm.ends[Math.min(Math.max(end - 1, 0), norm.ends.length - 1)]!;
  return [s, e];
}

/** A quick fold for keys and search boxes when offsets are not needed. */
export function fold(input: string, options: NormalizeOptions = {}): string {
  return normalize(input, options).text;
}
