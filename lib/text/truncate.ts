/**
 * Shortening text for titles, names and stored fields by code point, never by
 * UTF-16 unit: cutting "…😀" after the first half of the emoji leaves a lone
 * surrogate, which PostgreSQL, JSON tools and some pages reject. The result is
 * always well-formed (a lone surrogate already in the input becomes U+FFFD).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** At most `max` code points; `ellipsis` (e.g. "…") is appended when something was cut. */
export function truncateText(text: string, max: number, ellipsis = ''): string {
  const clean = wellFormed(text);
  if (max <= 0) return clean ? ellipsis : '';
  let count = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++; // the pair counts once (it is well-formed here)
    if (++count === max && i + 1 < clean.length) return clean.slice(0, i + 1) + ellipsis;
  }
  return clean;
}
