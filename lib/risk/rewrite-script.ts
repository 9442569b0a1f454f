/**
 * A rewrite in the rep's own script: a draft typed in Traditional Chinese
 * (Taiwan, Hong Kong sellers) gets its rewrite in Traditional. The characters
 * come from assets/models/traditional-rewrites.json, built by
 * scripts/build-traditional-table.ts from opencc-js for every character the
 * rewrites use.
 */
import table from '../../assets/models/traditional-rewrites.json';
import { isSimplifiedText } from '../text/normalize';

const TRADITIONAL = table as Record<string, string>;

/** True when the draft holds characters that only Traditional writes (這, 您們 stays either). */
export function writtenInTraditional(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text) && !isSimplifiedText(text);
}

export function toTraditionalRewrite(rewrite: string): string {
  let out = '';
  for (const ch of rewrite) out += TRADITIONAL[ch] ?? ch;
  return out;
}
