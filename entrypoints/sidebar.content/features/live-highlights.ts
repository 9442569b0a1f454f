/**
 * Underline the draft's findings in the compose box without touching the
 * editor's DOM: the CSS Custom Highlight API for contenteditable editors, a
 * mirror overlay (in our shadow root) for <textarea>/<input>. Hovering or
 * putting the caret on a finding shows its reason and rewrite.
 */
import { effect } from '@preact/signals';
import { isTextControl } from '@/lib/insert/editable';
import { getCaretOffset } from '@/lib/insert/read-field';
import { rangesForOffsets } from '@/lib/insert/text-ranges';
import type { RiskFinding, RiskSeverity } from '@/lib/types';
import { sidebarState as state } from '@/components/sidebar/state';
import type { PageSession } from '../page-session';
import type { DraftScan } from './draft-scan';
import { onAbort, type PageFeature } from './feature';
import { draftWrites } from '@/components/sidebar/stores/draft';

const SEVERITIES: RiskSeverity[] = ['block', 'warn', 'tip'];
const HIGHLIGHT_NAME = (s: RiskSeverity) => `huashu-${s}`;
const COLOURS: Record<RiskSeverity, string> = { block: '#d92d20', warn: '#dc6803', tip: '#1570ef' };

const highlightApi = () => (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined' ? CSS.highlights : null);

export const liveHighlights: PageFeature = {
  id: 'live-highlights',
  start: ({ session, draft, shadow }, signal) => startLiveHighlights(session, draft, shadow, signal),
};

function startLiveHighlights(session: PageSession, draft: DraftScan, shadow: ShadowRoot, signal: AbortSignal): void {
  const registry = highlightApi();
  let style: HTMLStyleElement | null = null;
  if (registry) {
    // ::highlight() rules must live in the page's document, where the ranges are.
    style = document.createElement('style');
    style.dataset.huashu = 'highlights';
    style.textContent = SEVERITIES.map(
      (s) =>
        `::highlight(${HIGHLIGHT_NAME(s)}) { text-decoration: underline wavy ${COLOURS[s]}; text-decoration-skip-ink: none; background-color: ${s === 'block' ? 'rgba(217,45,32,.10)' : 'transparent'}; }`,
    ).join('\n');
    (document.head ?? document.documentElement).append(style);
  }
  const clearRegistry = () => SEVERITIES.forEach((s) => registry?.delete(HIGHLIGHT_NAME(s)));

  const dispose = effect(() => {
    const findings = state.draftFindings.value;
    const box = draft.box();
    clearRegistry();
    if (!box || !findings.length) {
      draftWrites.drawOn(null);
      draftWrites.pointAt(null);
      return;
    }
    if (isTextControl(box) || !registry) {
      draftWrites.drawOn({ box, text: isTextControl(box) ? box.value : box.innerText, findings, tick: 0 });
      return;
    }
    draftWrites.drawOn(null);
    for (const severity of SEVERITIES) {
      const spans = findings.filter((f) => f.severity === severity);
      if (!spans.length) continue;
      try {
        registry.set(HIGHLIGHT_NAME(severity), new Highlight(...rangesForOffsets(box, spans)));
      } catch {
        // the editor re-rendered between scan and draw; the next scan redraws
      }
    }
  });

  // Keep the textarea overlay aligned when the page scrolls or resizes.
  const bump = () => {
    const h = state.highlight.value;
    if (h) draftWrites.drawOn({ ...h, tick: h.tick + 1 });
  };
  window.addEventListener('scroll', bump, { capture: true, passive: true, signal });
  window.addEventListener('resize', bump, { passive: true, signal });

  const findingAtOffset = (offset: number | null): RiskFinding | undefined =>
    offset === null
      ? undefined
      : (state.draftFindings.value.find((f) => offset > f.start && offset < f.end) ??
        state.draftFindings.value.find((f) => offset >= f.start && offset <= f.end));

  const rectOf = (box: HTMLElement, finding: RiskFinding): DOMRect | null => {
    if (isTextControl(box)) {
      const i = state.draftFindings.value.indexOf(finding);
      return shadow.querySelector(`.mirror .u[data-i="${i}"]`)?.getBoundingClientRect() ?? box.getBoundingClientRect();
    }
    try {
      return rangesForOffsets(box, [finding])[0]!.getBoundingClientRect();
    } catch {
      return null;
    }
  };

  const show = (finding: RiskFinding | undefined, box: HTMLElement) => {
    if (!finding) {
      draftWrites.pointAt(null);
      return;
    }
    if (state.popover.value?.finding === finding) return;
    const rect = rectOf(box, finding);
    if (rect) draftWrites.pointAt({ finding, x: rect.left, y: rect.top });
  };

  // Caret on a finding (click or arrow keys).
  const onCaret = () => {
    const box = session.composeBox();
    if (!box || draft.box() !== box) return;
    const active = document.activeElement;
    if (!(active === box || box.contains(active))) return;
    show(findingAtOffset(getCaretOffset(box)), box);
  };
  document.addEventListener('selectionchange', onCaret, { signal });
  document.addEventListener('keyup', onCaret, { capture: true, signal });

  // Pointer over a finding.
  let lastMove = 0;
  document.addEventListener(
    'mousemove',
    (e) => {
      const now = performance.now();
      if (now - lastMove < 60 || !state.draftFindings.value.length) return;
      lastMove = now;
      const box = draft.box();
      if (!box) return;
      const hit = state.draftFindings.value.find((f) => {
        const r = rectOf(box, f);
        return r && e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 2 && r.width > 0;
      });
      if (hit) show(hit, box);
    },
    { passive: true, signal },
  );

  onAbort(signal, () => {
    dispose();
    clearRegistry();
    style?.remove();
  });
}
