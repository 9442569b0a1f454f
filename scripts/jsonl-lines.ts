/**
 * The --jsonl contract shared by `npm run suggest` and `npm run risk`: one
 * JSON object {"text": …} per input line, one JSON line out per input line,
 * in order. A line that is blank, not JSON, or has no "text" string gets the
 * empty result plus an "error", and the run goes on. A reader that closes
 * the pipe early (`| head`) ends the run quietly.
 *
 * Lines end at "\n" or "\r\n" only: a bare "\r" is data inside the line (it
 * is valid JSON whitespace, and a text may hold one). A line longer than
 * MAX_LINE_BYTES is answered with an error without being kept in memory.
 */
import type { Readable, Writable } from 'node:stream';
import { truncateText } from '../lib/text/truncate';

/** Longest input line read (UTF-8 bytes); longer lines get an error answer. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** A reader that closes the pipe early (`| head`) ends the run quietly, in every output mode. */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export type JsonLine = { text: string } | { tooLong: number };

/**
 * Splits a byte stream into lines at "\n", dropping one "\r" right before it.
 * The last line is yielded even without a final newline (when not empty).
 * Bytes are decoded as UTF-8 per line (a newline byte never sits inside a
 * multi-byte character), invalid sequences becoming U+FFFD.
 */
export async function* readLines(input: AsyncIterable<Uint8Array | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<JsonLine> {
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  let parts: Uint8Array[] = [];
  let length = 0;
  /** Bytes of the current line seen after it went over the limit (not kept). */
  let overflow = 0;
  const finish = (): JsonLine => {
    if (overflow) {
      const line = { tooLong: length + overflow };
      overflow = 0;
      parts = [];
      length = 0;
      return line;
    }
    const bytes = parts.length === 1 ? parts[0]! : concat(parts, length);
    parts = [];
    length = 0;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return { text: decoder.decode(bytes.subarray(0, end)) };
  };
  const keep = (piece: Uint8Array): void => {
    if (overflow || length + piece.length > maxLineBytes) {
      overflow += piece.length;
      return;
    }
    parts.push(piece);
    length += piece.length;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, start)) {
      keep(bytes.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    // Copy the tail: the stream may reuse the chunk's memory.
    if (start < bytes.length) keep(bytes.slice(start));
  }
  if (length > 0 || overflow > 0) yield finish();
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The answer to one input line (pure: no I/O), as written by answerJsonLines. */
export function answerLine(line: JsonLine, empty: Record<string, unknown>, answer: (text: string) => Record<string, unknown>): Record<string, unknown> {
  if ('tooLong' in line) {
    return { ...empty, error: `line too long / 行太长: ${line.tooLong} bytes, the limit is ${MAX_LINE_BYTES} / 上限 ${MAX_LINE_BYTES} 字节` };
  }
  const text = line.text;
  if (text.trim() === '') return { ...empty, error: 'empty line / 空行' };
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    return { ...empty, error: `invalid JSON / 不是有效的 JSON: ${shortMessage(error)}` };
  }
  const value = (row as { text?: unknown } | null)?.text;
  if (typeof value !== 'string') return { ...empty, error: 'expected an object with a "text" string / 每行应为含 "text" 字符串的对象' };
  try {
    return answer(value);
  } catch (error) {
    return { ...empty, error: shortMessage(error) };
  }
}

/** An error's message, at most 300 characters (JSON.parse quotes the input back). */
function shortMessage(error: unknown): string {
  return truncateText(error instanceof Error ? error.message : String(error), 300, '…');
}

export interface JsonLinesOptions {
  input?: Readable | AsyncIterable<Uint8Array | string>;
  output?: Writable;
}

export async function answerJsonLines(
  empty: Record<string, unknown>,
  answer: (text: string) => Record<string, unknown>,
  options: JsonLinesOptions = {},
): Promise<void> {
  const output = options.output ?? process.stdout;
  if (output === process.stdout) endQuietlyOnClosedPipe();
  for await (const line of readLines(options.input ?? process.stdin)) {
    // Wait when the reader is slower than we are, rather than queueing output in memory.
    if (!output.write(JSON.stringify(answerLine(line, empty, answer)) + '\n')) {
      await new Promise<void>((resolve) => output.once('drain', resolve));
    }
  }
}
