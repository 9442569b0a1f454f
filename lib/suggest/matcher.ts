/**
 * Suggestion matcher: given a buyer message, which reply scripts fit.
 *
 * 1. The message is split into clauses (a rambling message or two questions at once) and each
 *    clause is put in canonical form (canonical.ts).
 * 2. Candidate trigger phrases come from a bigram inverted index (trigger-index.ts); each is scored
 *    as an exact hit (substring of the clause, longer = more specific) or a partial hit
 *    (IDF-weighted bigram coverage, which survives a typo or an inserted word).
 * 3. Evidence is pooled per intent across all scripts of the intent, weighted by an intent prior
 *    and the conversation stage. Scripts are then ranked inside their intent by the phrases only
 *    they carry and by the rep's own usage, so a script without triggers still shows up when its
 *    intent is clear.
 * 4. When the evidence is ambiguous the top of the list holds the best script of each plausible
 *    intent rather than three scripts of one intent; clauses are interleaved, the most important
 *    (a real question rather than a greeting, the latest one) first.
 */
import type { ReplyScript, Suggestion } from '../types.ts';
import { normalize } from '../text/normalize.ts';
import { canonicalText, canonicalTrigger, MATCH_OPTIONS } from './canonical.ts';
import { splitClauses, type Clause } from './clauses.ts';
import { CUES } from './cues.ts';
import { usageBonus, usageTable, type UsageInput } from './frecency.ts';
import { highlightPhrases } from './highlights.ts';
import { INTENT_INFO, intentLabel, intentPrior, SMALL_TALK, stageFactor, type Stage } from './intents.ts';

/** A clause that asks something (not small talk, not a reply only the seller starts). */
function isBuyerQuestion(intent: string): boolean {
  return !SMALL_TALK.has(intent) && INTENT_INFO[intent]?.stage !== 'seller';
}
import { IntentClassifier, type IntentSimilarity } from './intent-classifier.ts';
import { createSearcher } from './search.ts';
import { timeOfDayFit } from './time-of-day.ts';
import { TriggerIndex, type TriggerEntry } from './trigger-index.ts';
import type { BuyerKnowledge } from './buyer-knowledge.ts';
import { TextFit } from './text-fit.ts';

export interface MatcherOptions {
  /**
   * How buyers ask, independent of the library (buyer-knowledge.ts): phrases that point at an
   * intent without belonging to a script. Lets a library whose scripts have no triggers work.
   */
  knowledge?: BuyerKnowledge;
}

export interface SuggestOptions {
  top?: number;
  usage?: UsageInput;
  stage?: Stage;
  now?: number;
  explain?: boolean;
}

export interface SearchOptions {
  top?: number;
  usage?: UsageInput;
  now?: number;
}

export interface Matcher {
  suggest(message: string, opts?: SuggestOptions): Suggestion[];
  search(query: string, opts?: SearchOptions): Suggestion[];
  upsert(script: ReplyScript): void;
  remove(id: string): void;
  readonly size: number;
}

interface Stored {
  script: ReplyScript;
  /** Small integer naming the script inside the index (cheaper to store than its id). */
  slot: number;
  /** The script's distinct canonical phrases (entry.key). */
  entries: TriggerEntry[];
  /** Canonical title, as given to the classifier. */
  title: string;
}

interface KeyHit {
  entry: TriggerEntry;
  score: number;
  exact: boolean;
  /** Set when the evidence is a question shape (cues.ts), not a library phrase. */
  cue?: string;
}

interface IntentEvidence {
  intent: string;
  hits: KeyHit[];
  raw: number;
  factor: number;
  score: number;
}

/** A script proposed for one clause, before clauses are interleaved. */
type Candidate = Omit<Pick, 'clause' | 'multiClause'>;

interface Pick {
  stored: Stored;
  intent: IntentEvidence;
  score: number;
  ownKeys: string[];
  usage: number;
  rank: number;
  clause: Clause;
  multiClause: boolean;
}

