import type { ServerResponse } from 'node:http';
import { messageFor } from '../../lib/sync/messages';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRawJson(res, status, JSON.stringify(body));
}

/** For bodies already serialised (the pull page is built by PostgreSQL as JSON text). */
export function sendRawJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

export function sendError(res: ServerResponse, status: number, code: string, detail?: string): void {
  sendJson(res, status, { error: { code, message: messageFor(code), ...(detail ? { detail } : {}) } });
}
