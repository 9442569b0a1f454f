/**
 * The send guard's dialog: why the draft was stopped, the polite rewrite,
 * and three ways on — apply the rewrite, go back and edit, or send anyway
 * with a reason (the override is logged).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { applyAllRewrites } from '@/lib/risk/rewrite-all';
import { pick } from '../i18n';
import { dialogs, type DialogRequest, type GuardDecision } from './dialogs';

const REASONS = [
  { zh: '平台允许的官方联系方式', en: 'An official contact the platform allows' },
  { zh: '买家主动要求，已按规则处理', en: 'The buyer asked; handled within the rules' },
  { zh: '误报', en: 'False alarm' },
];

export function SendGuardDialog({ request }: { request: DialogRequest<'sendGuard'> }) {
  const decide = (decision: GuardDecision) => dialogs.answer('sendGuard', decision);
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const firstButton = useRef<HTMLButtonElement>(null);
  const hasRewrite = request.findings.some((f) => f.rewrite !== undefined);
  const rewritten = hasRewrite ? applyAllRewrites(request.text, request.findings) : '';

  useEffect(() => firstButton.current?.focus(), []);

  return (
    <div class="guard-backdrop" data-huashu="send-guard" role="dialog" aria-modal="true" onKeyDown={(e) => e.key === 'Escape' && decide({ kind: 'edit' })}>
      <div class="guard">
        <h2>{pick({ zh: '这条消息暂未发送', en: 'This message was not sent' })}</h2>
        <p class="muted">{pick({ zh: '以下用语可能导致店铺被处罚或引起买家不满：', en: 'This wording may get the shop penalised or upset the buyer:' })}</p>
        <ul class="guard-findings">
          {request.findings.map((f, i) => (
            <li key={i} class={`finding ${f.severity}`} data-category={f.category} data-severity={f.severity}>
              <b>“{f.match}”</b>{' '}
              <span class="sev">
                {f.severity === 'block'
                  ? pick({ zh: '禁止', en: 'Block' })
                  : f.severity === 'warn'
                    ? pick({ zh: '注意', en: 'Warn' })
                    : pick({ zh: '提示', en: 'Tip' })}
              </span>
              <div>{pick(f.message)}</div>
              {f.rewrite !== undefined && <div class="rewrite">→ {f.rewrite || pick({ zh: '（删除）', en: '(remove)' })}</div>}
            </li>
          ))}
        </ul>
        {hasRewrite && (
          <div class="guard-preview">
            <div class="label">{pick({ zh: '改写后：', en: 'After rewriting:' })}</div>
            <div data-huashu="rewrite-preview">{rewritten}</div>
          </div>
        )}
        {!overriding ? (
          <div class="row">
            {hasRewrite && (
              <button ref={firstButton} class="primary" data-huashu="guard-rewrite" onClick={() => decide({ kind: 'rewrite' })}>
                {pick({ zh: '应用建议改写', en: 'Apply the rewrite' })}
              </button>
            )}
            <button ref={hasRewrite ? undefined : firstButton} data-huashu="guard-edit" onClick={() => decide({ kind: 'edit' })}>
              {pick({ zh: '返回修改', en: 'Back to edit' })}
            </button>
            <button class="danger-link" data-huashu="guard-override" onClick={() => setOverriding(true)}>
              {pick({ zh: '仍然发送…', en: 'Send anyway…' })}
            </button>
          </div>
        ) : (
          <form
            class="override"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) decide({ kind: 'override', reason: reason.trim() });
            }}
          >
            <div class="label">{pick({ zh: '请说明仍然发送的原因（会被记录）：', en: 'Why send it anyway? (logged)' })}</div>
            <div class="row">
              {REASONS.map((r) => (
                <button type="button" key={r.zh} onClick={() => setReason(pick(r))}>
                  {pick(r)}
                </button>
              ))}
            </div>
            <input data-huashu="override-reason" autoFocus value={reason} maxLength={500} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            <div class="row">
              <button type="submit" class="danger" data-huashu="guard-send-anyway" disabled={!reason.trim()}>
                {pick({ zh: '确认发送', en: 'Send' })}
              </button>
              <button type="button" onClick={() => decide({ kind: 'edit' })}>
                {pick({ zh: '返回修改', en: 'Back to edit' })}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
