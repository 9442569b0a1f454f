/**
 * How well a script's own text fits a buyer's words: the share of the
 * message's character pairs (weighted by how rare they are across the
 * library's texts) that the script's text also has. 顺丰, 7天, 尺码, 发票 in
 * both count; pairs every reply has (亲亲, 您好) count for almost nothing.
 * Used to rank scripts that carry no trigger phrases, such as a rep's import.
 */
import { canonicalText } from './canonical.ts';
import { gramsOf } from './trigger-index.ts';

/** Distinct character pairs of canonical text, none containing a space. */
const pairsOf = (canonical: string) => gramsOf(canonical).filter((g) => g.length === 2 && g.trim().length === 2);

/** Placeholders ({买家}, {cursor}) are not words of the reply. */
const VARIABLE = /\{[^{}]{1,12}\}/g;
/** Long texts: their opening says what they are about; keep the index small. */
const MAX_CHARS = 240;

export function textGrams(text: string): Set<string> {
  return new Set(pairsOf(canonicalText(text.replace(VARIABLE, ' ').slice(0, MAX_CHARS))));
}

/** Pairs in more than this share of the texts are not used to find candidates (they fit everything). */
const COMMON_SHARE = 0.2;

export class TextFit {
  private readonly grams = new Map<number, Set<string>>();
  /** pair → slots of the texts holding it (its size is the pair's document frequency). */
  private readonly postings = new Map<string, Set<number>>();

  add(slot: number, text: string): void {
    this.remove(slot);
    const grams = textGrams(text);
    this.grams.set(slot, grams);
    for (const g of grams) {
      let set = this.postings.get(g);
      if (!set) this.postings.set(g, (set = new Set()));
      set.add(slot);
    }
  }

  remove(slot: number): void {
    const grams = this.grams.get(slot);
    if (!grams) return;
    this.grams.delete(slot);
    for (const g of grams) {
      const set = this.postings.get(g);
      set?.delete(slot);
      if (set && set.size === 0) this.postings.delete(g);
    }
  }

  /** Slots among `within` whose text shares a telling pair with the clause (a large intent's candidates). */
  candidates(weighted: Array<[string, number]>, within: ReadonlySet<number>): Set<number> {
    const out = new Set<number>();
    const cap = Math.max(8, this.grams.size * COMMON_SHARE);
    for (const [g] of weighted) {
      const set = this.postings.get(g);
      if (!set || set.size > cap) continue;
      for (const slot of set) if (within.has(slot)) out.add(slot);
    }
    return out;
  }

  private idf(g: string): number {
    return Math.log(1 + (this.grams.size + 1) / ((this.postings.get(g)?.size ?? 0) + 1));
  }

  /** The message's pairs, with their weights (computed once per clause). */
  weigh(canonicalClause: string): Array<[string, number]> {
    return pairsOf(canonicalClause).map((g) => [g, this.idf(g)]);
  }

  /** 0..1: the weighted share of the clause's pairs found in the script's text. */
  fit(weighted: Array<[string, number]>, slot: number): number {
    const grams = this.grams.get(slot);
    if (!grams || weighted.length === 0) return 0;
    let all = 0;
    let got = 0;
    for (const [g, w] of weighted) {
      all += w;
      if (grams.has(g)) got += w;
    }
    return all > 0 ? got / all : 0;
  }
}
