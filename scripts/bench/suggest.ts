/**
 * Suggestion matcher benchmark: latency per buyer message (p50/p95) for libraries of 150, 1,000,
 * 5,000 and 20,000 scripts, index build time and heap, one-script upsert time, and the same
 * queries through a naive baseline (fuse.js over title+text, ignoreLocation, no prefilter).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { round, timeEach } from '../../lib/bench/stats.ts';
import { clearCanonicalCache } from '../../lib/suggest/canonical.ts';
import { createMatcher } from '../../lib/suggest/matcher.ts';
import { defaultBuyerKnowledge } from '../../lib/suggest/default-knowledge.ts';
import type { ReplyScript } from '../../lib/types.ts';
import { QUALITY_CASES } from '../../tests/unit/suggest-quality.cases.ts';
import type { BenchModule } from '../bench.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const base = JSON.parse(readFileSync(join(root, 'assets', 'library', 'default-library.json'), 'utf8')) as ReplyScript[];
const devMessages = readFileSync(join(root, '..', 'shared', 'dev-data', 'buyer-messages.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const queries = [...devMessages, ...QUALITY_CASES.map((c) => c.text)];

// Deterministic pseudo-random numbers so every run grows the same library.
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const SHOPS = ['花语旗舰店', '小鹿家居', '木子服饰', '晨光数码', '优品母婴', '山野茶铺', '喵星宠物', '清风户外'];
const PRODUCTS = ['保温杯', '连衣裙', '蓝牙耳机', '婴儿湿巾', '登山鞋', '猫粮', '床上四件套', '充电宝', '羽绒服', '茶叶礼盒', '儿童书包', '空气炸锅'];
const OPENERS = ['', '亲，', '您好，', '亲爱的顾客，', '宝子，'];
const CLOSERS = ['', '～', '，祝您购物愉快！', '，有问题随时找我哦～', '，感谢您的支持！'];
const SYNONYMS: Array<[string, string]> = [
  ['商品', '宝贝'],
  ['尽快', '第一时间'],
  ['麻烦您', '辛苦您'],
  ['非常抱歉', '真的很抱歉'],
  ['快递', '物流'],
  ['可以', '能够'],
];

/**
 * Grow the default library to `size` scripts with realistic variations (shop wording, products,
 * synonyms): the defaults first, then variants with up to 8 inherited trigger phrases plus 3
 * product-specific ones.
 */
export function growLibrary(size: number): ReplyScript[] {
  if (size <= base.length) return base.slice(0, size);
  const next = rng(size);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out = base.slice();
  for (let i = out.length; i < size; i++) {
    const b = base[i % base.length]!;
    const product = pick(PRODUCTS);
    let text = `${pick(OPENERS)}${b.text.replace(/\{商品\}/g, product)}${pick(CLOSERS)}`;
    const [from, to] = pick(SYNONYMS);
    if (next() < 0.5) text = text.replace(from, to);
    // A rep's own or imported scripts carry a few trigger phrases (千牛/咚咚 exports carry none);
    // only the 172 defaults carry dozens. Keep up to 8 of the base script's phrases.
    const keep = b.triggers.filter(() => next() < 0.7).slice(0, 8);
    const own = b.triggers.slice(0, 3).map((t) => `${product}${t}`);
    out.push({
      ...b,
      id: `${b.id}-v${i}`,
      title: `${b.title}（${pick(SHOPS)}·${product}）`,
      text,
      triggers: [...keep, ...own],
      code: undefined,
      source: 'user',
      order: i,
    });
  }
  return out;
}

// A collectable heap figure needs gc(); expose it for this process without extra node flags.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

const bench: BenchModule = {
  key: 'suggest',
  async run(log) {
    const results: Record<string, Record<string, number>> = {};
    log(`queries: ${queries.length} (dev ${devMessages.length} + own ${QUALITY_CASES.length})`);
    for (const size of [150, 1000, 5000, 20000]) {
      const library = growLibrary(size);
      clearCanonicalCache();
      const heapBefore = heapMb();
      const t0 = performance.now();
      // As the extension builds it: the library plus Huashu's knowledge of how buyers ask.
      const matcher = createMatcher(library, { knowledge: defaultBuyerKnowledge() });
      const buildMs = performance.now() - t0;
      const heapAfter = heapMb();
      const fast = timeEach(queries, (q) => matcher.suggest(q, { top: 5 }));

      // Upsert: add new scripts and replace existing ones, one at a time, on the built index.
      const upserts = library.slice(0, 200).map((s, i) => ({ ...s, id: i % 2 ? s.id : `${s.id}-new${i}`, triggers: [...s.triggers, `新词${i}`] }));
      const up = timeEach(upserts, (s) => matcher.upsert(s), 1);

      const fuse = new Fuse(library, { keys: ['title', 'text'], ignoreLocation: true, threshold: 0.4 });
      // The baseline is slow; sample every k-th query so the run stays in minutes.
      const step = size >= 20000 ? 12 : size >= 5000 ? 4 : 1;
      const baselineQueries = queries.filter((_, i) => i % step === 0);
      const slow = timeEach(baselineQueries, (q) => fuse.search(q, { limit: 5 }), 1);

      const row = {
        p50_ms: round(fast.p50, 4),
        p95_ms: round(fast.p95, 4),
        baseline_p50_ms: round(slow.p50, 3),
        baseline_p95_ms: round(slow.p95, 3),
        speedup: round(slow.p95 / Math.max(fast.p95, 1e-6), 1),
        build_ms: round(buildMs, 1),
        heap_mb: round(Math.max(0, heapAfter - heapBefore), 1),
        upsert_ms: round(up.p50, 4),
        upsert_p95_ms: round(up.p95, 4),
      };
      results[String(size)] = row;
      log(
        `${String(size).padStart(6)} scripts: p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms | baseline fuse p95 ${row.baseline_p95_ms} ms (×${row.speedup}) | build ${row.build_ms} ms, heap +${row.heap_mb} MB | upsert p50 ${row.upsert_ms} ms`,
      );
    }
    // A rep's own import: 5,000 phrases without triggers, every one a candidate of its intent.
    {
      const imported = growLibrary(5000).map((s, i) => ({ ...s, id: `imp-${i}`, triggers: [], source: 'import' as const, order: i }));
      const t0 = performance.now();
      const matcher = createMatcher(imported, { knowledge: defaultBuyerKnowledge() });
      const buildMs = performance.now() - t0;
      const fast = timeEach(queries, (q) => matcher.suggest(q, { top: 5 }));
      const fuse = new Fuse(imported, { keys: ['title', 'text'], ignoreLocation: true, threshold: 0.4 });
      const slow = timeEach(
        queries.filter((_, i) => i % 4 === 0),
        (q) => fuse.search(q, { limit: 5 }),
        1,
      );
      const row = {
        p50_ms: round(fast.p50, 4),
        p95_ms: round(fast.p95, 4),
        baseline_p95_ms: round(slow.p95, 3),
        speedup: round(slow.p95 / Math.max(fast.p95, 1e-6), 1),
        build_ms: round(buildMs, 1),
      };
      results['5000-imported'] = row;
      log(
        `  5000 imported (no triggers): p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms | baseline fuse p95 ${row.baseline_p95_ms} ms (×${row.speedup}) | build ${row.build_ms} ms`,
      );
    }
    return results;
  },
};

export default bench;
