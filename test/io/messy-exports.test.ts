// The io fixes for messy exports, unit by unit: an encoding settled only past an ASCII head,
// a decimal mark that cannot be told, number and date cells in an xlsx date column, dd/mm vs
// mm/dd decided without re-reading the sample at every row, words for unreadable files, and
// workbooks read sheet by sheet.
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { emptyLedger } from '../../src/core/ledger.js';
import { KamError, type Problem } from '../../src/core/problems.js';
import { kk } from '../../src/i18n/kk.js';
import { ru } from '../../src/i18n/ru.js';
import { dayFromDateCell, dayFromNumberCell } from '../../src/io/dates.js';
import { createDecoder, DecodeError, sniffEncoding } from '../../src/io/dialect.js';
import { fileProblem, openInput } from '../../src/io/input.js';
import { detectNumberDialect } from '../../src/io/numbers.js';
import { readSheets, readXlsx } from '../../src/io/read-xlsx.js';
import { RecordReader, type Cell } from '../../src/io/records.js';
import { renderProblem } from '../../src/report/messages.js';
import { encodeCp1251 } from '../helpers/dialects.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('createDecoder(undefined): an encoding the head does not settle', () => {
  const decodeAll = (chunks: readonly Uint8Array[], head: Uint8Array): { text: string; encoding: string | undefined } => {
    const decoder = createDecoder(sniffEncoding(head));
    const text = chunks.map((c) => decoder.write(c)).join('') + decoder.end();
    return { text, encoding: decoder.encoding };
  };
  const ascii = Buffer.from('Date,Client,Amount\n'.padEnd(70_000, 'x') + '\n');

  it('an ASCII head leaves it open (sniffEncoding says undefined)', () => {
    expect(sniffEncoding(ascii)).toBeUndefined();
    expect(sniffEncoding(encodeCp1251('Дата'))).toBe('windows-1251');
    expect(sniffEncoding(Buffer.from('Дата'))).toBe('utf8');
  });

  it('Windows-1251 after 70 KB of ASCII is read as Windows-1251, not as U+FFFD', () => {
    const late = encodeCp1251('2025-01-05,ТОО «Альфа»,10\n2025-01-06,ТОО «Бета»,20\n');
    const { text, encoding } = decodeAll([ascii, late], ascii.subarray(0, 65_536));
    expect(encoding).toBe('windows-1251');
    expect(text.endsWith('ТОО «Альфа»,10\n2025-01-06,ТОО «Бета»,20\n')).toBe(true);
    expect(text).not.toContain('\ufffd');
  });

  it('UTF-8 after an ASCII head stays UTF-8, even split inside a character across chunks', () => {
    const late = Buffer.from('2025-01-05,ТОО «Альфа»,10\n');
    const cut = 14; // inside the two bytes of 'Т'... or the next letter
    const { text, encoding } = decodeAll([ascii, late.subarray(0, cut), late.subarray(cut)], ascii);
    expect(encoding).toBe('utf8');
    expect(text.endsWith('2025-01-05,ТОО «Альфа»,10\n')).toBe(true);
  });

  it('a few non-ASCII bytes at the very end are judged at end()', () => {
    const { text, encoding } = decodeAll([Buffer.from('a,b\n'), encodeCp1251('Я')], Buffer.from('a,b\n'));
    expect(encoding).toBe('windows-1251');
    expect(text).toBe('a,b\nЯ');
  });

  it('a forced encoding is kept whatever the bytes: a byte invalid in it is an error, not a U+FFFD', () => {
    const decoder = createDecoder('utf8');
    expect(() => decoder.write(encodeCp1251('Я')) + decoder.end()).toThrow(DecodeError);
    expect(decoder.encoding).toBe('utf8');
  });
});

