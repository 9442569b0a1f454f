import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareV1, declareV2, openDatabase } from '../../lib/db/schema';

describe('database schema upgrade', () => {
  it('opens a v1 database with data, upgrades to v2 and loses nothing', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    declareV1(v1);
    await v1.open();
    await v1.table('scripts').add({ id: 's1', group: '问候语', intent: 'greeting', title: '在的', text: '您好，在的', triggers: ['在吗'], updatedAt: 1 });
    await v1.table('usage').add({ id: 'u1', scriptId: 's1', site: 'demo', conversationKey: 'demo:a', at: 5, via: 'click' });
    await v1.table('followups').add({
      id: 'f1',
      kind: 'payment_reminder',
      site: 'demo',
      conversationKey: 'demo:a',
      createdAt: 1,
      dueAt: 2,
      deadlineAt: 3,
      status: 'open',
      dedupeKey: 'k',
      attempts: [],
      updatedAt: 1,
    });
    await v1.table('settings').put({ key: 'repName', value: '小美' });
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = new Dexie(name) as ReturnType<typeof openDatabase>;
    declareV1(v2);
    declareV2(v2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.scripts.get('s1')).toMatchObject({ text: '您好，在的' });
    expect(await v2.settings.get('repName')).toEqual({ key: 'repName', value: '小美' });
    expect(await v2.followups.where('[status+dueAt]').between(['open', 0], ['open', Infinity]).count()).toBe(1);
    // the new index works on rows written before it existed
    expect(await v2.usage.where('conversationKey').equals('demo:a').count()).toBe(1);
    await v2.siteProfiles.put({
      origin: 'https://x.test',
      name: 'x',
      selectors: { messageList: '#m', buyerMessage: '.b', sellerMessage: '.s', composeBox: 'textarea' },
      updatedAt: 1,
    });
    expect(await v2.siteProfiles.count()).toBe(1);
    v2.close();
  });

  it('upgrades v2 to v3 (team sync state table) and loses nothing', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    declareV1(v2);
    declareV2(v2);
    await v2.open();
    await v2
      .table('scripts')
      .add({ id: 's1', group: '问候语', intent: 'greeting', title: '在的', text: '您好，在的', triggers: ['在吗'], favourite: true, updatedAt: 1 });
    await v2.table('usage').add({ id: 'u1', scriptId: 's1', site: 'demo', conversationKey: 'demo:a', at: 5, via: 'click' });
    await v2.table('followups').add({
      id: 'f1',
      kind: 'review_recovery',
      site: 'demo',
      conversationKey: 'demo:a',
      createdAt: 1,
      dueAt: 2,
      deadlineAt: 3,
      status: 'snoozed',
      dedupeKey: 'k2',
      attempts: [{ at: 1 }],
      updatedAt: 1,
    });
    await v2.table('riskOverrides').add({ id: 'r1', at: 1, site: 'demo', categories: ['absolute'], textHash: 'h', reason: 'x' });
    await v2.table('settings').put({ key: 'customBanned', value: [{ word: '最便宜', category: 'absolute' }] });
    await v2.table('siteProfiles').put({
      origin: 'https://x.test',
      name: 'x',
      selectors: { messageList: '#m', buyerMessage: '.b', sellerMessage: '.s', composeBox: 'textarea' },
      updatedAt: 1,
    });
    expect(v2.verno).toBe(2);
    v2.close();

    const v3 = openDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.scripts.get('s1')).toMatchObject({ text: '您好，在的', favourite: true });
    expect(await v3.usage.where('conversationKey').equals('demo:a').count()).toBe(1);
    expect(await v3.followups.where('[status+dueAt]').between(['snoozed', 0], ['snoozed', Infinity]).count()).toBe(1);
    expect(await v3.followups.where('dedupeKey').equals('k2').count()).toBe(1);
    expect(await v3.riskOverrides.count()).toBe(1);
    expect(await v3.settings.get('customBanned')).toEqual({ key: 'customBanned', value: [{ word: '最便宜', category: 'absolute' }] });
    expect(await v3.siteProfiles.get('https://x.test')).toMatchObject({ name: 'x' });
    expect(await v3.syncState.count()).toBe(0);
    await v3.syncState.put({ key: 'sync.outbox', value: [] });
    expect(await v3.syncState.get('sync.outbox')).toEqual({ key: 'sync.outbox', value: [] });
    v3.close();
  });
});
