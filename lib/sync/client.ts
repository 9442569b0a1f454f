/**
 * SyncClient: the client side of team sync. It takes a fetch function and a
 * storage, so it runs the same in Node tests and in the extension background.
 *
 * - Local shared changes go to a persisted outbox; push sends them in batches
 *   with their client-made changeIds (a replay gets the first answer back).
 * - Pull pages from the stored checkpoint until the server says there is no
 *   more; the checkpoint is saved after each page is applied, so a service
 *   worker that is put to sleep mid-sync resumes where it stopped.
 * - Claims need the server: offline, claim() refuses and canAct() stays false.
 * - A change is cleaned before it is queued (well-formed text, no NUL, cut by
 *   code point); one the client can never send is refused at once.
 * - One bad change never stalls the rest: sync() pulls even when the push
 *   failed, and a batch the service keeps failing on (5xx, or refused whole as
 *   malformed / too large) is split in halves until the change at fault is
 *   found; once the service has shown it accepts other changes, that change is
 *   set aside: out of the outbox, into state().conflicts with a message.
 * - The token only travels over https://, or plain http:// to this computer.
 */
import { advance, cursorFor, type Checkpoint } from './checkpoint';
import { canAct, leaseFromClaim, pruneLeases, type Lease } from './lease';
import { SYNC_MESSAGES, messageFor, type SyncMessage } from './messages';
import {
  enqueueAll,
  markSent,
  pendingKeys,
  prepareChange,
  settle,
  takeBatch,
  withoutPending,
  type ConflictRecord,
  type OutboxEntry,
  type RejectedRecord,
} from './outbox';
import {
  LIMITS,
  type ChangeBody,
  type ClaimResponse,
  type ErrorBody,
  type InviteResponse,
  type PullResponse,
  type PushChange,
  type PushResponse,
  type RemoteRow,
  type Role,
  type SessionResponse,
} from './protocol';
import { SseParser } from './sse-parse';
import type { SyncStorage } from './storage';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface SyncClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  storage: SyncStorage;
  /** Called with pulled rows (and the server version of conflicting rows); write them to the local database. */
  applyRows?: (rows: RemoteRow[]) => Promise<void> | void;
  /** Called on leave / removal: drop the shop's shared rows from this device. */
  clearShared?: () => Promise<void> | void;
  /** Called with the changes the server applied and the seq each got (to keep the base version of the next edit current). */
  onApplied?: (applied: Array<{ change: PushChange; seq?: number }>) => Promise<void> | void;
  now?: () => number;
  newId?: () => string;
  pushBatchSize?: number;
  pullLimit?: number;
}

export interface SyncState {
  joined: boolean;
  shopId?: string;
  shopName?: string;
  repId?: string;
  role?: Role;
  online: boolean;
  removed: boolean;
  lastSyncAt?: number;
  pending: number;
  conflicts: ConflictRecord[];
  rejected: RejectedRecord[];
  lastError?: { code: string; message: SyncMessage };
}

export interface SyncReport {
  ok: boolean;
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
  error?: { code: string; message: SyncMessage };
}

/** An HTTP answer that is not 2xx, with the server's code and message. */
export class SyncError extends Error {
  constructor(
    readonly code: string,
    readonly syncMessage: SyncMessage,
    readonly status: number,
    /** For 429: how long the service asked to wait (Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(`${code}: ${syncMessage.en}`);
  }
}

const LOOPBACK_HOST = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether the token may be sent to this server: https://, or http:// only to
 * this computer (localhost, 127.x.x.x, ::1). Anything else would carry the
 * rep's sign-in in clear text across the network.
 */
export function checkServerUrl(baseUrl: string): { ok: true } | { ok: false; code: 'insecure_url'; message: SyncMessage } {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return { ok: true }; // not a URL at all: fetch will say so
  }
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOST.test(u.hostname))) return { ok: true };
  return { ok: false, code: 'insecure_url', message: SYNC_MESSAGES.insecure_url };
}

/** How often one change alone may get a 5xx (with the service otherwise working) before it is set aside. */
export const QUARANTINE_AFTER = 3;
/**
 * Failed pushes in one run, before any push was accepted, after which the
 * client stops bisecting: a service that fails every non-empty push is broken,
 * not the changes. Enough for a 500-change batch (≈ 2·log2 500 halvings) led by
 * a dozen bad changes.
 */
