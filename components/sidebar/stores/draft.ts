/**
 * The rep's draft as the risk guard sees it: the findings, the compose box
 * they are drawn on, and the finding under the pointer or caret. Written only
 * through the functions here (the draft scan and the live highlights).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { RiskFinding } from '@/lib/types';

/** The compose box's findings as drawn on the page (live highlights). */
export interface HighlightTarget {
  box: HTMLElement;
  text: string;
  findings: RiskFinding[];
  /** Bumped on scroll/resize so the overlay re-measures. */
  tick: number;
}

export interface PopoverState {
  finding: RiskFinding;
  x: number;
  y: number;
}

const findings = signal<RiskFinding[]>([]);
const highlight = signal<HighlightTarget | null>(null);
const popover = signal<PopoverState | null>(null);

export const draft = {
  findings: findings as ReadonlySignal<RiskFinding[]>,
  highlight: highlight as ReadonlySignal<HighlightTarget | null>,
  popover: popover as ReadonlySignal<PopoverState | null>,
};

export const draftWrites = {
  found(next: RiskFinding[]): void {
    findings.value = next;
  },
  drawOn(next: HighlightTarget | null): void {
    highlight.value = next;
  },
  /** The page scrolled or resized: the overlay measures again. */
  remeasure(): void {
    const h = highlight.value;
    if (h) highlight.value = { ...h, tick: h.tick + 1 };
  },
  pointAt(next: PopoverState | null): void {
    popover.value = next;
  },
};
