/**
 * Integration: one poisoned change never costs the batch. Values PostgreSQL or
 * JSON.stringify cannot take (U+0000, lone surrogates, 1e300, nesting 100,000
 * deep) are refused one by one with their own code; a change the database
 * itself refuses (a constraint) is rolled back alone inside its savepoint and
 * the log names the failure without the row's data; a change id replayed with
 * another body or by another rep is refused.
 */
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import type { PushResult } from '../../lib/sync/protocol';
import { newRep, useStack } from '../server/harness';

// Each test is a handful of round trips; bounded generously so a busy 2-core machine is slow, never red.
vi.setConfig({ testTimeout: 30_000 });

const stack = useStack({ instances: 1 });

const url = () => stack.services[0]!.url;

async function shop(name: string) {
  const lead = newRep(url());
  const s = await lead.client.createShop(name, '组长');
  return { lead, s };
}

/** POST a push body given as JSON text (so the test itself never has to stringify a hostile value). */
async function pushText(token: string, json: string): Promise<{ status: number; results: PushResult[] }> {
  const r = await fetch(`${url()}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: json });
  const body = (await r.json()) as { results?: PushResult[] };
  return { status: r.status, results: body.results ?? [] };
}

const change = (changeId: string, id: string, data: unknown, kind = 'script', op = 'upsert') => JSON.stringify({ changeId, kind, op, id, data });
const batch = (...changes: string[]) => `{"changes":[${changes.join(',')}]}`;

const followUp = (id: string, extra: Record<string, unknown> = {}) => ({
  kind: 'payment_reminder',
  site: 'demo',
  conversationKey: `demo:shop:${id}`,
  dedupeKey: `payment_reminder:demo:${id}`,
  dueAt: Date.now(),
  deadlineAt: Date.now() + 86_400_000,
  ...extra,
});

describe('poisoned values are refused one by one, the rest of the batch applies', () => {
  it('NUL, lone surrogates, huge numbers, deep nesting and non-web links each get their own refusal', async () => {
    const { lead, s } = await shop('毒值店');
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const { status, results } = await pushText(
      s.token,
      batch(
        change('good-000001', 'ok1', { title: '好', text: '亲，好的😀' }),
        change('nul-0000001', 'nul', { title: 't', text: 'a\u0000b' }),
        change('lone-000001', 'lone', { title: 't', text: 'half \ud83d emoji' }),
        change('lowsur-0001', 'low', { title: 't', text: 'x', extra: ['\udc00'] }),
        change('nulkey-0001', 'nulkey', { title: 't', text: 'x', ['k\u0000']: 1 }),
        change('huge-000001', 'huge', { title: 't', text: 'x', weight: 1e300 }),
        JSON.stringify({
          changeId: 'usage-big-01',
          kind: 'usage',
          op: 'record',
          id: 'u-big',
          data: { scriptId: 'ok1', site: 'demo', at: 1e300, via: 'click' },
        }),
        JSON.stringify({
          changeId: 'usage-neg-01',
          kind: 'usage',
          op: 'record',
          id: 'u-neg',
          data: { scriptId: 'ok1', site: 'demo', at: -1e15, via: 'click' },
        }),
        `{"changeId":"deep-000001","kind":"script","op":"upsert","id":"deep","data":{"title":"t","text":"x","nest":${deep}}}`,
        `{"changeId":"inf-0000001","kind":"script","op":"upsert","id":"inf","data":{"title":"t","text":"x","n":1e400}}`,
        JSON.stringify({
          changeId: 'url-js-0001',
          kind: 'followup',
          op: 'create',
          id: 'f-js',
          data: followUp('f-js', { conversationUrl: 'javascript:alert(1)' }),
        }),
        JSON.stringify({
          changeId: 'url-ok-0001',
          kind: 'followup',
          op: 'create',
          id: 'f-ok',
          data: followUp('f-ok', { conversationUrl: 'https://im.example.com/chat?id=1' }),
        }),
        JSON.stringify({ changeId: 'outcome-str1', kind: 'followup', op: 'status', id: 'f-ok', data: { status: 'done', outcome: 'paid' } }),
        JSON.stringify({
          changeId: 'usage-ok-001',
          kind: 'usage',
          op: 'record',
          id: 'u-ok',
          data: { scriptId: 'ok1', site: 'demo', at: Date.now(), via: 'click' },
        }),
        change('good-000002', 'ok2', { title: '也好', text: '在的' }),
      ),
    );
    expect(status).toBe(200);
    const by = Object.fromEntries(results.map((r) => [r.changeId, r]));
    expect(by['good-000001']!.status).toBe('applied');
    expect(by['good-000002']!.status).toBe('applied');
    expect(by['url-ok-0001']!.status).toBe('applied');
    expect(by['usage-ok-001']!.status).toBe('applied');
    for (const id of ['nul-0000001', 'lone-000001', 'lowsur-0001', 'nulkey-0001']) expect(by[id]).toMatchObject({ status: 'rejected', code: 'invalid_text' });
    for (const id of ['huge-000001', 'usage-big-01', 'usage-neg-01', 'inf-0000001'])
      expect(by[id]).toMatchObject({ status: 'rejected', code: 'invalid_number' });
    expect(by['deep-000001']).toMatchObject({ status: 'rejected', code: 'too_deep' });
    expect(by['url-js-0001']).toMatchObject({ status: 'rejected', code: 'invalid_url' });
    expect(by['outcome-str1']).toMatchObject({ status: 'rejected', code: 'invalid_row' });
    expect(by['nul-0000001']!.message!.zh).toContain('未保存');
    expect(by['nul-0000001']!.message!.en).toContain('not saved');
    expect(by['nul-0000001']!.detail).toBe('invalid_text at data.text'); // where, never the value

    const r = await lead.client.sync();
    expect(r.ok).toBe(true);
    expect(lead.rows.get('script', 'ok1')?.data.text).toBe('亲，好的😀');
    expect(lead.rows.get('script', 'ok2')?.data.text).toBe('在的');
    expect(lead.rows.get('followup', 'f-ok')?.data.conversationUrl).toBe('https://im.example.com/chat?id=1');
    for (const id of ['nul', 'lone', 'low', 'nulkey', 'huge', 'deep', 'inf']) expect(lead.rows.get('script', id)).toBeUndefined();
    expect(lead.rows.get('followup', 'f-js')).toBeUndefined();
  });

  it('a note cut by the service is cut by code point, never leaving half an emoji', async () => {
    const { lead, s } = await shop('截断店');
    await pushText(s.token, batch(JSON.stringify({ changeId: 'fu-create-01', kind: 'followup', op: 'create', id: 'f-cut', data: followUp('f-cut') })));
    const notes = 'a' + '😀'.repeat(2500); // 2,000 code points end in the middle of a surrogate pair when cut by UTF-16 unit
    const { results } = await pushText(
      s.token,
      batch(JSON.stringify({ changeId: 'fu-edit-0001', kind: 'followup', op: 'edit', id: 'f-cut', data: { notes } })),
    );
    expect(results[0]!.status).toBe('applied');
    await lead.client.sync();
    const stored = String(lead.rows.get('followup', 'f-cut')?.data.notes);
    expect([...stored]).toHaveLength(2000);
    expect(stored.isWellFormed()).toBe(true);
  });
});

describe('a change the database refuses is rolled back alone (savepoint), and the log carries no row data', () => {
  it('a constraint violation on one follow-up and one script: the others of the batch apply, the two get storage_failed', async () => {
    const { lead, s } = await shop('保存点店');
    const owner = new pg.Client({ connectionString: stack.db.url });
    await owner.connect();
    // Stand-ins for "a value PostgreSQL refuses that no check foresaw".
    await owner.query(`ALTER TABLE followups ADD CONSTRAINT test_poison_buyer CHECK (data->>'buyerName' IS DISTINCT FROM '毒药买家王小明') NOT VALID`);
    await owner.query(`ALTER TABLE scripts ADD CONSTRAINT test_poison_title CHECK (data->>'title' IS DISTINCT FROM '毒药标题') NOT VALID`);
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      const { status, results } = await pushText(
        s.token,
        batch(
          JSON.stringify({ changeId: 'sp-fu-good-1', kind: 'followup', op: 'create', id: 'fg1', data: followUp('fg1', { buyerName: '张三' }) }),
          JSON.stringify({ changeId: 'sp-fu-bad-01', kind: 'followup', op: 'create', id: 'fb1', data: followUp('fb1', { buyerName: '毒药买家王小明' }) }),
          change('sp-sc-good-1', 'sg1', { title: '正常', text: '亲' }),
          change('sp-sc-bad-01', 'sb1', { title: '毒药标题', text: '亲' }),
          change('sp-sc-good-2', 'sg2', { title: '正常2', text: '亲2' }),
          JSON.stringify({ changeId: 'sp-fu-good-2', kind: 'followup', op: 'create', id: 'fg2', data: followUp('fg2', { buyerName: '李四' }) }),
        ),
      );
      expect(status).toBe(200);
      expect(results.map((r) => [r.changeId, r.status, r.code])).toEqual([
        ['sp-fu-good-1', 'applied', undefined],
        ['sp-fu-bad-01', 'rejected', 'storage_failed'],
        ['sp-sc-good-1', 'applied', undefined],
        ['sp-sc-bad-01', 'rejected', 'storage_failed'],
        ['sp-sc-good-2', 'applied', undefined],
        ['sp-fu-good-2', 'applied', undefined],
      ]);
      expect(results[1]!.message!.zh).toContain('其余改动照常同步');
    } finally {
      spy.mockRestore();
      await owner.query('ALTER TABLE followups DROP CONSTRAINT test_poison_buyer');
      await owner.query('ALTER TABLE scripts DROP CONSTRAINT test_poison_title');
      await owner.end();
    }
    const all = logged.join('\n');
    expect(all).toContain('23514'); // the SQLSTATE (check_violation) and ids are logged…
    expect(all).toContain('sp-fu-bad-01');
    expect(all).toContain('test_poison_buyer');
    expect(all).not.toContain('毒药买家王小明'); // …never the row's data
    expect(all).not.toContain('毒药标题');
    expect(all).not.toContain('Failing row');

    await lead.client.sync();
    expect(lead.rows.get('followup', 'fg1')?.data.buyerName).toBe('张三');
    expect(lead.rows.get('followup', 'fg2')?.data.buyerName).toBe('李四');
    expect(lead.rows.get('followup', 'fb1')).toBeUndefined();
    expect(lead.rows.get('script', 'sg1')?.data.title).toBe('正常');
    expect(lead.rows.get('script', 'sg2')?.data.title).toBe('正常2');
    expect(lead.rows.get('script', 'sb1')).toBeUndefined();
    // The numbers of rolled-back changes were reused: the applied rows are numbered without holes.
    const seqs = [...lead.rows.rows.values()]
      .filter((r) => r.kind === 'script' || r.kind === 'followup')
      .map((r) => r.seq)
      .sort((a, b) => a - b);
    expect(seqs[seqs.length - 1]! - seqs[0]!).toBe(seqs.length - 1);
  });
});

describe('replayed change ids', () => {
  it('an identical replay gets the first result; another body or another rep gets change_id_reused and changes nothing', async () => {
    const { lead, s } = await shop('重放店');
    const rep = newRep(url());
    const rs = await rep.client.join((await lead.client.invite('editor')).code, '编辑');
    const first = await pushText(s.token, batch(change('replay-chg-001', 'rp1', { title: 't', text: '原文' })));
    expect(first.results[0]!.status).toBe('applied');
    // Same body, fields in another order: still the same change.
    const same = await pushText(
      s.token,
      `{"changes":[{"data":{"text":"原文","title":"t"},"id":"rp1","op":"upsert","kind":"script","changeId":"replay-chg-001"}]}`,
    );
    expect(same.results[0]).toEqual(first.results[0]);
    const other = await pushText(s.token, batch(change('replay-chg-001', 'rp1', { title: 't', text: '篡改' })));
    expect(other.results[0]).toMatchObject({ changeId: 'replay-chg-001', status: 'rejected', code: 'change_id_reused' });
    expect(other.results[0]!.message!.zh).toContain('编号');
    const byOther = await pushText(rs.token, batch(change('replay-chg-001', 'rp1', { title: 't', text: '原文' })));
    expect(byOther.results[0]).toMatchObject({ status: 'rejected', code: 'change_id_reused' });
    // Twice in one batch with two bodies: the second is refused.
    const twice = await pushText(
      s.token,
      batch(change('twice-chg-001', 'rp2', { title: 't', text: 'a' }), change('twice-chg-001', 'rp2', { title: 't', text: 'b' })),
    );
    expect(twice.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    await lead.client.sync();
    expect(lead.rows.get('script', 'rp1')?.data.text).toBe('原文');
    expect(lead.rows.get('script', 'rp2')?.data.text).toBe('a');
  });
});

describe('follow-ups under another rep’s lease', () => {
  it('an edit of a follow-up another rep has claimed is a conflict with the server row; the holder may edit', async () => {
    const { lead } = await shop('租约编辑店');
    const a = newRep(url());
    const b = newRep(url());
    await a.client.join((await lead.client.invite()).code, 'A');
    await b.client.join((await lead.client.invite()).code, 'B');
    await lead.client.queue({ kind: 'followup', op: 'create', id: 'fl1', data: followUp('fl1', { notes: '原备注' }) });
    await lead.client.sync();
    expect((await a.client.claim('fl1')).ok).toBe(true);
    await b.client.sync();
    await b.client.queue({ kind: 'followup', op: 'edit', id: 'fl1', data: { notes: 'B 偷改的备注' } });
    await b.client.sync();
    const st = await b.client.state();
    expect(st.conflicts).toHaveLength(1);
    expect(st.conflicts[0]!.current?.data.notes).toBe('原备注');
    expect(b.rows.get('followup', 'fl1')?.data.notes).toBe('原备注');
    await a.client.queue({ kind: 'followup', op: 'edit', id: 'fl1', data: { notes: 'A 的备注' } });
    await a.client.sync();
    expect((await a.client.state()).conflicts).toHaveLength(0);
    await lead.client.sync();
    expect(lead.rows.get('followup', 'fl1')?.data.notes).toBe('A 的备注');
  });

  it('reopening a closed follow-up while another one for the same order is open is refused, not a server error', async () => {
    const { lead, s } = await shop('重开店');
    const same = { dedupeKey: 'payment_reminder:demo:order-7' };
    await pushText(s.token, batch(JSON.stringify({ changeId: 'reopen-c-001', kind: 'followup', op: 'create', id: 'ro1', data: followUp('ro1', same) })));
    await pushText(s.token, batch(JSON.stringify({ changeId: 'reopen-d-001', kind: 'followup', op: 'status', id: 'ro1', data: { status: 'done' } })));
    await pushText(s.token, batch(JSON.stringify({ changeId: 'reopen-c-002', kind: 'followup', op: 'create', id: 'ro2', data: followUp('ro2', same) })));
    const r = await pushText(
      s.token,
      batch(
        JSON.stringify({ changeId: 'reopen-o-001', kind: 'followup', op: 'status', id: 'ro1', data: { status: 'open' } }),
        change('reopen-s-001', 'after', { title: 't', text: 'x' }),
      ),
    );
    expect(r.status).toBe(200);
    expect(r.results.map((x) => [x.status, x.code])).toEqual([
      ['rejected', 'duplicate_followup'],
      ['applied', undefined],
    ]);
    await lead.client.sync();
  });
});