const MAX_FAILURES_WITHOUT_EVIDENCE = 32;

/** A push answered as a whole with an error that may be the fault of a change in it. */
function isBatchFault(e: unknown): e is SyncError {
  return e instanceof SyncError && (e.status >= 500 || e.status === 413 || e.status === 400);
}

const K = {
  session: 'sync.session',
  checkpoint: 'sync.checkpoint',
  outbox: 'sync.outbox',
  conflicts: 'sync.conflicts',
  rejected: 'sync.rejected',
  leases: 'sync.leases',
  lastSyncAt: 'sync.lastSyncAt',
  removed: 'sync.removed',
} as const;

interface Suspect {
  change: PushChange;
  error: SyncError;
  /** Batch faults while it was sent alone. */
  strikes: number;
}

/** The state of one push(): counts, and the changes left for a later sync. */
interface PushRun {
  pushed: number;
  conflicts: number;
  rejected: number;
  /** Not sent again in this run (unanswered, or a suspect). */
  skip: Set<string>;
  suspects: Suspect[];
  /** The service accepted a push in this run: it works, so a change failing alone is at fault. */
  accepted: boolean;
  failuresWithoutEvidence: number;
  failure?: SyncError;
}

interface Loaded {
  session?: SessionResponse;
  checkpoint?: Checkpoint;
  outbox: OutboxEntry[];
  conflicts: ConflictRecord[];
  rejected: RejectedRecord[];
  leases: Record<string, Lease>;
  lastSyncAt?: number;
  removed: boolean;
}

export class SyncClient {
  private readonly o: Required<Omit<SyncClientOptions, 'applyRows' | 'clearShared' | 'onApplied'>> &
    Pick<SyncClientOptions, 'applyRows' | 'clearShared' | 'onApplied'>;
  private s?: Loaded;
  private online = true;
  private lastError?: { code: string; message: SyncMessage };
  private running?: Promise<SyncReport>;
  private again = false;

