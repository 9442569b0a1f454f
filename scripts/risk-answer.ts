/**
 * What `npm run risk -- --jsonl` answers for one draft, bounded whatever the
 * draft: the first MAX_SCAN_CHARS characters are scanned, at most
 * MAX_FINDINGS findings are listed, and each text echoed back (match,
 * rewrite) is at most MAX_ECHO_CHARS characters. When something was cut the
 * record says so in "truncated", e.g.
 *   {"findings":[…100…],"truncated":{"findings":1667,"shown":100,"echoChars":200}}
 *   "findings"/"shown": how many findings there were, and how many are listed;
 *   "echoChars": a match or rewrite was shortened (it ends in "…");
 *   "textChars"/"scannedChars": the draft's length, and how much of it was scanned.
 * Findings keep the scanner's order (by position), so the first ones are
 * listed. Before the bound, one 5M-character line produced 434 MB of output;
 * the scan cap keeps memory near 200 MB (a 5M-character scan used 1.8 GB).
 */
import { createScanner, type Scanner } from '../lib/risk/scanner';
import { truncateText } from '../lib/text/truncate';

export const MAX_FINDINGS = 100;
/** Far beyond any chat message; a longer draft is scanned up to here. */
export const MAX_SCAN_CHARS = 100_000;
export const MAX_ECHO_CHARS = 200;

export function createRiskAnswer(scanner: Scanner = createScanner()): (text: string) => Record<string, unknown> {
  return (text) => {
    const scanned = truncateText(text, MAX_SCAN_CHARS);
    const all = scanner.scan(scanned);
    let echoCut = false;
    const echo = (value: string): string => {
      const cut = truncateText(value, MAX_ECHO_CHARS, '…');
      if (cut !== value) echoCut = true;
      return cut;
    };
    const findings = all.slice(0, MAX_FINDINGS).map((f) => ({
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      match: echo(f.match),
      ...(f.rewrite !== undefined ? { rewrite: echo(f.rewrite) } : {}),
    }));
    const out: Record<string, unknown> = { findings };
    const scanCut = scanned.length < text.length;
    if (all.length > MAX_FINDINGS || echoCut || scanCut) {
      out.truncated = {
        ...(all.length > MAX_FINDINGS ? { findings: all.length, shown: MAX_FINDINGS } : {}),
        ...(echoCut ? { echoChars: MAX_ECHO_CHARS } : {}),
        ...(scanCut ? { textChars: text.length, scannedChars: scanned.length } : {}),
      };
    }
    return out;
  };
}
