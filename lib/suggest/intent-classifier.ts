/**
 * A small intent classifier learned from the library itself, for buyer messages no trigger
 * phrase foresaw. Each intent's document is the multiset of its distinct canonical phrases
 * (triggers and titles); features are character unigrams and bigrams, weighted TF-IDF
 * (sublinear term frequency, IDF over intents). A message is scored by cosine similarity against
 * each intent's summed vector (its centroid up to scale, which cosine ignores).
 *
 * Only raw counts are stored, so adding or removing a phrase adjusts one intent's sums; weights
 * and the intents' norms are derived from the counts on demand (norms once after a change, in one
 * pass over the features). The result therefore equals a rebuild from scratch at every moment.
 */

export interface IntentSimilarity {
  intent: string;
  similarity: number;
}

function tf(count: number): number {
  return 1 + Math.log(count);
}

/** One feature: in how many intents it occurs, and its count in each (indexed by intent number). */
interface FeatureRow {
  df: number;
  counts: number[];
  /** tf(count) per intent, kept with the counts so a query takes no logarithms. */
  weights: number[];
}

/**
 * Features are held by character code, a unigram at its character and a bigram under its first
 * character, so counting a phrase allocates no strings (this runs for every distinct phrase of a
 * library of thousands of scripts).
 */
interface CharNode {
  uni?: FeatureRow;
  next?: Map<number, FeatureRow>;
}

export class IntentClassifier {
  private readonly chars = new Map<number, CharNode>();
  /** Intent name → small number indexing FeatureRow.counts; numbers are reused after removal. */
  private readonly ids = new Map<string, number>();
  private names: string[] = [];
  /** Phrases in each intent's document, by intent number (0 = the number is free). */
  private phraseCounts: number[] = [];
  private norms = new Float64Array(0);
  /** Counts or IDFs changed since the norms were computed. */
  private stale = true;

  /** Number of intents with at least one phrase. */
  get intents(): number {
    return this.ids.size;
  }

  private idf(df: number): number {
    return Math.log(1 + this.ids.size / df);
  }

  /** The row of a unigram (second = -1) or bigram, or undefined. */
  private row(first: number, second: number): FeatureRow | undefined {
    const node = this.chars.get(first);
    if (!node) return undefined;
    return second < 0 ? node.uni : node.next?.get(second);
  }

  private add(id: number, first: number, second: number, delta: number): void {
    let node = this.chars.get(first);
    if (!node) this.chars.set(first, (node = {}));
    let row: FeatureRow | undefined;
    if (second < 0) row = node.uni ??= { df: 0, counts: [], weights: [] };
    else {
      const next = (node.next ??= new Map());
      row = next.get(second);
      if (!row) next.set(second, (row = { df: 0, counts: [], weights: [] }));
    }
    const before = row.counts[id] ?? 0;
    const after = before + delta;
    row.counts[id] = after;
    row.weights[id] = after > 0 ? tf(after) : 0;
    if (before === 0 && after > 0) row.df++;
    else if (before > 0 && after <= 0) {
      row.counts[id] = 0;
      if (--row.df === 0) {
        if (second < 0) node.uni = undefined;
        else node.next!.delete(second);
        if (!node.uni && (!node.next || node.next.size === 0)) this.chars.delete(first);
      }
    }
  }

  private update(id: number, phrase: string, delta: number): void {
    for (let i = 0; i < phrase.length; i++) {
      const a = phrase.charCodeAt(i);
      this.add(id, a, -1, delta);
      if (i + 1 < phrase.length) this.add(id, a, phrase.charCodeAt(i + 1), delta);
    }
    this.stale = true;
  }

  addPhrase(intent: string, phrase: string): void {
    if (phrase.length === 0) return;
    let id = this.ids.get(intent);
    if (id === undefined) {
      id = this.phraseCounts.indexOf(0);
      if (id < 0) id = this.phraseCounts.length;
      this.ids.set(intent, id);
      this.names[id] = intent;
      this.phraseCounts[id] = 0;
    }
    this.phraseCounts[id]!++;
    this.update(id, phrase, 1);
  }

  /** Undo one addPhrase(intent, phrase). */
  removePhrase(intent: string, phrase: string): void {
    const id = this.ids.get(intent);
    if (id === undefined || phrase.length === 0) return;
    this.update(id, phrase, -1);
    if (--this.phraseCounts[id]! <= 0) {
      this.phraseCounts[id] = 0;
      this.ids.delete(intent);
    }
  }

  private *rows(): Generator<[string, FeatureRow]> {
    for (const [first, node] of this.chars) {
      if (node.uni) yield [String.fromCharCode(first), node.uni];
      for (const [second, row] of node.next ?? []) yield [String.fromCharCode(first, second), row];
    }
  }

  private refreshNorms(): void {
    const sums = new Float64Array(this.phraseCounts.length);
    const addRow = (row: FeatureRow) => {
      const idf = this.idf(row.df);
      const weights = row.weights;
      for (let id = 0; id < weights.length; id++) {
        const w = (weights[id] ?? 0) * idf;
        sums[id] = sums[id]! + w * w;
      }
    };
    for (const node of this.chars.values()) {
      if (node.uni) addRow(node.uni);
      if (node.next) for (const row of node.next.values()) addRow(row);
    }
    for (let id = 0; id < sums.length; id++) sums[id] = Math.sqrt(sums[id]!);
    this.norms = sums;
    this.stale = false;
  }

  /**
   * Cosine similarity of a canonical text to every intent sharing a feature with it, best first.
   * Features the library never uses are left out of the message's norm: they say nothing about
   * which intent, and leaving them in would only shrink every score alike.
   */
  similarities(text: string): IntentSimilarity[] {
    if (text.length === 0 || this.ids.size === 0) return [];
    if (this.stale) this.refreshNorms();
    const inText = new Map<FeatureRow, number>();
    for (let i = 0; i < text.length; i++) {
      const a = text.charCodeAt(i);
      const uni = this.row(a, -1);
      if (uni) inText.set(uni, (inText.get(uni) ?? 0) + 1);
      if (i + 1 < text.length) {
        const bi = this.row(a, text.charCodeAt(i + 1));
        if (bi) inText.set(bi, (inText.get(bi) ?? 0) + 1);
      }
    }
    if (inText.size === 0) return [];
    const dot = new Float64Array(this.phraseCounts.length);
    let queryNorm = 0;
    for (const [row, count] of inText) {
      const idf = this.idf(row.df);
      const qw = tf(count) * idf;
      queryNorm += qw * qw;
      const weights = row.weights;
      const scale = qw * idf;
      for (let id = 0; id < weights.length; id++) {
        const w = weights[id];
        if (w) dot[id] = dot[id]! + scale * w;
      }
    }
    const q = Math.sqrt(queryNorm);
    const out: IntentSimilarity[] = [];
    for (let id = 0; id < dot.length; id++) {
      const norm = this.norms[id];
      if (dot[id]! > 0 && norm && this.phraseCounts[id]) out.push({ intent: this.names[id]!, similarity: dot[id]! / (q * norm) });
    }
    out.sort((a, b) => b.similarity - a.similarity || a.intent.localeCompare(b.intent));
    return out;
  }

  /** The counts by intent and feature (unigrams and bigrams), for tests and inspection. */
  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const intent of [...this.ids.keys()].sort()) out[intent] = {};
    const rows = [...this.rows()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [feature, row] of rows) {
      for (const [intent, id] of this.ids) if (row.counts[id]) out[intent]![feature] = row.counts[id]!;
    }
    return out;
  }
}
