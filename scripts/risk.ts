/**
 * npm run risk -- "草稿"            print the findings for one draft
 * npm run risk -- --jsonl < in.jsonl  one {"text": …} per line in, one {"findings": […]} per line out
 *
 * Output is bounded (risk-answer.ts): at most MAX_FINDINGS findings per line and
 * MAX_ECHO_CHARS characters per echoed match or rewrite, with "truncated" saying so.
 */
import { answerJsonLines, endQuietlyOnClosedPipe } from './jsonl-lines';
import { createRiskAnswer, MAX_ECHO_CHARS, MAX_FINDINGS } from './risk-answer';
import { createScanner } from '../lib/risk/scanner';
import { riskCategory } from '../lib/risk/categories';
import { truncateText } from '../lib/text/truncate';

const scanner = createScanner();
endQuietlyOnClosedPipe();
const args = process.argv.slice(2);

if (args.includes('--jsonl')) {
  await answerJsonLines({ findings: [] }, createRiskAnswer(scanner));
} else {
  const text = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!text.trim()) {
    console.error('错误 / error: 请给出要检查的草稿 / please give a draft to check');
    console.error('用法 / usage: npm run risk -- "草稿"   |   npm run risk -- --jsonl < drafts.jsonl');
    process.exit(2);
  }
  const findings = scanner.scan(text);
  if (findings.length === 0) console.log('✓ 未发现风险用语 (no risky wording found)');
  const echo = (value: string) => truncateText(value, MAX_ECHO_CHARS, '…');
  for (const f of findings.slice(0, MAX_FINDINGS)) {
    const cat = riskCategory(f.category);
    const sev = f.severity === 'block' ? '⛔ block' : f.severity === 'warn' ? '⚠ warn' : '💡 tip';
    console.log(`${sev}  ${cat?.zh ?? f.category} (${f.category})  [${f.start}, ${f.end})  「${echo(f.match)}」`);
    console.log(`    ${f.message.zh}`);
    if (f.rewrite !== undefined) console.log(`    建议改为${f.rewriteScope === 'sentence' ? '（整句）' : ''}：${echo(f.rewrite)}`);
  }
  if (findings.length > MAX_FINDINGS) {
    console.log(`…… 另有 ${findings.length - MAX_FINDINGS} 处未列出 (${findings.length - MAX_FINDINGS} more findings not shown)`);
  }
}
