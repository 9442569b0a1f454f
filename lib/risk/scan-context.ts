/**
 * The views of one draft the rules look at: the noise-free normalised text
 * (with its map back to the typed characters), a digit view that reads
 * Chinese numerals as digits, and clause/sentence boundaries taken from the
 * punctuation that normalisation dropped.
 */
import { normalize, originalRange, type NormalizedText } from '../text/normalize';

// Same-length substitutions made before normalising, so offsets stay exact:
// "+V" must survive noise dropping, and × often stands for the X in 傻X.
const PRE_SUBSTITUTE = /[+＋➕×✕✖]/g;
const PRE_SUBSTITUTE_TEST = /[+＋➕×✕✖]/;
const PRE_MAP: Record<string, string> = { '+': '加', '＋': '加', '➕': '加', '×': 'x', '✕': 'x', '✖': 'x' };

// Boundary punctuation, looked up per code unit (no regex or slice per gap).
const CLAUSE_CHARS = '，,；;、…~～\u3000:：';
const SENTENCE_CHARS = '。！!？?\n\r';
const NONE = 0,
  CLAUSE = 1,
  SENTENCE = 2,
  DOT = 3;
const PUNCT_KIND = new Uint8Array(0x10000);
for (const ch of CLAUSE_CHARS) PUNCT_KIND[ch.charCodeAt(0)] = CLAUSE;
for (const ch of SENTENCE_CHARS) PUNCT_KIND[ch.charCodeAt(0)] = SENTENCE;
PUNCT_KIND['.'.charCodeAt(0)] = DOT;

// Chinese and look-alike numerals, one code unit each, for phone/ID numbers written out.
const DIGIT_LIKE: Record<string, string> = {
  零: '0',
  〇: '0',
  洞: '0',
  o: '0',
  幺: '1',
  一: '1',
  壹: '1',
  l: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  拐: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
  勾: '9',
};
/** Code unit → digit code unit (0 when the character is not a numeral stand-in). */
const DIGIT_CODE = new Uint16Array(0x10000);
for (const [ch, d] of Object.entries(DIGIT_LIKE)) DIGIT_CODE[ch.charCodeAt(0)] = d.charCodeAt(0);

/** The typed text with the same-length substitutions applied (a no-op for most drafts). */
export function prepareForScan(original: string): string {
  return PRE_SUBSTITUTE_TEST.test(original) ? original.replace(PRE_SUBSTITUTE, (ch) => PRE_MAP[ch] ?? ch) : original;
}

const isCjk = (code: number) => code >= 0x3400 && code <= 0x9fff;

/** What kind of boundary the dropped characters between two kept ones make. */
function gapKind(original: string, from: number, to: number): number {
  let kind = NONE;
  for (let k = from; k < to; k++) {
    const t = PUNCT_KIND[original.charCodeAt(k)]!;
    if (t === SENTENCE) return SENTENCE;
    if (t === DOT) {
      // 1.5 is a number, not a full stop; 好.评.返.现 is one word spelled apart (Chinese ends a
      // sentence with 。, and a dot glued between two Chinese characters separates nothing).
      const next = original.charCodeAt(k + 1);
      if (next >= 48 && next <= 57) continue;
      if (isCjk(original.charCodeAt(k - 1)) && isCjk(next)) continue;
      return SENTENCE;
    } else if (t === CLAUSE) kind = CLAUSE;
  }
  return kind;
}

export class ScanContext {
  readonly original: string;
  readonly norm: NormalizedText;
  /** Normalised, noise-free text the automaton runs over. */
  readonly text: string;
  private digitView: string | undefined;
  private bounds: { clauseStart: Int32Array; clauseEnd: Int32Array; sentenceStart: Int32Array; sentenceEnd: Int32Array } | undefined;

  /** `norm` may be passed in when the caller already normalised prepareForScan(original). */
  constructor(original: string, norm?: NormalizedText) {
    this.original = original;
    this.norm = norm ?? normalize(prepareForScan(original), { dropNoise: true });
    this.text = this.norm.text;
  }

