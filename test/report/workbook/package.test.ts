// package.ts: charts added to the package exceljs wrote, read from the chunks it was written in
// (never joined into one buffer): any split of the package gives the same bytes.
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { addCharts, type ChartPlacement } from '../../../src/report/workbook/package.js';

let whole: Buffer;
const charts: ChartPlacement[] = [
  { sheetId: 1, chartXml: '<c:chartSpace lang="en-US"/>', name: 'Chart & co', from: { col: 0, row: 1 }, to: { col: 4, row: 10 } },
];

beforeAll(async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(500)}</sheetData></worksheet>`);
  zip.file('xl/worksheets/sheet2.xml', '<worksheet><sheetData/></worksheet>');
  whole = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
});

/** The package cut at the given offsets. */
function split(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    out.push(bytes.subarray(from, to));
    from = to;
  }
  return out;
}

describe('addCharts', () => {
  it('adds the chart, its drawing and the <drawing> element to the sheet', async () => {
    const out = await JSZip.loadAsync(Buffer.concat(addCharts([whole], charts)));
    expect(Object.keys(out.files)).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels']));
    expect(await out.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<\/sheetData><drawing r:id="rIdKamDrawing1"\/><\/worksheet>$/);
    expect(await out.file('xl/worksheets/sheet2.xml')!.async('string')).toBe('<worksheet><sheetData/></worksheet>');
    expect(await out.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart1.xml');
  });

  it('gives the same bytes however the package is cut into chunks (even inside headers and the directory)', () => {
    const expected = Buffer.concat(addCharts([whole], charts));
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
        expect(Buffer.concat(addCharts(split(whole, cuts), charts)).equals(expected)).toBe(true);
      }),
      { numRuns: 200 },
    );
    // One byte a chunk.
    expect(Buffer.concat(addCharts(split(whole, [...whole.keys()]), charts)).equals(expected)).toBe(true);
  });

  it('passes a package without charts through as its chunks, uncopied', () => {
    const chunks = split(whole, [10, 200]);
    const out = addCharts(chunks, []);
    expect(out).toHaveLength(chunks.length);
    out.forEach((b, i) => expect(b).toBe(chunks[i]));
  });
});
