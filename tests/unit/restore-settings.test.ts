import { describe, expect, it } from 'vitest';
import { restorableSettings } from '../../lib/export/restore-settings';
import { chatOriginPattern, isOpenableLink } from '../../lib/followups/conversation-link';
import { followUpFromRow, teamScriptLocalId } from '../../lib/sync/local-rows';
import type { RemoteRow } from '../../lib/sync/protocol';

describe('settings from a backup file', () => {
  it('keeps valid settings and the seeded marker, drops unknown rows', () => {
    const r = restorableSettings([
      { key: 'sidebarSide', value: 'left' },
      { key: 'sidebarWidths', value: { 'mms.pinduoduo.com': 400 } },
      { key: '__defaultLibrarySeededAt', value: 5 },
      { key: 'followups.liveCounters', value: { open: 99 } },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(Object.fromEntries(r.rows.map((x) => [x.key, x.value]))).toEqual({
        sidebarSide: 'left',
        sidebarWidths: { 'mms.pinduoduo.com': 400 },
        __defaultLibrarySeededAt: 5,
      });
  });
  it('refuses CSS in the side, a width that is not a number, and widths out of range', () => {
    for (const rows of [
      [{ key: 'sidebarSide', value: 'right: 0 } body { display: none } x {' }],
      [{ key: 'sidebarWidths', value: { host: '300px; } body { display:none' } }],
      [{ key: 'sidebarWidths', value: { host: 99_999 } }],
      [{ key: 'customBanned', value: 'not a list' }],
    ]) {
      const r = restorableSettings(rows);
      expect(r.ok, JSON.stringify(rows)).toBe(false);
      if (!r.ok) expect(r.en).toContain('Nothing was changed');
    }
  });
});

describe('follow-up links and team rows', () => {
  it('opens only http(s) links', () => {
    expect(chatOriginPattern('https://mms.pinduoduo.com/chat-merchant/#/x')).toBe('https://mms.pinduoduo.com/*');
    for (const link of [
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'chrome://settings',
      'https://user:pw@example.com/',
      'not a url',
      undefined,
    ]) {
      expect(chatOriginPattern(link), String(link)).toBeNull();
    }
  });
  it('opens a link only on an origin the browser grants, and never when the browser cannot say', async () => {
    const granted = async (pattern: string) => pattern === 'https://mms.pinduoduo.com/*';
    expect(await isOpenableLink('https://mms.pinduoduo.com/chat-merchant/', granted)).toBe(true);
    expect(await isOpenableLink('https://evil.example/', granted)).toBe(false);
    expect(await isOpenableLink('data:text/html,x', async () => true)).toBe(false);
    expect(await isOpenableLink('https://mms.pinduoduo.com/', () => Promise.reject(new Error('no permissions API')))).toBe(false);
  });
  it('drops a pulled follow-up’s link that is not http(s)', () => {
    const row: RemoteRow = {
      kind: 'followup',
      id: 'f1',
      seq: 1,
      deleted: false,
      updatedAt: 1,
      data: {
        kind: 'payment_reminder',
        site: 'demo',
        conversationKey: 'k',
        conversationUrl: 'data:text/html,x',
        status: 'open',
        dueAt: 1,
        deadlineAt: 2,
        createdAt: 1,
      },
    };
    expect(followUpFromRow(row, 'shop', 0).conversationUrl).toBeUndefined();
    expect(followUpFromRow({ ...row, data: { ...row.data, conversationUrl: 'https://mms.pinduoduo.com/chat-merchant/' } }, 'shop', 0).conversationUrl).toBe(
      'https://mms.pinduoduo.com/chat-merchant/',
    );
  });
  it('never overwrites a rep’s private script with a pulled team script of the same id', () => {
    const row: RemoteRow = { kind: 'script', id: 'r1', seq: 1, deleted: false, updatedAt: 1, data: { id: 'mine-1', title: 't', text: 'x' } };
    const base = { id: 'mine-1', group: 'g', intent: 'other', title: 't', text: 'x', triggers: [], updatedAt: 1 };
    expect(teamScriptLocalId(row, 'shop', { ...base, source: 'user' })).toBe('team-r1');
    expect(teamScriptLocalId(row, 'shop', { ...base, source: 'import' })).toBe('team-r1');
    expect(teamScriptLocalId(row, 'shop', { ...base, source: 'user', shopId: 'shop' })).toBe('mine-1'); // shared by this rep: the team's version wins
    expect(teamScriptLocalId(row, 'shop', { ...base, source: 'default' })).toBe('mine-1');
    expect(teamScriptLocalId(row, 'shop', undefined)).toBe('mine-1');
  });
});
