/**
 * Team sync benchmark (key "sync"), against a private PostgreSQL on loopback
 * and two service instances in their own processes:
 * - initial pull of 5,000 scripts + 50,000 follow-ups into a fresh client;
 * - push of 1,000 changes;
 * - claim round trip with 50 simulated reps spread over both instances
 *   (20 claims each, at most 60 s);
 * - checkpointed catch-up vs the naive baseline (pull everything every time).
 * Checks: no lost or duplicated row, at most one holder per follow-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { percentile, round } from '../../lib/bench/stats';
import { SyncClient } from '../../lib/sync/client';
import type { RemoteRow } from '../../lib/sync/protocol';
import { MemorySyncStorage } from '../../lib/sync/storage';
import { freePort, startLocalPostgres } from '../../server/db/local-postgres';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'bench-secret-0123456789abcdef';
const SCRIPTS = 5_000;
const FOLLOWUPS = 50_000;
const REPS = 50;
const CLAIMS_PER_REP = 20;
const CLAIM_TIME_CAP_MS = 60_000;

async function startInstance(databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, HUASHU_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', HUASHU_POOL_SIZE: '30' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
    proc.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve();
    });
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

function client(url: string, rows?: Map<string, RemoteRow>, pullLimit = 5000) {
  return new SyncClient({
    baseUrl: url,
    fetch: (u, i) => fetch(u, i),
    storage: new MemorySyncStorage(),
    pullLimit,
    applyRows: rows ? (rs) => void rs.forEach((r) => rows.set(`${r.kind}:${r.id}`, r)) : undefined,
  });
}

export default {
  key: 'sync',
  async run(log: (line: string) => void) {
    const db = await startLocalPostgres({ ephemeral: true });
    const instances: Array<{ url: string; proc: ChildProcess }> = [];
    try {
      instances.push(await startInstance(db.url));
      instances.push(await startInstance(db.url));
      const i1 = instances[0]!;
      const i2 = instances[1]!;

      const lead = client(i1.url);
      const session = await lead.createShop('压测店', '组长');

      // Seed the shop directly (as the cluster's superuser: the owner role is held by row-level security), numbered like the service numbers its changes.
      const owner = new pg.Client({ connectionString: db.adminUrl });
      await owner.connect();
      const base = 10;
      await owner.query(
        `INSERT INTO scripts (shop_id, id, seq, data, updated_by)
         SELECT $1, 's' || g, $2 + g, jsonb_build_object('title', '话术' || g, 'text', '亲，您好！这是第' || g || '条话术，{买家}您的订单{订单号}已发货。', 'group', '咨询回复', 'intent', 'shipping_time', 'triggers', jsonb_build_array('发货', '几天到')), 'seed'
         FROM generate_series(1, $3) g`,
        [session.shopId, base, SCRIPTS],
      );
      await owner.query(
        `INSERT INTO followups (shop_id, id, seq, data, dedupe_key, status, created_by, updated_by)
         SELECT $1, 'f' || g, $2 + g, jsonb_build_object('kind', 'payment_reminder', 'site', 'pinduoduo', 'conversationKey', 'pdd:shop:buyer' || g,
           'orderId', 'O' || g, 'buyerName', '买家' || g, 'amount', 99.5, 'dueAt', 1760000000000 + g, 'deadlineAt', 1760086400000 + g),
           'payment_reminder:pinduoduo:O' || g, 'open', 'seed', 'seed'
         FROM generate_series(1, $3) g`,
        [session.shopId, base + SCRIPTS, FOLLOWUPS],
      );
      await owner.query('UPDATE shops SET seq = $2 WHERE id = $1', [session.shopId, base + SCRIPTS + FOLLOWUPS]);
      await owner.query('ANALYZE');

      // 1. Initial pull into a fresh client.
      const rows = new Map<string, RemoteRow>();
      const fresh = client(i2.url, rows);
      await fresh.join((await lead.invite()).code, '新人');
      let t = performance.now();
      const pulled = await fresh.pull();
      const initialPullMs = performance.now() - t;
      const scripts = [...rows.values()].filter((r) => r.kind === 'script').length;
      const followups = [...rows.values()].filter((r) => r.kind === 'followup').length;
      const initialOk = scripts === SCRIPTS && followups === FOLLOWUPS && pulled === rows.size;
      log(
        `initial pull: ${SCRIPTS} scripts + ${FOLLOWUPS} follow-ups in ${round(initialPullMs / 1000, 2)} s (${pulled} rows, ${initialOk ? 'none lost or duplicated' : 'MISMATCH'})`,
      );

      // 2. Push of 1,000 changes.
      await lead.queueMany(
        Array.from({ length: 1000 }, (_, i) => ({
          kind: 'script' as const,
          op: 'upsert' as const,
          id: `s${i + 1}`,
          data: { title: `改${i}`, text: `新版话术${i}` },
        })),
      );
      t = performance.now();
      const pushed = await lead.push();
      const pushMs = performance.now() - t;
      const dup = await owner.query(`SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM scripts WHERE shop_id = $1`, [session.shopId]);
      const pushOk = pushed.pushed === 1000 && pushed.conflicts === 0 && pushed.rejected === 0 && dup.rows[0].n === SCRIPTS && dup.rows[0].d === SCRIPTS;
      log(`push: 1,000 changes in ${round(pushMs, 0)} ms (${pushOk ? 'all applied, no duplicate' : 'MISMATCH'})`);

      // 3. Catch-up after those 1,000 changes: checkpointed vs naive (pull everything again).
      t = performance.now();
      const delta = await fresh.pull();
      const checkpointedMs = performance.now() - t;
      const naive = client(i1.url, new Map());
      await naive.join((await lead.invite()).code, '朴素');
      t = performance.now();
      const naiveRows = await naive.pull();
      const naiveMs = performance.now() - t;
      log(
        `catch-up after 1,000 changes: checkpointed ${round(checkpointedMs, 0)} ms (${delta} rows) vs naive full pull ${round(naiveMs, 0)} ms (${naiveRows} rows)`,
      );

      // 4. Claims: 50 reps over two instances, each claiming 20 distinct follow-ups; every 5th pick is contested.
      const reps: SyncClient[] = [];
      for (let r = 0; r < REPS; r++) {
        const c = client(r % 2 === 0 ? i1.url : i2.url);
        await c.join((await lead.invite()).code, `客服${r}`);
        reps.push(c);
      }
      // Paced: a rep claims, then reads/types for a while (100–600 ms here, far faster than a person). Burst: no pause at all.
      const runClaims = async (offset: number, pauseMs: () => number) => {
        const latencies: number[] = [];
        const wins = new Map<string, number>();
        let refused = 0;
        const deadline = Date.now() + CLAIM_TIME_CAP_MS;
        await Promise.all(
          reps.map(async (c, r) => {
            for (let k = 0; k < CLAIMS_PER_REP && Date.now() < deadline; k++) {
              const contested = k % 5 === 0; // every 5th pick is one all reps want
              const id = contested ? `f${offset + 15_000 + k}` : `f${offset + 1 + r * CLAIMS_PER_REP + k}`;
              const t0 = performance.now();
              const res = await c.claim(id);
              latencies.push(performance.now() - t0);
              if (res.ok) wins.set(id, (wins.get(id) ?? 0) + 1);
              else refused++;
              const p = pauseMs();
              if (p > 0) await new Promise((resolve) => setTimeout(resolve, p));
            }
          }),
        );
        latencies.sort((x, y) => x - y);
        const held = await owner.query(`SELECT count(*)::int AS n FROM followups WHERE shop_id = $1 AND claimed_by IS NOT NULL AND id = ANY($2)`, [
          session.shopId,
          [...wins.keys()],
        ]);
        const doubleHolders = [...wins.values()].filter((n) => n > 1).length;
        return {
          count: latencies.length,
          p50: round(percentile(latencies, 50), 1),
          p95: round(percentile(latencies, 95), 1),
          max: round(latencies[latencies.length - 1] ?? 0, 1),
          refused,
          doubleHolders,
          ok: doubleHolders === 0 && held.rows[0].n === wins.size,
        };
      };
      const paced = await runClaims(0, () => 100 + Math.random() * 500);
      const burst = await runClaims(25_000, () => 0);
      for (const [name, c] of [
        ['paced', paced],
        ['burst (no pause)', burst],
      ] as const)
        log(
          `claims, ${name}: ${c.count} by ${REPS} reps over 2 instances: p50 ${c.p50} ms, p95 ${c.p95} ms, max ${c.max} ms; ${c.refused} refused (contested), ${c.doubleHolders} with two holders`,
        );
      const claimOk = paced.ok && burst.ok;
      await owner.end();

      return {
        initialPull: { scripts: SCRIPTS, followUps: FOLLOWUPS, ms: round(initialPullMs, 0), rows: pulled, noneLostOrDuplicated: initialOk },
        push1000: { ms: round(pushMs, 0), ok: pushOk },
        catchUp: { checkpointedMs: round(checkpointedMs, 0), checkpointedRows: delta, naiveFullPullMs: round(naiveMs, 0), naiveRows },
        claims: { reps: REPS, instances: 2, paced, burst },
        targets: { initialPullUnder10s: initialPullMs < 10_000, claimP95Under100msPaced: paced.p95 < 100, noLostOrDuplicated: initialOk && pushOk && claimOk },
      };
    } finally {
      for (const i of instances) i.proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      await db.stop();
    }
  },
};
