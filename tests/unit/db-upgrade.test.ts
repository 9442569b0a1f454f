import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareV1, openDatabase } from '../../lib/db/schema';

describe('database schema upgrade', () => {
  it('opens a v1 database with data, upgrades to v2 and loses nothing', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    declareV1(v1);
    await v1.open();
    await v1.table('scripts').add({ id: 's1', group: '问候语', intent: 'greeting', title: '在的', text: '您好，在的', triggers: ['在吗'], updatedAt: 1 });
    await v1.table('usage').add({ id: 'u1', scriptId: 's1', site: 'demo', conversationKey: 'demo:a', at: 5, via: 'click' });
    await v1.table('followups').add({ id: 'f1', kind: 'payment_reminder', site: 'demo', conversationKey: 'demo:a', createdAt: 1, dueAt: 2, deadlineAt: 3, status: 'open', dedupeKey: 'k', attempts: [], updatedAt: 1 });
    await v1.table('settings').put({ key: 'repName', value: '小美' });
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = openDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.scripts.get('s1')).toMatchObject({ text: '您好，在的' });
    expect(await v2.settings.get('repName')).toEqual({ key: 'repName', value: '小美' });
    expect(await v2.followups.where('[status+dueAt]').between(['open', 0], ['open', Infinity]).count()).toBe(1);
    // the new index works on rows written before it existed
    expect(await v2.usage.where('conversationKey').equals('demo:a').count()).toBe(1);
    await v2.siteProfiles.put({ origin: 'https://x.test', name: 'x', selectors: { messageList: '#m', buyerMessage: '.b', sellerMessage: '.s', composeBox: 'textarea' }, updatedAt: 1 });
    expect(await v2.siteProfiles.count()).toBe(1);
    v2.close();
  });
});
