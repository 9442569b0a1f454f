/**
 * One-time invite codes: 12 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX. Only their SHA-256 is stored.
 */
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newInviteCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** Typed codes are forgiving: case, spaces, dashes and full-width characters do not matter. */
export function normalizeInviteCode(code: string): string {
  return code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

export function hashInviteCode(code: string): string {
  return createHash('sha256')
    .update(`huashu-invite:${normalizeInviteCode(code)}`)
    .digest('hex');
}
