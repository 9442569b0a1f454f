import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const input = ['{"text":"包邮吗"}', '', '{not json', '{"x":1}', '{"text":"加我薇信聊"}', '{"text":"第一时间为您发货"}'].join('\n') + '\n';

function run(script: string): Array<Record<string, unknown>> {
  const r = spawnSync('npx', ['tsx', script, '--jsonl'], { input, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('--jsonl command lines: one line out per line in, in order, bad lines explained', () => {
  it('npm run risk', () => {
    const out = run('scripts/risk.ts');
    expect(out).toHaveLength(6);
    expect(out[0]).toEqual({ findings: [] });
    for (const i of [1, 2, 3]) expect(out[i]).toMatchObject({ findings: [], error: expect.any(String) });
    expect((out[4]!.findings as Array<{ category: string }>)[0]!.category).toBe('offsite_contact');
    expect(out[5]).toEqual({ findings: [] });
  }, 30_000);
  it('npm run suggest', () => {
    const out = run('scripts/suggest.ts');
    expect(out).toHaveLength(6);
    expect((out[0]!.suggestions as Array<{ intent: string }>)[0]!.intent).toBe('courier_fee');
    for (const i of [1, 2, 3]) expect(out[i]).toMatchObject({ suggestions: [], error: expect.any(String) });
  }, 30_000);
});
