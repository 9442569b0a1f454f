/**
 * Runs an import preview in a module worker (import.worker.ts) with a
 * deadline: the page stays responsive and shows progress, and a file that
 * takes longer than the deadline is stopped (the worker is terminated) with
 * a clear message instead of freezing the tab. Cancel stops it too.
 * Where no Worker can be made, the preview runs in the page as before.
 */
import type { ImportPhase, ImportWorkerMessage, ImportWorkerRequest } from '@/lib/import/import-worker-core';
import { runImportRequest } from '@/lib/import/import-worker-core';
import type { PreviewFileResult } from '@/lib/import/preview-file';
import { problems } from '@/lib/import/problems';

/** Reading, checking and comparing a file stops after this long. */
export const IMPORT_DEADLINE_MS = 20_000;

/** The part of the Worker API used here (a test passes a fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'huashu-import' });
}

export type ImportRunResult = PreviewFileResult | { ok: false; cancelled: true };

export interface ImportRun {
  result: Promise<ImportRunResult>;
  /** Stop now; `result` resolves with { cancelled: true }. */
  cancel(): void;
  /** 'worker', or 'page' when no worker could be started. */
  where: 'worker' | 'page';
}

export interface ImportRunOptions {
  onProgress?: (done: number, total: number, phase: ImportPhase) => void;
  deadlineMs?: number;
  createWorker?: () => WorkerLike;
}

export function runImport(request: ImportWorkerRequest, options: ImportRunOptions = {}): ImportRun {
  const deadlineMs = options.deadlineMs ?? IMPORT_DEADLINE_MS;
  let worker: WorkerLike;
  try {
    worker = (options.createWorker ?? createImportWorker)();
  } catch {
    return runInPage(request, options);
  }
  const outcome = settledOnce<ImportRunResult>();
  const finish = (result: ImportRunResult): void => {
    if (outcome.done) return;
    clearTimeout(timer);
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    outcome.settle(result);
  };
  const timer = setTimeout(() => finish({ ok: false, problem: problems.timedOut(Math.round(deadlineMs / 1000)) }), deadlineMs);
  worker.onmessage = (event) => {
    const message = event.data as ImportWorkerMessage;
    if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.phase);
    else if (message.type === 'done') finish(message.result);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    finish({ ok: false, problem: problems.importFailed(event.message || 'worker error') });
  };
  worker.onmessageerror = () => finish({ ok: false, problem: problems.importFailed('the preview could not be passed back to the page') });
  worker.postMessage(request);
  return { result: outcome.promise, cancel: () => finish({ ok: false, cancelled: true }), where: 'worker' };
}

/** No worker: the old path, in the page (chunked, so progress is still painted). No deadline can interrupt it. */
function runInPage(request: ImportWorkerRequest, options: ImportRunOptions): ImportRun {
  const outcome = settledOnce<ImportRunResult>();
  void runImportRequest(request, (message) => {
    if (outcome.done) return;
    if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.phase);
    else outcome.settle(message.result);
  });
  return { result: outcome.promise, cancel: () => outcome.settle({ ok: false, cancelled: true }), where: 'page' };
}

/** A promise settled by the first of several possible outcomes (done, cancelled, timed out, failed); later ones are ignored. */
function settledOnce<T>(): { promise: Promise<T>; readonly done: boolean; settle(value: T): void } {
  let resolve!: (value: T) => void;
  let done = false;
  const promise = new Promise<T>((r) => (resolve = r));
  return {
    promise,
    get done() {
      return done;
    },
    settle(value) {
      if (done) return;
      done = true;
      resolve(value);
    },
  };
}
