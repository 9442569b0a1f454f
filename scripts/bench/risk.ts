/**
 * Risk scanner speed: scan p50/p95 for drafts of 20, 200 and 2,000 characters
 * with the full lexicon, against a naive baseline in the same run (normalise,
 * then test every lexicon pattern with includes()), plus the per-keystroke
 * cost (scanning a draft as it grows one character at a time, through
 * createScanner().scan, which reuses the previous normalisation, and through
 * a fresh scanText for comparison). For reference it also times
 * modern-ahocorasick over the same patterns. Each input is timed over
 * ROUNDS rounds and its median kept, over ≥ 200 different drafts per size.
 */
import AhoCorasick from 'modern-ahocorasick';
import type { BenchModule } from '../bench';
import { round, timeEach } from '../../lib/bench/stats';
import { createScanner, scanText } from '../../lib/risk/scanner';
import { builtInEntries } from '../../lib/risk/lexicon';
import { normalize } from '../../lib/text/normalize';
import { statSync } from 'node:fs';
import { riskModel } from '../../lib/risk/learned/model';
import { riskFeatures } from '../../lib/risk/learned/features';
import { sentencesOf } from '../../lib/risk/learned/second-opinion';

const SENTENCES = [
  '您好，很高兴为您服务，请问有什么可以帮您？',
  '这款是纯棉的，透气性很好，建议您选择M码。',
  '我们会第一时间为您处理，请您稍等一下哦~',
  '亲，物流显示已经到站点了，快递小哥会尽快派送。',
  '非常抱歉让您久等了，我这边马上帮您查一下。',
  '满意的话麻烦给个好评，谢谢您的支持！',
  '订单号1234567890123456789，已经为您备注加急。',
  '一定程度上会有色差，以实物为准哦。',
  '加我微信聊，给您发实拍图。',
  '五星好评返5元红包哦。',
  '这不是我们的责任，你去找快递吧。',
  '全网最低价，效果绝对好。',
  '有问题打我电话13800138000。',
  '您必须先拍照，详情页不是写了吗？',
  '这款最近卖得很好，最新款已经上架了。',
  '支持微信支付和支付宝，下单后48小时内发货。',
];

const ROUNDS = 7;

function draft(length: number, seed: number): string {
  // xorshift32, reading high bits: an LCG's low bits cycle every 16 steps,
  // which made every "different" draft one of 16.
  let x = (seed * 2654435761) >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  let s = '';
  while (s.length < length + 40) s += SENTENCES[(next() >>> 8) % SENTENCES.length];
  const from = (next() >>> 8) % 30;
  return s.slice(from, from + length);
}

const bench: BenchModule = {
  key: 'risk',
  async run(log) {
    const scanner = createScanner();
    const patterns = [...new Set(builtInEntries().map((e) => e.pattern))];
    const library = new AhoCorasick(patterns);
    const naive = (text: string) => {
      const norm = normalize(text, { dropNoise: true }).text;
      let hits = 0;
      for (const p of patterns) if (norm.includes(p)) hits++;
      return hits;
    };
    const viaLibrary = (text: string) => library.search(normalize(text, { dropNoise: true }).text).length;
    log(`lexicon: ${patterns.length} patterns`);

    const result: Record<string, unknown> = { patterns: patterns.length };
    for (const size of [20, 200, 2000]) {
      const count = size >= 2000 ? 200 : 300;
      const drafts = Array.from({ length: count }, (_, i) => draft(size, i + 1));
      const distinct = new Set(drafts).size;
      const ours = timeEach(drafts, (t) => scanner.scan(t), ROUNDS);
      const base = timeEach(drafts, naive, ROUNDS);
      const lib = timeEach(drafts, viaLibrary, ROUNDS);
      const normOnly = timeEach(drafts, (t) => normalize(t, { dropNoise: true }), ROUNDS);
      const figures = {
        drafts: count,
        distinct,
        rounds: ROUNDS,
        p50_ms: round(ours.p50, 4),
        p95_ms: round(ours.p95, 4),
        baseline_p95_ms: round(base.p95, 4),
        speedup: round(base.p95 / Math.max(ours.p95, 1e-6), 1),
        modern_ahocorasick_p95_ms: round(lib.p95, 4),
        normalize_only_p50_ms: round(normOnly.p50, 4),
      };
      result[String(size)] = figures;
      log(
        `${size} chars (${distinct} distinct drafts × ${ROUNDS} rounds): p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms | naive includes() p95 ${figures.baseline_p95_ms} ms (×${figures.speedup}) | shared normalize() alone p50 ${figures.normalize_only_p50_ms} ms | normalise+modern-ahocorasick p95 ${figures.modern_ahocorasick_p95_ms} ms`,
      );
    }

    // Per keystroke: a 200-character draft typed one character at a time.
    const typed = draft(200, 7);
    const prefixes = Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1));
    // Each typing session gets its own scanner, as each chat box does.
    const typing = createScanner();
    const keystroke = timeEach(prefixes, (t) => typing.scan(t), ROUNDS);
    const keystrokeFull = timeEach(prefixes, (t) => scanText(t), ROUNDS);
    const keystrokeBase = timeEach(prefixes, naive, ROUNDS);
    result.keystroke_p95_ms = round(keystroke.p95, 4);
    result.keystroke_p50_ms = round(keystroke.p50, 4);
    result.keystroke_full_rescan_p95_ms = round(keystrokeFull.p95, 4);
    result.keystroke_baseline_p95_ms = round(keystrokeBase.p95, 4);
    log(
      `keystroke (growing 200-char draft): p50 ${result.keystroke_p50_ms} ms, p95 ${result.keystroke_p95_ms} ms | fresh scanText each key p95 ${result.keystroke_full_rescan_p95_ms} ms | naive p95 ${result.keystroke_baseline_p95_ms} ms`,
    );

    // The learned layer's own cost, uncached: every sentence of the 200-character drafts, once each
    // (the scanner caches a sentence's verdict, so typing pays this for the last sentence only).
    const model = riskModel();
    const sentences = [
      ...new Set(Array.from({ length: 300 }, (_, i) => draft(200, i)).flatMap((d) => sentencesOf(d).map(({ start, end }) => d.slice(start, end)))),
    ];
    const learned = timeEach(sentences, (s) => model.classify(riskFeatures(s)), 1);
    const rulesOnly = timeEach(
      Array.from({ length: 300 }, (_, i) => draft(200, i)),
      (d) => scanText(d, { learned: false }),
      1,
    );
    result.learned_sentence_p95_ms = round(learned.p95, 4);
    result.learned_weights_kb = Math.round(statSync('assets/models/risk-learned.json').size / 1024);
    log(
      `learned layer: one sentence p50 ${round(learned.p50, 4)} ms, p95 ${result.learned_sentence_p95_ms} ms (uncached; rules alone on a 200-char draft p50 ${round(rulesOnly.p50, 4)} ms) | weights ${result.learned_weights_kb} KB`,
    );
    return result;
  },
};

export default bench;
