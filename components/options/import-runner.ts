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
  let settle!: (result: ImportRunResult) => void;
  let finished = false;
  const result = new Promise<ImportRunResult>((resolve) => (settle = resolve));
  const finish = (outcome: ImportRunResult): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    settle(outcome);
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
  return { result, cancel: () => finish({ ok: false, cancelled: true }), where: 'worker' };
}

/** No worker: the old path, in the page (chunked, so progress is still painted). No deadline can interrupt it. */
function runInPage(request: ImportWorkerRequest, options: ImportRunOptions): ImportRun {
  let settle!: (result: ImportRunResult) => void;
  let finished = false;
  const result = new Promise<ImportRunResult>((resolve) => (settle = resolve));
  const finish = (outcome: ImportRunResult): void => {
    if (finished) return;
    finished = true;
    settle(outcome);
  };
  void runImportRequest(request, (message) => {
    if (finished) return;
    if (message.type === 'progress') options.onProgress?.(message.done, message.total, message.phase);
    else finish(message.result);
  });
  return { result, cancel: () => finish({ ok: false, cancelled: true }), where: 'page' };
}
