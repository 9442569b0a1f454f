/**
 * GET /v1/stream — Server-Sent Events. Sends "changed" whenever the shop's
 * sequence moves; the client then pulls. Token in the Authorization header,
 * or ?token= for EventSource (this endpoint only). At most five streams per
 * rep and instance (a sixth closes the oldest); a removed rep's streams are
 * closed at once (LiveHub).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireMember, verifyRequest } from '../auth/member';
import type { AppContext } from '../context';
import { withShopTx } from '../db/shop-tx';

export function stream(ctx: AppContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const claims = verifyRequest(req, url, ctx.secret, { allowQueryToken: true });
    const head = await withShopTx(ctx.pool, { shopId: claims.shop }, async (tx) => {
      await requireMember(tx, claims);
      return (await tx.query<{ seq: string }>('SELECT seq FROM shops WHERE id = $1', [claims.shop])).rows[0]?.seq ?? '0';
    });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\nevent: hello\ndata: {"seq":${Number(head)}}\n\n`);
    const unsubscribe = ctx.live.subscribe(claims.shop, claims.sub, res);
    req.on('close', unsubscribe);
    // A removal that committed between the check above and the subscription sent its notice to nobody: look again.
    const still = await withShopTx(ctx.pool, { shopId: claims.shop }, (tx) => requireMember(tx, claims)).then(
      () => true,
      () => false,
    );
    if (!still) res.end();
  };
}
