/** The demo buyers cover the situations the extension must handle, with realistic data. */
import { describe, expect, it } from 'vitest';
import { DEMO_BUYERS, findBuyer } from '../../demo/shared/conversations';
import { fold } from '../../lib/text/normalize';

describe('demo buyers', () => {
  it('has at least four buyers with unique ids, Chinese nicknames and 19-digit order ids', () => {
    expect(DEMO_BUYERS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(DEMO_BUYERS.map((b) => b.id)).size).toBe(DEMO_BUYERS.length);
    for (const buyer of DEMO_BUYERS) {
      expect(buyer.nickname).toMatch(/[\u4e00-\u9fff]/);
      expect(buyer.order.id).toMatch(/^\d{19}$/);
      expect(buyer.order.amount).toBeGreaterThan(0);
      expect(findBuyer(buyer.id)).toBe(buyer);
    }
    expect(new Set(DEMO_BUYERS.map((b) => b.order.id)).size).toBe(DEMO_BUYERS.length);
  });

  it('covers stock, unpaid, broken item, Traditional characters and a bad review', () => {
    const said = (b: (typeof DEMO_BUYERS)[number]) => [...b.history.filter((l) => l.from === 'buyer').map((l) => l.text), ...b.timeline.map((l) => l.text)];
    expect(DEMO_BUYERS.some((b) => said(b).some((t) => t.includes('有货')))).toBe(true);
    expect(DEMO_BUYERS.some((b) => b.order.status === '待付款')).toBe(true);
    expect(DEMO_BUYERS.some((b) => said(b).some((t) => t.includes('碎')))).toBe(true);
    expect(DEMO_BUYERS.some((b) => said(b).some((t) => t.includes('差评')))).toBe(true);
    // A Traditional-character line: it changes when folded to Simplified.
    const traditional = DEMO_BUYERS.flatMap(said).filter((t) => fold(t) !== t && fold(t).includes('现货'));
    expect(traditional).toContain('請問這個有現貨嗎');
  });

  it('keeps each timeline in order and history oldest first', () => {
    for (const buyer of DEMO_BUYERS) {
      const at = buyer.timeline.map((l) => l.atMs);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      const ago = buyer.history.map((l) => l.minutesAgo);
      expect(ago).toEqual([...ago].sort((a, b) => b - a));
    }
  });
});
