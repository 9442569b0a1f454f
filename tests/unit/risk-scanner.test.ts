import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scanText, createScanner } from '../../lib/risk/scanner';
import { RISK_CATEGORIES } from '../../lib/risk/categories';
import { applyRewrite } from '../../lib/risk/rewrite';
import { expandPattern } from '../../lib/risk/pattern-expand';
import { CodeUnitAutomaton } from '../../lib/risk/automaton';
import { RISKY, CLEAN } from './risk-cases';

const serious = (text: string) => scanText(text).filter((f) => f.severity !== 'tip');

describe('risk categories', () => {
  it('mirror shared/risk-categories.json exactly (ids, severities, names)', () => {
    const shared = JSON.parse(readFileSync(new URL('../../../shared/risk-categories.json', import.meta.url), 'utf8')) as {
      categories: Array<{ id: string; severity: string; zh: string; en: string }>;
    };
    expect(RISK_CATEGORIES.map((c) => [c.id, c.severity, c.zh, c.en])).toEqual(shared.categories.map((c) => [c.id, c.severity, c.zh, c.en]));
  });
});

describe('risky drafts are caught with the right category', () => {
  const byCategory = new Map<string, string[]>();
  for (const [text, category] of RISKY) byCategory.set(category, [...(byCategory.get(category) ?? []), text]);
  for (const [category, texts] of byCategory) {
    it(`${category} (${texts.length} drafts)`, () => {
      const missed = texts.filter((t) => !serious(t).some((f) => f.category === category));
      expect(missed).toEqual([]);
    });
  }
  it('has at least 100 risky drafts', () => expect(RISKY.length).toBeGreaterThanOrEqual(100));
});

describe('near-misses stay clean', () => {
  it(`${CLEAN.length} harmless drafts raise no block or warn`, () => {
    const alarms = CLEAN.map((t) => [t, serious(t).map((f) => `${f.category}:${f.match}`)] as const).filter(([, f]) => f.length > 0);
    expect(alarms).toEqual([]);
    expect(CLEAN.length).toBeGreaterThanOrEqual(100);
  });
  it('negations and anti-fraud warnings are not risks', () => {
    for (const t of ['我们不会让您加微信', '请不要相信让您加微信的人', '切勿私下转账', '谨防好评返现诈骗', '平台禁止好评返现', '我们不能保证明天一定到']) {
      expect(serious(t), t).toEqual([]);
    }
  });
  it('a negation in an earlier clause does not hide a later invitation', () => {
    expect(serious('不要犹豫，加我微信').map((f) => f.category)).toContain('offsite_contact');
  });
  it('refusals with an alternative are not flat refusals', () => {
    expect(serious('这个办不了，不过我们可以为您换货')).toEqual([]);
    expect(serious('办不了').map((f) => f.category)).toEqual(['flat_refusal']);
  });
});

describe('phones: contact vs personal data', () => {
  it('a number after 打我电话 is off-platform contact, after 买家 it is privacy', () => {
    expect(serious('有问题打我电话13800138000')[0]!.category).toBe('offsite_contact');
    expect(serious('买家电话13911112222')[0]!.category).toBe('privacy');
  });
  it('privacy findings offer a masked rewrite', () => {
    const f = serious('买家电话13911112222')[0]!;
    expect(f.rewrite).toBe('139****2222');
  });
  it('19-digit order numbers, mAh, dates and prices are not phones', () => {
    for (const t of ['订单号1234567890123456789', '13800mAh大容量', '2026-11-23 13:00发货', '¥138.00', '运单号13800138000']) expect(serious(t), t).toEqual([]);
  });
  it('ID numbers need a valid checksum unless introduced as an ID', () => {
    expect(serious('11010519491231002X')[0]?.category).toBe('privacy');
    expect(serious('编号110105194912310021')).toEqual([]);
  });
});

