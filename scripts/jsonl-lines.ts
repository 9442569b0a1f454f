/**
 * The --jsonl contract shared by `npm run suggest` and `npm run risk`: one
 * JSON object {"text": …} per input line, one JSON line out per input line,
 * in order. A line that is blank, not JSON, or has no "text" string gets the
 * empty result plus an "error", and the run goes on. A reader that closes
 * the pipe early (`| head`) ends the run quietly.
 */
import { createInterface } from 'node:readline';

/** A reader that closes the pipe early (`| head`) ends the run quietly, in every output mode. */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function answerJsonLines(empty: Record<string, unknown>, answer: (text: string) => Record<string, unknown>): Promise<void> {
  endQuietlyOnClosedPipe();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    let out: Record<string, unknown>;
    if (line.trim() === '') out = { ...empty, error: 'empty line / 空行' };
    else {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch (error) {
        row = undefined;
        out = { ...empty, error: `invalid JSON / 不是有效的 JSON: ${(error as Error).message}` };
      }
      if (row !== undefined) {
        const text = (row as { text?: unknown } | null)?.text;
        if (typeof text !== 'string') out = { ...empty, error: 'expected an object with a "text" string / 每行应为含 "text" 字符串的对象' };
        else {
          try {
            out = answer(text);
          } catch (error) {
            out = { ...empty, error: (error as Error).message };
          }
        }
      }
    }
    process.stdout.write(JSON.stringify(out!) + '\n');
  }
}
