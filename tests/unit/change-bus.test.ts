import { describe, expect, it } from 'vitest';
import { createChangeBus } from '../../lib/data/change-bus';

describe('the change bus', () => {
  it('tells every subscriber in order, and a failing one neither stops the others nor throws', () => {
    const errors: unknown[] = [];
    const bus = createChangeBus<number>((e) => errors.push(e));
    const seen: string[] = [];
    bus.on((n) => seen.push(`a${n}`));
    bus.on(() => {
      throw new Error('boom');
    });
    const off = bus.on((n) => seen.push(`c${n}`));
    expect(() => bus.emit(1)).not.toThrow();
    off();
    bus.emit(2);
    expect(seen).toEqual(['a1', 'c1', 'a2']);
    expect(errors).toHaveLength(2);
  });
});
