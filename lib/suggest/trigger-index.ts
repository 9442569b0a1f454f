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
  /**
   * intent → slots (small integers, see the matcher) of the scripts of that intent that carry this
   * phrase. Plain arrays of small integers: a 5,000-script library holds a quarter of a million of
   * these, and pushing to an array costs far less than hashing into a Set.
   */
  holders: Map<string, number[]>;
  /** Slot of the script being added last; lets the matcher skip a script's repeated phrases cheaply. */
  lastSlot: number;
  /** False once no script carries the phrase and it has left the index. */
  live: boolean;
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

  /** The entry of a canonical phrase, created (and indexed by its grams) on first use. */
  entryFor(key: string): TriggerEntry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, grams: gramsOf(key), holders: new Map(), lastSlot: -1, live: true };
      if (key.length > this.maxKeyLength) this.maxKeyLength = key.length;
      this.entries.set(key, entry);
      for (const g of entry.grams) {
        let set = this.postings.get(g);
        if (!set) this.postings.set(g, (set = new Set()));
        set.add(entry);
      }
    }
    return entry;
  }

  /**
   * Record that script `slot` of `intent` carries the phrase. The caller adds each slot once.
   * True when it is the first script of the intent to carry it.
   */
  hold(entry: TriggerEntry, intent: string, slot: number): boolean {
    const slots = entry.holders.get(intent);
    if (slots) slots.push(slot);
    else entry.holders.set(intent, [slot]);
    return slots === undefined;
  }

  /**
   * Undo hold(); drops the phrase from the index when no script carries it any more. True when
   * no script of the intent carries it any more.
   */
  release(entry: TriggerEntry, intent: string, slot: number): boolean {
    entry.lastSlot = -1;
    const slots = entry.holders.get(intent);
    if (!slots) return false;
    const at = slots.lastIndexOf(slot);
    if (at < 0) return false;
    slots[at] = slots[slots.length - 1]!;
    slots.pop();
    if (slots.length > 0) return false;
    entry.holders.delete(intent);
    if (entry.holders.size > 0 || this.entries.get(entry.key) !== entry) return true;
    this.entries.delete(entry.key);
    entry.live = false;
    for (const g of entry.grams) {
      const set = this.postings.get(g);
      set?.delete(entry);
      if (set && set.size === 0) this.postings.delete(g);
    }
    return true;
  }

  /** Convenience for one phrase of one script (tests, small edits). */
  add(key: string, intent: string, slot: number): void {
    if (key.length === 0) return;
    const entry = this.entryFor(key);
    if (!(entry.holders.get(intent)?.includes(slot) ?? false)) this.hold(entry, intent, slot);
  }

  remove(key: string, intent: string, slot: number): void {
    const entry = this.entries.get(key);
    if (entry) this.release(entry, intent, slot);
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
