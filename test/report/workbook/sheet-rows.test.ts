// sheet-rows.ts: rows written as XML into exceljs's streaming sheets, gathered into reused 64 KB
// buffers; numbers as JavaScript writes them, by a faster path for whole cents.
import { describe, it, expect } from 'vitest';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SheetRows, numberText } from '../../../src/report/workbook/sheet-rows.js';

describe('SheetRows', () => {
  it('writes many buffers of rows into several sheets whole and in order (CRC-checked), the sheet closing after them', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
    const rows = 6000;
    for (const name of ['One', 'Two']) {
      const sheet = writer.addWorksheet(name);
      const out = new SheetRows(sheet);
      for (let r = 1; r <= rows; r++) {
        // Multi-byte text too, so that a row's UTF-8 is longer than its characters.
        out.write(r, [`${name} клиент ${r}`, r / 100, r, r % 7 === 0 ? 'ә'.repeat(r % 50) : null]);
        await out.breathe();
      }
      sheet.commit();
    }
    await writer.commit();
    const zip = await JSZip.loadAsync(Buffer.concat(chunks), { checkCRC32: true });
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    for (const [i, name] of ['One', 'Two'].entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      expect(xml.length).toBeGreaterThan(4 * 65536);
      const numbers = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(Array.from({ length: rows }, (_, k) => k + 1));
      expect(xml).toContain(`<c r="B${rows}"><v>${rows / 100}</v></c>`);
      expect(xml).toMatch(/<\/row><\/sheetData>.*<\/worksheet>$/s);
      expect(strings).toContain(`${name} клиент ${rows}`);
    }
  });
});

describe('numberText', () => {
  it('writes every double as String() does', () => {
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(numberText(v)).toBe(String(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes whole cents (money) as String() does, up to and past the fast path’s limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 15 }), (n, digits) => {
        const c = n % 10 ** digits;
        const v = c / 100;
        expect(numberText(v)).toBe(String(v));
        expect(numberText(c)).toBe(String(c));
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles the edges', () => {
    for (const v of [0, -0, 0.01, -0.01, 0.1, 0.5, -0.5, 1.05, 12.3, 691858.94, 9999999999999.99, 1e13, 1e15, 1e21, 1e-7, 0.1 + 0.2, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE]) {
      expect(numberText(v)).toBe(String(v));
    }
  });
});
