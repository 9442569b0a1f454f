/**
 * A small single-pass reader of XML tags, enough to find elements and their
 * attributes in the parts of an .xlsx file (sheet, workbook, relationships).
 * No regular expression is built from file data and every character is looked
 * at a bounded number of times, so the work grows linearly with the file,
 * whatever it holds. Text content, entities (except in attribute values),
 * namespaces and well-formedness are not its concern: a truncated or broken
 * part simply yields the tags found before the damage.
 */

export interface XmlTag {
  /** Local name, prefix dropped ("x:c" → "c"). */
  name: string;
  /** <a> is 'open', </a> is 'close', <a/> is 'empty'. */
  kind: 'open' | 'close' | 'empty';
  /** Raw text between the name and the closing ">" (read with attributeOf). */
  attributes: string;
}

export interface ScanStats {
  /** Characters examined one by one (tags and their attributes); stays near the input length. */
  examined: number;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Calls `onTag` for every start, end and empty-element tag, in document order.
 * Comments, CDATA sections, processing instructions and declarations are
 * skipped. `onTag` may return false to stop early. The tag object is reused
 * from one call to the next: copy what you need to keep.
 */
export function scanXmlTags(xml: string, onTag: (tag: XmlTag) => boolean | void, stats?: ScanStats): void {
  const n = xml.length;
  const tag: XmlTag = { name: '', kind: 'open', attributes: '' };
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const terminator = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : next === 0x3f ? '?>' : '>';
      const end = xml.indexOf(terminator, lt + 2);
      if (end < 0) return;
      pos = end + terminator.length;
      continue;
    }
    // Find the ">" that ends the tag; a ">" inside a quoted attribute value does not.
    // Quoted values are skipped with one indexOf each, which moves past what it reads.
    let i = lt + 1;
    for (; i < n; i++) {
      const c = xml.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        const close = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
        if (close < 0) {
          i = n;
          break;
        }
        i = close;
      } else if (c === 0x3e /* > */ || c === 0x3c /* < */) break; // a stray "<": this tag is broken, start again from there
    }
    if (stats) stats.examined += Math.min(i, n) - lt;
    if (i >= n) return;
    if (xml.charCodeAt(i) === 0x3c) {
      pos = i;
      continue;
    }
    let start = lt + 1;
    let kind: XmlTag['kind'] = 'open';
    if (xml.charCodeAt(start) === 0x2f /* / */) {
      kind = 'close';
      start++;
    }
    let end = i;
    if (kind === 'open' && xml.charCodeAt(end - 1) === 0x2f) {
      kind = 'empty';
      end--;
    }
    let nameEnd = start;
    while (nameEnd < end && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
    const qualified = xml.slice(start, nameEnd);
    const colon = qualified.indexOf(':');
    const name = colon < 0 ? qualified : qualified.slice(colon + 1);
    pos = i + 1;
    if (!name) continue;
    tag.name = name;
    tag.kind = kind;
    tag.attributes = xml.slice(nameEnd, end);
    if (onTag(tag) === false) return;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Undo the five predefined entities and numeric character references, in one pass. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  let out = '';
  let pos = 0;
  while (pos < value.length) {
    const amp = value.indexOf('&', pos);
    if (amp < 0) break;
    const semi = value.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 10) {
      out += value.slice(pos, amp + 1);
      pos = amp + 1;
      continue;
    }
    const body = value.slice(amp + 1, semi);
    let decoded = ENTITIES[body];
    if (decoded === undefined && body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    }
    out += value.slice(pos, amp) + (decoded ?? value.slice(amp, semi + 1));
    pos = semi + 1;
  }
  return out + value.slice(pos);
}

/**
 * The value of one attribute of a tag, or undefined. `name` is matched
 * exactly ("r", "Id"); "*:id" matches "id" under any prefix or none, as the
 * relationship id of a <sheet> is written (r:id, ns:id). Linear in the length
 * of the tag.
 */
export function attributeOf(tag: XmlTag, name: string, stats?: ScanStats): string | undefined {
  const anyPrefix = name.startsWith('*:');
  const local = anyPrefix ? name.slice(2) : name;
  const text = tag.attributes;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && text.charCodeAt(i) !== 0x3d /* = */ && !isSpace(text.charCodeAt(i))) i++;
    const candidate = text.slice(nameStart, i);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) {
      if (i === nameStart) i++; // not an attribute at all: step over one character
      continue;
    }
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) break;
    const matches =
      candidate === local || (anyPrefix && candidate.endsWith(local) && candidate.charCodeAt(candidate.length - local.length - 1) === 0x3a); /* : */
    if (matches) {
      if (stats) stats.examined += close;
      return decodeEntities(text.slice(i + 1, close));
    }
    i = close + 1;
  }
  if (stats) stats.examined += n;
  return undefined;
}
