/**
 * The risky-wording scanner. One pass of a multi-pattern automaton over the
 * normalised draft finds every lexicon word; context checks (negation,
 * neighbouring words, clause edges) keep or drop each hit; a few targeted
 * regexes find phone/ID/bank numbers, addresses and contact ids; review acts
 * are paired with rewards. Findings carry offsets into the text as typed.
 */
import type { RiskFinding, RiskSeverity } from '../types';
import { CodeUnitAutomaton } from './automaton';
import { riskCategory, severityRank, type RiskCategoryId } from './categories';
import { BUILT_IN_ALLOWED } from './allow-list';
import { builtInEntries, normalizeWord, type LexiconEntry } from './lexicon';
import type { Rule } from './rule';
import { ScanContext, prepareForScan } from './scan-context';
import { IncrementalNormalizer } from './incremental-normalize';
import type { NormalizedText } from '../text/normalize';
import { findPersonalNumbers, type RawHit } from './detectors/personal-numbers';
import { extendOverContactId, findChannelIds, findWeakContactIds } from './detectors/contact-ids';
import { pairReviewRewards, type Span } from './detectors/review-pairs';
import { findSoundAlikes } from './detectors/sound-alikes';
import { learnedFindings } from './learned/second-opinion';
import CONTEXT_WORDS from './data/context-words.json';
import { wordsPattern } from './words-pattern';
import { riskModel } from './learned/model';
import { toTraditionalRewrite, writtenInTraditional } from './rewrite-script';

export interface CustomBannedWord {
  word: string;
  category: string;
  severity?: RiskSeverity;
  rewrite?: string;
}

export interface ScanOptions {
  /** Shop-specific banned words, applied on top of the built-in lexicon. */
  customBanned?: ReadonlyArray<CustomBannedWord>;
  /** Harmless phrases: any finding overlapping one is dropped. */
  allowed?: ReadonlyArray<string>;
  /** The learned layer's second opinion (learned/second-opinion.ts); default on. */
  learned?: boolean;
}

/** A finding plus how its rewrite applies (the sentence, or just the match). */
export interface ScanFinding extends RiskFinding {
  rewriteScope?: 'match' | 'sentence';
  ruleId?: string;
}

interface Entry {
  rule: Rule;
  severity?: RiskSeverity;
}

const NEGATABLE: ReadonlySet<string> = new Set(['offsite_contact', 'offsite_payment', 'review_manipulation', 'unauthorized_promise']);
// The context word lists live in data (data/context-words.json); regexes are built from them once.
const NEGATION = wordsPattern(CONTEXT_WORDS.negation);
// Also a sentence that calls the act a violation or disowns it (好评返现是违规的 / 这种活动我们没有).
const FRAUD_WARNING = wordsPattern(CONTEXT_WORDS.fraudWarning);
const ALTERNATIVE = wordsPattern(CONTEXT_WORDS.alternative);
const LATIN = /[a-z0-9]/;

// —— automata, built once for the lexicon and cached per custom list ——

let builtIn: CodeUnitAutomaton<Entry> | undefined;
function builtInAutomaton(): CodeUnitAutomaton<Entry> {
  builtIn ??= new CodeUnitAutomaton<Entry>(builtInEntries().map((e: LexiconEntry) => ({ pattern: e.pattern, data: { rule: e.rule } })));
  return builtIn;
}

let builtInAllow: CodeUnitAutomaton<null> | undefined;
function builtInAllowAutomaton(): CodeUnitAutomaton<null> {
  builtInAllow ??= new CodeUnitAutomaton(BUILT_IN_ALLOWED.map((w) => ({ pattern: normalizeWord(w), data: null })));
  return builtInAllow;
}

const customByIdentity = new WeakMap<object, CodeUnitAutomaton<Entry>>();
const customByContent = new Map<string, CodeUnitAutomaton<Entry>>();
const allowByIdentity = new WeakMap<object, CodeUnitAutomaton<null>>();
const allowByContent = new Map<string, CodeUnitAutomaton<null>>();
const CONTENT_CACHE_LIMIT = 32;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= CONTENT_CACHE_LIMIT) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

