/** The popup's bottom sheets: finish a follow-up with an outcome, or snooze it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FollowUp, FollowUpOutcome } from '@/lib/types';
import { snoozeUntil, type FollowUpRules } from '@/lib/followups/rules';
import { pick } from '../i18n';
import { KIND_LABEL, NON_PURCHASE_REASONS, OUTCOME_LABEL, outcomeOf, outcomesFor, type NonPurchaseReason } from './outcomes';

interface SheetProps {
  row: FollowUp;
  onClose(): void;
}

function Sheet({ title, onClose, children }: { title: string; onClose(): void; children: preact.ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, input, select')?.focus();
  }, []);
  return (
    <div class="fu-sheet-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="fu-sheet"
        role="dialog"
        aria-label={title}
        ref={ref}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div class="fu-sheet-title">
          <strong>{title}</strong>
          <span style={{ flex: 1 }} />
          <button class="fu-link" onClick={onClose} title="Esc">
            {pick({ zh: '取消', en: 'Cancel' })}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

export function DoneSheet({ row, onClose, onDone }: SheetProps & { onDone(outcome: FollowUpOutcome): void }) {
  const [reason, setReason] = useState<NonPurchaseReason | ''>('');
  const [notPaid, setNotPaid] = useState(false);
  const who = `${row.buyerName ?? pick({ zh: '买家', en: 'Buyer' })} · ${pick(KIND_LABEL[row.kind])}`;
  return (
    <Sheet title={`${pick({ zh: '标记完成', en: 'Mark done' })}：${who}`} onClose={onClose}>
      <div class="fu-sheet-choices" data-huashu="done-sheet">
        {outcomesFor(row.kind).map((k) => (
          <button
            key={k}
            data-outcome={k}
            class={k === 'not_paid' && notPaid ? 'on' : ''}
            onClick={() => (k === 'not_paid' ? setNotPaid(true) : onDone(outcomeOf(k)))}
          >
            {pick(OUTCOME_LABEL[k])}
          </button>
        ))}
      </div>
      {notPaid && (
        <div class="fu-sheet-reasons" data-huashu="not-paid-reasons">
          <span class="muted">{pick({ zh: '未付款原因：', en: 'Reason:' })}</span>
          {NON_PURCHASE_REASONS.map((r) => (
            <button key={r} data-reason={r} class={reason === r ? 'on' : ''} onClick={() => onDone(outcomeOf('not_paid', r))} onFocus={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
      )}
    </Sheet>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value (browser time) for ms. */
function localInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function SnoozeSheet({ row, rules, onClose, onSnooze }: SheetProps & { rules: FollowUpRules; onSnooze(until: number): void }) {
  const now = Date.now();
  const [custom, setCustom] = useState(localInput(now + 2 * 3_600_000));
  const [problem, setProblem] = useState('');
  const submitCustom = () => {
    const at = new Date(custom).getTime();
    if (!Number.isFinite(at) || at <= Date.now()) return setProblem(pick({ zh: '请选择晚于现在的时间', en: 'Pick a time in the future' }));
    onSnooze(at);
  };
  return (
    <Sheet title={`${pick({ zh: '稍后提醒', en: 'Snooze' })}：${row.buyerName ?? ''}`} onClose={onClose}>
      <div class="fu-sheet-choices" data-huashu="snooze-sheet">
        <button data-snooze="1h" onClick={() => onSnooze(snoozeUntil('1h', Date.now(), rules))}>
          {pick({ zh: '1 小时后', en: 'In 1 hour' })}
        </button>
        <button data-snooze="tomorrow_9" onClick={() => onSnooze(snoozeUntil('tomorrow_9', Date.now(), rules))}>
          {pick({ zh: '明天 9:00', en: 'Tomorrow 9:00' })}
        </button>
      </div>
      <div class="fu-sheet-custom">
        <input
          type="datetime-local"
          data-huashu="snooze-custom"
          value={custom}
          min={localInput(now)}
          onInput={(e) => {
            setCustom((e.target as HTMLInputElement).value);
            setProblem('');
          }}
          onKeyDown={(e) => e.key === 'Enter' && submitCustom()}
        />
        <button class="primary" data-huashu="snooze-custom-ok" onClick={submitCustom}>
          {pick({ zh: '确定', en: 'OK' })}
        </button>
      </div>
      {problem && <div class="error">{problem}</div>}
      {row.deadlineAt < Date.now() + 86_400_000 && (
        <div class="muted fu-small">{pick({ zh: '提醒时间不会晚于截止时间（订单关闭/评价期限）。', en: 'A snooze never goes past the deadline.' })}</div>
      )}
    </Sheet>
  );
}

export interface ToastState {
  text: string;
  kind: 'info' | 'error';
  undo?: () => void;
}

export function Toast({ toast, onClose }: { toast: ToastState; onClose(): void }) {
  useEffect(() => {
    const timer = setTimeout(onClose, toast.undo ? 8_000 : 3_500);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div class={`fu-toast ${toast.kind}`} role="status" data-huashu="toast">
      <span>{toast.text}</span>
      {toast.undo && (
        <button
          data-huashu="undo"
          onClick={() => {
            toast.undo!();
            onClose();
          }}
        >
          {pick({ zh: '撤销', en: 'Undo' })}
        </button>
      )}
    </div>
  );
}
