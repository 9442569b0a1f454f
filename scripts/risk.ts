/**
 * npm run risk -- "草稿"            print the findings for one draft
 * npm run risk -- --jsonl < in.jsonl  one {"text": …} per line in, one {"findings": […]} per line out
 */
import { answerJsonLines, endQuietlyOnClosedPipe } from './jsonl-lines';
import { createScanner } from '../lib/risk/scanner';
import { riskCategory } from '../lib/risk/categories';

const scanner = createScanner();
endQuietlyOnClosedPipe();
const args = process.argv.slice(2);

function findingsOf(text: string): Record<string, unknown> {
  const findings = scanner.scan(text).map((f) => ({
    category: f.category,
    severity: f.severity,
    start: f.start,
    end: f.end,
    match: f.match,
    ...(f.rewrite !== undefined ? { rewrite: f.rewrite } : {}),
  }));
  return { findings };
}

if (args.includes('--jsonl')) {
  await answerJsonLines({ findings: [] }, findingsOf);
} else {
  const text = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!text.trim()) {
    console.error('错误 / error: 请给出要检查的草稿 / please give a draft to check');
    console.error('用法 / usage: npm run risk -- "草稿"   |   npm run risk -- --jsonl < drafts.jsonl');
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
