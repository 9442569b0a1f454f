/**
 * The import work done off the options page's main thread: the message a
 * worker receives, what it sends back, and the handler itself (no Worker
 * API here, so it runs and is tested in Node). The worker entry is
 * components/options/import.worker.ts; the page side is
 * components/options/import-runner.ts.
 */
import type { ReplyScript } from '../types';
import type { ColumnMapping } from './import-types';
import { previewImportFile, type PreviewFileResult } from './preview-file';
import { problems } from './problems';

export interface ImportWorkerRequest {
  name: string;
  bytes: Uint8Array;
  library: ReplyScript[];
  options?: { mapping?: ColumnMapping; headerRow?: number };
}

export type ImportPhase = 'parse' | 'rows' | 'compare';

export type ImportWorkerMessage = { type: 'progress'; phase: ImportPhase; done: number; total: number } | { type: 'done'; result: PreviewFileResult };

/** Progress is sent at most this often (and always at the end of a phase). */
const PROGRESS_EVERY_MS = 50;

export async function runImportRequest(request: ImportWorkerRequest, post: (message: ImportWorkerMessage) => void): Promise<void> {
  let last = 0;
  let lastPhase: ImportPhase | undefined;
  let result: PreviewFileResult;
  try {
    result = await previewImportFile(request.name, request.bytes, request.library, {
      ...(request.options ?? {}),
      onProgress: (done, total, phase) => {
        const now = Date.now();
        if (phase === lastPhase && done < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        lastPhase = phase;
        post({ type: 'progress', phase, done, total });
      },
    });
  } catch (e) {
    result = { ok: false, problem: problems.importFailed(String((e as Error)?.message ?? e)) };
  }
  post({ type: 'done', result });
}
