/**
 * The service's error log. Rows carry buyer names, order ids and chat text;
 * PostgreSQL's messages quote them ("Failing row contains (…)", "Key (…)=(…)",
 * "JSON data, line 1: …"), and so do some JavaScript errors. So a log line
 * carries only what identifies the failure: where it happened, the ids the
 * caller passes, the error's class and SQLSTATE and the schema names of the
 * table / column / constraint involved, plus stack frames. Never a message,
 * detail, hint or value.
 */
import { sqlState } from '../db/errors';

export type LogIds = Record<string, string | number | boolean | undefined>;

export function errorFields(e: unknown): Record<string, string> {
  const err = (e ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = { error: typeof err.name === 'string' ? err.name : typeof e };
  const state = sqlState(e);
  if (state) out.sqlstate = state;
  for (const k of ['schema', 'table', 'column', 'constraint', 'routine'] as const) {
    const v = err[k];
    if (typeof v === 'string' && /^[\w.$-]{1,128}$/.test(v)) out[k] = v;
  }
  return out;
}

function frames(e: unknown): string {
  const stack = (e as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return '';
  // The first line of a stack is "Name: message"; keep only the "at …" frames.
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 6)
    .join('\n');
}

export function logError(what: string, e: unknown, ids: LogIds = {}): void {
  const fields: LogIds = { ...ids, ...errorFields(e) };
  const f = frames(e);
  console.error(`[huashu-sync] ${what} ${JSON.stringify(fields)}${f ? `\n${f}` : ''}`);
}
