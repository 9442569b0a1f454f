/**
 * The sidebar search box: Chinese substring, pinyin (fahuo) and pinyin initials (fh) of titles,
 * shortcut codes, then fuse.js for typos when exact ways find too little. Pinyin forms are
 * computed lazily per script and dropped when the script changes.
 */
import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { ReplyScript, Suggestion } from '../types.ts';
import { canonicalText } from './canonical.ts';
import { usageBonus, usageTable, type UsageInput } from './frecency.ts';
import { highlightPhrases } from './highlights.ts';

interface Searchable {
  script: ReplyScript;
  /** The script's canonical trigger phrases. */
  entries: ReadonlyArray<{ key: string }>;
}

interface PinyinForms {
  initials: string;
  full: string;
  /** Start index in the title of each pinyin syllable, when the title is aligned one-to-one. */
  aligned: boolean;
}

type Range = NonNullable<Suggestion['highlights']>[number];

const LATIN_QUERY = /^[a-z0-9]+$/;

export function createSearcher(all: () => Iterable<Searchable>) {
  const pinyinCache = new Map<string, PinyinForms>();
  const titleCache = new Map<string, string>();
  let fuse: Fuse<{ id: string; title: string; triggers: string }> | undefined;

  function pinyinOf(script: ReplyScript): PinyinForms {
    let forms = pinyinCache.get(script.id);
    if (!forms) {
      const initials = pinyin(script.title, { pattern: 'first', toneType: 'none', type: 'array' }) as string[];
      const full = pinyin(script.title, { toneType: 'none', type: 'array' }) as string[];
      forms = {
        initials: initials.join('').toLowerCase(),
        full: full.join('').toLowerCase(),
        aligned: initials.length === script.title.length,
      };
      pinyinCache.set(script.id, forms);
    }
    return forms;
  }

  function titleOf(script: ReplyScript): string {
    let t = titleCache.get(script.id);
    if (t === undefined) {
      t = canonicalText(script.title);
      titleCache.set(script.id, t);
    }
    return t;
  }

  function invalidate(id: string) {
    pinyinCache.delete(id);
    titleCache.delete(id);
    fuse = undefined;
  }

  function search(query: string, opts: { top?: number; usage?: UsageInput; now?: number } = {}): Suggestion[] {
    const top = Math.max(1, Math.min(100, opts.top ?? 10));
    const raw = (query ?? '').trim().slice(0, 64);
    if (!raw) return [];
    const ascii = raw.toLowerCase().replace(/^\//, '').replace(/\s+/g, '');
    const q = canonicalText(raw);
    if (!q && !ascii) return [];
    const latin = LATIN_QUERY.test(ascii);
    const usage = usageTable(opts.usage);
    const now = opts.now ?? Date.now();
    const hits: Array<{ s: Searchable; score: number; ranges: Range[] }> = [];
    for (const s of all()) {
      const script = s.script;
      let score = 0;
      let ranges: Range[] = [];
      const code = script.code?.toLowerCase();
      if (code && latin) {
        if (code === ascii) score = 1;
        else if (code.startsWith(ascii)) score = 0.92;
      }
      if (q) {
        const title = titleOf(script);
        if (title.includes(q)) score = Math.max(score, title.startsWith(q) ? 0.9 : 0.85);
        else if (s.entries.some((e) => e.key === q)) score = Math.max(score, 0.78);
        else if (s.entries.some((e) => e.key.includes(q))) score = Math.max(score, 0.72);
        else if (script.text.includes(raw) || script.text.includes(q)) score = Math.max(score, 0.6);
        if (score > 0 && q.length >= 1) ranges = highlightPhrases(script, q.length >= 2 ? [q] : []);
      }
      if (latin && ascii.length >= 2) {
        const py = pinyinOf(script);
        let at = -1;
        if (py.initials.startsWith(ascii)) {
          score = Math.max(score, 0.8);
          at = 0;
        } else if (py.initials.includes(ascii)) {
          score = Math.max(score, 0.7);
          at = py.initials.indexOf(ascii);
        } else if (py.full.includes(ascii)) score = Math.max(score, py.full.startsWith(ascii) ? 0.76 : 0.7);
        if (at >= 0 && py.aligned) ranges = [{ field: 'title', start: at, end: at + ascii.length }];
      }
      if (score > 0) hits.push({ s, score: score + usageBonus(usage?.get(script.id), now), ranges });
    }
    // Typos and loose word order: fuse.js over short fields, only when exact ways found little.
    if (hits.length < top && q.length >= 2 && q.length <= 32) {
      if (!fuse) {
        const docs = [...all()].map((s) => ({ id: s.script.id, title: s.script.title, triggers: s.entries.map((e) => e.key).join(' ') }));
        fuse = new Fuse(docs, { keys: [{ name: 'title', weight: 2 }, 'triggers'], includeScore: true, threshold: 0.4, ignoreLocation: true });
      }
      const have = new Set(hits.map((h) => h.s.script.id));
      const byId = new Map([...all()].map((s) => [s.script.id, s]));
      for (const r of fuse.search(q, { limit: top * 2 })) {
        if (have.has(r.item.id)) continue;
        const s = byId.get(r.item.id);
        if (s) hits.push({ s, score: 0.5 * (1 - (r.score ?? 1)), ranges: [] });
      }
    }
    hits.sort((a, b) => b.score - a.score || (a.s.script.order ?? 1e9) - (b.s.script.order ?? 1e9) || a.s.script.id.localeCompare(b.s.script.id));
    return hits.slice(0, top).map(({ s, score, ranges }) => ({
      id: s.script.id,
      intent: s.script.intent,
      title: s.script.title,
      text: s.script.text,
      score: Math.round(score * 1000) / 1000,
      highlights: ranges,
    }));
  }

  return { search, invalidate };
}
