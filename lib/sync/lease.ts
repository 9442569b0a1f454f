/**
 * Claim leases on the client. The server decides who holds a follow-up using
 * its own clock; the client only keeps a duration measured on its own clock
 * from the moment it SENT the claim, minus a safety margin. So a rep's wrong
 * clock (skew) cannot stretch a lease, and an offline client can never obtain
 * one: a lease exists only after the server confirmed the claim.
 */
import type { ClaimGranted } from './protocol';

export interface Lease {
  followUpId: string;
  claimId: string;
  /** Local clock: acting is allowed strictly before this. */
  validUntilLocal: number;
  /** Server clock, for display only. */
  leaseUntilServer: number;
}

/** Margin kept back from every lease, to cover request latency and small clock drift. */
export const LEASE_SAFETY_MS = 15_000;

export function leaseFromClaim(granted: ClaimGranted, sentAtLocal: number): Lease {
  return {
    followUpId: granted.followUpId,
    claimId: granted.claimId,
    validUntilLocal: sentAtLocal + granted.leaseMs - LEASE_SAFETY_MS,
    leaseUntilServer: granted.leaseUntil,
  };
}

/** May the rep contact the buyer now? Only with a confirmed, unexpired lease. */
export function canAct(lease: Lease | undefined, nowLocal: number): boolean {
  return lease !== undefined && nowLocal < lease.validUntilLocal;
}

/** Drop leases that ran out (they are useless and must not be trusted). */
export function pruneLeases(leases: Record<string, Lease>, nowLocal: number): Record<string, Lease> {
  const out: Record<string, Lease> = {};
  for (const [id, l] of Object.entries(leases)) if (canAct(l, nowLocal)) out[id] = l;
  return out;
}
