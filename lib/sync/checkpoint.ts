/**
 * Checkpoints: the server hands out an opaque cursor (the shop's change
 * sequence, see server/README.md for why it never skips a row committed out of
 * order). The client only stores it, and never moves it backwards.
 */
export interface Checkpoint {
  shopId: string;
  cursor: string;
}

export function cursorValue(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(cursor);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** The newer of two cursors; a cursor from another shop is replaced. */
export function advance(current: Checkpoint | undefined, shopId: string, next: string): Checkpoint {
  if (!current || current.shopId !== shopId) return { shopId, cursor: next };
  return cursorValue(next) >= cursorValue(current.cursor) ? { shopId, cursor: next } : current;
}

export function cursorFor(current: Checkpoint | undefined, shopId: string): string {
  return current && current.shopId === shopId ? current.cursor : '0';
}
