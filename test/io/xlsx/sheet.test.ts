// The sheet scanner: cells typed by `t` and style, columns from references or counted on, every
// row with its own number, and output that never depends on where the chunks end.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeNumber, SheetScanner, type SheetContext } from '../../../src/io/xlsx/sheet.js';
import type { Cell } from '../../../src/io/records.js';
import { MAIN_NS } from '../../helpers/xlsx.js';

const CONTEXT: SheetContext = { shared: ['Клиент', 'ЖШС «Қазақ Ұн»', 'Magnum Cash&Carry'], dateStyles: Uint8Array.from([0, 1]), date1904: false };

function scan(xml: string | Buffer, sizes: readonly number[] = [1 << 20], context = CONTEXT): { row: number; cells: Cell[] }[] {
  const rows: { row: number; cells: Cell[] }[] = [];
  const scanner = new SheetScanner(context, (cells, row) => rows.push({ row, cells }));
  const bytes = Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8');
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    // A copy: the scanner must not rely on a chunk outliving the call.
    scanner.push(Buffer.from(bytes.subarray(at, at + n)));
    at += n;
  }
  scanner.end();
  return rows;
}

const sheet = (rows: string, prefix = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix === '' ? '' : `:${prefix.slice(0, -1)}`}="${MAIN_NS}"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

describe('cells', () => {
  it('every type: shared, inline (runs joined, phonetic left out), str, b, e, d, numbers, dates by style', () => {
    const rows = scan(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>Ә</t></r><r><rPr><b/></rPr><t xml:space="preserve">лия </t></r><rPh sb="0" eb="1"><t>ア</t></rPh></is></c>' +
          '<c r="C1" t="str"><f>A1&amp;""</f><v>Tom &amp; Jerry_x000D_</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c>' +
          '<c r="F1" t="d"><v>2025-03-04T10:20:30</v></c><c r="G1"><v>1234.5</v></c><c r="H1" s="1"><v>45658.75</v></c><c r="I1"><v/></c><c r="J1" t="s"><v>2</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      {
        row: 1,
        cells: ['ЖШС «Қазақ Ұн»', 'Әлия ', 'Tom & Jerry\r', true, null, new Date(Date.UTC(2025, 2, 4, 10, 20, 30)), 1234.5, new Date(Date.UTC(2025, 0, 1, 18)), null, 'Magnum Cash&Carry'],
      },
    ]);
  });

  it('the 1904 system shifts date serials by 1462 days', () => {
    const [row] = scan(sheet('<row><c s="1"><v>44196</v></c></row>'), undefined, { ...CONTEXT, date1904: true });
    expect(row!.cells[0]).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  it('a cached formula value is the value; a formula without one is empty', () => {
    const [row] = scan(sheet('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><f>B1*2</f></c><c r="C2" s="1"><f>TODAY()</f><v>45658</v></c></row>'));
    expect(row!.cells).toEqual([2, null, new Date(Date.UTC(2025, 0, 1))]);
  });

  it('prefixed tags (x:), no references: columns and rows counted on', () => {
    const rows = scan(sheet('<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row/><x:row><x:c r="C5"><x:v>3</x:v></x:c></x:row>', 'x:'));
    expect(rows).toEqual([
      { row: 1, cells: ['a', 2] },
      { row: 2, cells: [] },
      { row: 3, cells: [null, null, 3] },
    ]);
  });

  it('every row with its true number, empty and self-closing ones too, gaps as they are', () => {
    const rows = scan(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Отчёт</t></is></c></row><row r="2"/><row r="3" spans="1:3"></row><row r="7"><c r="B7"><v>1</v></c></row><row><c><v>2</v></c></row>'));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 7, 8]);
    expect(rows[3]!.cells).toEqual([null, 1]);
  });

  it('numbers: exactly as Number() reads them, short or long', () => {
    for (const text of ['0', '-0', '12', '-3.25', '0.1', '0.000123', '765442.08000000007', '123456789012345', '1234567890123456789', '1.5E-3', '4.9999999999999996E-2', '1e21', ' 7 ']) {
      expect(decodeNumber(Buffer.from(text), 0, text.length)).toBe(Number(text));
    }
    expect(decodeNumber(Buffer.from('abc'), 0, 3)).toBe('abc');
  });

  it('comments and CDATA between rows are passed over', () => {
    const rows = scan(sheet('<!-- a <row> in a comment --><row r="1"><c r="A1"><v>1</v></c></row><?pi x?><row r="2"><c r="A2"><v>2</v></c></row>'));
    expect(rows).toEqual([
      { row: 1, cells: [1] },
      { row: 2, cells: [2] },
    ]);
  });

  it('a sheet cut short is an error, not fewer rows', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>');
    expect(() => scan(xml.slice(0, xml.indexOf('</row>', xml.indexOf('r="2"'))))).toThrow();
    expect(() => scan(xml.slice(0, xml.indexOf('<v>2') + 3))).toThrow();
  });

  it('bytes that are not UTF-8 are an error, never a silent "�"', () => {
    const xml = Buffer.from(sheet('<row><c t="inlineStr"><is><t>XX</t></is></c></row>'));
    const at = xml.indexOf('XX');
    xml[at] = 0xd0;
    xml[at + 1] = 0x28;
    expect(() => scan(xml)).toThrow();
  });
});

describe('chunk boundaries', () => {
  // Cyrillic and Kazakh letters (two bytes each), a four-byte emoji, entities, shared and inline.
  const rowsXml = Array.from({ length: 12 }, (_, i) => {
    const r = i + 1;
    return `<row r="${r}"><c r="A${r}" t="s"><v>${i % 3}</v></c><c r="B${r}" t="inlineStr"><is><r><t>Қарағанды «Ұлы Дала» ${i}</t></r><r><t>&amp; 🚚</t></r></is></c><c r="C${r}" s="1"><v>${45658 + i}</v></c><c r="D${r}"><v>${(i * 1234.56).toFixed(2)}</v></c></row>`;
  }).join('');
  const xml = Buffer.from(sheet(rowsXml), 'utf8');
  const whole = scan(xml);

  it('every chunk size from 1 byte up gives the same rows', () => {
    expect(whole).toHaveLength(12);
    expect(whole[5]!.cells[1]).toBe('Қарағанды «Ұлы Дала» 5& 🚚');
    for (let size = 1; size <= xml.length; size++) expect(scan(xml, [size])).toEqual(whole);
  });

  it('random chunk sizes give the same rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }), (sizes) => {
        expect(scan(xml, sizes)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
