import { describe, expect, it } from 'vitest';
import { parseProfileFile, profileToFile } from '../../lib/sites/profile-file';
import type { SiteProfile } from '../../lib/types';

const PROFILE: SiteProfile = {
  origin: 'https://help.example.com',
  name: '星河客服台',
  selectors: {
    messageList: '.talk-scroll',
    buyerMessage: '.talk-row--peer .bubble-text',
    sellerMessage: '.talk-row--self .bubble-text',
    composeBox: 'textarea',
    sendButton: '.send',
  },
  updatedAt: 5,
};

describe('site profile files', () => {
  it('round-trips and re-homes to the importing page', () => {
    const r = parseProfileFile(profileToFile(PROFILE), 'https://desk.example.org');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.profile.origin).toBe('https://desk.example.org');
    expect(r.originChanged).toBe(true);
    expect(r.profile.selectors).toEqual(PROFILE.selectors);
    expect(r.profile.name).toBe('星河客服台');
  });

  it('refuses non-JSON, foreign JSON, missing parts, non-strings and invalid selectors', () => {
    expect(parseProfileFile('not json', PROFILE.origin).ok).toBe(false);
    expect(parseProfileFile('{"hello":1}', PROFILE.origin).ok).toBe(false);
    const missing = JSON.parse(profileToFile(PROFILE));
    delete missing.profile.selectors.composeBox;
    expect(parseProfileFile(JSON.stringify(missing), PROFILE.origin).ok).toBe(false);
    const code = JSON.parse(profileToFile(PROFILE));
    code.profile.selectors.buyerMessage = { toString: 'alert(1)' };
    expect(parseProfileFile(JSON.stringify(code), PROFILE.origin).ok).toBe(false);
    const r = parseProfileFile(profileToFile(PROFILE), PROFILE.origin, (s) => s !== 'textarea');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain('composeBox');
  });

  it('keeps only known fields', () => {
    const extra = JSON.parse(profileToFile(PROFILE));
    extra.profile.selectors.evil = 'script';
    extra.profile.onload = 'x';
    const r = parseProfileFile(JSON.stringify(extra), PROFILE.origin);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.profile.selectors)).not.toContain('evil');
      expect(Object.keys(r.profile)).toEqual(['origin', 'name', 'selectors', 'updatedAt']);
    }
  });
});