function customAutomaton(words: ReadonlyArray<CustomBannedWord>): CodeUnitAutomaton<Entry> {
  const byId = customByIdentity.get(words);
  if (byId) return byId;
  const key = JSON.stringify(words.map((w) => [w.word, w.category, w.severity ?? '', w.rewrite ?? '']));
  let automaton = customByContent.get(key);
  if (!automaton) {
    const entries: Array<{ pattern: string; data: Entry }> = [];
    for (const w of words) {
      const pattern = normalizeWord(w.word ?? '');
      if (!pattern) continue;
      const category = (riskCategory(w.category)?.id ?? 'offsite_contact') as RiskCategoryId;
      const rule: Rule = {
        id: 'custom',
        category,
        patterns: [],
        rewrite: w.rewrite,
        negatable: false,
        message: { zh: `“${w.word}”是店铺设置的禁用词。`, en: `"${w.word}" is on the shop's banned-word list.` },
      };
      entries.push({ pattern, data: { rule, severity: w.severity } });
    }
    automaton = remember(customByContent, key, new CodeUnitAutomaton(entries));
  }
  customByIdentity.set(words, automaton);
  return automaton;
}

function allowAutomaton(words: ReadonlyArray<string>): CodeUnitAutomaton<null> {
  const byId = allowByIdentity.get(words);
  if (byId) return byId;
  const key = JSON.stringify(words);
  let automaton = allowByContent.get(key);
  if (!automaton) {
    const entries = words.map((w) => ({ pattern: normalizeWord(String(w ?? '')), data: null })).filter((e) => e.pattern);
    automaton = remember(allowByContent, key, new CodeUnitAutomaton(entries));
  }
  allowByIdentity.set(words, automaton);
  return automaton;
}

// —— context checks ——

function endsWithAny(s: string, list: readonly string[] | undefined): boolean {
  return !!list && list.some((w) => s.endsWith(w));
}
function startsWithAny(s: string, list: readonly string[] | undefined): boolean {
  return !!list && list.some((w) => s.startsWith(w));
}

function isGoverned(ctx: ScanContext, start: number, end: number): boolean {
  if (NEGATION.test(ctx.before(start, 10))) return true;
  // Windows stay bounded so a huge paste without punctuation still scans in linear time.
  return FRAUD_WARNING.test(ctx.beforeInSentence(start, 30) + ctx.text.slice(start, end) + ctx.afterInSentence(end, 30));
}

const ALTERNATIVE_WINDOW = 80;
function hasAlternative(ctx: ScanContext, start: number, end: number): boolean {
  return ALTERNATIVE.test(ctx.text.slice(Math.max(0, start - ALTERNATIVE_WINDOW), start)) || ALTERNATIVE.test(ctx.text.slice(end, end + ALTERNATIVE_WINDOW));
}

/**
 * For each position p, the furthest end among ranges starting at or before p
 * (-1 when none). Answers "is [s,e) inside / overlapping any range" in O(1).
 */
function furthestEnds(ranges: ReadonlyArray<{ start: number; end: number }>, length: number): Int32Array {
  const reach = new Int32Array(length + 1).fill(-1);
  for (const r of ranges) if (r.start <= length && r.end > reach[r.start]!) reach[r.start] = r.end;
  for (let i = 1; i <= length; i++) if (reach[i - 1]! > reach[i]!) reach[i] = reach[i - 1]!;
  return reach;
}
function insideAny(reach: Int32Array, start: number, end: number): boolean {
  return reach[start]! >= end;
}
function overlapsAny(reach: Int32Array, start: number, end: number): boolean {
  return reach[Math.max(start, end - 1)]! > start;
}

function keepHit(ctx: ScanContext, rule: Rule, pattern: string, start: number, end: number): boolean {
  const text = ctx.text;
  // Latin words need Latin boundaries (sb is not in usb), unless noise separated them.
  if (LATIN.test(pattern[0]!) && start > 0 && /[a-z]/.test(text[start - 1]!) && ctx.gapBefore(start) === '') return false;
  if (!rule.rightOpen && /[a-z]/.test(pattern[pattern.length - 1]!) && end < text.length && /[a-z]/.test(text[end]!) && ctx.gapBefore(end) === '') return false;
  if (rule.notBefore && endsWithAny(ctx.before(start, 6), rule.notBefore)) return false;
  if (rule.notAfter && startsWithAny(ctx.after(end, 6), rule.notAfter)) return false;
  if (rule.clauseStart && !ctx.startsClause(start)) return false;
  if (rule.clauseEnd && !ctx.endsClause(end)) return false;
  const negatable = rule.negatable ?? NEGATABLE.has(rule.category);
  if (negatable && isGoverned(ctx, start, end)) return false;
  if (rule.unlessAlternative && hasAlternative(ctx, start, end)) return false;
  if (rule.check && !rule.check(ctx, start, end)) return false;
  return true;
}

