/**
 * Separator-proof matching: whatever a rep puts between two Chinese
 * characters to dodge a filter — dots, middle dots, slashes, spaces, emoji,
 * zero-width characters — is transparent, and the finding still covers what
 * was typed. A dot that ends an English sentence or sits in a number keeps
 * its meaning.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/risk/scanner';

const categories = (text: string) =>
  scanText(text)
    .filter((f) => f.severity !== 'tip')
    .map((f) => f.category);

describe('separators between characters', () => {
  for (const sep of ['.', '·', '/', ' ', '-', '_', '*', '\u200b', '\u2060', '🌸', '~', '|']) {
    it(`好${sep}评${sep}返${sep}现 is still a reward for a review`, () => {
      const text = ['好', '评', '返', '现'].join(sep);
      const found = scanText(text).find((f) => f.category === 'review_manipulation');
      expect(found).toBeDefined();
      expect(found!.match).toBe(text);
    });
  }

  it('a dot glued between Chinese characters joins; a dot in a number or before a space does not', () => {
    expect(categories('加.我.薇.信')).toContain('offsite_contact');
    expect(categories('这款电池容量是5.5毫安，今天发货')).toEqual([]);
    expect(categories('Thank you. 我们今天发货')).toEqual([]);
  });
});
