/**
 * Live events across service instances: each instance LISTENs on PostgreSQL
 * channels; every committed write NOTIFYs huashu_changes "shopId:seq" and the
 * instance wakes the SSE streams of that shop; a rep's removal NOTIFYs
 * huashu_removed "shopId:repId" and every instance closes that rep's streams.
 *
 * At most MAX_STREAMS_PER_REP streams per rep on an instance: opening one more
 * closes that rep's oldest (a service worker that restarted leaves dead ones
 * behind; the newest is the one in use).
 *
 * If the LISTEN connection drops, events (a removal among them) may have been
 * missed: once it is back, every stream is closed, so each client reconnects,
 * is checked for membership again, and pulls from its checkpoint. Nothing is
 * lost: the stream is only a nudge.
 */
import type { ServerResponse } from 'node:http';
import pg from 'pg';

export const MAX_STREAMS_PER_REP = 5;

interface Stream {
  res: ServerResponse;
  repId: string;
}

export class LiveHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private client?: pg.Client;
  private closed = false;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly maxPerRep = MAX_STREAMS_PER_REP,
  ) {}

  async start(): Promise<void> {
    await this.connect();
    this.heartbeat = setInterval(() => this.broadcastAll(': ping\n\n'), 20_000);
    this.heartbeat.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (n) => {
      const [shopId, tail] = (n.payload ?? '').split(':');
      if (!shopId) return;
      if (n.channel === 'huashu_removed') this.closeRep(shopId, tail ?? '');
      else this.send(shopId, `event: changed\ndata: {"seq":${Number(tail) || 0}}\n\n`);
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query('LISTEN huashu_changes; LISTEN huashu_removed');
    this.client = client;
  }

  private reconnect(dead: pg.Client): void {
    if (this.closed || this.client !== dead) return;
    this.client = undefined;
    const retry = async (delay: number): Promise<void> => {
      if (this.closed) return;
      try {
        await this.connect();
        this.closeAll(); // a removal may have been missed: make every client reconnect (and be checked again)
      } catch {
        setTimeout(() => void retry(Math.min(delay * 2, 30_000)), delay).unref();
      }
    };
    void retry(500);
  }

  /** Follow a shop for this rep; returns the unsubscribe function (call it when the request closes). */
  subscribe(shopId: string, repId: string, res: ServerResponse): () => void {
    let set = this.streams.get(shopId);
    if (!set) this.streams.set(shopId, (set = new Set()));
    const mine = [...set].filter((s) => s.repId === repId); // oldest first (insertion order)
    for (const old of mine.slice(0, Math.max(0, mine.length - this.maxPerRep + 1))) {
      set.delete(old);
      old.res.end();
    }
    const stream: Stream = { res, repId };
    set.add(stream);
    return () => {
      set!.delete(stream);
      if (set!.size === 0 && this.streams.get(shopId) === set) this.streams.delete(shopId);
    };
  }

  /** End every stream of this rep (removed, or left). */
  closeRep(shopId: string, repId: string): void {
    const set = this.streams.get(shopId);
    if (!set) return;
    for (const s of [...set]) {
      if (s.repId !== repId) continue;
      set.delete(s);
      s.res.end();
    }
    if (set.size === 0) this.streams.delete(shopId);
  }

  private closeAll(): void {
    for (const set of this.streams.values()) for (const s of set) s.res.end();
    this.streams.clear();
  }

  private send(shopId: string, text: string): void {
    for (const s of this.streams.get(shopId) ?? []) s.res.write(text);
  }

  private broadcastAll(text: string): void {
    for (const set of this.streams.values()) for (const s of set) s.res.write(text);
  }

  get streamCount(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  /** Open streams of one rep on this instance. */
  streamsOf(shopId: string, repId: string): number {
    let n = 0;
    for (const s of this.streams.get(shopId) ?? []) if (s.repId === repId) n++;
    return n;
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.closeAll();
    await this.client?.end().catch(() => undefined);
  }
}
