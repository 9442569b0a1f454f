import { describe, expect, it } from 'vitest';
import { truncateText, wellFormed } from '../../lib/text/truncate';
import { cleanInput } from '../../lib/followups/input';

describe('truncation by code point', () => {
  it('never cuts a surrogate pair and marks a cut', () => {
    expect(truncateText('ab😀cd', 3)).toBe('ab😀');
    expect(truncateText('ab😀', 2, '…')).toBe('ab…');
    expect(truncateText('ab😀', 3, '…')).toBe('ab😀');
    expect(truncateText('', 3, '…')).toBe('');
    expect(truncateText('abc', 0, '…')).toBe('…');
  });

  it('makes ill-formed text well-formed', () => {
    expect(wellFormed('a\ud83d')).toBe('a\ufffd');
    expect(wellFormed('\ude00b')).toBe('\ufffdb');
    expect(wellFormed('😀')).toBe('😀');
  });
});

describe('follow-up fields', () => {
  it('a 99-character buyer name plus an emoji is stored whole-charactered, never ending in half a pair', () => {
    const name = '买'.repeat(99) + '😀😀';
    const out = cleanInput({ kind: 'payment_reminder', site: 'demo', orderId: '123', buyerName: name });
    expect(out.buyerName).toBe('买'.repeat(99) + '😀');
    expect(wellFormed(out.buyerName!)).toBe(out.buyerName);
  });
});
