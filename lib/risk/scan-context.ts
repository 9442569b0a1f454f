/**
 * The views of one draft the rules look at: the noise-free normalised text
 * (with its map back to the typed characters), a digit view that reads
 * Chinese numerals as digits, and clause/sentence boundaries taken from the
 * punctuation that normalisation dropped.
 */
import { normalize, originalRange, type NormalizedText } from '../text/normalize';

// Same-length substitutions made before normalising, so offsets stay exact:
// "+V" must survive noise dropping, and × often stands for the X in 傻X.
const PRE_SUBSTITUTE = /[+＋×✕✖]/g;
const PRE_MAP: Record<string, string> = { '+': '加', '＋': '加', '×': 'x', '✕': 'x', '✖': 'x' };

const CLAUSE_PUNCT = /[，,；;、…~～\u3000]|[:：]/;
const SENTENCE_PUNCT = /[。！!？?\n\r]|\.(?![0-9])/;

// Chinese and look-alike numerals, one code unit each, for phone/ID numbers written out.
const DIGIT_LIKE: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0', o: '0',
  幺: '1', 一: '1', 壹: '1', l: '1',
  二: '2', 两: '2', 贰: '2',
  三: '3', 叁: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陆: '6',
  七: '7', 柒: '7', 拐: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9', 勾: '9',
};

export class ScanContext {
  readonly original: string;
  readonly norm: NormalizedText;
  /** Normalised, noise-free text the automaton runs over. */
  readonly text: string;
  /** `text` with Chinese numerals read as digits (same length). */
  readonly digits: string;
  private readonly clauseStart: Int32Array;
  private readonly clauseEnd: Int32Array;
  private readonly sentenceStart: Int32Array;
  private readonly sentenceEnd: Int32Array;

  constructor(original: string) {
    this.original = original;
    const prepared = original.replace(PRE_SUBSTITUTE, (ch) => PRE_MAP[ch] ?? ch);
    this.norm = normalize(prepared, { dropNoise: true });
    this.text = this.norm.text;
    let digits = '';
    for (let i = 0; i < this.text.length; i++) {
      const ch = this.text[i]!;
      digits += DIGIT_LIKE[ch] ?? ch;
    }
    this.digits = digits;

    const n = this.text.length;
    this.clauseStart = new Int32Array(n);
    this.clauseEnd = new Int32Array(n);
    this.sentenceStart = new Int32Array(n);
    this.sentenceEnd = new Int32Array(n);
    let cs = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && this.norm.ends[i - 1] !== this.norm.starts[i]) {
        const gap = original.slice(this.norm.ends[i - 1], this.norm.starts[i]);
        {
          if (SENTENCE_PUNCT.test(gap)) {
            for (let k = ss; k < i; k++) this.sentenceEnd[k] = i;
            ss = i;
            for (let k = cs; k < i; k++) this.clauseEnd[k] = i;
            cs = i;
          } else if (CLAUSE_PUNCT.test(gap)) {
            for (let k = cs; k < i; k++) this.clauseEnd[k] = i;
            cs = i;
          }
        }
      }
      this.clauseStart[i] = cs;
      this.sentenceStart[i] = ss;
    }
    for (let k = cs; k < n; k++) this.clauseEnd[k] = n;
    for (let k = ss; k < n; k++) this.sentenceEnd[k] = n;
  }

  /** Start of the clause holding normalised index i (i may equal text length). */
  clauseFrom(i: number): number {
    if (this.text.length === 0) return 0;
    return this.clauseStart[Math.min(i, this.text.length - 1)]!;
  }
  clauseTo(i: number): number {
    if (this.text.length === 0) return 0;
    return this.clauseEnd[Math.min(i, this.text.length - 1)]!;
  }
  sentenceFrom(i: number): number {
    if (this.text.length === 0) return 0;
    return this.sentenceStart[Math.min(i, this.text.length - 1)]!;
  }
  sentenceTo(i: number): number {
    if (this.text.length === 0) return 0;
    return this.sentenceEnd[Math.min(i, this.text.length - 1)]!;
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
