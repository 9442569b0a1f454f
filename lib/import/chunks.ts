/**
 * Long imports must not freeze the options page: work is cut into chunks and
 * the event loop gets a turn between them (so progress can be painted).
 */
import type { ProgressCallback } from './import-types';
import { ROWS_PER_CHUNK } from './limits';

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Run `step` on every item, ROWS_PER_CHUNK at a time, yielding between chunks
 * and reporting progress after each.
 */
export async function parseInChunks<T>(
  items: readonly T[],
  step: (item: T, index: number) => void,
  options: { onProgress?: ProgressCallback; chunkSize?: number } = {},
): Promise<void> {
  const size = options.chunkSize ?? ROWS_PER_CHUNK;
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) step(items[i]!, i);
    options.onProgress?.(end, items.length);
    if (end < items.length) await yieldToEventLoop();
  }
  if (items.length === 0) options.onProgress?.(0, 0);
}
