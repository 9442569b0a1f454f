import { describe, expect, it } from 'vitest';
import { checkRequest, PROTOCOL_NAMES } from '../../lib/messages';

describe('protocol boundary checks', () => {
  it('accepts well-formed requests', () => {
    expect(checkRequest('recordUsage', { scriptId: 'a', site: 'demo', via: 'click' })).toBeNull();
    expect(checkRequest('suggest', { message: '在吗', context: { site: 'demo' }, top: 5 })).toBeNull();
    expect(checkRequest('ping', undefined)).toBeNull();
  });
  it('rejects wrong shapes with a bilingual message naming the field', () => {
    const e = checkRequest('recordUsage', { scriptId: 42, site: 'demo', via: 'click' })!;
    expect(e.code).toBe('bad_request');
    expect(e.en).toContain('scriptId');
    expect(e.zh).toContain('scriptId');
    expect(checkRequest('recordUsage', 'nope')).not.toBeNull();
    expect(checkRequest('suggest', { message: 'x'.repeat(300_000), context: {} })).not.toBeNull();
    expect(checkRequest('logFollowUp', { kind: 'bogus', site: 'demo', conversationKey: 'k' })).not.toBeNull();
    expect(checkRequest('snoozeFollowUp', { id: 'a', until: Number.NaN })).not.toBeNull();
  });
  it('rejects unknown message names', () => {
    expect(checkRequest('dropEverything', {})?.code).toBe('bad_request');
    expect(PROTOCOL_NAMES.has('dropEverything')).toBe(false);
    expect(PROTOCOL_NAMES.has('suggest')).toBe(true);
  });
});
