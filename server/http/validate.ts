/** Small input checks for request bodies; each failure is a 400 with a readable detail. */
import { HttpError } from './http-error';

export function asObject(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new HttpError(400, 'bad_request', `${what} must be an object`);
  return v as Record<string, unknown>;
}

export function asString(v: unknown, what: string, max = 200): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max)
    throw new HttpError(400, 'bad_request', `${what} must be a non-empty string of at most ${max} characters`);
  return v.trim();
}

export function asId(v: unknown, what: string): string {
  if (typeof v !== 'string' || !/^[\w:.\-]{1,128}$/.test(v))
    throw new HttpError(400, 'bad_request', `${what} must be an id (letters, digits, _ : . -, at most 128)`);
  return v;
}
