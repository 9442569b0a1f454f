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

/**
 * UTF-16 code units as they are, so half a surrogate pair stays visible to
 * the row check (TextDecoder would turn it into U+FFFD, reported as garbled
 * text without saying why). A dangling last byte becomes U+FFFD.
 */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units = bytes.length >> 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const CHUNK = 8192;
  const buffer = new Uint16Array(CHUNK);
  for (let start = 0; start < units; start += CHUNK) {
    const end = Math.min(units, start + CHUNK);
    for (let i = start; i < end; i++) buffer[i - start] = view.getUint16(i * 2, littleEndian);
    parts.push(String.fromCharCode(...buffer.subarray(0, end - start)));
  }
  if (bytes.length % 2) parts.push('\uFFFD');
  return parts.join('');
}

/**
 * Text that is valid UTF-8 except for encoded UTF-16 surrogates (ED A0–BF xx,
 * as Java, old Windows tools and WTF-8 write them), or undefined. A pair
 * becomes the character it stands for; half a pair stays a lone surrogate, so
 * only its row is refused, not the whole file as "broken encoding".
 */
function decodeUtf8WithSurrogates(bytes: Uint8Array): string | undefined {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let start = 0;
  let found = false;
  for (let i = bytes.indexOf(0xed); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xed, i + 1)) {
    const b1 = bytes[i + 1]!;
    const b2 = bytes[i + 2]!;
    if (b1 < 0xa0 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) continue;
    try {
      parts.push(strict.decode(bytes.subarray(start, i)));
    } catch {
      return undefined;
    }
    parts.push(String.fromCharCode(0xd000 | ((b1 & 0x3f) << 6) | (b2 & 0x3f)));
    found = true;
    start = i + 3;
    i += 2;
  }
  if (!found) return undefined;
  try {
    parts.push(strict.decode(bytes.subarray(start)));
  } catch {
    return undefined;
  }
  return parts.join('');
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { ok: true, text, encoding: 'utf-8-bom', replaced: countReplacements(text) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeUtf16(bytes.subarray(2), true);
    return { ok: true, text, encoding: 'utf-16le', replaced: countReplacements(text) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeUtf16(bytes.subarray(2), false);
    return { ok: true, text, encoding: 'utf-16be', replaced: countReplacements(text) };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', replaced: 0 };
  } catch {
    // not valid UTF-8: perhaps UTF-8 with encoded surrogates, else the Chinese Windows encodings below
  }
  const surrogates = decodeUtf8WithSurrogates(bytes);
  if (surrogates !== undefined) return { ok: true, text: surrogates, encoding: 'utf-8', replaced: 0 };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const gb = new TextDecoder('gb18030').decode(bytes);
  const utf8Bad = countReplacements(utf8);
  const gbBad = countReplacements(gb);
  const best = gbBad <= utf8Bad ? { text: gb, encoding: 'gb18030' as const, replaced: gbBad } : { text: utf8, encoding: 'utf-8' as const, replaced: utf8Bad };
  if (best.replaced > 0 && best.replaced / Math.max(1, best.text.length) > BROKEN_SHARE) {
    return { ok: false, reason: 'broken-encoding' };
  }
  return { ok: true, ...best };
}
