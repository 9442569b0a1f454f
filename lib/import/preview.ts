/**
 * Compare import records with the rep's library before anything is written:
 * which rows are new, which are already there (same text after folding
 * Traditional/Simplified, width, case and spaces), which reuse a shortcut
 * code for different text, and which cannot be imported. The rep then picks
 * per row; applyChoices turns the picks into the scripts to write (the
 * background writes them in one transaction).
 */
import { fold } from '../text/normalize';
import { truncateText } from '../text/truncate';
import type { ReplyScript } from '../types';
import { replyIntentModel } from '../reply-intent/default-model';
import { CONFIDENT, type IntentGuess } from '../reply-intent/model';
import type { ReplyDocument } from '../reply-intent/features';
import type { ColumnInfo, ColumnMapping, ImportProblem, ImportRecord, ParsedImport, ProgressCallback } from './import-types';
import { parseInChunks } from './chunks';
import { problems } from './problems';

export type PreviewStatus = 'new' | 'duplicate' | 'conflict' | 'error';
export type RowChoice = 'skip' | 'import' | 'overwrite' | 'keep-both';

export interface PreviewRow {
  /** 1-based row as in the file. */
  row: number;
  status: PreviewStatus;
  /** The script this row would become (absent for errors). */
  script?: ReplyScript;
  /** The library script it duplicates or conflicts with. */
  existingId?: string;
  /** The earlier row of the same file it duplicates or conflicts with. */
  otherRow?: number;
  problem?: ImportProblem;
  warning?: ImportProblem;
  /** The guessed intent's probability and the three likeliest intents, best first (rows without a known intent). */
  intentGuess?: { probability: number; choices: string[]; confident: boolean };
  /** A default script whose shortcut code this row takes; the default's code moves aside to `to`. */
  codeMove?: { existingId: string; from: string; to: string };
}

export interface ImportPreview {
  rows: PreviewRow[];
  counts: Record<PreviewStatus, number>;
  columns: ColumnInfo[];
  mapping?: ColumnMapping;
  /** Library scripts referred to by existingId, for overwrite. */
  existing: Map<string, ReplyScript>;
  /** Folded shortcut codes already used in the library. */
  existingCodes: Set<string>;
}

export interface PreviewOptions {
  /** Intent guesses for a phrase, likeliest first; default the shipped reply-intent model. The rep confirms them. */
  guessIntent?: (doc: ReplyDocument) => IntentGuess[];
  /** Group for rows that have none. */
  defaultGroup?: string;
  makeId?: () => string;
  now?: number;
  onProgress?: ProgressCallback;
}

/** Intent used when nothing better is known; always marked unconfirmed. */
export const DEFAULT_IMPORT_INTENT = 'product_info';
export const DEFAULT_IMPORT_GROUP = '导入话术';

/** Comparison key for "same text": folded, all whitespace removed. */
export function textKey(text: string): string {
  return fold(text).replace(/\s+/g, '');
}

const KEY_SEPARATOR = '\u0001';
const KEY_BATCH = 200;

/**
 * textKey for many texts at once. The normaliser's per-call cost dominates
 * for short phrases, so texts are folded 200 at a time joined by a control
 * character that no folding step touches (about 5× faster on 100,000 rows).
 */
export function textKeys(texts: readonly string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < texts.length; i += KEY_BATCH) {
    const batch = texts.slice(i, i + KEY_BATCH).map((t) => t.replaceAll(KEY_SEPARATOR, ''));
    const folded = fold(batch.join(KEY_SEPARATOR)).split(KEY_SEPARATOR);
    // Should never differ; fall back to one by one rather than misalign keys.
    if (folded.length !== batch.length) for (const t of batch) keys.push(textKey(t));
    else for (const f of folded) keys.push(f.replace(/\s+/g, ''));
  }
  return keys;
}

