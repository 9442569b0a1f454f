import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS, type ReplyScript } from '../../lib/types.ts';
import { parseLibrary } from '../../lib/suggest/library-file.ts';

const raw = readFileSync(new URL('../../assets/library/default-library.json', import.meta.url), 'utf8');
const library = JSON.parse(raw) as ReplyScript[];
const intents = (
  JSON.parse(readFileSync(new URL('../../../shared/intents.json', import.meta.url), 'utf8')) as {
    intents: Array<{ id: string; stage: string }>;
  }
).intents;

describe('default library', () => {
  it('has at least 150 well-formed default scripts with unique stable ids', () => {
    expect(library.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(library.map((s) => s.id));
    expect(ids.size).toBe(library.length);
    for (const s of library) {
      expect(s.id).toMatch(/^[a-z]+-\d{2}$/);
      expect(s.source).toBe('default');
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.text.length).toBeGreaterThan(10);
      expect(typeof s.updatedAt).toBe('number');
      expect(Array.isArray(s.triggers)).toBe(true);
    }
    expect(() => parseLibrary(raw)).not.toThrow();
  });

  it('uses only the six quick-reply groups, each of them', () => {
    const groups = new Set(library.map((s) => s.group));
    expect([...groups].sort()).toEqual([...DEFAULT_GROUPS].sort());
  });

  it('covers every intent, with several scripts for each buyer intent', () => {
    const known = new Set(intents.map((i) => i.id));
    for (const s of library) expect(known.has(s.intent), s.id).toBe(true);
    for (const i of intents) {
      const n = library.filter((s) => s.intent === i.id).length;
      expect(n, i.id).toBeGreaterThanOrEqual(i.stage === 'seller' ? 4 : 5);
    }
  });

  it('gives every intent colloquial triggers; the slang forms buyers write are present', () => {
    const all = new Set(library.flatMap((s) => s.triggers));
    for (const slang of ['在不', '亲在么', '在伐', '能便宜点不', '有货莫']) expect(all.has(slang), slang).toBe(true);
    for (const i of intents) {
      const triggers = new Set(library.filter((s) => s.intent === i.id).flatMap((s) => s.triggers));
      expect(triggers.size, i.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('keeps the seeds’ tone: no absolute words, no off-platform contact, no reward for reviews', () => {
    const banned = /绝对|一定|最|必须|保证|微信|QQ|电话|支付宝|返现|加我|私下|好评返|删差评|爱买不买|不是我的责任/;
    for (const s of library) {
      expect(s.text, s.id).not.toMatch(banned);
      expect(s.title, s.id).not.toMatch(banned);
    }
  });

  it('uses only known variables, shortcut codes are unique', () => {
    for (const s of library) {
      for (const m of s.text.matchAll(/\{([^}]*)\}/g)) expect(['买家', '订单号', '商品', '客服', '店铺', 'cursor'], s.id).toContain(m[1]);
    }
    const codes = library.map((s) => s.code).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('parseLibrary', () => {
  it('explains what is wrong with a malformed library', () => {
    expect(() => parseLibrary('{oops', 'x.json')).toThrow(/x\.json: not valid JSON/);
    expect(() => parseLibrary('{"a":1}', 'x.json')).toThrow(/expected an array/);
    expect(() => parseLibrary('[{"id":"a","intent":"greeting","title":"t"}]', 'x.json')).toThrow(/item 0 has no string "text"/);
    expect(() => parseLibrary('[{"id":"a","intent":"greeting","title":"t","text":"x","triggers":"在吗"}]')).toThrow(/triggers/);
  });
  it('fills defaults for optional fields', () => {
    const [s] = parseLibrary('[{"id":"a","intent":"greeting","title":"t","text":"您好"}]');
    expect(s).toMatchObject({ id: 'a', triggers: [], group: '咨询回复' });
  });
});
