/**
 * Every request's database work runs here: one transaction, as the non-owner
 * role huashu_app (so row-level security applies), with huashu.shop_id set to
 * the shop from the verified token. SET LOCAL ends with the transaction, so a
 * pooled connection never carries one shop's setting into another request.
 */
import type pg from 'pg';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type Tx = pg.PoolClient;

export interface TxScope {
  /** The shop whose rows this transaction may see; undefined only while redeeming an invite. */
  shopId?: string;
  inviteHash?: string;
}

export async function withShopTx<T>(pool: pg.Pool, scope: TxScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (scope.shopId !== undefined && !UUID.test(scope.shopId)) throw new Error('bad shop id');
  const client = await pool.connect();
  try {
    // The shop id is a checked UUID, so it can be inlined: one round trip instead of three.
    await client.query(`BEGIN; SET LOCAL ROLE huashu_app; SET LOCAL huashu.shop_id = '${scope.shopId ?? ''}'`);
    if (scope.inviteHash) await client.query(`SELECT set_config('huashu.invite_hash', $1, true)`, [scope.inviteHash]);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Switch the transaction to another shop (after an invite told us which). */
export async function setShop(tx: Tx, shopId: string): Promise<void> {
  if (!UUID.test(shopId)) throw new Error('bad shop id');
  await tx.query(`SELECT set_config('huashu.shop_id', $1, true)`, [shopId]);
}

/**
 * Lock the shop's counter row and return its value. Held until commit, so the
 * shop's sequence numbers commit in order (see README: checkpoints).
 */
export async function lockShopSeq(tx: Tx, shopId: string): Promise<number> {
  const r = await tx.query<{ seq: string }>('SELECT seq FROM shops WHERE id = $1 FOR UPDATE', [shopId]);
  if (r.rowCount === 0) throw new Error('shop not found');
  return Number(r.rows[0]!.seq);
}

/** Store the new counter value and wake every service instance's live streams (NOTIFY is sent at commit). */
export async function publishShopSeq(tx: Tx, shopId: string, seq: number): Promise<void> {
  await tx.query(`UPDATE shops SET seq = $2::bigint WHERE id = $1::uuid RETURNING pg_notify('huashu_changes', $1::uuid::text || ':' || $2::bigint::text)`, [
    shopId,
    seq,
  ]);
}

/** Tell every service instance, at commit, that this rep is out: their live streams are closed (LiveHub). */
export async function publishRemoved(tx: Tx, shopId: string, repId: string): Promise<void> {
  await tx.query(`SELECT pg_notify('huashu_removed', $1::uuid::text || ':' || $2::text)`, [shopId, repId]);
}