interface Candidate extends RawHit {
  severity?: RiskSeverity;
  custom?: boolean;
}

const DIGIT = /[0-9]/;

/**
 * Widen [start, end) so it never cuts a number in half (V我5|0 → V我50): a
 * span that begins or ends inside a digit run takes the whole run.
 */
export function snapToNumberEdges(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  if (e > s && DIGIT.test(text[e - 1] ?? '')) while (e < text.length && DIGIT.test(text[e]!)) e++;
  if (e > s && DIGIT.test(text[s] ?? '')) while (s > 0 && DIGIT.test(text[s - 1]!)) s--;
  return [s, e];
}

/** Take in a lead-in word (保证/绝对…) typed directly before the match, same clause. */
function withLeadIn(ctx: ScanContext, rule: Rule, start: number): number {
  if (!rule.leadIn) return start;
  const before = ctx.before(start, 4);
  let best = 0;
  for (const w of rule.leadIn) if (w.length > best && before.endsWith(w)) best = w.length;
  return start - best;
}

function collect(ctx: ScanContext, automaton: CodeUnitAutomaton<Entry>, out: Candidate[], acts: Span[], rewards: Span[]): void {
  for (const hit of automaton.search(ctx.text)) {
    const { rule, severity } = hit.data;
    const pattern = ctx.text.slice(hit.start, hit.end);
    if (!keepHit(ctx, rule, pattern, hit.start, hit.end)) continue;
    if (rule.cue === 'review_act') acts.push({ start: hit.start, end: hit.end });
    else if (rule.cue === 'reward') rewards.push({ start: hit.start, end: hit.end });
    else {
      const [start, end] = snapToNumberEdges(ctx.text, withLeadIn(ctx, rule, hit.start), hit.end);
      out.push({
        category: rule.category,
        start,
        end,
        ruleId: rule.id,
        rewrite: rule.rewriteFor?.(ctx, start, end) ?? rule.rewrite,
        rewriteScope: rule.rewriteScope,
        message: rule.message,
        severity,
        custom: rule.id === 'custom',
      });
    }
  }
}

function toFinding(ctx: ScanContext, c: Candidate): ScanFinding {
  const category = riskCategory(c.category)!;
  const [start, end] = ctx.toOriginal(c.start, c.end);
  const finding: ScanFinding = {
    category: c.category,
    severity: c.severity ?? category.severity,
    start,
    end,
    match: ctx.original.slice(start, end),
    message: c.message ?? category.message,
    ruleId: c.ruleId,
  };
  if (c.rewrite !== undefined) {
    finding.rewrite = c.rewrite;
    finding.rewriteScope = c.rewriteScope ?? 'match';
  }
  return finding;
}

/** Merge overlapping findings of one category; the widest keeps its message and rewrite. */
function mergeSameCategory(ctx: ScanContext, findings: ScanFinding[]): ScanFinding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const open = new Map<string, ScanFinding>();
  const out: ScanFinding[] = [];
  for (const f of findings) {
    const prev = open.get(f.category);
    if (prev && f.start < prev.end) {
      if (severityRank(f.severity) > severityRank(prev.severity)) prev.severity = f.severity;
      if (f.end > prev.end) {
        // Keep the rewrite meaningful for the widened range.
        if (prev.rewrite !== undefined && prev.rewriteScope !== 'sentence') {
          prev.rewrite = prev.rewrite + ctx.original.slice(prev.end, f.end);
        }
        prev.end = f.end;
        prev.match = ctx.original.slice(prev.start, prev.end);
      }
      if (prev.rewrite === undefined && f.rewrite !== undefined && f.start === prev.start && f.end === prev.end) {
        prev.rewrite = f.rewrite;
        prev.rewriteScope = f.rewriteScope;
      }
      continue;
    }
    open.set(f.category, f);
    out.push(f);
  }
  return out;
}

export function scanText(text: string, options: ScanOptions = {}): ScanFinding[] {
  return scanPrepared(text, options);
}

function scanPrepared(text: string, options: ScanOptions, norm?: NormalizedText): ScanFinding[] {
  const found = scanWithLearned(text, options, norm);
  // A draft typed in Traditional gets its rewrites in Traditional.
  if (found.length === 0 || !writtenInTraditional(text)) return found;
  for (const f of found) if (f.rewrite) f.rewrite = toTraditionalRewrite(f.rewrite);
  return found;
}

