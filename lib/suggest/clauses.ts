/**
 * Splits a buyer message into clauses so that a message with several questions
 * (运费多少，几天到) gets suggestions for each, and caps the work on huge messages.
 */
export interface Clause {
  /** The clause as the buyer wrote it. */
  raw: string;
  /** Position among the kept clauses (0 = earliest). */
  index: number;
  /** Ended with a question mark. */
  askedWithMark: boolean;
}

export const MAX_MESSAGE_CHARS = 2000;
export const MAX_CLAUSES = 8;
const MAX_CLAUSE_CHARS = 48;

const SEPARATOR = /([，,。;；：:、~～…\n\r\t ]|[？?！!]+|\.{2,}|\p{Extended_Pictographic}|\uFE0F|\u200D)+/gu;
const LEADING_CONNECTIVE = /^(还有|還有|另外|然后|然後|而且|对了|對了|顺便问一下|順便問一下|顺便问下|请问一下|请问)/;
// A connective in the middle of a clause starts a new question only when enough text stands on
// both sides and it is not the start of a stock question (还有货吗, 还有没有).
const MID_CONNECTIVE = /(?<=.{4})(还有|還有|另外|然后|然後)(?=[^货貨库庫吗嗎没沒码碼色的吧人].{2})/u;

function splitMidConnectives(part: string): string[] {
  const out: string[] = [];
  let rest = part;
  for (let guard = 0; guard < 8; guard++) {
    const m = MID_CONNECTIVE.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out;
}

export function splitClauses(message: string): Clause[] {
  const text = message.length > MAX_MESSAGE_CHARS ? message.slice(-MAX_MESSAGE_CHARS) : message;
  const pieces: Array<{ raw: string; mark: boolean }> = [];
  let last = 0;
  const push = (raw: string, mark: boolean) => {
    for (const part of splitMidConnectives(raw)) {
      const stripped = part.replace(LEADING_CONNECTIVE, '');
      const clause = stripped.length > 0 ? stripped : part;
      if (clause.trim().length === 0) continue;
      // Very long runs without punctuation: cut into windows so each stays cheap.
      for (let i = 0; i < clause.length; i += MAX_CLAUSE_CHARS) {
        pieces.push({ raw: clause.slice(i, i + MAX_CLAUSE_CHARS), mark: mark && i + MAX_CLAUSE_CHARS >= clause.length });
      }
    }
  };
  for (const m of text.matchAll(SEPARATOR)) {
    push(text.slice(last, m.index), /[？?]/.test(m[0]));
    last = m.index! + m[0].length;
  }
  push(text.slice(last), false);
  const kept = pieces.slice(-MAX_CLAUSES);
  return kept.map((p, index) => ({ raw: p.raw, index, askedWithMark: p.mark }));
}
