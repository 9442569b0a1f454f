/**
 * A small intent classifier learned from the library itself, for buyer messages no trigger
 * phrase foresaw. Each intent's document is the multiset of its distinct canonical phrases
 * (triggers and titles); features are character unigrams and bigrams, weighted TF-IDF
 * (sublinear term frequency, IDF over intents). A message is scored by cosine similarity against
 * each intent's summed vector (its centroid up to scale, which cosine ignores).
 *
 * Only raw counts are stored, so adding or removing a phrase adjusts one intent's sums and marks
 * the norms it touches as stale; weights and norms are derived from the counts on demand. The
 * result therefore equals a rebuild from scratch at every moment.
 */

export interface IntentSimilarity {
  intent: string;
  similarity: number;
}

/** Character unigrams and bigrams of a canonical text, with counts. */
export function featuresOf(text: string, out = new Map<string, number>()): Map<string, number> {
  for (let i = 0; i < text.length; i++) {
    const uni = text[i]!;
    out.set(uni, (out.get(uni) ?? 0) + 1);
    if (i + 1 < text.length) {
      const bi = text.slice(i, i + 2);
      out.set(bi, (out.get(bi) ?? 0) + 1);
    }
  }
  return out;
}

function tf(count: number): number {
  return 1 + Math.log(count);
}

export class IntentClassifier {
  /** feature → intent → count over the intent's phrases. */
  private readonly postings = new Map<string, Map<string, number>>();
  /** intent → feature → count (the same numbers, by intent, for its norm). */
  private readonly vectors = new Map<string, Map<string, number>>();
  /** intent → number of phrases in its document. */
  private readonly phraseCounts = new Map<string, number>();
  private readonly norms = new Map<string, number>();
  /** Intents whose norm must be recomputed (their counts or a feature's IDF changed). */
  private readonly stale = new Set<string>();
  private allStale = false;

  /** Number of intents with at least one phrase. */
  get intents(): number {
    return this.vectors.size;
  }

  private idf(df: number): number {
    return Math.log(1 + this.vectors.size / df);
  }

  addPhrase(intent: string, phrase: string): void {
    if (phrase.length === 0) return;
    let vector = this.vectors.get(intent);
    if (!vector) {
      this.vectors.set(intent, (vector = new Map()));
      this.allStale = true; // the number of intents is in every IDF
    }
    this.phraseCounts.set(intent, (this.phraseCounts.get(intent) ?? 0) + 1);
    this.stale.add(intent);
    for (const [feature, n] of featuresOf(phrase)) {
      vector.set(feature, (vector.get(feature) ?? 0) + n);
      let post = this.postings.get(feature);
      if (!post) this.postings.set(feature, (post = new Map()));
      const had = post.get(intent);
      if (had === undefined) for (const other of post.keys()) this.stale.add(other); // IDF changes
      post.set(intent, (had ?? 0) + n);
    }
  }

  /** Undo one addPhrase(intent, phrase). */
  removePhrase(intent: string, phrase: string): void {
    const vector = this.vectors.get(intent);
    if (!vector || phrase.length === 0) return;
    this.stale.add(intent);
    for (const [feature, n] of featuresOf(phrase)) {
      const left = (vector.get(feature) ?? 0) - n;
      if (left > 0) vector.set(feature, left);
      else vector.delete(feature);
      const post = this.postings.get(feature);
      if (!post) continue;
      if (left > 0) post.set(intent, left);
      else {
        post.delete(intent);
        for (const other of post.keys()) this.stale.add(other);
        if (post.size === 0) this.postings.delete(feature);
      }
    }
    const phrases = (this.phraseCounts.get(intent) ?? 1) - 1;
    if (phrases > 0) this.phraseCounts.set(intent, phrases);
    else {
      this.phraseCounts.delete(intent);
      this.vectors.delete(intent);
      this.norms.delete(intent);
      this.stale.delete(intent);
      this.allStale = true;
    }
  }

  private refreshNorms(): void {
    const todo = this.allStale ? this.vectors.keys() : this.stale.values();
    for (const intent of todo) {
      const vector = this.vectors.get(intent);
      if (!vector) continue;
      let sum = 0;
      for (const [feature, count] of vector) {
        const w = tf(count) * this.idf(this.postings.get(feature)!.size);
        sum += w * w;
      }
      this.norms.set(intent, Math.sqrt(sum));
    }
    this.stale.clear();
    this.allStale = false;
  }

  /**
   * Cosine similarity of a canonical text to every intent sharing a feature with it, best first.
   * Features the library never uses are left out of the message's norm: they say nothing about
   * which intent, and leaving them in would only shrink every score alike.
   */
  similarities(text: string): IntentSimilarity[] {
    if (text.length === 0 || this.vectors.size === 0) return [];
    if (this.allStale || this.stale.size > 0) this.refreshNorms();
    const dot = new Map<string, number>();
    let queryNorm = 0;
    for (const [feature, count] of featuresOf(text)) {
      const post = this.postings.get(feature);
      if (!post) continue;
      const idf = this.idf(post.size);
      const qw = tf(count) * idf;
      queryNorm += qw * qw;
      for (const [intent, c] of post) dot.set(intent, (dot.get(intent) ?? 0) + qw * tf(c) * idf);
    }
    if (queryNorm === 0) return [];
    const q = Math.sqrt(queryNorm);
    const out: IntentSimilarity[] = [];
    for (const [intent, d] of dot) {
      const norm = this.norms.get(intent);
      if (norm) out.push({ intent, similarity: d / (q * norm) });
    }
    out.sort((a, b) => b.similarity - a.similarity || a.intent.localeCompare(b.intent));
    return out;
  }

  /** A snapshot of the counts, for tests comparing an incrementally updated model to a rebuild. */
  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const intent of [...this.vectors.keys()].sort()) {
      const vector = this.vectors.get(intent)!;
      out[intent] = Object.fromEntries([...vector.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return out;
  }
}