function scanWithLearned(text: string, options: ScanOptions, norm?: NormalizedText): ScanFinding[] {
  const ruled = scanRules(text, options, norm);
  if (options.learned === false || typeof text !== 'string' || text.trim().length === 0) return ruled;
  const extra = learnedFindings(riskModel(), text, ruled).filter((f) => !options.allowed?.some((w) => w && f.match.includes(w)));
  if (extra.length === 0) return ruled;
  // As among the rules' findings: a style tip inside a real finding is noise.
  const reach = furthestEnds(extra, text.length);
  return [...ruled.filter((f) => f.severity !== 'tip' || !overlapsAny(reach, f.start, f.end)), ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
}

function scanRules(text: string, options: ScanOptions, norm?: NormalizedText): ScanFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const ctx = new ScanContext(text, norm);
  if (ctx.text.length === 0) return [];

  const candidates: Candidate[] = [];
  const acts: Span[] = [];
  const rewards: Span[] = [];
  collect(ctx, builtInAutomaton(), candidates, acts, rewards);
  if (options.customBanned?.length) collect(ctx, customAutomaton(options.customBanned), candidates, acts, rewards);
  for (const hit of pairReviewRewards(ctx, acts, rewards)) {
    if (!isGoverned(ctx, hit.start, hit.end)) candidates.push(hit);
  }
  for (const hit of findPersonalNumbers(ctx)) {
    if (hit.category === 'offsite_contact' || hit.category === 'offsite_payment') {
      if (isGoverned(ctx, hit.start, hit.end)) continue;
    }
    candidates.push(hit);
  }
  for (const hit of findWeakContactIds(ctx)) if (!isGoverned(ctx, hit.start, hit.end)) candidates.push(hit);
  for (const hit of findSoundAlikes(ctx)) if (!isGoverned(ctx, hit.start, hit.end)) candidates.push(hit);
  for (const hit of findChannelIds(ctx)) if (!isGoverned(ctx, hit.start, hit.end)) candidates.push(hit);
  if (candidates.length === 0) return [];

  // Contact cues swallow the id typed after them (微信号xiaoli → the whole thing).
  for (const c of candidates) {
    if (c.category === 'offsite_contact' && !c.custom) c.end = extendOverContactId(ctx, c.end);
  }

  // Harmless phrases: built-in ones hide findings inside them, the shop's hide any overlap.
  // Custom banned words are the shop's own choice and only yield to the shop's allow-list.
  const n = ctx.text.length;
  const builtInSafe = furthestEnds(builtInAllowAutomaton().search(ctx.text), n);
  const shopSafe = options.allowed?.length ? furthestEnds(allowAutomaton(options.allowed).search(ctx.text), n) : undefined;
  const kept = candidates.filter((c) => (c.custom || !insideAny(builtInSafe, c.start, c.end)) && !(shopSafe && overlapsAny(shopSafe, c.start, c.end)));

  let findings = mergeSameCategory(
    ctx,
    kept.map((c) => toFinding(ctx, c)),
  );
  // A style tip inside a real finding is noise: fixing the finding fixes the wording.
  const serious = findings.filter((f) => f.severity !== 'tip');
  if (serious.length > 0 && serious.length < findings.length) {
    const seriousReach = furthestEnds(serious, text.length);
    findings = findings.filter((f) => f.severity !== 'tip' || !overlapsAny(seriousReach, f.start, f.end));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return findings;
}

export interface Scanner {
  scan(text: string): ScanFinding[];
}

/** A scanner bound to one set of options, for scanning on every keystroke. */
export function createScanner(options: ScanOptions = {}): Scanner {
  // Build (and cache) the automata now, not on the first keystroke.
  builtInAutomaton();
  builtInAllowAutomaton();
  if (options.customBanned?.length) customAutomaton(options.customBanned);
  if (options.allowed?.length) allowAutomaton(options.allowed);
  // Typing grows the draft at the end: normalise only what was added, and
  // answer a repeated scan of the same text from the last result.
  const normalizer = new IncrementalNormalizer();
  let lastText: string | undefined;
  let lastFindings: ScanFinding[] = [];
  return {
    scan(text: string): ScanFinding[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      if (text !== lastText) {
        lastFindings = scanPrepared(text, options, normalizer.normalize(prepareForScan(text)));
        lastText = text;
      }
      // Copies, so a caller editing a finding cannot change the next answer.
      return lastFindings.map((f) => ({ ...f }));
    },
  };
}
