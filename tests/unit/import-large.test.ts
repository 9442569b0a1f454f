import { describe, expect, it } from 'vitest';
import { buildImportPreviewInChunks } from '../../lib/import/preview';
import { readImportFile } from '../../lib/import/read-import-file';

/** A 100,000-row 千牛-style CSV, generated here rather than committed. */
function bigCsv(rows: number): Uint8Array {
  const groups = ['问候语', '咨询回复', '订单相关', '售后服务', '投诉处理', '节日祝福'];
  const lines = ['分组,快捷编码,快捷短语'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${groups[i % groups.length]},c${i},"亲，这是第${i}条话术，""引号""和逗号,都在\n第二行"`);
  }
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}

describe('100,000-row import', () => {
  it('parses in chunks, yields to the event loop and reports progress', async () => {
    const bytes = bigCsv(100_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const parse: number[] = [];
    const rows: number[] = [];
    const t0 = performance.now();
    const parsed = await readImportFile('big.csv', bytes, {
      onProgress: (done, total, phase) => (phase === 'parse' ? parse : rows).push(done / total),
    });
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(parsed.problem.en);
    const preview = await buildImportPreviewInChunks(parsed, []);
    const t2 = performance.now();
    clearInterval(timer);

    expect(parsed.records).toHaveLength(100_000);
    expect(parsed.records.at(-1)).toMatchObject({ row: 100_001, code: 'c99999' });
    expect(parsed.records[0]!.text).toBe('亲，这是第0条话术，"引号"和逗号,都在\n第二行');
    expect(preview.counts).toEqual({ new: 100_000, duplicate: 0, conflict: 0, error: 0 });
    // Progress rises to 1 in many steps, and timers ran while it parsed.
    expect(parse.length).toBeGreaterThan(5);
    expect(rows.length).toBeGreaterThan(5);
    expect(parse.at(-1)).toBe(1);
    expect(rows.at(-1)).toBe(1);
    expect([...parse].sort((a, b) => a - b)).toEqual(parse);
    expect(ticks).toBeGreaterThan(10);
    console.log(
      `100k rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB): read ${(t1 - t0).toFixed(0)} ms, preview ${(t2 - t1).toFixed(0)} ms, ${ticks} timer ticks`,
    );
  }, 120_000);
});