export function codeKey(code: string): string {
  return fold(code.trim().replace(/^\//, ''));
}

/** A title from the reply's first line: at most 16 characters (code points), "…" when cut. */
export function titleFromText(text: string): string {
  return truncateText(text.split('\n')[0]!.trim(), 16, '…');
}

const defaultMakeId = (): string => `imp-${globalThis.crypto.randomUUID()}`;

interface Context {
  options: PreviewOptions;
  guess: (doc: ReplyDocument) => IntentGuess[];
  /** Every shortcut code in use or asked for (library and file), for codes moved aside. */
  takenCodes: Set<string>;
  byText: Map<string, ReplyScript>;
  byCode: Map<string, ReplyScript>;
  usedIds: Set<string>;
  fileText: Map<string, number>;
  fileCode: Map<string, { row: number; text: string }>;
  existing: Map<string, ReplyScript>;
  now: number;
  makeId: () => string;
}

function recordToScript(record: ImportRecord, ctx: Context, row: PreviewRow): ReplyScript {
  const base = record.base ?? {};
  const group = record.group || ctx.options.defaultGroup || DEFAULT_IMPORT_GROUP;
  const title = record.title || titleFromText(record.text);
  // A backup's own id is kept when free, so its usage and follow-ups still point at it.
  const id = base.id && !ctx.usedIds.has(base.id) ? base.id : ctx.makeId();
  ctx.usedIds.add(id);
  const script: ReplyScript = {
    ...base,
    id,
    group,
    intent: base.intent ?? '',
    title,
    text: record.text,
    triggers: base.triggers ?? [],
    source: base.source ?? 'import',
    updatedAt: ctx.now,
  };
  if (record.code) script.code = record.code;
  // The rep's own order of phrases: ties between equally fitting scripts follow the file.
  if (base.order === undefined) script.order = record.row;
  if (!base.intent) {
    const guesses = ctx.guess({ text: record.text, group: record.group, title: record.title });
    const best = guesses[0];
    script.intent = best?.intent ?? DEFAULT_IMPORT_INTENT;
    script.intentUnconfirmed = true;
    if (best)
      row.intentGuess = {
        probability: Math.round(best.probability * 1000) / 1000,
        choices: guesses.slice(0, 3).map((g) => g.intent),
        confident: best.probability >= CONFIDENT,
      };
  }
  return script;
}

function classify(record: ImportRecord, ctx: Context, tKey: string): PreviewRow {
  const row: PreviewRow = { row: record.row, status: 'new' };
  if (record.warning) row.warning = record.warning;
  if (record.error) {
    row.status = 'error';
    row.problem = record.error;
    return row;
  }
  row.script = recordToScript(record, ctx, row);
  const sameText = ctx.byText.get(tKey);
  const cKey = record.code ? codeKey(record.code) : '';
  if (sameText) {
    row.status = 'duplicate';
    row.existingId = sameText.id;
    row.problem = problems.duplicateExisting(sameText.title);
    ctx.existing.set(sameText.id, sameText);
  } else if (ctx.fileText.has(tKey)) {
    row.status = 'duplicate';
    row.otherRow = ctx.fileText.get(tKey)!;
    row.problem = problems.duplicateInFile(row.otherRow);
  } else if (cKey && ctx.fileCode.has(cKey)) {
    // Checked before the library: two rows of the file with one code must not both take a library script's place.
    row.status = 'conflict';
    row.otherRow = ctx.fileCode.get(cKey)!.row;
    row.problem = problems.codeConflictInFile(record.code!, row.otherRow);
  } else if (cKey && ctx.byCode.get(cKey)?.source === 'default') {
    // The rep's own code wins over Huashu's default: the default's code moves aside (fh → fh2).
    const other = ctx.byCode.get(cKey)!;
    const to = uniqueCode(other.code!, ctx.takenCodes);
    ctx.takenCodes.add(codeKey(to));
    row.codeMove = { existingId: other.id, from: other.code!, to };
    row.warning = problems.defaultCodeMoved(record.code!, other.title, to);
    ctx.existing.set(other.id, other);
  } else if (cKey && ctx.byCode.has(cKey)) {
    const other = ctx.byCode.get(cKey)!;
    row.status = 'conflict';
    row.existingId = other.id;
    row.problem = problems.codeConflict(record.code!, other.title);
    ctx.existing.set(other.id, other);
  }
  if (!ctx.fileText.has(tKey)) ctx.fileText.set(tKey, record.row);
  if (cKey && !ctx.fileCode.has(cKey)) ctx.fileCode.set(cKey, { row: record.row, text: tKey });
  return row;
}

function startContext(existing: readonly ReplyScript[], records: readonly ImportRecord[], options: PreviewOptions): Context {
  const byText = new Map<string, ReplyScript>();
  const byCode = new Map<string, ReplyScript>();
  const usedIds = new Set<string>();
  const live = existing.filter((s) => !s.deleted);
  const keys = textKeys(live.map((s) => s.text));
  live.forEach((s, i) => {
    usedIds.add(s.id);
    const t = keys[i]!;
    if (!byText.has(t)) byText.set(t, s);
    if (s.code) {
      const c = codeKey(s.code);
      if (!byCode.has(c)) byCode.set(c, s);
    }
  });
  const takenCodes = new Set(byCode.keys());
  for (const r of records) if (r.code) takenCodes.add(codeKey(r.code));
  const model = options.guessIntent ? undefined : replyIntentModel();
  const guessOnce = options.guessIntent ?? ((doc: ReplyDocument) => model!.classify(doc));
  // Exports repeat phrases (the same reply in several groups): guess each phrase once.
  const guesses = new Map<string, IntentGuess[]>();
  const guess = (doc: ReplyDocument) => {
    const key = `${doc.group ?? ''}\u0001${doc.title ?? ''}\u0001${doc.text}`;
    let out = guesses.get(key);
    if (!out) guesses.set(key, (out = guessOnce(doc)));
    return out;
  };
  return {
    options,
    byText,
    byCode,
    usedIds,
    takenCodes,
    guess,
    fileText: new Map(),
    fileCode: new Map(),
    existing: new Map(),
    now: options.now ?? Date.now(),
    makeId: options.makeId ?? defaultMakeId,
  };
}

function finish(rows: PreviewRow[], parsed: ParsedImport | ImportRecord[], ctx: Context): ImportPreview {
  const counts: Record<PreviewStatus, number> = { new: 0, duplicate: 0, conflict: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  const preview: ImportPreview = {
    rows,
    counts,
    columns: Array.isArray(parsed) ? [] : parsed.columns,
    existing: ctx.existing,
    existingCodes: new Set(ctx.byCode.keys()),
  };
  if (!Array.isArray(parsed) && parsed.mapping) preview.mapping = parsed.mapping;
  return preview;
}

const recordsOf = (parsed: ParsedImport | ImportRecord[]): ImportRecord[] => (Array.isArray(parsed) ? parsed : parsed.records);

export function buildImportPreview(parsed: ParsedImport | ImportRecord[], existing: readonly ReplyScript[], options: PreviewOptions = {}): ImportPreview {
  const records = recordsOf(parsed);
  const ctx = startContext(existing, records, options);
  const keys = textKeys(records.map((r) => r.text));
  const rows = records.map((r, i) => classify(r, ctx, keys[i]!));
  return finish(rows, parsed, ctx);
}

/** Same as buildImportPreview, yielding to the event loop between chunks (100,000-row files). */
export async function buildImportPreviewInChunks(
  parsed: ParsedImport | ImportRecord[],
  existing: readonly ReplyScript[],
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const records = recordsOf(parsed);
  const ctx = startContext(existing, records, options);
  const rows: PreviewRow[] = [];
  // Chunks of whole key batches: fold a chunk's texts together, then classify them.
  const starts = Array.from({ length: Math.ceil(records.length / KEY_BATCH) }, (_, i) => i * KEY_BATCH);
  await parseInChunks(
    starts,
    (start) => {
      const chunk = records.slice(start, start + KEY_BATCH);
      const keys = textKeys(chunk.map((r) => r.text));
      chunk.forEach((r, i) => rows.push(classify(r, ctx, keys[i]!)));
    },
    {
      chunkSize: 10,
      onProgress: options.onProgress && ((done, total) => options.onProgress!(done === total ? records.length : done * KEY_BATCH, records.length)),
    },
  );
  return finish(rows, parsed, ctx);
}

export const DEFAULT_CHOICE: Record<PreviewStatus, RowChoice> = {
  new: 'import',
  duplicate: 'skip',
  conflict: 'skip',
  error: 'skip',
};

function uniqueCode(code: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${code}${n}`;
    if (!taken.has(codeKey(candidate))) return candidate;
  }
}

/**
 * The scripts to write for the rep's choices (rows not in `choices` get
 * DEFAULT_CHOICE). 'overwrite' updates the existing library script in place
 * (same id, its intent kept); for a clash inside the file it makes this row
 * replace the earlier one. 'keep-both' adds the row as a new script; a
 * clashing shortcut code gets a number appended (tk → tk2). Error rows are
 * never written.
 */
export function applyChoices(
  preview: ImportPreview,
  choices: Record<number, RowChoice> = {},
  options: { now?: number; intents?: Record<number, string> } = {},
): ReplyScript[] {
  const now = options.now ?? Date.now();
  const intents = options.intents ?? {};
  const out = new Map<string, ReplyScript>(); // keyed by id, in order
  const scriptOfRow = new Map<number, string>();
  const takenCodes = new Set<string>(preview.existingCodes);
  for (const r of preview.rows) if (r.status === 'new' && r.script?.code) takenCodes.add(codeKey(r.script.code));

  for (const r of preview.rows) {
    const choice = choices[r.row] ?? DEFAULT_CHOICE[r.status];
    if (r.status === 'error' || !r.script || choice === 'skip') continue;
    let script = r.script;
    // An intent the rep picked in the preview is confirmed.
    if (intents[r.row]) {
      const { intentUnconfirmed: _guess, ...rest } = script;
      script = { ...rest, intent: intents[r.row]! };
    }
    if (r.codeMove && preview.existing.has(r.codeMove.existingId)) {
      const moved = out.get(r.codeMove.existingId) ?? preview.existing.get(r.codeMove.existingId)!;
      out.set(moved.id, { ...moved, code: r.codeMove.to, updatedAt: now });
    }
    if (choice === 'overwrite' && r.existingId && preview.existing.has(r.existingId)) {
      const old = out.get(r.existingId) ?? preview.existing.get(r.existingId)!;
      const updated: ReplyScript = { ...old, text: script.text, updatedAt: now };
      if (script.code) updated.code = script.code;
      if (script.title !== titleFromText(script.text)) updated.title = script.title;
      out.set(old.id, updated);
      scriptOfRow.set(r.row, old.id);
      continue;
    }
    if (choice === 'overwrite' && r.otherRow !== undefined && scriptOfRow.has(r.otherRow)) {
      out.delete(scriptOfRow.get(r.otherRow)!);
    } else if (r.status !== 'new' && script.code && choice !== 'overwrite') {
      if (takenCodes.has(codeKey(script.code)) || r.status === 'conflict') {
        script = { ...script, code: uniqueCode(script.code, takenCodes) };
      }
    }
    if (script.code) takenCodes.add(codeKey(script.code));
    out.set(script.id, script);
    scriptOfRow.set(r.row, script.id);
  }
  return [...out.values()];
}
