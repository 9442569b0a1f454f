/**
 * createScanner().scan reuses the previous normalisation while a draft grows
 * at the end. Whatever the edit, its answer must equal a fresh scanText().
 */
import { describe, expect, it } from 'vitest';
import { createScanner, scanText } from '../../lib/risk/scanner';
import { IncrementalNormalizer } from '../../lib/risk/incremental-normalize';
import { normalize } from '../../lib/text/normalize';

const DRAFTS = [
  '您好，加我微信13800138000，给您发实拍图。',
  '這不是我的責任，你去找快遞吧！軟體下載後請聯繫我們',
  '亲😀 加 V❤ 信：abc_88 ，好评返5元红包 𝐕𝐱 幺三八零零幺三八零零零',
  '裡面的頭髮乾了嗎？简体和繁體混在一起，全网最低價',
  '＋Ｖ详聊，ＷＸ同号１３９１２３４５６７８。1.5米 2.38kg',
  '这款是纯棉的，透气性很好，建议您选择M码。我们会第一时间为您处理',
];

function typeOut(draft: string): string[] {
  // Code point by code point, as a rep types (an emoji arrives whole).
  const out: string[] = [];
  let acc = '';
  for (const ch of draft) out.push((acc += ch));
  return out;
}

describe('incremental scan while typing', () => {
  it('normalises every prefix exactly as a full normalise would', () => {
    for (const draft of DRAFTS) {
      const inc = new IncrementalNormalizer();
      for (const prefix of typeOut(draft)) {
        expect(inc.normalize(prefix), prefix).toEqual(normalize(prefix, { dropNoise: true }));
      }
    }
  });
  it('finds the same findings as scanText for each keystroke, deletions and pastes included', () => {
    const scanner = createScanner();
    for (const draft of DRAFTS) {
      const steps = [...typeOut(draft), draft.slice(0, 5), draft.slice(0, 5) + '加我vx', draft, draft + draft, ''];
      for (const text of steps) expect(scanner.scan(text), text).toEqual(scanText(text));
    }
  });
  it('a caller editing returned findings does not change the next answer', () => {
    const scanner = createScanner();
    const first = scanner.scan('加我微信聊');
    first[0]!.category = 'politeness';
    expect(scanner.scan('加我微信聊')[0]!.category).toBe('offsite_contact');
  });
});
