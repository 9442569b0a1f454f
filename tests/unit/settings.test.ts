import { describe, expect, it } from 'vitest';
import { clampSidebarWidth, validateSettings } from '../../lib/settings';

describe('settings validation', () => {
  it('accepts sensible values', () => {
    expect(validateSettings({ repName: '小林', shopName: '话术旗舰店', language: 'en', sidebarWidths: { 'a.com': 400 } })).toEqual([]);
  });
  it('names the field and says what is wrong, in both languages', () => {
    const problems = validateSettings({
      repName: '很'.repeat(21),
      sidebarWidths: { 'a.com': 5000 },
      extraSites: ['not a url'],
      customBanned: [{ word: ' ', category: 'abuse' }],
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['customBanned', 'extraSites', 'repName', 'sidebarWidths']);
    for (const p of problems) {
      expect(p.zh.length).toBeGreaterThan(0);
      expect(p.en.length).toBeGreaterThan(0);
    }
  });
  it('clamps sidebar widths', () => {
    expect(clampSidebarWidth(10)).toBe(280);
    expect(clampSidebarWidth(9999)).toBe(640);
    expect(clampSidebarWidth(Number.NaN)).toBe(360);
  });
});
