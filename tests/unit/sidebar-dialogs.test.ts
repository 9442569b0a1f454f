import { describe, expect, it } from 'vitest';
import { dialogs } from '../../components/sidebar/dialogs';

describe('the sidebar’s dialog service', () => {
  it('opens a question, resolves it with the answer and closes it', async () => {
    const asked = dialogs.ask('variables', { scriptTitle: '发货时间', missing: ['商品'] });
    expect(dialogs.open.variables.value).toEqual({ scriptTitle: '发货时间', missing: ['商品'] });
    expect(dialogs.isOpen('variables')).toBe(true);
    dialogs.answer('variables', { 商品: '外套' });
    await expect(asked).resolves.toEqual({ 商品: '外套' });
    expect(dialogs.isOpen('variables')).toBe(false);
  });
  it('withdraws an open question of the same kind when a new one is asked (the old caller hears "edit")', async () => {
    const first = dialogs.ask('sendGuard', { findings: [], text: 'a' });
    const second = dialogs.ask('sendGuard', { findings: [], text: 'b' });
    await expect(first).resolves.toEqual({ kind: 'edit' });
    expect(dialogs.open.sendGuard.value?.text).toBe('b');
    dialogs.answer('sendGuard', { kind: 'override', reason: '误报' });
    await expect(second).resolves.toEqual({ kind: 'override', reason: '误报' });
  });
});