describe('offsets point at the characters the rep typed', () => {
  it('full-width ＶＸ', () => {
    const text = '亲，加我ＶＸ吧';
    const f = serious(text)[0]!;
    expect(f.category).toBe('offsite_contact');
    expect(text.slice(f.start, f.end)).toBe(f.match);
    expect(f.match).toContain('ＶＸ');
  });
  it('spaced 微 信 and emoji between characters', () => {
    const text = '您好 加 微 😀信 聊';
    const f = serious(text)[0]!;
    expect(f.match.startsWith('加')).toBe(true);
    expect(f.match).toContain('微 😀信');
    expect(text.slice(f.start, f.end)).toBe(f.match);
  });
  it('Traditional characters', () => {
    const text = '這不是我的責任';
    const f = serious(text)[0]!;
    expect(f.category).toBe('blame_shift');
    expect(f.match).toBe('這不是我的責任');
  });
  it('the id after a contact cue is part of the match', () => {
    const text = '加个好友吧 微信号：xiaoli_88 谢谢';
    // 加个好友 is a finding of its own; the cue-plus-id one is checked here.
    const f = serious(text).find((x) => x.category === 'offsite_contact' && x.match.includes('微信'))!;
    expect(f.match).toBe('微信号：xiaoli_88');
  });
  it('a separated phone number maps back to its digits and separators', () => {
    const text = '打我电话138-0013-8000哦';
    const f = serious(text)[0]!;
    expect(f.match.endsWith('138-0013-8000')).toBe(true);
  });
  it('findings are sorted and same-category overlaps merged', () => {
    const fs = serious('加我微信，微信号abc123，这是快递的问题');
    const starts = fs.map((f) => f.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (let i = 1; i < fs.length; i++) {
      if (fs[i]!.category === fs[i - 1]!.category) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
    }
  });
});

describe('options', () => {
  it('customBanned adds words with their own severity and rewrite', () => {
    const opts = { customBanned: [{ word: '拼夕夕', category: 'abuse', severity: 'warn' as const, rewrite: '拼多多' }] };
    const f = scanText('这是拼 夕夕的货', opts).find((x) => x.category === 'abuse')!;
    expect(f.severity).toBe('warn');
    expect(f.match).toBe('拼 夕夕');
    expect(applyRewrite('这是拼 夕夕的货', f)).toBe('这是拼多多的货');
  });
  it('customBanned severity defaults to the category', () => {
    const f = scanText('找我代购', { customBanned: [{ word: '代购', category: 'offsite_payment' }] })[0]!;
    expect(f.severity).toBe('block');
  });
  it('allowed phrases suppress overlapping findings', () => {
    expect(serious('全网最低价')).not.toEqual([]);
    expect(serious('全网最低价').length).toBeGreaterThan(0);
    expect(scanText('全网最低价', { allowed: ['全网最低价'] }).filter((f) => f.severity !== 'tip')).toEqual([]);
  });
  it('createScanner reuses one configuration', () => {
    const scanner = createScanner({ allowed: ['绝对'] });
    expect(scanner.scan('效果绝对好').filter((f) => f.category === 'absolute_claim')).toEqual([]);
    expect(scanner.scan('加我vx').map((f) => f.category)).toContain('offsite_contact');
  });
});

describe('rewrites', () => {
  it('every block/warn finding in the risky set offers a rewrite', () => {
    const without = RISKY.flatMap(([t]) =>
      serious(t)
        .filter((f) => f.rewrite === undefined)
        .map((f) => `${t} → ${f.category}`),
    );
    expect(without).toEqual([]);
  });
  it('seed danger phrases get the seed positive rewrites', () => {
    expect(serious('这不是我的责任')[0]!.rewrite).toBe('我会帮您联系相关部门跟进处理');
    expect(serious('您没有理解我的意思')[0]!.rewrite).toContain('抱歉我没说清楚');
    expect(serious('您必须先拍照')[0]!.rewrite).toBe('建议您');
    expect(applyRewrite('您必须先拍照', serious('您必须先拍照')[0]!)).toBe('建议您先拍照');
  });
  it('off-platform contact rewrites the whole sentence', () => {
    const text = '亲，加我微信聊吧。谢谢';
    const f = serious(text)[0]!;
    // The sentence is 亲，加我微信聊吧 (up to 。).
    expect(applyRewrite(text, f)).toBe('有任何问题您直接在这里留言，我会一直为您跟进。谢谢');
  });
  it('leaves the text alone when the finding no longer matches', () => {
    const f = serious('效果绝对好')[0]!;
    expect(applyRewrite('完全不同的文本', f)).toBe('完全不同的文本');
  });
});

describe('bad input', () => {
  it('handles empty, emoji-only, control characters, RTL marks and HTML-like text', () => {
    expect(scanText('')).toEqual([]);
    expect(scanText('😀😀😀')).toEqual([]);
    expect(serious('\u0000\u0007加\u200f我\u202e微\u200b信')[0]?.category).toBe('offsite_contact');
    const html = '<img src=x onerror=alert(1)><b>加我vx</b>';
    const f = serious(html)[0]!;
    expect(html.slice(f.start, f.end)).toBe(f.match);
  });
  it('a 100,000-character paste is scanned without error', () => {
    const big = '您好，这款是纯棉的，加我微信13800138000。'.repeat(4000).slice(0, 100_000);
    const fs = scanText(big);
    expect(fs.length).toBeGreaterThan(1000);
    for (const f of fs.slice(0, 50)) expect(big.slice(f.start, f.end)).toBe(f.match);
  });
  it('non-string input yields no findings', () => {
    expect(scanText(undefined as unknown as string)).toEqual([]);
  });
});

describe('building blocks', () => {
  it('expands templates with groups, optional parts and macros', () => {
    expect(expandPattern('加{我|个}?<W>', { W: ['微信', 'vx'] }).sort()).toEqual(['加个vx', '加个微信', '加我vx', '加我微信', '加vx', '加微信'].sort());
  });
  it('the automaton finds overlapping patterns', () => {
    const a = new CodeUnitAutomaton([
      { pattern: 'he', data: 1 },
      { pattern: 'she', data: 2 },
      { pattern: 'hers', data: 3 },
    ]);
    expect(a.search('ushers').map((h) => [h.start, h.end, h.data])).toEqual([
      [1, 4, 2],
      [2, 4, 1],
      [2, 6, 3],
    ]);
  });
});
