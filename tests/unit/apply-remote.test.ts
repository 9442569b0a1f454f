import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type HuashuDB } from '../../lib/db/schema';
import { applyRemoteRows, clearSharedRows, TEAM_KEYS } from '../../lib/data/apply-remote';
import { DexieSyncStorage } from '../../lib/data/sync-storage';
import type { RemoteRow } from '../../lib/sync/protocol';

let db: HuashuDB;
let storage: DexieSyncStorage;
const SHOP = 'shop-1';
const row = (kind: RemoteRow['kind'], id: string, data: Record<string, unknown>, extra: Partial<RemoteRow> = {}): RemoteRow => ({
  kind,
  id,
  seq: 1,
  deleted: false,
  updatedAt: 5,
  data,
  ...extra,
});

beforeEach(async () => {
  db = openDatabase(`apply-remote-${Math.random()}`);
  await db.open();
  storage = new DexieSyncStorage(() => db);
});
afterEach(async () => {
  db.close();
});

describe('pulled team rows into the local database', () => {
  it('writes scripts, profiles, risk words and follow-ups, and says which tables changed', async () => {
    await db.scripts.put({ id: 'mine', group: 'g', intent: 'other', title: 'my own', text: 'mine', triggers: [], source: 'user', updatedAt: 1 });
    const applied = await applyRemoteRows(
      db,
      storage,
      [
        row('member', 'rep-2', { name: '小王', role: 'rep' }),
        row('script', 'r-mine', { id: 'mine', title: 'team version', text: 'team' }),
        row('script', 'r-new', { id: 'new-1', title: '新', text: '团队话术', group: '售后服务', intent: 'return_refund' }, { seq: 7 }),
        row('site_profile', 'p1', {
          origin: 'https://chat.example',
          name: 'x',
          selectors: { messageList: 'a', buyerMessage: 'b', sellerMessage: 'c', composeBox: 'd' },
        }),
        row('risk_word', 'w1', { word: '加我QQ', category: 'offsite_contact', severity: 'block' }),
        row('followup', 'f1', {
          kind: 'payment_reminder',
          site: 'pinduoduo',
          conversationKey: 'k',
          orderId: 'O1',
          status: 'open',
          dueAt: 10,
          deadlineAt: 20,
          createdAt: 1,
          claimedBy: 'rep-2',
          leaseUntil: 10_000,
        }),
      ],
      SHOP,
      100,
    );
    expect(applied.scripts).toBe(true);
    expect(applied.followUps).toBe(true);
    expect(applied.settings?.after.customBanned.map((w) => w.word)).toEqual(['加我QQ']);
    // The rep's private script is kept; the team's copy lives beside it.
    expect((await db.scripts.get('mine'))?.text).toBe('mine');
    expect((await db.scripts.get('team-r-mine'))?.text).toBe('team');
    expect(await db.scripts.get('new-1')).toMatchObject({ source: 'team', shopId: SHOP, text: '团队话术' });
    expect(await storage.get(TEAM_KEYS.seq('script', 'r-new'))).toBe(7);
    expect((await db.siteProfiles.get('https://chat.example'))?.shopId).toBe(SHOP);
    expect(await db.followups.get('f1')).toMatchObject({ shopId: SHOP, claimedBy: '小王' });
  });

  it('leaving the shop takes the shop’s rows away and gives back the scripts this device shared', async () => {
    await applyRemoteRows(
      db,
      storage,
      [
        row('script', 'r1', { id: 's1', title: 't', text: 'x' }),
        row('script', 'r2', { id: 's2', title: 't', text: 'y' }),
        row('risk_word', 'w1', { word: '加我QQ', category: 'offsite_contact' }),
      ],
      SHOP,
      1,
    );
    await db.settings.put({
      key: 'customBanned',
      value: [
        { word: '加我QQ', category: 'offsite_contact' },
        { word: '我的词', category: 'custom' },
      ],
    });
    await storage.set(TEAM_KEYS.ownShared, ['s1']);
    await clearSharedRows(db, storage);
    expect(await db.scripts.get('s1')).toMatchObject({ source: 'user' });
    expect((await db.scripts.get('s1'))?.shopId).toBeUndefined();
    expect(await db.scripts.get('s2')).toBeUndefined();
    expect((await db.settings.get('customBanned'))?.value).toEqual([{ word: '我的词', category: 'custom' }]);
    expect(await storage.get(TEAM_KEYS.seq('script', 'r1'))).toBeUndefined();
  });
});
