/**
 * Crafted .xlsx files must not freeze the options page: the formula finder
 * (xlsx-formulas.ts) builds no regular expression from file data and reads
 * each sheet in one linear pass. The work is counted (ScanStats) so growth is
 * checked without a clock; the end-to-end reads also get a generous 10 s
 * bound (before the fix: the 1.3 KB file below took ~30 s, the 80,000-cell
 * sheet about 2.5 minutes).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../lib/import/read-import-file';
import { findFormulaCells } from '../../lib/import/xlsx-formulas';
import { attributeOf, scanXmlTags, type XmlTag } from '../../lib/import/xml-tags';
import { buildXlsx, formulaCell, REL_THEME, textCell } from './xlsx-build';

const WALL_CLOCK_BOUND_MS = 10_000;

function sheetXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
}

/** `cells` cells in two columns, every B cell a formula, closed with `</c >` (valid XML, but not what the old regex expected). */
function bigSheet(cells: number, close = '</c >'): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= cells / 2; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>亲，第${r}条话术</t></is>${close}<c r="B${r}" t="str"><f>1+1</f><v>2</v>${close}</row>`);
  }
  return buildXlsx({ sheetData: rows.join('') });
}

describe('crafted xlsx files are read in linear time', () => {
  it('a relationship id that is a catastrophic regular expression is only compared as text', async () => {
    // r:id="(a+)+b" pasted into a RegExp, tried against Id="aaaa…a", backtracks 2^30 times.
    const bytes = buildXlsx({
      sheetRelId: '(a+)+b',
      extraRels: `<Relationship Id="${'a'.repeat(30)}" Type="${REL_THEME}" Target="theme/theme1.xml"/>`,
      sheetData: `<row r="1">${textCell('A1', '快捷短语')}</row><row r="2">${textCell('A2', '亲，在的')}</row><row r="3">${formulaCell('A3', 'HYPERLINK("http://x")', '点我')}</row>`,
    });
    expect(bytes.length).toBeLessThan(2048);
    const t0 = performance.now();
    const r = await readImportFile('crafted.xlsx', bytes);
    const ms = performance.now() - t0;
    expect(r.ok && r.records.map((x) => [x.row, x.text, x.warning?.code])).toEqual([
      [2, '亲，在的', undefined],
      [3, '点我', 'formula-result-kept'],
    ]);
    expect(ms).toBeLessThan(WALL_CLOCK_BOUND_MS);
  }, 120_000);

  it('80,000 cells: every formula found, work proportional to the sheet', async () => {
    const small = bigSheet(40_000);
    const large = bigSheet(80_000);
    const smallStats = { examined: 0 };
    const largeStats = { examined: 0 };
    const smallCells = findFormulaCells(small, smallStats);
    const t0 = performance.now();
    const largeCells = findFormulaCells(large, largeStats);
    const findMs = performance.now() - t0;
    expect(smallCells.size).toBe(20_000);
    expect(largeCells.size).toBe(40_000);
    expect(largeCells.get(40_000)).toEqual([1]);
    // Each character of the sheet is examined at most a small, fixed number of times…
    expect(largeStats.examined).toBeGreaterThan(0);
    expect(largeStats.examined).toBeLessThanOrEqual(2 * sheetXml(large).length);
    // …so twice the cells is twice the work (a quadratic scan would be four times).
    expect(largeStats.examined / smallStats.examined).toBeGreaterThan(1.8);
    expect(largeStats.examined / smallStats.examined).toBeLessThan(2.2);

    const t1 = performance.now();
    const r = await readImportFile('big.xlsx', large);
    const readMs = performance.now() - t1;
    expect(r.ok && r.records.length).toBe(40_000);
    expect(findMs).toBeLessThan(WALL_CLOCK_BOUND_MS);
    expect(readMs).toBeLessThan(WALL_CLOCK_BOUND_MS);
    console.log(`80,000 cells: formulas found in ${findMs.toFixed(0)} ms, whole read ${readMs.toFixed(0)} ms`);
  }, 120_000);

  it('cells never closed: the scan stays linear and the file is reported damaged', async () => {
    const bytes = bigSheet(20_000, '');
    const stats = { examined: 0 };
    findFormulaCells(bytes, stats);
    expect(stats.examined).toBeLessThanOrEqual(2 * sheetXml(bytes).length);
    const r = await readImportFile('unclosed.xlsx', bytes);
    expect(!r.ok && r.problem.code).toBe('corrupt-file');
  }, 60_000);
});

describe('the XML tag reader', () => {
  const tags = (xml: string): string[] => {
    const out: string[] = [];
    scanXmlTags(xml, (t: XmlTag) => void out.push(`${t.kind}:${t.name}${attributeOf(t, 'r') ? `@${attributeOf(t, 'r')}` : ''}`));
    return out;
  };

  it('reads open, close and empty tags, drops prefixes, skips comments, CDATA and declarations', () => {
    expect(tags('<?xml version="1.0"?><!-- <c r="Z9"> --><x:c r="A1"><x:f>1</x:f></x:c ><c r="B2"/><![CDATA[<c r="Q1">]]>')).toEqual([
      'open:c@A1',
      'open:f',
      'close:f',
      'close:c',
      'empty:c@B2',
    ]);
  });

  it('a ">" inside a quoted value does not end the tag', () => {
    expect(tags(`<c a="x>y" r='C3'><f/></c>`)).toEqual(['open:c@C3', 'empty:f', 'close:c']);
  });

  it('attribute values: exact names, any prefix with "*:", entities decoded', () => {
    let found: XmlTag | undefined;
    scanXmlTags('<sheet name="a&amp;b &#x4E2D;" ns:id="rId7" id="plain"/>', (t) => void (found = { ...t }));
    expect(attributeOf(found!, 'name')).toBe('a&b 中');
    expect(attributeOf(found!, '*:id')).toBe('rId7');
    expect(attributeOf(found!, 'id')).toBe('plain');
    expect(attributeOf(found!, 'r:id')).toBeUndefined();
  });

  it('truncated or broken markup yields the tags before the damage, without throwing', () => {
    expect(tags('<a><b r="1"><c r="unterminated')).toEqual(['open:a', 'open:b@1']);
    expect(tags('<a <b>')).toEqual(['open:b']);
    expect(tags('<!-- never closed <a>')).toEqual([]);
  });
});
