/**
 * Module worker that reads an import file and builds its preview, so a large
 * or hostile file never freezes the options page (import-runner.ts starts it
 * and stops it at the deadline). One request per worker.
 */
import { runImportRequest, type ImportWorkerMessage, type ImportWorkerRequest } from '@/lib/import/import-worker-core';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerMessage): void;
};

scope.onmessage = (event) => {
  void runImportRequest(event.data, (message) => scope.postMessage(message));
};
