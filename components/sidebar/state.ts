/**
 * The sidebar's state, shared between the page logic (content script) and
 * the Preact components. Signals keep the two in step without prop drilling.
 */
import { signal } from '@preact/signals';
import type { AdapterHealth } from '@/lib/sites/adapter';
import type { ConversationSnapshot, RiskFinding, Suggestion } from '@/lib/types';
import type { Settings } from '@/lib/settings';

export type Notice = { kind: 'info' | 'success' | 'error'; text: string } | null;

export type { GuardDecision } from './dialogs';

/** The compose box's findings as drawn on the page (live highlights) and the one under the pointer/caret. */
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

export const sidebarState = {
  open: signal(true),
  width: signal(360),
  adapterName: signal(''),
  mode: signal<'adapter' | 'generic' | 'profile' | 'none'>('none'),
  health: signal<AdapterHealth | null>(null),
  snapshot: signal<ConversationSnapshot | null>(null),
  suggestions: signal<Suggestion[]>([]),
  settings: signal<Settings | null>(null),
  notice: signal<Notice>(null),
  invalidated: signal(false),
  draftFindings: signal<RiskFinding[]>([]),
  highlight: signal<HighlightTarget | null>(null),
  popover: signal<PopoverState | null>(null),
};

export type SidebarState = typeof sidebarState;

export function latestBuyerMessage(snapshot: ConversationSnapshot | null): string {
  if (!snapshot) return '';
  for (let i = snapshot.messages.length - 1; i >= 0; i--) {
    const m = snapshot.messages[i]!;
    if (m.from === 'buyer') return m.text;
  }
  return '';
}
