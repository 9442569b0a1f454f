/** Risk findings of a script, as small labelled chips (block red, warn orange) with the reason on hover. */
import type { RiskFinding } from '@/lib/types';
import { pick } from '../i18n';

export function FindingList({ findings, compact = false }: { findings: readonly RiskFinding[]; compact?: boolean }) {
  if (findings.length === 0) return null;
  return (
    <ul class={`findings${compact ? ' compact' : ''}`} data-huashu="findings">
      {findings.map((f) => (
        <li class={`risk ${f.severity}`} title={pick(f.message)} data-severity={f.severity}>
          <b>{f.severity === 'block' ? pick({ zh: '禁用', en: 'Blocked' }) : pick({ zh: '注意', en: 'Warning' })}</b> “{f.match}”
          {!compact && <span class="reason"> — {pick(f.message)}</span>}
          {!compact && f.rewrite && (
            <span class="rewrite">
              {' '}
              {pick({ zh: '建议：', en: 'Try: ' })}
              {f.rewrite}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
