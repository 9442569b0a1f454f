/**
 * Spreadsheet formulas must never come in as reply text: a cell such as
 * =HYPERLINK(...) or =cmd|' /C calc'!A0 is an injection when the library is
 * exported and opened in Excel again, and it is never a real phrase.
 * A leading = + - @ alone is not enough: "-亲，这款是纯棉的" and "+1 已收到" are
 * plain text and are kept.
 */

const TRIGGER = /^[=+\-@]/;

/** Formula syntax after the trigger: a function call, a cell reference, DDE, or arithmetic on numbers/references. */
const FORMULA_BODY = [
  /^[A-Za-z_][A-Za-z0-9_.]*\s*\(/, // SUM( HYPERLINK( _xlfn.CONCAT(
  /^\$?[A-Za-z]{1,3}\$?\d+(?:[:\s+\-*/&^,)]|$)/, // A1, $B$2, A1:B3, A1+1
  /^[A-Za-z0-9_'"]+!/, // Sheet1!A1, 'sheet'!A1
  /\|/, // DDE: =cmd|'/C calc'!A0
  /^[\d\s.+\-*/^()%&<>=]+$/, // =1+1, -2*3
  /^"[^"]*"\s*&/, // ="a"&B1
];

export type FormulaVerdict = 'plain' | 'formula';

/** Whether a cell's text would be read by Excel as a formula worth refusing. */
export function formulaVerdict(cell: string): FormulaVerdict {
  const trimmed = cell.trimStart();
  if (!TRIGGER.test(trimmed)) return 'plain';
  const body = trimmed.slice(1).trimStart();
  if (/^[=\-_~*.\s]*$/.test(body)) return 'plain'; // "-", "=====", "-----": separators, not formulas
  // Only an "=" or "@" start is read as a formula by Excel when followed by words;
  // "+" and "-" starts need a formula-looking body.
  if (FORMULA_BODY.some((re) => re.test(body))) {
    // "-1" or "+86 电话" style numbers followed by text are plain
    if (/^[\d.\s]+[^\d\s.+\-*/^()%&<>=]/.test(body) && trimmed[0] !== '=') return 'plain';
    return 'formula';
  }
  // "=" followed by plain words is still evaluated by Excel (as #NAME?) unless it starts with CJK or punctuation
  if (trimmed[0] === '=' && /^[A-Za-z]/.test(body)) return 'formula';
  return 'plain';
}

/**
 * CSV exports protect text that Excel would evaluate by prefixing one "'"
 * (the usual guard against formula injection). Undo exactly that prefix.
 */
export function unguardCell(cell: string): string {
  return /^'[=+\-@'\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** The guard applied by our CSV export; unguardCell reverses it exactly. */
export function guardCell(cell: string): string {
  return /^[=+\-@'\t\r]/.test(cell) ? `'${cell}` : cell;
}
