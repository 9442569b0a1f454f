/**
 * What the page shows: which adapter reads it, how healthy that reading is,
 * the conversation and the suggestions for its latest buyer message. Written
 * only through the functions here (the page session calls them); read by the
 * components as read-only signals.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { AdapterHealth } from '@/lib/sites/adapter';
import type { ConversationSnapshot, Suggestion } from '@/lib/types';

export type ReadingMode = 'adapter' | 'generic' | 'profile' | 'none';

const adapterName = signal('');
const mode = signal<ReadingMode>('none');
const health = signal<AdapterHealth | null>(null);
const snapshot = signal<ConversationSnapshot | null>(null);
const suggestions = signal<Suggestion[]>([]);

export const conversation = {
  adapterName: adapterName as ReadonlySignal<string>,
  mode: mode as ReadonlySignal<ReadingMode>,
  health: health as ReadonlySignal<AdapterHealth | null>,
  snapshot: snapshot as ReadonlySignal<ConversationSnapshot | null>,
  suggestions: suggestions as ReadonlySignal<Suggestion[]>,
};

export const conversationWrites = {
  reading(next: ReadingMode, name: string): void {
    mode.value = next;
    adapterName.value = name;
  },
  show(next: ConversationSnapshot | null, nextHealth?: AdapterHealth | null): void {
    snapshot.value = next;
    if (nextHealth !== undefined) health.value = nextHealth;
  },
  health(next: AdapterHealth | null): void {
    health.value = next;
  },
  suggest(list: Suggestion[]): void {
    suggestions.value = list;
  },
  /** Nothing is read any more (no adapter fits). */
  clear(hostLabel: string): void {
    snapshot.value = null;
    suggestions.value = [];
    health.value = null;
    mode.value = 'none';
    adapterName.value = hostLabel;
  },
};
