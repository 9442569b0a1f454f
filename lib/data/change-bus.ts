/**
 * A small in-worker bus: every write to the extension's data announces one
 * typed change, and the parts that react to writes (the team outbox, the
 * suggestion index, follow-up counters and badge, the tab broadcast)
 * subscribe instead of being called by hand from each write path.
 *
 * Subscribers run in order, synchronously; one that throws is logged and
 * never fails the write or the other subscribers (the write already happened).
 */
export type Unsubscribe = () => void;

export interface ChangeBus<C> {
  on(listener: (change: C) => void): Unsubscribe;
  emit(change: C): void;
}

export function createChangeBus<C>(
  onListenerError: (error: unknown, change: C) => void = (e) => console.error('[huashu] change listener failed', e),
): ChangeBus<C> {
  const listeners = new Set<(change: C) => void>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(change) {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          onListenerError(error, change);
        }
      }
    },
  };
}
