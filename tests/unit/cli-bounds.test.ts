/**
 * The --jsonl command lines (npm run risk / suggest): lines end at "\n" or
 * "\r\n" only, a bare "\r" is data; a line's answer is bounded (the risk
 * answer lists at most 100 findings, echoes at most 200 characters per match
 * or rewrite, scans at most 100,000 characters, and says what it cut).
 * Before: one 5M-character line made ~100–434 MB of output.
 */
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answerJsonLines, answerLine, readLines, type JsonLine } from '../../scripts/jsonl-lines';
import { createRiskAnswer, MAX_ECHO_CHARS, MAX_FINDINGS, MAX_SCAN_CHARS } from '../../scripts/risk-answer';

async function lines(chunks: Array<string | Uint8Array>, max?: number): Promise<JsonLine[]> {
  const out: JsonLine[] = [];
  for await (const line of readLines(Readable.from(chunks, { objectMode: true }), max)) out.push(line);
  return out;
}

async function run(chunks: Array<string | Uint8Array>, answer: (text: string) => Record<string, unknown>): Promise<string> {
  const output = new PassThrough();
  let written = '';
  output.on('data', (d: Buffer) => (written += d.toString('utf8')));
  await answerJsonLines({ findings: [] }, answer, { input: Readable.from(chunks, { objectMode: true }), output });
  return written;
}

describe('JSONL line splitting', () => {
  it('splits on \\n and \\r\\n, keeps a bare \\r inside the line', async () => {
    expect(await lines(['a\r\nb\nc\rd\n\ne'])).toEqual([{ text: 'a' }, { text: 'b' }, { text: 'c\rd' }, { text: '' }, { text: 'e' }]);
  });

  it('a \\r\\n split across chunks, and a character split across chunks, are read whole', async () => {
    const bytes = new TextEncoder().encode('{"text":"亲"}\r\n{"text":"在"}\n');
    const cut = [bytes.subarray(0, 10), bytes.subarray(10, 14), bytes.subarray(14, 15), bytes.subarray(15)];
    expect(await lines(cut)).toEqual([{ text: '{"text":"亲"}' }, { text: '{"text":"在"}' }]);
  });

  it('one answer per input line: a \\r between two objects does not make two answers', async () => {
    const out = await run(['{"text":"包邮吗",\r"x":1}\n{"text":"a"}\r{"text":"b"}\n'], (t) => ({ echo: t }));
    const answers = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(2);
    expect(answers[0]).toEqual({ echo: '包邮吗' }); // "\r" is JSON whitespace
    expect(answers[1]).toMatchObject({ findings: [], error: expect.stringContaining('invalid JSON') });
  });

  it('a line over the limit is answered with an error without being kept, and the next line is read', async () => {
    const got = await lines(['x'.repeat(50), 'y'.repeat(50), '\n{"text":"ok"}\n'], 64);
    expect(got).toEqual([{ tooLong: 100 }, { text: '{"text":"ok"}' }]);
    expect(answerLine(got[0]!, { findings: [] }, () => ({}))).toMatchObject({ findings: [], error: expect.stringContaining('line too long') });
  });
});

describe('risk answer is bounded', () => {
  const answer = createRiskAnswer();

  it('a 5M-character draft: at most 100 findings, short echoes, and "truncated" says what was cut', () => {
    const unit = '加我微信号 好评返现 ';
    const text = unit.repeat(Math.ceil(5_000_000 / unit.length)).slice(0, 5_000_000);
    const out = answer(text) as { findings: Array<{ match: string; rewrite?: string; category: string; severity: string }>; truncated: Record<string, number> };
    const json = JSON.stringify(out);
    expect(json.length).toBeLessThan(100_000);
    expect(out.findings).toHaveLength(MAX_FINDINGS);
    expect(out.findings[0]).toMatchObject({ category: 'offsite_contact', severity: 'block', start: 0 });
    for (const f of out.findings) {
      expect([...f.match].length).toBeLessThanOrEqual(MAX_ECHO_CHARS + 1);
      if (f.rewrite) expect([...f.rewrite].length).toBeLessThanOrEqual(MAX_ECHO_CHARS + 1);
    }
    expect(out.truncated).toMatchObject({ shown: MAX_FINDINGS, echoChars: MAX_ECHO_CHARS, textChars: 5_000_000, scannedChars: MAX_SCAN_CHARS });
    expect(out.truncated.findings).toBeGreaterThan(MAX_FINDINGS);
  }, 60_000);

  it('an ordinary draft is answered as before, without "truncated"', () => {
    expect(answer('第一时间为您发货')).toEqual({ findings: [] });
    const out = answer('加我薇信聊') as { findings: Array<{ category: string }>; truncated?: unknown };
    expect(out.findings[0]!.category).toBe('offsite_contact');
    expect(out.truncated).toBeUndefined();
  });

  it('npm run risk -- --jsonl: one bounded line out for a 5M-character line in', () => {
    const text = '微信号 '.repeat(1_250_000);
    const input = `${JSON.stringify({ text })}\n{"text":"包邮吗"}\n`;
    const r = spawnSync('npx', ['tsx', 'scripts/risk.ts', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeLessThan(100_000);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0].findings).toHaveLength(MAX_FINDINGS);
    expect(out[0].truncated.textChars).toBe(5_000_000);
    expect(out[1]).toEqual({ findings: [] });
  }, 120_000);
});
