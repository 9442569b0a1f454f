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

  /**
   * Phrases sharing at least one gram with the text, with the grams they share.
   * One-character phrases are looked up only for very short texts (在, 贵, 好).
   */
  candidates(text: string): Map<TriggerEntry, string[]> {
    const found = new Map<TriggerEntry, string[]>();
    const visit = (gram: string) => {
      const set = this.postings.get(gram);
      if (!set) return;
      for (const entry of set) {
        const list = found.get(entry);
        if (list) list.push(gram);
        else found.set(entry, [gram]);
      }
    };
    if (text.length >= 2) for (const g of gramsOf(text)) visit(g);
    if (text.length > 0 && text.length <= 3) {
      visit(text[0]!);
      if (text.length > 1) visit(text[text.length - 1]!);
    }
    return found;
  }
}
