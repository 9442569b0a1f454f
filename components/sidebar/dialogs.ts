/**
 * The sidebar's questions to the rep, as one service: page logic calls
 * `ask(kind, request)` and awaits the answer; the dialog component shows
 * `open[kind]` and calls `answer(kind, value)`. No state carries callbacks,
 * and one question of a kind is open at a time.
 */
import { signal, type Signal } from '@preact/signals';
import type { RiskFinding } from '@/lib/types';

export type GuardDecision = { kind: 'edit' } | { kind: 'rewrite' } | { kind: 'override'; reason: string };

export interface DialogKinds {
  /** Variables the page could not fill for a script; null when the rep cancels. */
  variables: { request: { scriptTitle: string; missing: string[] }; answer: Record<string, string> | null };
  /** A draft the send guard stopped. */
  sendGuard: { request: { findings: RiskFinding[]; text: string }; answer: GuardDecision };
}

export type DialogKind = keyof DialogKinds;
export type DialogRequest<K extends DialogKind> = DialogKinds[K]['request'];
export type DialogAnswer<K extends DialogKind> = DialogKinds[K]['answer'];

const open: { [K in DialogKind]: Signal<DialogRequest<K> | null> } = {
  variables: signal(null),
  sendGuard: signal(null),
};
const pending: { [K in DialogKind]?: (answer: DialogAnswer<K>) => void } = {};

/** What a question left open is answered with when a new one of its kind replaces it. */
const WITHDRAWN: { [K in DialogKind]: DialogAnswer<K> } = { variables: null, sendGuard: { kind: 'edit' } };

export const dialogs = {
  /** The open question of each kind (the components render these). */
  open,
  ask<K extends DialogKind>(kind: K, request: DialogRequest<K>): Promise<DialogAnswer<K>> {
    if (pending[kind]) dialogs.answer(kind, WITHDRAWN[kind]);
    return new Promise((resolve) => {
      (pending as Record<K, (answer: DialogAnswer<K>) => void>)[kind] = resolve;
      (open[kind] as Signal<DialogRequest<K> | null>).value = request;
    });
  },
  answer<K extends DialogKind>(kind: K, value: DialogAnswer<K>): void {
    const resolve = pending[kind] as ((answer: DialogAnswer<K>) => void) | undefined;
    delete pending[kind];
    (open[kind] as Signal<DialogRequest<K> | null>).value = null;
    resolve?.(value);
  },
  isOpen: (kind: DialogKind): boolean => open[kind].value !== null,
};
