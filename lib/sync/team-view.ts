/**
 * What the options page's Team tab and the sidebar read about team sync:
 * one plain object the background builds from the SyncClient state and the
 * pulled members/proposals (so the UI never sees the sign-in token).
 */
import type { SyncMessage } from './messages';
import type { ProposalView } from './local-rows';
import type { Role } from './protocol';

export interface TeamMemberView {
  id: string;
  name: string;
  role: Role;
  removed: boolean;
}

export interface TeamView {
  serverUrl?: string;
  joined: boolean;
  shopName?: string;
  repId?: string;
  role?: Role;
  online: boolean;
  removed: boolean;
  lastSyncAt?: number;
  pending: number;
  conflicts: Array<{ changeId: string; kind: string; id: string; title?: string; at: number; message: SyncMessage }>;
  rejected: Array<{ changeId: string; kind: string; id: string; code: string; at: number; message: SyncMessage }>;
  lastError?: { code: string; message: SyncMessage };
  members: TeamMemberView[];
  /** Leads/editors: every proposal; reps: their own. */
  proposals: ProposalView[];
  sharedScripts: number;
}

/** Answer to claimFollowUp: may the rep send this 催付/review reply now? */
export interface ClaimAnswer {
  /** false in solo mode (nothing to claim; sending is allowed). */
  team: boolean;
  ok: boolean;
  followUpId?: string;
  code?: string;
  /** The name of the rep who holds it, when another rep does. */
  heldBy?: string;
  message?: SyncMessage;
}
