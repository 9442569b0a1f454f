import { describe, expect, it } from 'vitest';
import { INTENT_INFO } from '../../lib/suggest/intents';
import { FOLLOW_UP_KIND_BY_SCRIPT_INTENT, followUpKindForIntent, followUpKindToOffer } from '../../lib/followups/intent-kinds';

describe('script intents that open follow-ups', () => {
  it('maps 催付, 中差评回访 and 回访 scripts to their follow-up kinds and nothing else', () => {
    expect(followUpKindForIntent('payment_reminder')).toBe('payment_reminder');
    expect(followUpKindForIntent('review_recovery')).toBe('review_recovery');
    expect(followUpKindForIntent('revisit')).toBe('aftersale_revisit');
    expect(followUpKindForIntent('greeting')).toBeUndefined();
    expect(followUpKindForIntent('toString')).toBeUndefined();
    expect(followUpKindForIntent(undefined)).toBeUndefined();
    expect(followUpKindToOffer('complaint')).toBe('complaint_revisit');
    expect(followUpKindToOffer('bargain')).toBeUndefined();
  });

  it('only uses intent ids that exist in the shared taxonomy', () => {
    for (const intent of [...Object.keys(FOLLOW_UP_KIND_BY_SCRIPT_INTENT), 'complaint']) expect(INTENT_INFO[intent], intent).toBeDefined();
    for (const intent of Object.keys(FOLLOW_UP_KIND_BY_SCRIPT_INTENT)) expect(INTENT_INFO[intent]!.stage, intent).toBe('seller');
  });
});
