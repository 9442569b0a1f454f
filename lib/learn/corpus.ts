/**
 * Reading a labelled training corpus: one JSON object per line with a "text"
 * and a label field (which field, and which labels are known, is the
 * caller's); blank lines are skipped, a bad line is an error naming it.
 */
export interface LabelledLine {
  text: string;
  label: string;
  /** Any other string fields of the line (e.g. "group"). */
  extra: Record<string, string>;
}

export function parseLabelledJsonl(jsonl: string, source: string, labelField: string, known: ReadonlySet<string>): LabelledLine[] {
  const out: LabelledLine[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const label = row[labelField];
    if (typeof row.text !== 'string' || !row.text.trim() || typeof label !== 'string' || !known.has(label)) {
      throw new Error(`${source}:${i + 1}: needs a "text" and a known "${labelField}"`);
    }
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) if (k !== 'text' && k !== labelField && typeof v === 'string') extra[k] = v;
    out.push({ text: row.text, label, extra });
  });
  return out;
}
