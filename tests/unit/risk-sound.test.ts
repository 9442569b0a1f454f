/**
 * Matching by sound: stand-ins for 微信, 扣扣, 支付宝, 转账, 汇款 nobody listed
 * are caught because they read the same; real words with that sound stay clean;
 * the sound table is what the build script makes from pinyin-pro.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { scanText } from '../../lib/risk/scanner';
import { SOUND_REAL_WORDS, SOUND_TARGETS } from '../../lib/risk/sound-words';

const cats = (text: string) =>
  scanText(text)
    .filter((f) => f.severity !== 'tip')
    .map((f) => f.category);

describe('stand-ins by sound', () => {
  it.each([
    ['有事加我维芯', 'offsite_contact'],
    ['我的卫心号是 xiaomei_520', 'offsite_contact'],
    ['加一下我的寇寇吧 3345678', 'offsite_contact'],
    ['直接吱付宝转我', 'offsite_payment'],
    ['你直接砖帐过来，我给你发货', 'offsite_payment'],
    ['先会款到这个卡上', 'offsite_payment'],
  ])('%s → %s', (text, category) => {
    expect(cats(text)).toContain(category);
  });

  it('keeps real words that share the sound clean', () => {
    for (const text of ['我们家的专长是做真丝面料', '老师在学生中很有威信', '这个回款周期是30天', '口口相传的好口碑', '明治维新那段历史', '这是违心的话']) {
      expect(cats(text), text).toEqual([]);
    }
  });

  it('a negated stand-in is a warning to the buyer, not an invitation', () => {
    expect(cats('请不要添加任何人的维芯，也不要吱付宝转账给陌生人')).toEqual([]);
  });

  it('every real word in the dictionary really holds a target sound (any reading of each character)', () => {
    const readings = (ch: string) => pinyin(ch, { toneType: 'none', type: 'array', multiple: true });
    const holds = (word: string, target: string) => {
      const t = pinyin(target, { toneType: 'none', type: 'array' });
      const w = [...word];
      for (let at = 0; at + t.length <= w.length; at++) if (t.every((s, k) => readings(w[at + k]!).includes(s))) return true;
      return false;
    };
    for (const word of SOUND_REAL_WORDS)
      expect(
        SOUND_TARGETS.some((t) => holds(word, t.word)),
        word,
      ).toBe(true);
  });

  it('the shipped sound table is the one the build script makes', () => {
    const table = JSON.parse(readFileSync('assets/models/sound-table.json', 'utf8')) as Record<string, string>;
    for (const t of SOUND_TARGETS) {
      for (const syllable of pinyin(t.word, { toneType: 'none', type: 'array' })) {
        expect(table[syllable], syllable).toBeDefined();
        for (const ch of table[syllable]!) expect(pinyin(ch, { toneType: 'none', type: 'array', multiple: true }), ch).toContain(syllable);
      }
    }
  });
});