describe('detectNumberDialect: votes, else refuse when a number reads two ways', () => {
  it('decides from samples only one mark can read', () => {
    expect(detectNumberDialect(['1 234,50', '3,627'])).toEqual({ format: { decimal: ',' } });
    expect(detectNumberDialect(['1,234.50', '3,627'])).toEqual({ format: { decimal: '.' } });
  });
  it('plain integers and space groups read the same either way: "."', () => {
    expect(detectNumberDialect(['12', '1 234', '-5', ''])).toEqual({ format: { decimal: '.' } });
  });
  it('whole numbers grouped by "." or ",", and nothing else: ambiguous, with an example', () => {
    expect(detectNumberDialect(['12', '3.627', '784.013'])).toEqual({ ambiguous: true, example: '3.627', point: '.' });
    expect(detectNumberDialect([' 1,250 '])).toEqual({ ambiguous: true, example: '1,250', point: ',' });
  });
});

describe('xlsx cells in a date column', () => {
  it('number cells: Excel serials in plausible years and yyyymmdd; anything else is not a date', () => {
    expect(dayFromNumberCell(45658)).toBe(day('2025-01-01'));
    expect(dayFromNumberCell(45658.75)).toBe(day('2025-01-01'));
    expect(dayFromNumberCell(20250131)).toBe(day('2025-01-31'));
    for (const n of [0, 1, 60, 1234, 19_999, 80_001, 20250231, 20251301, 2_958_465, 123456789, Number.NaN]) expect(dayFromNumberCell(n), String(n)).toBeUndefined();
  });
  it('date cells: the UTC day; a time of day alone (1899-12-30) is not a date', () => {
    expect(dayFromDateCell(new Date(Date.UTC(2025, 0, 31, 23, 59)))).toBe(day('2025-01-31'));
    expect(dayFromDateCell(new Date(Date.UTC(1899, 11, 30, 9, 30)))).toBeUndefined();
    expect(dayFromDateCell(new Date(Number.NaN))).toBeUndefined();
  });
  it('a reader takes serials and date cells among text dates, and counts a stray number as a bad date', () => {
    const reader = new RecordReader(emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false }), 'book.xlsx', {
      map: {},
      dateFormat: undefined,
      decimal: undefined,
      strict: false,
    });
    const rows: Cell[][] = [
      ['Дата', 'Контрагент', 'Сумма'],
      ['05.01.2025', 'A', '1 000,50'],
      [45662, 'A', 10],
      [new Date(Date.UTC(2025, 0, 9)), 'B', '2,5'],
      [1234, 'B', 3],
    ];
    rows.forEach((r, i) => reader.push(r, i + 1));
    reader.finish();
    expect(reader.counts).toMatchObject({ accepted: 3, badDate: 1 });
    expect(reader.examples[0]).toMatchObject({ line: 5, value: '1234', details: { kind: 'date' } });
  });
});

describe('unreadable files in words', () => {
  it('file-system codes become reasons the catalogues word, not English phrases', () => {
    const problem = (code: string): Problem => fileProblem(Object.assign(new Error(code), { code }), 'x.csv').problem;
    expect(problem('EISDIR')).toMatchObject({ code: 'file-unreadable', details: { reason: { code: 'folder-not-file' } } });
    expect(problem('EACCES')).toMatchObject({ code: 'file-unreadable', details: { reason: { code: 'permission-denied' } } });
    expect(problem('EWHATEVER')).toMatchObject({ code: 'file-unreadable', details: { reason: { code: 'system', text: 'EWHATEVER' } } });
    expect(renderProblem(problem('EISDIR'))).toBe('x.csv: cannot read it (it is a folder, not a file)');
    expect(renderProblem(problem('EACCES'), ru)).toBe('x.csv: не удаётся прочитать (нет доступа)');
    expect(renderProblem(problem('EWHATEVER'), kk)).toBe('x.csv: оқу мүмкін емес (EWHATEVER)');
    expect(fileProblem(Object.assign(new Error(), { code: 'ENOENT' }), 'x.csv').problem.code).toBe('file-not-found');
  });

  it('an old .xls and an .ods are named for what they are', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100, 1)]);
    await expect(openInput('-', Readable.from(xls))).rejects.toMatchObject({ problem: { code: 'file-unreadable', details: { reason: { code: 'xls-workbook' } } } });
    const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
    await expect(openInput('-', Readable.from(ods))).rejects.toMatchObject({ problem: { code: 'file-unreadable', details: { reason: { code: 'ods-file' } } } });
  });
});

