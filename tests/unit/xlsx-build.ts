/**
 * Hand-built .xlsx files for the tests: the few parts read-excel-file and
 * xlsx-formulas.ts read, zipped with fflate. Lets a test craft what no
 * spreadsheet program writes (odd relationship ids, unclosed cells).
 */
import { strToU8, zipSync } from 'fflate';

export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';

export interface XlsxParts {
  /** The <sheet> element's relationship id (r:id). */
  sheetRelId?: string;
  /** Extra <Relationship> elements placed before the sheet's own. */
  extraRels?: string;
  /** The whole <sheetData> content. */
  sheetData: string;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function buildXlsx(parts: XlsxParts): Uint8Array {
  const id = parts.sheetRelId ?? 'rId1';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="Sheet1" sheetId="1" r:id="${escapeAttr(id)}"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        (parts.extraRels ?? '') +
        `<Relationship Id="${escapeAttr(id)}" Type="${REL_WORKSHEET}" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.sheetData}</sheetData></worksheet>`,
    ),
  });
}

/** An inline-string cell. */
export const textCell = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
/** A formula cell with a cached string result. */
export const formulaCell = (ref: string, formula: string, result: string): string => `<c r="${ref}" t="str"><f>${formula}</f><v>${result}</v></c>`;
