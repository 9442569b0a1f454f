/**
 * The one import path, shared by the options page and `npm run import`: read
 * the file, compare it with the library and guess each phrase's intent with
 * the shipped reply-intent model. The same file and library give the same
 * preview in both places.
 */
import type { ReplyScript } from '../types';
import type { ImportProblem, ParsedImport } from './import-types';
import { buildImportPreviewInChunks, type ImportPreview, type PreviewOptions } from './preview';
import { readImportFile, type ReadImportOptions, type ReadImportResult } from './read-import-file';

export type PreviewFileResult =
  { ok: false; problem: ImportProblem } | { ok: true; parsed: ParsedImport & Extract<ReadImportResult, { ok: true }>; preview: ImportPreview };

export interface PreviewFileOptions extends Omit<ReadImportOptions, 'onProgress'> {
  /** Reading and row checks ('parse', 'rows'), then comparing with the library ('compare'). */
  onProgress?: (done: number, total: number, phase: 'parse' | 'rows' | 'compare') => void;
  guessIntent?: PreviewOptions['guessIntent'];
}

export async function previewImportFile(
  name: string,
  bytes: Uint8Array,
  library: readonly ReplyScript[],
  options: PreviewFileOptions = {},
): Promise<PreviewFileResult> {
  const { onProgress, guessIntent, ...read } = options;
  const parsed = await readImportFile(name, bytes, { ...read, ...(onProgress ? { onProgress } : {}) });
  if (!parsed.ok) return parsed;
  const preview = await buildImportPreviewInChunks(parsed, library, {
    ...(guessIntent ? { guessIntent } : {}),
    ...(onProgress ? { onProgress: (d: number, t: number) => onProgress(d, t, 'compare') } : {}),
  });
  return { ok: true, parsed, preview };
}
