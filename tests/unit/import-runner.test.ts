/**
 * The options page reads imports in a worker with a deadline
 * (components/options/import-runner.ts). The Worker is faked here: one that
 * runs the real worker handler with structured cloning both ways (as
 * postMessage does), one that never answers, one that only ever reports
 * progress, one that fails. The real module worker is exercised by the e2e
 * test (tests/e2e/options.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type WorkerLike } from '../../components/options/import-runner';
import { runImportRequest, type ImportWorkerRequest } from '../../lib/import/import-worker-core';
import { applyChoices } from '../../lib/import/preview';
import { previewImportFile } from '../../lib/import/preview-file';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../fixtures/import', name)));

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly behaviour: (request: ImportWorkerRequest, post: (message: unknown) => void) => void) {}
  postMessage(message: unknown): void {
    const request = structuredClone(message) as ImportWorkerRequest;
    setTimeout(
      () =>
        this.behaviour(request, (m) => {
          if (!this.terminated) this.onmessage?.({ data: structuredClone(m) } as MessageEvent);
        }),
      0,
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

const realWorker = () => new FakeWorker((request, post) => void runImportRequest(request, post));

describe('import runner', () => {
  it('returns what previewImportFile returns, through structured clones, with progress by phase', async () => {
    const bytes = fixture('qianniu-export.xlsx');
    let worker: FakeWorker | undefined;
    const phases = new Set<string>();
    const run = runImport(
      { name: 'q.xlsx', bytes, library: [] },
      {
        createWorker: () => (worker = realWorker()),
        onProgress: (_d, _t, phase) => phases.add(phase),
      },
    );
    expect(run.where).toBe('worker');
    const result = await run.result;
    const direct = await previewImportFile('q.xlsx', bytes, []);
    expect(result.ok).toBe(true);
    if (!result.ok || !direct.ok) throw new Error('unreadable');
    expect(result.preview.counts).toEqual(direct.preview.counts);
    expect(result.preview.rows.map((r) => [r.row, r.status, r.script?.text])).toEqual(direct.preview.rows.map((r) => [r.row, r.status, r.script?.text]));
    expect(result.preview.existing).toBeInstanceOf(Map);
    expect(applyChoices(result.preview).length).toBe(direct.preview.counts.new);
    expect([...phases]).toEqual(expect.arrayContaining(['rows', 'compare']));
    expect(worker!.terminated).toBe(true);
    expect(bytes.length).toBeGreaterThan(0); // the page keeps its copy (for re-reading with another mapping)
  });

  it('stops a worker that does not answer by the deadline, with a clear message', async () => {
    let worker: FakeWorker | undefined;
    const t0 = performance.now();
    const result = await runImport(
      { name: 'slow.csv', bytes: new Uint8Array([0x61]), library: [] },
      {
        deadlineMs: 200,
        createWorker: () => (worker = new FakeWorker(() => undefined)),
      },
    ).result;
    const ms = performance.now() - t0;
    expect(result).toMatchObject({ ok: false, problem: { code: 'timed-out' } });
    if (result.ok || !('problem' in result)) throw new Error('expected a problem');
    expect(result.problem.zh).toContain('已停止');
    expect(result.problem.en).toContain('was stopped');
    expect(worker!.terminated).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(5_000);
  });

  it('a worker that keeps reporting progress but never finishes is stopped too, and reports nothing after', async () => {
    let after = 0;
    let stopped = false;
    let ticker: ReturnType<typeof setInterval> | undefined;
    const result = await runImport(
      { name: 'x.csv', bytes: new Uint8Array([0x61]), library: [] },
      {
        deadlineMs: 150,
        createWorker: () =>
          new FakeWorker((_r, post) => {
            let n = 0;
            ticker = setInterval(() => post({ type: 'progress', phase: 'parse', done: ++n, total: 1e9 }), 5);
          }),
        onProgress: () => void (stopped && after++),
      },
    ).result;
    stopped = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(ticker);
    expect(result).toMatchObject({ ok: false, problem: { code: 'timed-out' } });
    expect(after).toBe(0);
  });

  it('cancel stops the worker at once', async () => {
    let worker: FakeWorker | undefined;
    const run = runImport({ name: 'x.csv', bytes: new Uint8Array([0x61]), library: [] }, { createWorker: () => (worker = new FakeWorker(() => undefined)) });
    run.cancel();
    expect(await run.result).toEqual({ ok: false, cancelled: true });
    expect(worker!.terminated).toBe(true);
  });

  it('a worker error becomes a readable failure', async () => {
    const result = await runImport(
      { name: 'x.csv', bytes: new Uint8Array([0x61]), library: [] },
      {
        createWorker: () => {
          const w = new FakeWorker(() => w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent));
          return w;
        },
      },
    ).result;
    expect(result).toMatchObject({ ok: false, problem: { code: 'import-failed', en: expect.stringContaining('boom') } });
  });

  it('where no worker can be started, the preview runs in the page', async () => {
    const run = runImport(
      { name: 'dongdong.csv', bytes: fixture('dongdong.csv'), library: [] },
      {
        createWorker: () => {
          throw new Error('no Worker here');
        },
      },
    );
    expect(run.where).toBe('page');
    const result = await run.result;
    expect(result.ok && result.preview.counts.new).toBeGreaterThan(0);
  });

  it('the worker handler turns an exception into a message instead of dying', async () => {
    const sent: unknown[] = [];
    await runImportRequest({ name: 'x.csv', bytes: null as unknown as Uint8Array, library: [] }, (m) => sent.push(m));
    expect(sent.at(-1)).toMatchObject({ type: 'done', result: { ok: false, problem: { code: 'import-failed' } } });
  });
});
