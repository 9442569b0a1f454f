/** Building the bytes of test import files: UTF-8, UTF-16 (with or without a BOM), pieces joined. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** UTF-16 code units as they are (a lone surrogate stays lone), with a BOM unless told otherwise. */
export const utf16 = (s: string, littleEndian: boolean, bom = true): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16((bom ? 2 : 0) + 2 * i, s.charCodeAt(i), littleEndian);
  return out;
};