const NO_SLOTS: number[] = [];
/** The holder slot of knowledge phrases: evidence for an intent, no script of its own. */
const KNOWLEDGE_SLOT = -1;
/**
 * Scripts the rep brought (imported, written, shared by the team) rather than Huashu's defaults:
 * when their intent is matched they count as carrying the matched phrase, so a rep's script
 * answers first when it fits as well as a default one; their text fit orders them.
 */
const isRepScript = (s: ReplyScript) => s.source !== 'default';
const TEXT_FIT_WEIGHT = 0.06;
/** …and win a tie with a default script of the same intent (the rep trusts their own wording). */
const REP_PREFERENCE = 0.04;
/** Up to this many scripts without triggers in an intent are all candidates; beyond, by shared words. */
const TRIGGERLESS_ALL = 40;
/** The rep's own order of scripts, then id: how ties are broken. */
function libraryOrder(a: Stored, b: Stored): number {
  return (a.script.order ?? 1e9) - (b.script.order ?? 1e9) || a.script.id.localeCompare(b.script.id);
}
const SPECIFICITY = [0, 0.55, 0.75, 0.88, 0.96];
/**
 * Characters of question words and function words. A phrase made only of them (怎么弄, 还有吗,
 * 能改吗 without its object) says how the buyer asks, not what about, so it counts for less than
 * a phrase that names the thing (退款, 满减).
 */
const GENERIC_CHARS = new Set([...'怎么什如何能可以吗呢弄办操作用使有没还在的了是这个那样会不要想请问下一点儿多少几哪啥']);
const GENERIC_FACTOR = 0.7;
function isGeneric(key: string): boolean {
  for (const ch of key) if (!GENERIC_CHARS.has(ch)) return false;
  return true;
}
function specificity(length: number): number {
  return length >= SPECIFICITY.length ? 1 : SPECIFICITY[length]!;
}

/** An intent is a plausible alternative when its score is at least this share of the best one. */
/** Scripts of a matched intent offered at least, so the rep can choose the tone. */
const MIN_CHOICES = 3;
const AMBIGUITY_RATIO = 0.35;
const QUESTION = /吗|怎么|什么|多少|几|哪|能不能|可不可以|有没有|是不是|会不会|多久|多大|如何|为什么|麻烦|帮我|帮忙|能否|可否|想问|求/;
/**
 * A phrase right after a negation is denied, not asked about (不是质量问题就是不想要了). The
 * negations that only say what the buyer wants (不要发顺丰, 别发韵达) still point at the topic.
 */
const NEGATED = /(?:不是|并非|没有|也不是|又不是|不算|并没有)$/;
const NEGATED_FACTOR = 0.35;
/** Two-character words whose second character must not start a phrase match (收到货 ≠ 到货). */
const SPLIT_WORDS = new Set(['收到', '有没']);
/** A clause's intent gets this much when a neighbouring clause is clearly about the same intent. */
const PRIMING = 0.12;
/** A clause that only asks what to do about the previous one (…开胶了，怎么办). */
const FOLLOW_UP = /^(?:那|这|你们?说?|我)?(?:该|要|应该)?(?:怎么办|怎么处理|怎么解决|怎么弄|怎么回事|如何处理|什么情况|什么意思)(?:吧|吗|呀|了)?$/;

/**
 * The library-trained classifier (intent-classifier.ts) in the matcher. Which intents join as
 * stand-ins is read relative to the best similarity (absolute figures depend on the message).
 */
