/** The reason and rewrite of the finding under the pointer or caret, with a one-click fix. */
import type { RiskFinding } from '@/lib/types';
import { pick } from '../i18n';
import { useSidebarState } from './stores/context';
import { draftWrites } from './stores/draft';

export function FindingPopover({ onApply }: { onApply(f: RiskFinding): void }) {
  const state = useSidebarState();
  const popover = state.popover.value;
  if (!popover) return null;
  const { finding } = popover;
  const top = Math.max(8, popover.y - 8);
  return (
    <div class="popover" data-huashu="finding-popover" style={{ left: `${Math.max(8, popover.x)}px`, top: `${top}px`, transform: 'translateY(-100%)' }}>
      <b>“{finding.match}”</b> {pick(finding.message)}
      {finding.rewrite !== undefined && (
        <div class="rewrite">
          → {finding.rewrite}{' '}
          <button
            data-huashu="popover-apply"
            onMouseDown={(e) => e.preventDefault() /* keep the caret in the compose box */}
            onClick={() => {
              draftWrites.pointAt(null);
              onApply(finding);
            }}
          >
            {pick({ zh: '改为建议说法', en: 'Apply rewrite' })}
          </button>
        </div>
      )}
    </div>
  );
}
