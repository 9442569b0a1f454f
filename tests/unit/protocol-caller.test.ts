import { describe, expect, it } from 'vitest';
import { callerOf, mayCall, maySeeFollowUp, mayUseSite, ownConversationUrl } from '../../lib/protocol/caller';
import { groupOf, parseRequest, PROTOCOL_NAMES } from '../../lib/messages';

const BASE = 'chrome-extension://abcdef/';

describe('who is calling', () => {
  it('tells the extension’s own pages from content scripts by the browser’s sender URL', () => {
    expect(callerOf({ url: `${BASE}options.html`, tabId: 3 }, BASE)).toMatchObject({ kind: 'extension' });
    const page = callerOf({ url: 'https://mms.pinduoduo.com/chat-merchant/index.html', origin: 'https://mms.pinduoduo.com', tabId: 4 }, BASE)!;
    expect(page).toMatchObject({ kind: 'page', origin: 'https://mms.pinduoduo.com' });
    // Another extension's page, or no URL at all, is not ours.
    expect(callerOf({ url: 'chrome-extension://other/options.html' }, BASE)).toBeNull();
    expect(callerOf({}, BASE)).toBeNull();
  });

  it('lets a page send page messages only', () => {
    const page = callerOf({ url: 'https://seller.shopee.sg/portal/chat' }, BASE)!;
    const ext = callerOf({ url: `${BASE}popup.html` }, BASE)!;
    for (const name of ['exportBackup', 'restoreBackup', 'updateSettings', 'deleteScripts', 'teamJoin', 'teamLeave', 'listFollowUps']) {
      expect(groupOf(name), name).toBe('extension');
      expect(mayCall(page, 'extension')).toBe(false);
    }
    for (const name of ['suggest', 'logFollowUp', 'saveSiteProfile', 'updateSidebarPrefs']) expect(groupOf(name), name).toBe('page');
    expect(mayCall(page, 'page')).toBe(true);
    expect(mayCall(ext, 'extension')).toBe(true);
    // Every message is in exactly one group.
    for (const name of PROTOCOL_NAMES) expect(groupOf(name)).toBeDefined();
  });

  it('scopes a marketplace page to its own platform, generic mode and a taught profile', () => {
    const pdd = callerOf({ url: 'https://mms.pinduoduo.com/chat-merchant/' }, BASE)!;
    expect(mayUseSite(pdd, 'pinduoduo')).toBe(true);
    expect(mayUseSite(pdd, 'generic')).toBe(true);
    expect(mayUseSite(pdd, 'shopee')).toBe(false);
    expect(maySeeFollowUp(pdd, { site: 'pinduoduo', conversationUrl: 'https://mms.pinduoduo.com/chat-merchant/' })).toBe(true);
    expect(maySeeFollowUp(pdd, { site: 'feige', conversationUrl: 'https://im.jinritemai.com/pc_seller' })).toBe(false);
    // Generic-mode rows belong to the origin they were logged on.
    const shop = callerOf({ url: 'https://chat.myshop.example/inbox' }, BASE)!;
    expect(maySeeFollowUp(shop, { site: 'generic', conversationUrl: 'https://chat.myshop.example/inbox?c=1' })).toBe(true);
    expect(maySeeFollowUp(shop, { site: 'generic', conversationUrl: 'https://other.example/inbox' })).toBe(false);
    expect(maySeeFollowUp(shop, { site: 'pinduoduo' })).toBe(false);
  });

  it('replaces a conversation link on another origin with the page’s own address', () => {
    const shop = callerOf({ url: 'https://chat.myshop.example/inbox?c=9' }, BASE)!;
    expect(ownConversationUrl(shop, 'https://chat.myshop.example/inbox?c=1')).toBe('https://chat.myshop.example/inbox?c=1');
    expect(ownConversationUrl(shop, 'https://evil.example/')).toBe('https://chat.myshop.example/inbox?c=9');
    expect(ownConversationUrl(shop, undefined)).toBe('https://chat.myshop.example/inbox?c=9');
  });
});

describe('requests are parsed by their schema', () => {
  it('makes stored strings well-formed and drops NUL, refuses wrong types with the field named', () => {
    const parsed = parseRequest('saveScript', { id: 's1', group: 'g', intent: 'other', title: 'a\ud83d', text: 'x\u0000y', triggers: [], updatedAt: 1 });
    expect(parsed).toMatchObject({ ok: true, value: { title: 'a\ufffd', text: 'xy' } });
    const bad = parseRequest('updateSettings', { sidebarSide: 'right; } body { display:none' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.en).toContain('sidebarSide');
    expect(parseRequest('restoreFollowUp', { id: 'f', kind: 'payment_reminder', conversationUrl: 'javascript:alert(1)' }).ok).toBe(false);
  });
});
