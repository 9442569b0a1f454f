/**
 * A compact Aho–Corasick automaton over UTF-16 code units.
 *
 * The risk scanner matches against text that normalize() has already folded
 * and stripped of noise (no emoji, marks or combining characters remain), so
 * matching code units is exact. modern-ahocorasick segments its input into
 * grapheme clusters with Intl.Segmenter, which alone costs ~0.2 ms per 200
 * characters on Node 20 — the whole per-keystroke budget — so the scanner
 * uses this code-unit automaton instead (scripts/bench/risk.ts prints both).
 */
export interface AutomatonHit<T> {
  start: number;
  end: number;
  data: T;
}

export class CodeUnitAutomaton<T> {
  /** Per state: code unit → next state. */
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Per state: pattern ids ending here (own and inherited through fail links). */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[] = [];
  private readonly data: T[] = [];
  /** The root's transitions as a flat table (0 = none): most characters of a draft start no pattern, so this lookup is the hot path. */
  private readonly rootNext = new Int32Array(0x10000);
  readonly size: number;

  constructor(entries: ReadonlyArray<{ pattern: string; data: T }>) {
    for (const { pattern, data } of entries) {
      if (pattern.length === 0) continue;
      let s = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let t = this.next[s]!.get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[s]!.set(c, t);
        }
        s = t;
      }
      this.out[s]!.push(this.data.length);
      this.lengths.push(pattern.length);
      this.data.push(data);
    }
    this.size = this.data.length;
    for (const [c, t] of this.next[0]!) this.rootNext[c] = t;
    // Breadth-first fail links; outputs inherit from the fail state.
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const g = this.next[f]!.get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = this.out[this.fail[t]!]!;
        if (inherited.length) this.out[t] = this.out[t]!.concat(inherited);
        queue.push(t);
      }
    }
  }

  /** Every occurrence, overlaps included, in order of end position. */
  search(text: string): AutomatonHit<T>[] {
    const hits: AutomatonHit<T>[] = [];
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = s === 0 ? undefined : this.next[s]!.get(c);
      while (t === undefined && s !== 0) {
        s = this.fail[s]!;
        if (s !== 0) t = this.next[s]!.get(c);
      }
      s = t ?? this.rootNext[c]!;
      const ids = this.out[s]!;
      if (ids.length === 0) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        hits.push({ start: i + 1 - this.lengths[id]!, end: i + 1, data: this.data[id]! });
      }
    }
    return hits;
  }
}
