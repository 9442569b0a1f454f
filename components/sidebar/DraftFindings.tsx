import type { RiskFinding } from '@/lib/types';
import { pick, t } from '../i18n';

/** The current draft's risky wording, with the reason and a one-click rewrite. */
export function DraftFindings({ findings, onApply }: { findings: RiskFinding[]; onApply(f: RiskFinding): void }) {
  if (findings.length === 0) return null;
  return (
    <section class="draft" data-huashu="draft-findings">
      <div class="label">{t('draftFindings')}</div>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.start}-${i}`} class={`finding ${f.severity}`} data-category={f.category}>
            <b>“{f.match}”</b> {pick(f.message)}
            {f.rewrite && (
              <div class="rewrite">
                → {f.rewrite} <button onClick={() => onApply(f)}>{t('applyRewrite')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