describe('readSheets', () => {
  const SKIPPED_TITLE = '<stdin>: sheet "Титул" left out: no header row with known column names; name the sheets to read with --sheet NAME';
  async function book(sheets: readonly [string, unknown[][]][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of sheets) {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const ledgerRows = [['Дата', 'Контрагент', 'Сумма'], ['05.01.2025', 'A', 10]];
  const SHEETS: [string, unknown[][]][] = [
    ['Титул', [['Отчет по продажам']]],
    ['Пусто', []],
    ['2025', ledgerRows],
    ['2026', [['Итоги'], [], ...ledgerRows]],
  ];

  async function read(bytes: Buffer, selection: readonly string[] | undefined): Promise<{ read: string[]; skipped: string[] }> {
    const input = await openInput('-', Readable.from(bytes));
    const out = { read: [] as string[], skipped: [] as string[] };
    await readSheets(input, selection, {
      start: (sheet) => {
        out.read.push(sheet);
        const reader = new RecordReader(emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false }), sheet, { map: {}, dateFormat: undefined, decimal: undefined, strict: false });
        current = reader;
        return reader.push;
      },
      end: () => current!.finish(),
      skipped: (p) => out.skipped.push(renderProblem(p)),
    });
    return out;
  }
  let current: RecordReader | undefined;

  it("no --sheet: the first sheet that holds a ledger, the title sheet before it reported, the blank one not", async () => {
    expect(await read(await book(SHEETS), undefined)).toEqual({ read: ['Титул', 'Пусто', '2025'], skipped: [SKIPPED_TITLE] });
  });

  it("'*': every sheet that holds a ledger, each with its own header row", async () => {
    const r = await read(await book(SHEETS), ['*']);
    expect(r.read).toEqual(['Титул', 'Пусто', '2025', '2026']);
    expect(r.skipped).toEqual([SKIPPED_TITLE]);
  });

  it('a small workbook is read whole every time (unzipper ends early; exceljs then missed xl/workbook.xml about one run in ten)', async () => {
    const bytes = await book(SHEETS);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      let outcome: string;
      try {
        outcome = (await read(bytes, ['*'])).read.join('|');
      } catch (error) {
        outcome = error instanceof KamError ? `${error.problem.code}: ${String(error.problem.value)}` : String(error);
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ 'Титул|Пусто|2025|2026': 60 });
  });

  it('names: those sheets, any case, each once', async () => {
    expect((await read(await book(SHEETS), ['2026', '2025', '2026'])).read).toEqual(['2025', '2026']);
  });

  it('a named sheet that holds no ledger is an error naming the sheet', async () => {
    await expect(read(await book(SHEETS), ['Титул'])).rejects.toMatchObject({ problem: { code: 'no-header', file: '<stdin>, sheet "Титул"' } });
  });

  it('a name that is not there: the sheets there are listed', async () => {
    await expect(read(await book(SHEETS), ['2024'])).rejects.toMatchObject({ problem: { code: 'sheet-not-found', value: '2024', details: { sheets: ['Титул', 'Пусто', '2025', '2026'] } } });
  });

  it('readXlsx (the attributes reader) still reads the first sheet whatever it holds', async () => {
    const input = await openInput('-', Readable.from(await book([
      ['Первый', [['x']]],
      ['Второй', ledgerRows],
    ])));
    const rows: Cell[][] = [];
    let name = '';
    await readXlsx(input, undefined, (n) => (name = n), (cells) => rows.push(cells));
    expect(name).toBe('Первый');
    expect(rows).toEqual([['x']]);
  });
});
