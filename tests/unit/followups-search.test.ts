import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/db/schema';
import { DEFAULT_RULES } from '../../lib/followups/rules';
import { listForPopup, logFollowUp } from '../../lib/data/followups-store';

const NOW = Date.parse('2026-03-10T15:00:00+08:00');

describe('popup search', () => {
  it('finds a follow-up by order number (full or prefix) and by buyer name among many', async () => {
    const db = openDatabase(`search-${Math.random()}`);
    for (let i = 0; i < 300; i++) {
      await logFollowUp(
        db,
        {
          kind: 'payment_reminder',
          site: 'pinduoduo',
          conversationKey: `pdd:s:${i}`,
          orderId: `26031000${String(i).padStart(6, '0')}`,
          buyerName: `买家${i}`,
          orderCreatedAt: NOW - 600_000,
        },
        DEFAULT_RULES,
        NOW,
      );
    }
    const byOrder = await listForPopup(db, NOW, { search: '26031000000123' });
    expect(byOrder.rows.map((r) => r.row.orderId)).toEqual(['26031000000123']);
    const byPrefix = await listForPopup(db, NOW, { search: '2603100000012' }); // …0000120 to …0000129
    expect(byPrefix.rows.map((r) => r.row.orderId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `260310000001${20 + i}`));
    const byName = await listForPopup(db, NOW, { search: '買家42' }); // Traditional input folds to 买家42
    expect(byName.rows.map((r) => r.row.buyerName).sort()).toEqual(['买家42']);
    const none = await listForPopup(db, NOW, { search: '99999999' });
    expect(none.rows).toEqual([]);
    db.close();
  });
});