  /** `text` with Chinese numerals read as digits (same length); built on first use. */
  get digits(): string {
    if (this.digitView === undefined) {
      const text = this.text;
      let first = -1;
      for (let i = 0; i < text.length; i++) {
        if (DIGIT_CODE[text.charCodeAt(i)]) {
          first = i;
          break;
        }
      }
      if (first < 0) this.digitView = text;
      else {
        const codes = new Uint16Array(text.length);
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          codes[i] = DIGIT_CODE[c] || c;
        }
        let out = '';
        for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
        this.digitView = out;
      }
    }
    return this.digitView;
  }

  /** Clause and sentence boundaries from the punctuation normalisation dropped; built on first use. */
  private boundaries() {
    if (this.bounds) return this.bounds;
    const n = this.text.length;
    const { starts, ends } = this.norm;
    const original = this.original;
    const clauseStart = new Int32Array(n);
    const clauseEnd = new Int32Array(n);
    const sentenceStart = new Int32Array(n);
    const sentenceEnd = new Int32Array(n);
    let cs = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && ends[i - 1] !== starts[i]) {
        const kind = gapKind(original, ends[i - 1]!, starts[i]!);
        if (kind === SENTENCE) {
          sentenceEnd.fill(i, ss, i);
          ss = i;
        }
        if (kind !== NONE) {
          clauseEnd.fill(i, cs, i);
          cs = i;
        }
      }
      clauseStart[i] = cs;
      sentenceStart[i] = ss;
    }
    clauseEnd.fill(n, cs, n);
    sentenceEnd.fill(n, ss, n);
    this.bounds = { clauseStart, clauseEnd, sentenceStart, sentenceEnd };
    return this.bounds;
  }

  /** Start of the clause holding normalised index i (i may equal text length). */
  clauseFrom(i: number): number {
    if (this.text.length === 0) return 0;
    return this.boundaries().clauseStart[Math.min(i, this.text.length - 1)]!;
  }
  clauseTo(i: number): number {
    if (this.text.length === 0) return 0;
    return this.boundaries().clauseEnd[Math.min(i, this.text.length - 1)]!;
  }
  sentenceFrom(i: number): number {
    if (this.text.length === 0) return 0;
    return this.boundaries().sentenceStart[Math.min(i, this.text.length - 1)]!;
  }
  sentenceTo(i: number): number {
    if (this.text.length === 0) return 0;
    return this.boundaries().sentenceEnd[Math.min(i, this.text.length - 1)]!;
  }
  /** Up to n normalised characters before `start`, within its clause. */
  before(start: number, n: number): string {
    const from = Math.max(this.clauseFrom(start), start - n);
    return this.text.slice(from, start);
  }
  /** Up to n normalised characters from `end`, within the clause of the match. */
  after(end: number, n: number): string {
    const to = Math.min(this.clauseTo(Math.max(end - 1, 0)), end + n);
    return this.text.slice(end, Math.max(end, to));
  }
  /** Before/after within the sentence rather than the clause. */
  beforeInSentence(start: number, n: number): string {
    return this.text.slice(Math.max(this.sentenceFrom(start), start - n), start);
  }
  afterInSentence(end: number, n: number): string {
    const to = Math.min(this.sentenceTo(Math.max(end - 1, 0)), end + n);
    return this.text.slice(end, Math.max(end, to));
  }
  /** Does the match [start, end) begin / finish a clause? */
  startsClause(start: number): boolean {
    return start === 0 || this.clauseFrom(start) === start;
  }
  endsClause(end: number): boolean {
    return end >= this.text.length || this.clauseFrom(end) === end;
  }
  /** The original characters between normalised char i-1 and i (what noise dropping removed). */
  gapBefore(i: number): string {
    const from = i > 0 ? this.norm.ends[i - 1]! : 0;
    const to = i < this.text.length ? this.norm.starts[i]! : this.original.length;
    return this.original.slice(from, to);
  }
  /** The whole sentence around [start, end), normalised. */
  sentence(start: number, end: number): string {
    return this.text.slice(this.sentenceFrom(start), this.sentenceTo(Math.max(end - 1, start)));
  }

  toOriginal(start: number, end: number): [number, number] {
    return originalRange(this.norm, start, end);
  }
}