  constructor(options: SyncClientOptions) {
    this.o = {
      now: () => Date.now(),
      newId: () => globalThis.crypto.randomUUID(),
      pushBatchSize: 500,
      pullLimit: LIMITS.defaultPullLimit,
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  private async load(): Promise<Loaded> {
    if (this.s) return this.s;
    const st = this.o.storage;
    this.s = {
      session: await st.get<SessionResponse>(K.session),
      checkpoint: await st.get<Checkpoint>(K.checkpoint),
      outbox: (await st.get<OutboxEntry[]>(K.outbox)) ?? [],
      conflicts: (await st.get<ConflictRecord[]>(K.conflicts)) ?? [],
      rejected: (await st.get<RejectedRecord[]>(K.rejected)) ?? [],
      leases: (await st.get<Record<string, Lease>>(K.leases)) ?? {},
      lastSyncAt: await st.get<number>(K.lastSyncAt),
      removed: (await st.get<boolean>(K.removed)) ?? false,
    };
    return this.s;
  }

  private async save(...keys: Array<keyof Loaded>): Promise<void> {
    const s = await this.load();
    const map: Record<keyof Loaded, string> = K;
    for (const k of keys) {
      const v = s[k];
      if (v === undefined) await this.o.storage.delete(map[k]);
      else await this.o.storage.set(map[k], v);
    }
  }

  // ---- HTTP ----------------------------------------------------------------

  private async request<T>(method: string, path: string, body?: unknown, auth = true): Promise<T> {
    const s = await this.load();
    this.refuseInsecure();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) {
      if (!s.session) throw new SyncError('not_member', SYNC_MESSAGES.not_member, 0);
      headers.authorization = `Bearer ${s.session.token}`;
    }
    let res: Response;
    try {
      res = await this.o.fetch(this.o.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      this.online = false;
      this.lastError = { code: 'server_unavailable', message: SYNC_MESSAGES.server_unavailable };
      throw new SyncError('server_unavailable', SYNC_MESSAGES.server_unavailable, 0);
    }
    this.online = true;
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const err = (json as ErrorBody | undefined)?.error;
      const code = err?.code ?? (res.status >= 500 ? 'server_error' : res.status === 429 ? 'rate_limited' : 'bad_request');
      const retryAfter = Number(res.headers?.get?.('retry-after'));
      const e = new SyncError(code, err?.message ?? messageFor(code), res.status, res.status === 429 && retryAfter > 0 ? retryAfter * 1000 : undefined);
      this.lastError = { code, message: e.syncMessage };
      if (code === 'removed') {
        s.removed = true;
        s.leases = {};
        await this.save('removed', 'leases');
        await this.o.clearShared?.();
      }
      throw e;
    }
    return json as T;
  }

  private refuseInsecure(): void {
    const check = checkServerUrl(this.o.baseUrl);
    if (check.ok) return;
    this.lastError = { code: check.code, message: check.message };
    throw new SyncError(check.code, check.message, 0);
  }

  // ---- membership ----------------------------------------------------------

  private async startSession(session: SessionResponse): Promise<SessionResponse> {
    const s = await this.load();
    s.session = session;
    s.removed = false;
    s.leases = {};
    if (s.checkpoint?.shopId !== session.shopId) s.checkpoint = undefined;
    await this.save('session', 'removed', 'leases', 'checkpoint');
    return session;
  }

  /** Create a shop; the caller becomes its lead. */
  async createShop(shopName: string, repName: string): Promise<SessionResponse> {
    return this.startSession(await this.request<SessionResponse>('POST', '/v1/shops', { shopName, repName }, false));
  }

  /** Join a shop with a one-time invite code. */
  async join(code: string, repName: string): Promise<SessionResponse> {
    return this.startSession(await this.request<SessionResponse>('POST', '/v1/join', { code, repName }, false));
  }

  /** Lead only: a one-time code for a new rep (or editor). */
  async invite(role: Role = 'rep', ttlHours = 72): Promise<InviteResponse> {
    return this.request<InviteResponse>('POST', '/v1/invites', { role, ttlHours });
  }

  /** Lead only: remove a rep; their unsent changes stay on their device. */
  async removeRep(repId: string): Promise<void> {
    await this.request('POST', '/v1/reps/remove', { repId });
  }

  /** Push what is pending, leave the shop and drop its shared data from this device. */
  async leave(): Promise<void> {
    const s = await this.load();
    if (!s.session) return;
    if (!s.removed) {
      await this.push().catch(() => undefined);
      await this.request('POST', '/v1/leave', {});
    }
    s.session = undefined;
    s.checkpoint = undefined;
    s.leases = {};
    s.lastSyncAt = undefined;
    s.removed = false;
    await this.save('session', 'checkpoint', 'leases', 'lastSyncAt', 'removed');
    await this.o.clearShared?.();
  }

  // ---- changes -------------------------------------------------------------

  /**
   * Queue one local change of a shared row; returns its changeId. Nothing is sent until sync().
   * The change is cleaned first (prepareChange); one that can never be sent
   * (nested too deep, too large) is listed in state().rejected at once instead.
   */
  async queue(body: ChangeBody): Promise<string> {
    return (await this.queueMany([body]))[0]!;
  }

  /** Queue many changes with one storage write (imports, bulk edits). */
  async queueMany(bodies: ChangeBody[]): Promise<string[]> {
    const s = await this.load();
    const now = this.o.now();
    const ok: PushChange[] = [];
    const refused: RejectedRecord[] = [];
    const ids = bodies.map((body) => {
      const prepared = prepareChange({ ...body, changeId: this.o.newId() } as PushChange);
      if (prepared.problem) refused.push({ change: prepared.change, code: prepared.problem, message: messageFor(prepared.problem), at: now });
      else ok.push(prepared.change);
      return prepared.change.changeId;
    });
    if (ok.length > 0) s.outbox = enqueueAll(s.outbox, ok, now);
    if (refused.length > 0) s.rejected = [...s.rejected, ...refused];
    await this.save('outbox', ...(refused.length > 0 ? (['rejected'] as const) : []));
    return ids;
  }

  /**
   * Push the whole outbox in batches. Returns how many changes the server answered.
   *
   * A batch the service fails on as a whole (5xx, or 400/413 for the request)
   * is split in halves, down to the change at fault, while the others go on.
   * A change failing alone is retried; once the service has accepted another
   * push in this run (or, when it is the only change, answered an empty
   * push), a change refused whole as malformed/too large, or failing with 5xx
   * QUARANTINE_AFTER times, is set aside: out of the outbox, into conflicts.
   * With no such sign that the service works, nothing is set aside and the
   * push fails, to be tried again by the next sync.
   */
  async push(): Promise<{ pushed: number; conflicts: number; rejected: number }> {
    const s = await this.load();
    const run: PushRun = { pushed: 0, conflicts: 0, rejected: 0, skip: new Set(), suspects: [], accepted: false, failuresWithoutEvidence: 0 };
    for (;;) {
      const waiting = run.skip.size + run.suspects.length > 0 ? s.outbox.filter((e) => !run.skip.has(e.change.changeId)) : s.outbox;
      if (waiting.length === 0) break;
      const batch = takeBatch(waiting, Math.min(this.o.pushBatchSize, LIMITS.maxChangesPerPush), LIMITS.maxBodyBytes / 2);
      await this.pushSplitting(batch, run);
    }
    if (run.suspects.length > 0) await this.trySuspects(run);
    if (run.failure) throw run.failure;
    return { pushed: run.pushed, conflicts: run.conflicts, rejected: run.rejected };
  }

  /** Send one batch; on a fault of the batch, its halves (depth first). Changes failing alone become suspects. */
  private async pushSplitting(first: PushChange[], run: PushRun): Promise<void> {
    const todo = [first];
    while (todo.length > 0) {
      const batch = todo.pop()!;
      try {
        await this.sendBatch(batch, run);
      } catch (e) {
        if (!isBatchFault(e)) throw e; // offline, signed out, removed, rate limited: stop here, retry later
        if (!run.accepted && ++run.failuresWithoutEvidence >= MAX_FAILURES_WITHOUT_EVIDENCE) throw e;
        if (batch.length > 1) {
          const mid = Math.ceil(batch.length / 2);
          todo.push(batch.slice(mid), batch.slice(0, mid));
          continue;
        }
        run.suspects.push({ change: batch[0]!, error: e, strikes: 1 });
        run.skip.add(batch[0]!.changeId);
        // Before blaming changes one by one: is the service taking pushes at all?
        if (!run.accepted && run.suspects.length === 1 && !(await this.acceptsEmptyPush())) throw e;
      }
    }
  }

  /** The changes that failed alone: retried, and set aside once the service is known to work for other changes. */
  private async trySuspects(run: PushRun): Promise<void> {
    const s = await this.load();
    const evidence = run.accepted || (run.suspects.length === 1 && s.outbox.length === 1 && (await this.acceptsEmptyPush()));
    for (const suspect of run.suspects) {
      if (!evidence) {
        run.failure = suspect.error;
        continue;
      }
      for (;;) {
        if (suspect.error.status < 500 || suspect.strikes >= QUARANTINE_AFTER) {
          await this.quarantine(suspect.change);
          run.conflicts++;
          break;
        }
        try {
          await this.sendBatch([suspect.change], run);
          break; // it went through after all
        } catch (e) {
          if (!isBatchFault(e)) throw e;
          suspect.error = e;
          suspect.strikes++;
        }
      }
    }
  }

  /** An empty push exercises the whole write path (auth, shop lock, commit) without any change to blame. */
  private async acceptsEmptyPush(): Promise<boolean> {
    try {
      await this.request<PushResponse>('POST', '/v1/push', { changes: [] });
      return true;
    } catch {
      return false;
    }
  }

  private async quarantine(change: PushChange): Promise<void> {
    const s = await this.load();
    s.outbox = s.outbox.filter((e) => e.change.changeId !== change.changeId);
    s.conflicts = [...s.conflicts, { change, at: this.o.now(), code: 'quarantined', message: SYNC_MESSAGES.quarantined, quarantined: true }];
    await this.save('outbox', 'conflicts');
  }

  /** One POST /v1/push and what follows from its answer. Throws the SyncError of a failed request. */
  private async sendBatch(batch: PushChange[], run: PushRun): Promise<void> {
    const s = await this.load();
    s.outbox = markSent(s.outbox, new Set(batch.map((c) => c.changeId)));
    await this.save('outbox');
    const res = await this.request<PushResponse>('POST', '/v1/push', { changes: batch });
    run.accepted = true;
    const sentById = new Map(s.outbox.map((e) => [e.change.changeId, e.change]));
    const settled = settle(s.outbox, res.results, this.o.now());
    s.outbox = settled.outbox;
    if (this.o.onApplied && settled.applied.length > 0)
      await this.o.onApplied(settled.applied.flatMap((r) => (sentById.has(r.changeId) ? [{ change: sentById.get(r.changeId)!, seq: r.seq }] : [])));
    s.conflicts = [...s.conflicts, ...settled.conflicts];
    s.rejected = [...s.rejected, ...settled.rejected];
    const current = settled.conflicts.map((c) => c.current).filter((r): r is RemoteRow => r !== undefined);
    if (current.length > 0) await this.o.applyRows?.(current);
    await this.save('outbox', 'conflicts', 'rejected');
    run.pushed += res.results.length;
    run.conflicts += settled.conflicts.length;
    run.rejected += settled.rejected.length;
    // Changes the server did not answer wait for the next sync (do not spin on them).
    const answered = new Set(res.results.map((r) => r.changeId));
    for (const c of batch) if (!answered.has(c.changeId)) run.skip.add(c.changeId);
  }

  /** Pull every page after the checkpoint. Rows with a local change still pending are left for the push to decide. */
  async pull(): Promise<number> {
    const s = await this.load();
    if (!s.session) throw new SyncError('not_member', SYNC_MESSAGES.not_member, 0);
    let pulled = 0;
    for (;;) {
      const cursor = cursorFor(s.checkpoint, s.session.shopId);
      const page = await this.request<PullResponse>('GET', `/v1/pull?cursor=${encodeURIComponent(cursor)}&limit=${this.o.pullLimit}`);
      const rows = withoutPending(page.rows, pendingKeys(s.outbox));
      if (rows.length > 0) await this.o.applyRows?.(rows);
      pulled += page.rows.length;
      s.checkpoint = advance(s.checkpoint, s.session.shopId, page.cursor);
      await this.save('checkpoint');
      if (!page.more) break;
    }
    return pulled;
  }

  /** Push then pull. Concurrent calls share one run (and one more run if asked meanwhile). */
  async sync(): Promise<SyncReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let report: SyncReport;
      do {
        this.again = false;
        report = await this.syncOnce();
      } while (this.again && report.ok);
      return report;
    })();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async syncOnce(): Promise<SyncReport> {
    const s = await this.load();
    const asError = (e: unknown) =>
      e instanceof SyncError ? { code: e.code, message: e.syncMessage } : { code: 'server_error', message: SYNC_MESSAGES.server_error };
    let p = { pushed: 0, conflicts: 0, rejected: 0 };
    let pulled = 0;
    let failed: unknown;
    try {
      p = await this.push();
    } catch (e) {
      failed = e;
    }
    // A push that failed must not stop the rep from receiving the team's changes.
    const signedOut = failed instanceof SyncError && ['removed', 'unauthorized', 'token_expired', 'not_member', 'insecure_url'].includes(failed.code);
    if (!signedOut) {
      try {
        pulled = await this.pull();
      } catch (e) {
        failed ??= e;
      }
    }
    if (failed !== undefined) {
      const err = asError(failed);
      this.lastError = err;
      return { ok: false, pushed: p.pushed, pulled, conflicts: p.conflicts, rejected: p.rejected, error: err };
    }
    s.lastSyncAt = this.o.now();
    s.leases = pruneLeases(s.leases, this.o.now());
    await this.save('lastSyncAt', 'leases');
    this.lastError = undefined;
    return { ok: true, pushed: p.pushed, pulled, conflicts: p.conflicts, rejected: p.rejected };
  }

  // ---- claims --------------------------------------------------------------

  /** Ask the server for the follow-up. Offline (or refused) means: do not contact the buyer. */
  async claim(followUpId: string): Promise<ClaimResponse> {
    const s = await this.load();
    const sentAt = this.o.now();
    let res: ClaimResponse;
    try {
      res = await this.request<ClaimResponse>('POST', '/v1/claim', { followUpId });
    } catch (e) {
      const code = e instanceof SyncError && e.code === 'removed' ? 'removed' : e instanceof SyncError && e.status === 0 ? 'offline' : 'unauthorized';
      const insecure = e instanceof SyncError && e.code === 'insecure_url';
      return { ok: false, followUpId, code, message: code === 'offline' && !insecure ? SYNC_MESSAGES.offline : (e as SyncError).syncMessage };
    }
    if (res.ok) s.leases = { ...s.leases, [followUpId]: leaseFromClaim(res, sentAt) };
    else {
      const { [followUpId]: _dropped, ...rest } = s.leases;
      s.leases = rest;
    }
    await this.save('leases');
    return res;
  }

  /** True only while this device holds a server-confirmed, unexpired lease. */
  async canAct(followUpId: string): Promise<boolean> {
    const s = await this.load();
    return !s.removed && canAct(s.leases[followUpId], this.o.now());
  }

  /** Give the follow-up back (after done, or when the rep will not act). */
  async release(followUpId: string): Promise<void> {
    const s = await this.load();
    const { [followUpId]: _dropped, ...rest } = s.leases;
    s.leases = rest;
    await this.save('leases');
    await this.request('POST', '/v1/release', { followUpId }).catch(() => undefined); // the lease runs out on its own
  }

  /**
   * Record that the rep contacted the buyer. Refused without a valid lease;
   * with one, the attempt carries the claimId so the server accepts it even
   * if it is pushed after the lease ran out.
   */
  async recordAttempt(
    followUpId: string,
    scriptId?: string,
  ): Promise<{ ok: true; changeId: string } | { ok: false; code: 'not_claimed'; message: SyncMessage }> {
    const s = await this.load();
    const lease = s.leases[followUpId];
    if (s.removed || !canAct(lease, this.o.now())) return { ok: false, code: 'not_claimed', message: SYNC_MESSAGES.not_claimed };
    const changeId = await this.queue({ kind: 'followup', op: 'attempt', id: followUpId, data: { at: this.o.now(), claimId: lease!.claimId, scriptId } });
    return { ok: true, changeId };
  }

  /** Drop a conflict record once the rep has looked at it. */
  async dismissConflict(changeId: string): Promise<void> {
    const s = await this.load();
    s.conflicts = s.conflicts.filter((c) => c.change.changeId !== changeId);
    s.rejected = s.rejected.filter((c) => c.change.changeId !== changeId);
    await this.save('conflicts', 'rejected');
  }

  async state(): Promise<SyncState> {
    const s = await this.load();
    return {
      joined: !!s.session,
      shopId: s.session?.shopId,
      shopName: s.session?.shopName,
      repId: s.session?.repId,
      role: s.session?.role,
      online: this.online,
      removed: s.removed,
      lastSyncAt: s.lastSyncAt,
      pending: s.outbox.length,
      conflicts: s.conflicts,
      rejected: s.rejected,
      lastError: this.lastError,
    };
  }

  /** Unsent changes, e.g. to export them after being removed from the shop. */
  async pendingChanges(): Promise<PushChange[]> {
    return (await this.load()).outbox.map((e) => e.change);
  }

  // ---- live stream ---------------------------------------------------------

  /**
   * Follow the live stream until `signal` aborts or the connection drops; each
   * "changed" event triggers a sync. The stream is only a nudge: the data comes
   * from pull, so a missed event loses nothing.
   */
  async listen(signal: AbortSignal): Promise<void> {
    const s = await this.load();
    if (!s.session) throw new SyncError('not_member', SYNC_MESSAGES.not_member, 0);
    this.refuseInsecure();
    const res = await this.o.fetch(`${this.o.baseUrl}/v1/stream`, {
      headers: { authorization: `Bearer ${s.session.token}`, accept: 'text/event-stream' },
      signal,
    });
    if (!res.ok || !res.body) throw new SyncError('server_unavailable', SYNC_MESSAGES.server_unavailable, res.status);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    void this.sync();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const ev of parser.push(decoder.decode(value, { stream: true }))) {
          if (ev.event === 'changed') void this.sync();
        }
      }
    } catch (e) {
      if (!signal.aborted) throw e;
    }
  }
}
