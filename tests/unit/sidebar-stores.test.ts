import { describe, expect, it } from 'vitest';
import { conversation, conversationWrites } from '../../components/sidebar/stores/conversation';
import { draft, draftWrites } from '../../components/sidebar/stores/draft';
import { ui, uiWrites } from '../../components/sidebar/stores/ui';

describe('the sidebar stores', () => {
  it('change only through their own functions, and clear what a lost reading leaves behind', () => {
    conversationWrites.reading('adapter', '拼多多');
    conversationWrites.show({ key: 'k', platform: 'pinduoduo', messages: [{ from: 'buyer', text: '在吗' }] }, null);
    conversationWrites.suggest([{ id: 's', intent: 'greeting', title: 't', text: 'x', score: 1 }]);
    conversationWrites.clear('example.com');
    expect([conversation.mode.value, conversation.adapterName.value, conversation.snapshot.value, conversation.suggestions.value]).toEqual([
      'none',
      'example.com',
      null,
      [],
    ]);
  });
  it('re-measures the drawn highlight without losing it, and toggles the sidebar', () => {
    const box = {} as HTMLElement;
    draftWrites.drawOn({ box, text: 'a', findings: [], tick: 0 });
    draftWrites.remeasure();
    expect(draft.highlight.value?.tick).toBe(1);
    const before = ui.open.value;
    uiWrites.toggleOpen();
    expect(ui.open.value).toBe(!before);
  });
});
