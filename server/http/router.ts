/** A tiny method+path router; handlers throw HttpError for clean 4xx answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logError } from '../log/log';
import { HttpError } from './http-error';
import { sendError } from './respond';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export class Router {
  private readonly routes = new Map<string, Handler>();

  on(method: string, path: string, handler: Handler): this {
    this.routes.set(`${method} ${path}`, handler);
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = this.routes.get(`${req.method} ${url.pathname}`);
    if (!handler) return sendError(res, 404, 'not_found');
    try {
      await handler(req, res, url);
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) return sendError(res, e.status, e.code, e.detail);
      logError('request failed', e, { method: req.method, path: url.pathname });
      sendError(res, 500, 'server_error');
    }
  }
}
