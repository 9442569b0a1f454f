/**
 * The sidebar's state as the components read it: one read-only view over the
 * stores that own it (./stores/: the conversation the page shows, the draft's
 * findings, the sidebar itself). Each store is written only through its own
 * functions; components get this view through context (./stores/context.ts).
 */
import type { ConversationSnapshot } from '@/lib/types';
import { conversation } from './stores/conversation';
import { draft } from './stores/draft';
import { ui } from './stores/ui';

export type { Notice } from './stores/ui';
export type { HighlightTarget, PopoverState } from './stores/draft';
export type { GuardDecision } from './dialogs';

export const sidebarState = {
  ...conversation,
  draftFindings: draft.findings,
  highlight: draft.highlight,
  popover: draft.popover,
  ...ui,
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
