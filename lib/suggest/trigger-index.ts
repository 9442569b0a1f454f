/**
 * Inverted index from character bigrams to the distinct canonical trigger phrases that contain
 * them. Chinese has no spaces, so bigrams stand in for words. Each distinct phrase is stored once
 * and remembers which scripts (grouped by intent) carry it, so thousands of scripts that share a
 * phrase cost one entry, and adding or removing a script only touches its own phrases.
 */
export interface TriggerEntry {
  key: string;
  /** Bigrams of the key (its single character for a one-character key), distinct. */
  grams: string[];
  /** intent → ids of scripts of that intent that carry this phrase. */
  holders: Map<string, Set<string>>;
}

export function gramsOf(text: string): string[] {
  if (text.length === 1) return [text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return [...out];
}

export class TriggerIndex {
  readonly entries = new Map<string, TriggerEntry>();
  private readonly postings = new Map<string, Set<TriggerEntry>>();

  add(key: string, intent: string, scriptId: string): void {
    if (key.length === 0) return;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, grams: gramsOf(key), holders: new Map() };
      if (key.length > this.maxKeyLength) this.maxKeyLength = key.length;
      this.entries.set(key, entry);
      for (const g of entry.grams) {
        let set = this.postings.get(g);
        if (!set) this.postings.set(g, (set = new Set()));
        set.add(entry);
      }
    }
    let ids = entry.holders.get(intent);
    if (!ids) entry.holders.set(intent, (ids = new Set()));
    ids.add(scriptId);
  }

  remove(key: string, intent: string, scriptId: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const ids = entry.holders.get(intent);
    if (!ids) return;
    ids.delete(scriptId);
    if (ids.size === 0) entry.holders.delete(intent);
    if (entry.holders.size > 0) return;
    this.entries.delete(key);
    for (const g of entry.grams) {
      const set = this.postings.get(g);
      set?.delete(entry);
      if (set && set.size === 0) this.postings.delete(g);
    }
  }

  /** Inverse document frequency of a gram over distinct phrases. */
  idf(gram: string): number {
    const df = this.postings.get(gram)?.size ?? 0;
    return Math.log(1 + (this.entries.size + 1) / (df + 1));
  }

  /** Longest key ever added (bounds the substring scan; never shrinks, which is harmless). */
  private maxKeyLength = 1;

  /** Phrases that occur in `text` verbatim: every substring is looked up, so cost is O(len × longest key). */
  exact(text: string): TriggerEntry[] {
    const out: TriggerEntry[] = [];
    const longest = Math.min(this.maxKeyLength, MAX_KEY_SCAN);
    for (let i = 0; i < text.length; i++) {
      for (let l = 1; l <= longest && i + l <= text.length; l++) {
        const entry = this.entries.get(text.slice(i, i + l));
        if (entry) out.push(entry);
      }
    }
    return out;
  }

  /**
   * Phrases of four or more characters sharing at least two grams with `text` without occurring
   * in it (typos, an inserted word). Grams common to very many phrases (什么, 怎么) are not used
   * to find candidates: they carry little evidence and would make the lookup slow.
   */
  partial(text: string): Array<[TriggerEntry, string[]]> {
    const found = new Map<TriggerEntry, string[]>();
    const cap = Math.max(PARTIAL_DF_FLOOR, this.entries.size * PARTIAL_DF_SHARE);
    for (const g of gramsOf(text)) {
      if (g.length < 2) continue;
      const set = this.postings.get(g);
      if (!set || set.size > cap) continue;
      for (const entry of set) {
        if (entry.key.length < 4) continue;
        const list = found.get(entry);
        if (list) list.push(g);
        else found.set(entry, [g]);
      }
    }
    const out: Array<[TriggerEntry, string[]]> = [];
    for (const [entry, grams] of found) if (grams.length >= 2) out.push([entry, grams]);
    return out;
  }
}

const MAX_KEY_SCAN = 16;
const PARTIAL_DF_FLOOR = 64;
const PARTIAL_DF_SHARE = 0.02;