/** Added to an intent's trigger evidence, times its cosine similarity: a small tie-breaker. */
export const SIMILARITY_BLEND = 0.25;
/** Below this the trigger evidence is too weak to stand alone and similar intents join in. */
const WEAK_EVIDENCE = 0.45;
/** Evidence of an intent proposed by similarity alone, times its relative similarity. */
const FALLBACK_SCORE = 0.4;
const FALLBACK_INTENTS = 3;
const ALTERNATIVE_SCORE = 0.3;
const FALLBACK_MIN_RELATIVE = 0.6;
const HAS_CJK = /[\u3400-\u9fff]/;
/** Trigger evidence this strong and this far ahead of any other intent skips the classifier. */
const DECISIVE = 0.85;
const DECISIVE_MARGIN = 0.3;
const TITLE_TAIL = /[（(【\[·|｜—-]/;
/** Cosine below this: the text shares next to nothing with the library (noise, another language). */
const MIN_SIMILARITY = 0.05;

export function createMatcher(initial: Iterable<ReplyScript> = [], options: MatcherOptions = {}): Matcher {
  const index = new TriggerIndex();
  const textFit = new TextFit();
  const scripts = new Map<string, Stored>();
  /** intent → script ids, for intent sizes and scripts without triggers. */
  const byIntent = new Map<string, Set<number>>();
  const triggerless = new Map<string, Set<number>>();
  /** slot → script; a replaced script keeps its slot, a removed one leaves a hole for the next. */
  const slots: Array<Stored | undefined> = [];
  const freeSlots: number[] = [];
  /** Raw trigger text → its index entry (null when nothing is left after canonicalising). */
  const byTrigger = new Map<string, TriggerEntry | null>();
  const searcher = createSearcher(() => scripts.values());
  /** Learned from the same phrases (and titles): a fallback when no phrase matches, a prior otherwise. */
  const classifier = new IntentClassifier();
  /** intent + title → scripts carrying it, so each intent's document holds a title once. */
  const titleHolders = new Map<string, number>();

  function holdTitle(intent: string, title: string) {
    if (title.length === 0) return;
    const key = `${intent}\u0001${title}`;
    const n = titleHolders.get(key) ?? 0;
    titleHolders.set(key, n + 1);
    if (n === 0) classifier.addPhrase(intent, title);
  }
  function releaseTitle(intent: string, title: string) {
    if (title.length === 0) return;
    const key = `${intent}\u0001${title}`;
    const n = titleHolders.get(key) ?? 0;
    if (n <= 1) {
      titleHolders.delete(key);
      if (n === 1) classifier.removePhrase(intent, title);
    } else titleHolders.set(key, n - 1);
  }

  function addToSet(map: Map<string, Set<number>>, key: string, slot: number) {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(slot);
  }
  function deleteFromSet(map: Map<string, Set<number>>, key: string, slot: number) {
    const set = map.get(key);
    set?.delete(slot);
    if (set && set.size === 0) map.delete(key);
  }

  /** Takes the script out of the index; returns its slot for reuse, or undefined. */
  function unlink(id: string): number | undefined {
    const stored = scripts.get(id);
    if (!stored) return undefined;
    const { script, entries, slot } = stored;
    for (const entry of entries) {
      // The intent's document holds each phrase once, while any of its scripts carries it.
      if (index.release(entry, script.intent, slot)) classifier.removePhrase(script.intent, entry.key);
    }
    releaseTitle(script.intent, stored.title);
    deleteFromSet(byIntent, script.intent, slot);
    deleteFromSet(triggerless, script.intent, slot);
    textFit.remove(slot);
    scripts.delete(id);
    slots[slot] = undefined;
    searcher.invalidate(id);
    return slot;
  }

  function remove(id: string): void {
    const slot = unlink(id);
    if (slot !== undefined) freeSlots.push(slot);
  }

  /** The index entry of a raw trigger phrase, canonicalised once per matcher (null when nothing is left). */
  function entryOfTrigger(trigger: string): TriggerEntry | null {
    let entry = byTrigger.get(trigger);
    if (entry === undefined || (entry !== null && !entry.live)) {
      const key = canonicalTrigger(trigger);
      entry = key.length > 0 ? index.entryFor(key) : null;
      byTrigger.set(trigger, entry);
    }
    return entry;
  }

  function upsert(script: ReplyScript): void {
    let slot = unlink(script.id);
    if (script.deleted || script.hidden) {
      if (slot !== undefined) freeSlots.push(slot);
      return;
    }
    slot ??= freeSlots.pop() ?? slots.length;
    const entries: TriggerEntry[] = [];
    // Triggers repeat across scripts: each distinct trigger string is canonicalised and looked up
    // once per matcher (byTrigger), and a script's repeated phrase is skipped by the entry's
    // lastSlot mark, so the common case costs one map lookup and one push.
    for (const trigger of script.triggers ?? []) {
      const entry = entryOfTrigger(trigger);
      if (entry === null || entry.lastSlot === slot) continue;
      entry.lastSlot = slot;
      if (index.hold(entry, script.intent, slot)) classifier.addPhrase(script.intent, entry.key);
      entries.push(entry);
    }
    // A title's head names the topic (退款到账时间); a bracketed or dotted tail names a shop or a
    // product. Titles are the seller's standard wording, so the shared normaliser is enough.
    const head = script.title ? script.title.split(TITLE_TAIL, 1)[0]! : '';
    const title = head ? normalize(head, MATCH_OPTIONS).text : '';
    holdTitle(script.intent, title);
    addToSet(byIntent, script.intent, slot);
    // Scripts with phrases of their own are told apart by those; the others by their text.
    if (entries.length === 0) {
      addToSet(triggerless, script.intent, slot);
      textFit.add(slot, script.text);
    }
    const stored: Stored = { script, slot, entries, title };
    slots[slot] = stored;
    scripts.set(script.id, stored);
  }

  // Knowledge phrases are held by no script; they feed the intent's evidence and its classifier document.
  // The same phrases as the default scripts' triggers: canonicalised once, shared through entryOfTrigger.
  for (const [intent, phrases] of options.knowledge ?? []) {
    for (const phrase of phrases) {
      const entry = entryOfTrigger(phrase);
      if (entry === null || entry.holders.get(intent)?.includes(KNOWLEDGE_SLOT)) continue;
      if (index.hold(entry, intent, KNOWLEDGE_SLOT)) classifier.addPhrase(intent, entry.key);
    }
  }
  for (const s of initial) upsert(s);

  function scoreKey(entry: TriggerEntry, shared: string[], clause: string): KeyHit | undefined {
    const key = entry.key;
    const L = key.length;
    if (L === 1) {
      if (clause === key) return { entry, score: specificity(1) * 1.12, exact: true };
      if (clause.length <= 3 && (clause[0] === key || clause[clause.length - 1] === key)) {
        return { entry, score: specificity(1) * 0.8, exact: true };
      }
      return undefined;
    }
    let at = clause.lastIndexOf(key);
    // A phrase whose first character belongs to the word before it is not there (收到货 has no 到货).
    while (at > 0 && SPLIT_WORDS.has(clause[at - 1]! + key[0]!)) at = clause.lastIndexOf(key, at - 1);
    if (at >= 0) {
      let score = specificity(L) * (isGeneric(key) ? GENERIC_FACTOR : 1);
      // 不是质量问题 denies; 不是包邮吗 (ends in 吗) is rhetorical and affirms.
      const before = clause.slice(Math.max(0, at - 4), at);
      if (NEGATED.test(before) && !(before.endsWith('不是') && clause.endsWith('吗'))) score *= NEGATED_FACTOR;
      if (clause.length === L) score *= 1.12;
      // A phrase near the end of the clause is usually its point (包邮再便宜5块 → 便宜).
      score += 0.03 * ((at + L) / clause.length);
      return { entry, score, exact: true };
    }
    if (L < 4 || shared.length < 2) return undefined;
    let all = 0;
    let got = 0;
    let rarest = 0;
    let rarestShared = false;
    for (const g of entry.grams) {
      const w = index.idf(g);
      all += w;
      const has = shared.includes(g);
      if (has) got += w;
      if (w > rarest) {
        rarest = w;
        rarestShared = has;
      }
    }
    // The phrase's most telling pair must be there: 什么时候能补上 is not 什么时候能发.
    if (!rarestShared) return undefined;
    const coverage = got / all;
    if (coverage < 0.55) return undefined;
    return { entry, score: specificity(L) * Math.pow(coverage, 1.5) * 0.8, exact: false };
  }

  /** Classifier similarities of buyer-side intents, best first; none for noise. */
  function similarIntents(text: string): IntentSimilarity[] {
    // Only Chinese words carry an intent here (English ones are folded into Chinese beforehand):
    // a run of letters or digits alone (asdf, 1234) would match only stray characters.
    if (!HAS_CJK.test(text)) return [];
    const out = classifier.similarities(text).filter((s) => INTENT_INFO[s.intent]?.stage !== 'seller');
    return out.length > 0 && out[0]!.similarity >= MIN_SIMILARITY ? out : [];
  }

  function intentsFor(text: string, stage: Stage | undefined): IntentEvidence[] {
    const found = new Map<string, KeyHit[]>();
    const candidates: Array<[TriggerEntry, string[]]> = index.exact(text).map((e) => [e, e.grams]);
    const seen = new Set(candidates.map(([e]) => e));
    for (const pair of index.partial(text)) if (!seen.has(pair[0])) candidates.push(pair);
    for (const [entry, shared] of candidates) {
      const hit = scoreKey(entry, shared, text);
      if (!hit) continue;
      for (const intent of entry.holders.keys()) {
        const list = found.get(intent);
        if (list) list.push(hit);
        else found.set(intent, [hit]);
      }
    }
    for (const cue of CUES) {
      const m = cue.re.exec(text);
      if (!m || !byIntent.has(cue.intent)) continue;
      // A cue names no script; scriptsOf offers every script of the intent for it.
      const entry: TriggerEntry = { key: m[0], grams: [], holders: new Map([[cue.intent, NO_SLOTS]]), lastSlot: -1, live: true };
      const hit: KeyHit = { entry, score: cue.score, exact: false, cue: cue.label };
      const list = found.get(cue.intent);
      if (list) list.push(hit);
      else found.set(cue.intent, [hit]);
    }
    // Intents like the clause by the classifier: a small prior for all, and stand-ins when no
    // phrase matched or only weakly. Seller-side replies are never proposed for a buyer's words.
    // One intent far ahead on a full phrase needs no second opinion (and the query stays cheap).
    let strongest = 0;
    let runnerUp = 0;
    for (const hits of found.values()) {
      let best = 0;
      for (const h of hits) if (h.score > best) best = h.score;
      if (best > strongest) [strongest, runnerUp] = [best, strongest];
      else if (best > runnerUp) runnerUp = best;
    }
    const decisive = strongest >= DECISIVE && strongest - runnerUp >= DECISIVE_MARGIN;
    const sims = decisive ? [] : similarIntents(text);
    const topSim = sims[0]?.similarity ?? 0;
    const relative = new Map<string, number>();
    for (const s of sims) relative.set(s.intent, s.similarity / topSim);
    if (strongest < WEAK_EVIDENCE) {
      for (let i = 0; i < sims.length && i < FALLBACK_INTENTS; i++) {
        const { intent } = sims[i]!;
        const rel = relative.get(intent)!;
        if (rel < FALLBACK_MIN_RELATIVE) break;
        if (found.has(intent) || !byIntent.has(intent)) continue;
        const entry: TriggerEntry = { key: '', grams: [], holders: new Map([[intent, NO_SLOTS]]), lastSlot: -1, live: true };
        found.set(intent, [{ entry, score: FALLBACK_SCORE * rel, exact: false, cue: '相似' }]);
      }
    } else if (sims.length > 0 && !found.has(sims[0]!.intent) && byIntent.has(sims[0]!.intent) && ALTERNATIVE_SCORE > 0) {
      // Phrases matched, but the classifier's favourite is another intent: offer it low down.
      const intent = sims[0]!.intent;
      const entry: TriggerEntry = { key: '', grams: [], holders: new Map([[intent, NO_SLOTS]]), lastSlot: -1, live: true };
      found.set(intent, [{ entry, score: ALTERNATIVE_SCORE, exact: false, cue: '相似' }]);
    }
    const out: IntentEvidence[] = [];
    for (const [intent, hits] of found) {
      hits.sort((a, b) => b.score - a.score);
      const best = hits[0]!;
      let extra = 0;
      for (let i = 1; i < hits.length && extra < 3; i++) {
        const h = hits[i]!;
        if (h.score < 0.5) break;
        if (best.entry.key.includes(h.entry.key) || h.entry.key.includes(best.entry.key)) continue;
        extra++;
      }
      const raw = best.score + 0.07 * extra + SIMILARITY_BLEND * (relative.get(intent) ?? 0) * topSim;
      const factor = intentPrior(intent) * stageFactor(intent, stage);
      out.push({ intent, hits, raw, factor, score: raw * factor });
    }
    out.sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
    return out;
  }

  /** Best scripts of one intent for one clause, best first. */
  function scriptsOf(ev: IntentEvidence, weighted: Array<[string, number]>, limit: number, usage: ReturnType<typeof usageTable>, now: number): Candidate[] {
    const intentSize = byIntent.get(ev.intent)?.size ?? 1;
    const own = new Map<number, { value: number; keys: string[] }>();
    let cued = false;
    for (const hit of ev.hits) {
      if (hit.cue) cued = true;
      const holders = ev.intent ? hit.entry.holders.get(ev.intent) : undefined;
      if (!holders || holders.length === 0) continue;
      // A phrase carried by every script of the intent says nothing about which one to pick.
      const n = holders.length - (holders.includes(KNOWLEDGE_SLOT) ? 1 : 0);
      if (n === 0) continue;
      const distinct = n <= 1 || intentSize <= 1 ? 1 : 1 - (n - 1) / (intentSize - 1);
      const value = hit.score * distinct;
      for (const slot of holders) {
        const row = own.get(slot);
        if (!row) own.set(slot, { value, keys: [hit.entry.key] });
        else {
          if (value > row.value) row.value = value;
          if (row.keys.length < 4) row.keys.push(hit.entry.key);
        }
      }
    }
    const offerAll = (set: Set<number> | undefined) => {
      for (const slot of set ?? []) if (!own.has(slot)) own.set(slot, { value: 0, keys: [] });
    };
    // Scripts without phrases of their own: all of a small intent; of a large one (a 5,000-phrase
    // import), those whose text shares a telling word with the message, plus the first by file order below.
    const bare = triggerless.get(ev.intent);
    if (bare && bare.size <= TRIGGERLESS_ALL) offerAll(bare);
    else if (bare) offerAll(textFit.candidates(weighted, bare));
    // A cue names no script, and one matched phrase often names just one: offer a few of the
    // intent's scripts (first by library order) so the rep has a choice of tone, without turning
    // every script of a large intent into a candidate.
    if ((cued || own.size < MIN_CHOICES) && own.size < limit) {
      const first: Stored[] = [];
      for (const slot of byIntent.get(ev.intent) ?? []) {
        const stored = slots[slot];
        if (!stored || own.has(slot)) continue;
        let at = first.length;
        while (at > 0 && libraryOrder(stored, first[at - 1]!) < 0) at--;
        if (at < limit) {
          first.splice(at, 0, stored);
          if (first.length > limit) first.pop();
        }
      }
      for (const stored of first) own.set(stored.slot, { value: 0, keys: [] });
    }
    if (usage) {
      for (const id of usage.keys()) {
        const stored = scripts.get(id);
        if (stored && stored.script.intent === ev.intent && !own.has(stored.slot)) own.set(stored.slot, { value: 0, keys: [] });
      }
    }
    const best = ev.hits[0]!.score;
    const rows: Candidate[] = [];
    for (const [slot, row] of own) {
      const stored = slots[slot];
      if (!stored) continue;
      const u = usageBonus(usage?.get(stored.script.id), now);
      const repScript = isRepScript(stored.script);
      const carried = repScript ? best : row.value;
      const fit = TEXT_FIT_WEIGHT * textFit.fit(weighted, slot) + (repScript ? REP_PREFERENCE : 0);
      const score = (ev.score * (0.9 + 0.1 * Math.min(1, carried / best)) + fit + u) * timeOfDayFit(stored.script.title, now);
      rows.push({ stored, intent: ev, score, ownKeys: row.keys, usage: u, rank: 0 });
    }
    rows.sort((a, b) => b.score - a.score || libraryOrder(a.stored, b.stored));
    return rows.slice(0, limit);
  }

  interface ClauseEvidence {
    clause: Clause;
    text: string;
    intents: IntentEvidence[];
    question: boolean;
  }

  function clauseEvidence(clause: Clause, text: string, followedUp: boolean, stage: Stage | undefined): ClauseEvidence | undefined {
    if (text.length === 0) return undefined;
    const intents = intentsFor(text, stage);
    if (intents.length === 0) return undefined;
    return { clause, text, intents, question: followedUp || clause.askedWithMark || QUESTION.test(text) };
  }

  /**
   * The clauses of one message usually share a topic: 默认好评了，还能改成带图的吗 is about the
   * review, not an order change. An intent that clearly leads another clause gets a little more here.
   */
  function prime(all: ClauseEvidence[]): void {
    if (all.length < 2) return;
    const leads = all.map((e) => (e.intents[0]!.raw >= 0.6 ? e.intents[0]!.intent : undefined));
    all.forEach((e, k) => {
      const others = new Set(leads.filter((intent, j) => j !== k && intent !== undefined));
      if (others.size === 0) return;
      let changed = false;
      for (const ev of e.intents) {
        if (!others.has(ev.intent)) continue;
        ev.score += PRIMING * ev.factor;
        changed = true;
      }
      if (changed) e.intents.sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
    });
  }

  function picksOf(ev: ClauseEvidence, top: number, usage: ReturnType<typeof usageTable>, now: number) {
    const { clause, text, intents, question } = ev;
    const lead = intents[0]!.score;
    const considered = intents.filter((ev, i) => i < Math.max(top, 3) + 2 && ev.score >= 0.2 * lead);
    const weighted = textFit.weigh(text); // the clause's word pairs and their weights, once for all intents
    const queues = considered.map((ev) => scriptsOf(ev, weighted, top, usage, now));
    const picks: Candidate[] = [];
    const taken = new Set<Stored>();
    // Round 1: the best script of each plausible intent (at most three), strongest first.
    let rank = 0;
    for (let i = 0; i < queues.length && i < 3; i++) {
      if (considered[i]!.score < AMBIGUITY_RATIO * lead) break;
      const first = queues[i]![0];
      if (first) {
        first.rank = rank++;
        picks.push(first);
        taken.add(first.stored);
      }
    }
    // Then everything else by score, as many as can be shown. (A script has one intent, so the
    // queues never share a script; candidates are fresh objects, ranked in place.)
    const rest: Candidate[] = [];
    for (const queue of queues) for (const p of queue) if (!taken.has(p.stored)) rest.push(p);
    rest.sort((a, b) => b.score - a.score);
    for (const p of rest) {
      if (picks.length >= top) break;
      p.rank = rank++;
      picks.push(p);
    }
    return { clause, text, intents, picks, lead, question };
  }

  function explainPick(p: Pick, stage: Stage | undefined): string[] {
    const lines: string[] = [];
    if (p.multiClause) lines.push(`分句「${p.clause.raw}」`);
    const ev = p.intent;
    lines.push(`意图 ${intentLabel(ev.intent)}（${ev.intent}）证据 ${ev.raw.toFixed(2)} × 权重 ${ev.factor.toFixed(2)} = ${ev.score.toFixed(2)}`);
    const shown = ev.hits.slice(0, 3).map((h) => `「${h.entry.key}」${h.cue ? `句式（${h.cue}）` : h.exact ? '命中' : '部分命中'} ${h.score.toFixed(2)}`);
    lines.push(`触发词：${shown.join('，')}${ev.hits.length > 3 ? ` 等 ${ev.hits.length} 个` : ''}`);
    if (stage && stageFactor(ev.intent, stage) !== 1) lines.push(`会话阶段 ${stage} 加权 ×${stageFactor(ev.intent, stage)}`);
    if (intentPrior(ev.intent) !== 1) lines.push(`意图先验 ×${intentPrior(ev.intent)}`);
    if (p.ownKeys.length > 0) lines.push(`本话术的触发词：${p.ownKeys.map((k) => `「${k}」`).join('')}`);
    else lines.push('本话术没有命中自己的触发词，按意图推荐');
    if (p.usage > 0) lines.push(`常用加分 +${p.usage.toFixed(3)}`);
    lines.push(`最终得分 ${p.score.toFixed(3)}`);
    return lines;
  }

  function suggest(message: string, opts: SuggestOptions = {}): Suggestion[] {
    const top = Math.max(1, Math.min(50, opts.top ?? 5));
    if (typeof message !== 'string' || message.trim().length === 0) return [];
    const now = opts.now ?? Date.now();
    const usage = usageTable(opts.usage);
    const clauses = splitClauses(message).map((clause) => ({ clause, text: canonicalText(clause.raw), followedUp: false }));
    // 怎么办 after a problem asks about that problem: fold it into the clause before.
    const kept: typeof clauses = [];
    for (const c of clauses) {
      const previous = kept[kept.length - 1];
      if (previous && FOLLOW_UP.test(c.text)) previous.followedUp = true;
      else if (c.text.length > 0) kept.push(c);
    }
    const evidence = kept.map((c) => clauseEvidence(c.clause, c.text, c.followedUp, opts.stage)).filter((e): e is ClauseEvidence => e !== undefined);
    prime(evidence);
    const results = evidence.map((e) => picksOf(e, top, usage, now)).filter((r): r is NonNullable<typeof r> => r !== undefined && r.picks.length > 0);
    if (results.length === 0) return [];
    const strongest = Math.max(...results.map((r) => r.lead));
    const hasRealQuestion = results.some((r) => isBuyerQuestion(r.intents[0]!.intent));
    const ordered = results
      .filter((r) => r.lead >= 0.3 * strongest)
      .map((r) => {
        // Clearly matched clauses count alike (evidence is capped); among them a question beats a
        // statement and the latest clause comes first.
        let importance = Math.min(r.lead, 0.75) * (r.question ? 1.1 : 1) * (1 + 0.08 * r.clause.index);
        if (hasRealQuestion && SMALL_TALK.has(r.intents[0]!.intent)) importance *= 0.4;
        return { r, importance };
      })
      .sort((a, b) => b.importance - a.importance);
    const multi = ordered.length > 1;
    const out: Pick[] = [];
    const seen = new Set<string>();
    const cursors = ordered.map(() => 0);
    // Interleave clauses: best of each clause in turn, most important clause first.
    while (out.length < top) {
      let progressed = false;
      for (let k = 0; k < ordered.length && out.length < top; k++) {
        const picks = ordered[k]!.r.picks;
        while (cursors[k]! < picks.length && seen.has(picks[cursors[k]!]!.stored.script.id)) cursors[k]!++;
        const p = picks[cursors[k]!];
        if (!p) continue;
        cursors[k]!++;
        seen.add(p.stored.script.id);
        const pick = p as Pick;
        pick.clause = ordered[k]!.r.clause;
        pick.multiClause = multi;
        out.push(pick);
        progressed = true;
      }
      if (!progressed) break;
    }
    return out.map((p) => {
      const s = p.stored.script;
      const phrases = new Set([...p.ownKeys, p.intent.hits[0]!.entry.key]);
      const suggestion: Suggestion = {
        id: s.id,
        intent: s.intent,
        title: s.title,
        text: s.text,
        // Raw scores top out a little above 1 (whole-message hits, usage); report them in 0..1.
        score: Math.round(Math.min(1, p.score / 1.2) * 1000) / 1000,
        highlights: highlightPhrases(s, phrases),
      };
      if (multi) suggestion.clause = p.clause.raw;
      if (opts.explain) suggestion.explain = explainPick(p, opts.stage);
      return suggestion;
    });
  }

  return {
    suggest,
    search: (query, opts = {}) => searcher.search(query, opts),
    upsert,
    remove,
    get size() {
      return scripts.size;
    },
  };
}
