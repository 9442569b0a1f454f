import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/suggest/matcher.ts';
import { canonicalText } from '../../lib/suggest/canonical.ts';
import { splitClauses } from '../../lib/suggest/clauses.ts';
import type { ReplyScript, UsageEvent } from '../../lib/types.ts';

const library = JSON.parse(readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8')) as ReplyScript[];
const intentsOf = (m: ReturnType<typeof createMatcher>, text: string, top = 3) => m.suggest(text, { top }).map((s) => s.intent);

function script(id: string, intent: string, triggers: string[], extra: Partial<ReplyScript> = {}): ReplyScript {
  return { id, group: '咨询回复', intent, title: `标题${id}`, text: `回复${id}`, triggers, updatedAt: 0, ...extra };
}

describe('canonical form', () => {
  it('folds Traditional, width, fillers, repeats, slang and English', () => {
    expect(canonicalText('亲在么')).toBe('在吗');
    expect(canonicalText('有貨莫')).toBe('有货吗');
    expect(canonicalText('能便宜点不～')).toBe('能便宜点吗');
    expect(canonicalText('肿么回事啊啊啊')).toBe('怎么回事');
    expect(canonicalText('木有收到')).toBe('没有收到');
    expect(canonicalText('ＯＫ 謝謝😀')).toBe('好的谢');
    expect(canonicalText('size多大')).toBe('尺码多大');
  });
});

describe('clauses', () => {
  it('splits on punctuation, spaces, emoji and connectives but not inside 还有货吗', () => {
    expect(splitClauses('运费多少，几天到？').map((c) => c.raw)).toEqual(['运费多少', '几天到']);
    expect(splitClauses('在吗😊包邮吗').map((c) => c.raw)).toEqual(['在吗', '包邮吗']);
    expect(splitClauses('黑色还有货吗').map((c) => c.raw)).toEqual(['黑色还有货吗']);
    expect(splitClauses('我想问运费多少还有几天能到').map((c) => c.raw)).toEqual(['我想问运费多少', '几天能到']);
    expect(splitClauses('几天到？')[0]!.askedWithMark).toBe(true);
  });
  it('caps the work on huge messages', () => {
    const clauses = splitClauses('在吗，'.repeat(5000) + '什么时候发货');
    expect(clauses.length).toBeLessThanOrEqual(8);
    expect(clauses[clauses.length - 1]!.raw).toBe('什么时候发货');
  });
});

describe('createMatcher().suggest', () => {
  const m = createMatcher(library);

  it('handles colloquial, Traditional, typo, emoji and mixed-English messages', () => {
    expect(intentsOf(m, '老板在伐')[0]).toBe('greeting');
    expect(intentsOf(m, '包郵嗎？')[0]).toBe('courier_fee');
    expect(intentsOf(m, '啥时候发获')[0]).toBe('shipping_time');
    expect(intentsOf(m, '🙏🙏能便宜点不😭')[0]).toBe('bargain');
    expect(intentsOf(m, 'ok谢谢')[0]).toBe('thanks_bye');
    expect(intentsOf(m, '我170 size多大')[0]).toBe('size_advice');
  });

  it('answers both questions of a message, the latest real question first, greetings last', () => {
    const got = m.suggest('你好，运费多少，几天到', { top: 3 });
    expect(
      got
        .map((s) => s.intent)
        .slice(0, 2)
        .sort(),
    ).toEqual(['courier_fee', 'logistics_track']);
    expect(got[0]!.intent).toBe('logistics_track');
    expect(got[0]!.clause).toBe('几天到');
    expect(m.suggest('在吗 什么时候发货', { top: 1 })[0]!.intent).toBe('shipping_time');
  });

  it('diversifies intents in the top 3 when the evidence is ambiguous', () => {
    const got = intentsOf(m, '坏了怎么办');
    expect(new Set(got).size).toBeGreaterThan(1);
  });

  it('returns no suggestions (and no crash) for empty, emoji-only, noise or unrelated input', () => {
    expect(m.suggest('')).toEqual([]);
    expect(m.suggest('   ')).toEqual([]);
    expect(m.suggest('😀😀😀👍')).toEqual([]);
    expect(m.suggest('？？？!!!')).toEqual([]);
    expect(m.suggest(undefined as unknown as string)).toEqual([]);
  });

  it('copes with 10,000-character and HTML-like messages', () => {
    const long = '我想问一下这个东西'.repeat(1200) + '，什么时候发货';
    expect(long.length).toBeGreaterThan(10_000);
    expect(intentsOf(m, long)[0]).toBe('shipping_time');
    const html = '<div class="msg"><b>包邮吗</b><script>alert(1)</script></div>';
    expect(intentsOf(m, html)).toContain('courier_fee');
  });

  it('respects top and returns scores in 0..1, best first within a clause', () => {
    const got = m.suggest('什么时候发货', { top: 5 });
    expect(got.length).toBe(5);
    expect(m.suggest('什么时候发货', { top: 2 }).length).toBe(2);
    for (const s of got) expect(s.score).toBeGreaterThan(0);
    for (const s of got) expect(s.score).toBeLessThanOrEqual(1);
    expect(got[0]!.score).toBeGreaterThanOrEqual(got[1]!.score);
  });

  it('explains each score when asked, and only then', () => {
    const [s] = m.suggest('包邮吗', { top: 1, explain: true });
    expect(s!.explain!.join('\n')).toMatch(/courier_fee/);
    expect(s!.explain!.join('\n')).toMatch(/包邮/);
    expect(m.suggest('包邮吗', { top: 1 })[0]!.explain).toBeUndefined();
  });

  it('highlights the matched phrase in the script title or text', () => {
    const [s] = m.suggest('能开发票吗', { top: 1 });
    expect(s!.intent).toBe('invoice');
    const hl = s!.highlights!;
    expect(hl.length).toBeGreaterThan(0);
    const snippets = hl.map((h) => (h.field === 'title' ? s!.title : s!.text).slice(h.start, h.end));
    expect(snippets.some((x) => x.includes('发票'))).toBe(true);
  });

  it('lets the stage tip a close call and usage pick among scripts of one intent', () => {
    const lib = [
      script('a1', 'shipping_time', ['发货']),
      script('a2', 'logistics_track', ['发货']),
      script('b1', 'greeting', ['在吗'], { order: 0 }),
      script('b2', 'greeting', ['在吗'], { order: 1 }),
    ];
    const mm = createMatcher(lib);
    const pre = mm.suggest('发货', { top: 1, stage: 'presale' })[0]!.intent;
    const ins = mm.suggest('发货', { top: 1, stage: 'insale' })[0]!.intent;
    expect(pre).toBe('shipping_time');
    expect(ins).toBe('logistics_track');
    expect(mm.suggest('在吗', { top: 1 })[0]!.id).toBe('b1');
    const now = 1_700_000_000_000;
    const events: UsageEvent[] = Array.from({ length: 5 }, (_, i) => ({ id: `u${i}`, scriptId: 'b2', site: 'demo', at: now - 1000, via: 'click' }));
    expect(mm.suggest('在吗', { top: 1, usage: events, now })[0]!.id).toBe('b2');
    expect(mm.suggest('在吗', { top: 1, usage: new Map([['b2', { count: 3, lastAt: now }]]), now })[0]!.id).toBe('b2');
    // Old usage fades: a year-old count no longer outranks the script order.
    expect(mm.suggest('在吗', { top: 1, usage: new Map([['b2', { count: 1, lastAt: now - 365 * 86400e3 }]]), now })[0]!.id).toBe('b1');
  });

  it('suggests a script without triggers when its intent is clear', () => {
    const mm = createMatcher([script('x', 'invoice', ['开发票']), script('y', 'invoice', [])]);
    expect(
      mm
        .suggest('能开发票吗', { top: 3 })
        .map((s) => s.id)
        .sort(),
    ).toEqual(['x', 'y']);
  });
});

describe('incremental updates', () => {
  it('upsert adds, replaces and remove deletes without a rebuild', () => {
    const m = createMatcher(library);
    const n = m.size;
    expect(intentsOf(m, '刻字服务')).not.toContain('product_info');
    m.upsert(script('engrave', 'product_info', ['刻字', '能刻字吗']));
    expect(m.size).toBe(n + 1);
    expect(m.suggest('刻字服务', { top: 1 })[0]!.id).toBe('engrave');
    m.upsert(script('engrave', 'promotion', ['免费刻字']));
    expect(m.size).toBe(n + 1);
    expect(m.suggest('刻字服务', { top: 3 }).map((s) => s.id)).not.toContain('engrave');
    expect(m.suggest('免费刻字吗', { top: 1 })[0]!.id).toBe('engrave');
    m.remove('engrave');
    expect(m.size).toBe(n);
    expect(m.suggest('免费刻字吗', { top: 5 }).map((s) => s.id)).not.toContain('engrave');
    m.remove('no-such-id');
    expect(m.size).toBe(n);
  });

  it('treats a deleted script as removed', () => {
    const m = createMatcher([script('a', 'invoice', ['发票'])]);
    m.upsert(script('a', 'invoice', ['发票'], { deleted: true }));
    expect(m.size).toBe(0);
    expect(m.suggest('发票')).toEqual([]);
  });
});

describe('search', () => {
  const m = createMatcher(library);
  it('finds by Chinese substring, pinyin initials, full pinyin and shortcut code', () => {
    expect(m.search('发票', { top: 3 })[0]!.intent).toBe('invoice');
    const fh = m.search('fh', { top: 3 });
    expect(fh[0]!.id).toBe('ship-01'); // code "fh"
    expect(fh.some((s) => s.title.includes('发货'))).toBe(true);
    expect(m.search('fahuo', { top: 3 }).some((s) => s.title.includes('发货'))).toBe(true);
    expect(m.search('/th', { top: 1 })[0]!.id).toBe('refund-01');
    expect(m.search('退貨', { top: 3 })[0]!.intent).toBe('return_refund');
  });
  it('highlights the match and returns nothing for an empty query', () => {
    const [s] = m.search('运费险', { top: 1 });
    const h = s!.highlights![0]!;
    expect((h.field === 'title' ? s!.title : s!.text).slice(h.start, h.end)).toBe('运费险');
    expect(m.search('')).toEqual([]);
  });
  it('sees upserts and removals', () => {
    m.upsert(script('zz', 'greeting', [], { title: '欢迎语特别版', code: 'tbb' }));
    expect(m.search('tbb', { top: 1 })[0]!.id).toBe('zz');
    expect(m.search('hyy', { top: 3 }).map((s) => s.id)).toContain('zz');
    m.remove('zz');
    expect(m.search('tbb', { top: 3 }).map((s) => s.id)).not.toContain('zz');
  });
});
