/**
 * The current buyer's open follow-ups under the sidebar's quick-add buttons:
 * kind, when it is due, and 完成 with an outcome. Refreshes when the buyer
 * changes and whenever the sidebar shows a notice (a quick-add or an insert
 * that logged a follow-up both show one), and once a minute for the due text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FollowUp, FollowUpOutcome } from '@/lib/types';
import { relativeDueText } from '@/lib/followups/due-text';
import { call } from '../api';
import { language, pick } from '../i18n';
import { KIND_LABEL, NON_PURCHASE_REASONS, OUTCOME_LABEL, outcomeOf, outcomesFor, type OutcomeKind } from '../popup/outcomes';
import { useSidebarState } from './stores/context';

const live = (f: FollowUp) => f.status === 'open' || f.status === 'snoozed';

export function FollowUpPanel() {
  const state = useSidebarState();
  const key = state.snapshot.value?.key;
  const notice = state.notice.value;
  const [items, setItems] = useState<FollowUp[]>([]);
  const [choosing, setChoosing] = useState<{ id: string; notPaid?: boolean } | null>(null);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);

  const load = async (conversationKey: string | undefined) => {
    if (!conversationKey) return setItems([]);
    try {
      const rows = await call('followUpsForConversation', { conversationKey });
      setItems(rows.filter(live));
      setError('');
    } catch (e) {
      const err = (e as { error?: { zh: string; en: string } }).error;
      setError(err ? pick(err) : '');
    }
  };

  useEffect(() => {
    void load(key);
  }, [key, notice, tick]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);

  const finish = async (id: string, outcome: FollowUpOutcome) => {
    setChoosing(null);
    try {
      await call('markFollowUpDone', { id, outcome });
      setItems((list) => list.filter((f) => f.id !== id));
    } catch (e) {
      const err = (e as { error?: { zh: string; en: string } }).error;
      setError(err ? pick(err) : String(e));
    }
  };

  if (!items.length && !error) return null;
  const now = Date.now();
  return (
    <div data-huashu="followup-panel" style={{ flexBasis: '100%', display: 'flex', flexDirection: 'column', gap: '4px' }}>
      {error && <div class="notice error">{error}</div>}
      {items.map((f) => (
        <div
          key={f.id}
          data-huashu="followup-item"
          data-kind={f.kind}
          style={{ border: '1px solid #e4e6eb', borderRadius: '6px', padding: '4px 8px', fontSize: '12px' }}
        >
          <div style={{ display: 'flex', gap: '6px', alignItems: 'center' }}>
            <strong>{pick(KIND_LABEL[f.kind])}</strong>
            {f.orderId && <span class="label">{f.orderId}</span>}
            {f.claimedBy && (
              <span class="label" data-huashu="followup-claimed-by" title={pick({ zh: '团队中正在跟进的客服', en: 'Rep handling it in the team' })}>
                {pick({ zh: `${f.claimedBy} 跟进中`, en: `${f.claimedBy} on it` })}
              </span>
            )}
            <span style={{ flex: 1 }} />
            <span class={f.dueAt < now ? 'error' : 'label'} data-huashu="followup-due">
              {relativeDueText(f.dueAt, now, language())}
            </span>
            <button data-huashu="followup-done" onClick={() => setChoosing(choosing?.id === f.id ? null : { id: f.id })}>
              {pick({ zh: '完成', en: 'Done' })}
            </button>
          </div>
          {choosing?.id === f.id && (
            <div class="row" data-huashu="followup-outcomes">
              {choosing.notPaid
                ? NON_PURCHASE_REASONS.map((r) => (
                    <button key={r} onClick={() => void finish(f.id, outcomeOf('not_paid', r))}>
                      {r}
                    </button>
                  ))
                : outcomesFor(f.kind).map((k: OutcomeKind) => (
                    <button
                      key={k}
                      data-outcome={k}
                      onClick={() => (k === 'not_paid' ? setChoosing({ id: f.id, notPaid: true }) : void finish(f.id, outcomeOf(k)))}
                    >
                      {pick(OUTCOME_LABEL[k])}
                    </button>
                  ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
