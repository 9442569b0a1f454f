/**
 * Decode a text file whose encoding we are not told. Marketplace tools
 * written for Windows (older 千牛/旺旺, Excel "CSV" on a Chinese system) save
 * GBK; newer ones save UTF-8, often with a BOM. Order: BOM → strict UTF-8 →
 * GB18030 (a superset of GBK and GB2312).
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; /** Count of U+FFFD in the decoded text. */ replaced: number }
  | { ok: false; reason: 'broken-encoding' };

const REPLACEMENT = /\uFFFD/g;

function countReplacements(text: string): number {
  return text.match(REPLACEMENT)?.length ?? 0;
}

/**
 * A file is "broken" when both UTF-8 and GB18030 leave more than this share of
 * replacement characters; below it, the few damaged rows are flagged one by one.
 */
const BROKEN_SHARE = 0.02;

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { ok: true, text, encoding: 'utf-8-bom', replaced: countReplacements(text) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    return { ok: true, text, encoding: 'utf-16le', replaced: countReplacements(text) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return { ok: true, text, encoding: 'utf-16be', replaced: countReplacements(text) };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', replaced: 0 };
  } catch {
    // not valid UTF-8: try the Chinese Windows encodings below
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const gb = new TextDecoder('gb18030').decode(bytes);
  const utf8Bad = countReplacements(utf8);
  const gbBad = countReplacements(gb);
  const best = gbBad <= utf8Bad
    ? { text: gb, encoding: 'gb18030' as const, replaced: gbBad }
    : { text: utf8, encoding: 'utf-8' as const, replaced: utf8Bad };
  if (best.replaced > 0 && best.replaced / Math.max(1, best.text.length) > BROKEN_SHARE) {
    return { ok: false, reason: 'broken-encoding' };
  }
  return { ok: true, ...best };
}
