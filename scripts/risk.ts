/**
 * npm run risk -- "草稿"            print the findings for one draft
 * npm run risk -- --jsonl < in.jsonl  one {"text": …} per line in, one {"findings": […]} per line out
 */
import { createInterface } from 'node:readline';
import { createScanner } from '../lib/risk/scanner';
import { riskCategory } from '../lib/risk/categories';

const scanner = createScanner();
const args = process.argv.slice(2);

function jsonLine(line: string): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    return JSON.stringify({ findings: [], error: `invalid JSON: ${(err as Error).message}` });
  }
  if (!input || typeof input !== 'object' || typeof (input as { text?: unknown }).text !== 'string') {
    return JSON.stringify({ findings: [], error: 'expected an object with a "text" string' });
  }
  try {
    const findings = scanner.scan((input as { text: string }).text).map((f) => ({
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      match: f.match,
      ...(f.rewrite !== undefined ? { rewrite: f.rewrite } : {}),
    }));
    return JSON.stringify({ findings });
  } catch (err) {
    return JSON.stringify({ findings: [], error: `scan failed: ${(err as Error).message}` });
  }
}

if (args.includes('--jsonl')) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(jsonLine(line) + '\n');
  }
} else {
  const text = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!text) {
    console.error('usage: npm run risk -- "草稿"   |   npm run risk -- --jsonl < drafts.jsonl');
    process.exit(2);
  }
  const findings = scanner.scan(text);
  if (findings.length === 0) console.log('✓ 未发现风险用语 (no risky wording found)');
  for (const f of findings) {
    const cat = riskCategory(f.category);
    const sev = f.severity === 'block' ? '⛔ block' : f.severity === 'warn' ? '⚠ warn' : '💡 tip';
    console.log(`${sev}  ${cat?.zh ?? f.category} (${f.category})  [${f.start}, ${f.end})  「${f.match}」`);
    console.log(`    ${f.message.zh}`);
    if (f.rewrite !== undefined) console.log(`    建议改为${f.rewriteScope === 'sentence' ? '（整句）' : ''}：${f.rewrite}`);
  }
}
