/** Telling database errors apart without reading their text (which may quote row data). */

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Errors that say nothing about the change being applied: the connection,
 * the server or the transaction as a whole (deadlock, serialization failure,
 * out of resources, shutting down, statement timeout). The request fails as a
 * whole and the client retries it; the change is not blamed.
 */
export function isTransientDbError(e: unknown): boolean {
  const s = sqlState(e);
  if (s) return /^(08|40|53|55|57|58)/.test(s);
  // No SQLSTATE: a dropped connection or a driver-level failure, not a bad value.
  const msg = (e as { message?: unknown } | null)?.message;
  return typeof msg === 'string' && /Connection terminated|connection.*(closed|ended|reset)|ECONNRESET|ECONNREFUSED|Client was closed/i.test(msg);
}
