/**
 * Live events across service instances: each instance LISTENs on one
 * PostgreSQL channel; every committed write NOTIFYs "shopId:seq"; the
 * instance wakes the SSE streams of that shop. If the LISTEN connection drops,
 * it reconnects and wakes every stream (events may have been missed; the
 * clients pull from their checkpoints, so nothing is lost).
 */
import type { ServerResponse } from 'node:http';
import pg from 'pg';

export class LiveHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private client?: pg.Client;
  private closed = false;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    await this.connect();
    this.heartbeat = setInterval(() => this.broadcastAll(': ping\n\n'), 20_000);
    this.heartbeat.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (n) => {
      const [shopId, seq] = (n.payload ?? '').split(':');
      if (shopId) this.send(shopId, `event: changed\ndata: {"seq":${Number(seq) || 0}}\n\n`);
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query('LISTEN huashu_changes');
    this.client = client;
  }

  private reconnect(dead: pg.Client): void {
    if (this.closed || this.client !== dead) return;
    this.client = undefined;
    const retry = async (delay: number): Promise<void> => {
      if (this.closed) return;
      try {
        await this.connect();
        this.broadcastAll('event: changed\ndata: {"seq":0}\n\n');
      } catch {
        setTimeout(() => void retry(Math.min(delay * 2, 30_000)), delay).unref();
      }
    };
    void retry(500);
  }

  subscribe(shopId: string, res: ServerResponse): () => void {
    let set = this.streams.get(shopId);
    if (!set) this.streams.set(shopId, (set = new Set()));
    set.add(res);
    return () => {
      set!.delete(res);
      if (set!.size === 0) this.streams.delete(shopId);
    };
  }

  private send(shopId: string, text: string): void {
    for (const res of this.streams.get(shopId) ?? []) res.write(text);
  }

  private broadcastAll(text: string): void {
    for (const set of this.streams.values()) for (const res of set) res.write(text);
  }

  get streamCount(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
    await this.client?.end().catch(() => undefined);
  }
}
