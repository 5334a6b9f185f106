// The record reader (src/io/records.ts): from raw records (CSV strings, xlsx cells) to ledger
// lines. Header search below title rows, column roles, date and number dialects decided on a
// sample, bad rows counted with examples (or refused under --strict), the in-place span path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromYmd } from '../../src/core/calendar.js';
import { emptyLedger, type Ledger } from '../../src/core/ledger.js';
import { KamError } from '../../src/core/problems.js';
import { cellText, MAX_EXAMPLES, RecordReader, type Cell, type RecordOptions } from '../../src/io/records.js';
import { kamErrorOf } from '../helpers/kam-error.js';

const COLUMNS = { quantity: false, profit: false, document: false, product: false, direction: false };
const OPTIONS: RecordOptions = { map: {}, dateFormat: undefined, decimal: undefined, strict: false };

/** Reads `rows` (line numbers from 1) into a fresh ledger. */
function read(rows: readonly Cell[][], options: Partial<RecordOptions> = {}): { reader: RecordReader; ledger: Ledger } {
  const ledger = emptyLedger(COLUMNS);
  const reader = new RecordReader(ledger, 'x.csv', { ...OPTIONS, ...options });
  rows.forEach((r, i) => reader.push([...r], i + 1));
  reader.finish();
  return { reader, ledger };
}

/** Client → [day, amount] pairs of its ledger history, days as YYYY-MM-DD. */
function history(ledger: Ledger): Record<string, [string, number][]> {
  const out: Record<string, [string, number][]> = {};
  for (const [name, h] of ledger.clients) {
    out[name] = [];
    for (let i = 0; i < h.days.size; i++) out[name].push([new Date(h.days.day(i) * 86_400_000).toISOString().slice(0, 10), h.days.amount(i)]);
  }
  return out;
}

describe('cellText', () => {
  it('shows a cell as the text a message quotes', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(' a ')).toBe(' a ');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2025, 0, 9, 15)))).toBe('2025-01-09');
    expect(cellText(new Date(Number.NaN))).toBe('');
  });
});

describe('the header', () => {
  it('is found below title rows and blank lines, and the lines above it are not data', () => {
    const { reader, ledger } = read([['Отчет по продажам'], [], ['за 2025 год', ''], ['Дата', 'Контрагент', 'Сумма'], ['2025-01-05', 'A', '10']]);
    expect(reader.counts).toEqual({ rows: 1, accepted: 1, noClient: 0, badDate: 0, badNumber: 0, badFields: 0 });
    expect(history(ledger)).toEqual({ A: [['2025-01-05', 10]] });
  });

  it('missing: no-header, quoting the first row; nothing at all: file-empty', () => {
    const e = kamErrorOf(() => read([['Отчет'], ['a', 'b', 'c'], ['1', '2', '3']]));
    expect(e.problem).toMatchObject({ code: 'no-header', file: 'x.csv', details: { firstRow: ['Отчет'] } });
    expect(kamErrorOf(() => read([[], ['', ' ']])).problem.code).toBe('file-empty');
  });

  it('a header and no rows: no-rows', () => {
    expect(kamErrorOf(() => read([['Date', 'Client', 'Amount'], ['', '', '']])).problem).toMatchObject({ code: 'no-rows', file: 'x.csv' });
  });

  it('--map names a column the detector does not know', () => {
    const { ledger } = read([['Когда', 'Кто', 'Сколько'], ['2025-01-05', 'A', '10']], { map: { date: 'Когда', client: 'Кто', amount: 'Сколько' } });
    expect(history(ledger)).toEqual({ A: [['2025-01-05', 10]] });
  });

  it('no amount but quantity and price: amount = quantity × price', () => {
    const { ledger } = read([['Date', 'Client', 'Quantity', 'Price'], ['2025-01-05', 'A', '3', '2.5'], ['2025-01-05', 'A', '1', '1']]);
    expect(history(ledger)).toEqual({ A: [['2025-01-05', 8.5]] });
  });
});

describe('rows that cannot be read', () => {
  const rows: Cell[][] = [
    ['Date', 'Client', 'Amount'],
    ['2025-01-05', 'A', '10'],
    ['2025-01-06', '', '10'],
    ['someday', 'B', '10'],
    ['2025-01-07', 'B', 'ten'],
    ['', '', ''],
    ['2025-01-08', '  b  ', '5'],
  ];

  it('are counted by kind and the first few kept as examples with line, column and value', () => {
    const { reader, ledger } = read(rows);
    expect(reader.counts).toEqual({ rows: 5, accepted: 2, noClient: 1, badDate: 1, badNumber: 1, badFields: 0 });
    expect(reader.examples).toEqual([
      { code: 'bad-row', severity: 'warning', file: 'x.csv', line: 4, column: 'Date', value: 'someday', details: { kind: 'date' } },
      { code: 'bad-row', severity: 'warning', file: 'x.csv', line: 5, column: 'Amount', value: 'ten', details: { kind: 'number' } },
    ]);
    // Client names are normalized: spaces trimmed (the ledger keys on the normalized name).
    expect(Object.keys(history(ledger)).sort()).toEqual(['A', 'b']);
  });

  it('keep at most MAX_EXAMPLES examples, however many there are', () => {
    const many: Cell[][] = [['Date', 'Client', 'Amount'], ['2025-01-05', 'A', '1']];
    for (let i = 0; i < 20; i++) many.push(['2025-01-05', 'A', 'x']);
    const { reader } = read(many);
    expect(reader.counts.badNumber).toBe(20);
    expect(reader.examples).toHaveLength(MAX_EXAMPLES);
  });

  it('end the read under --strict, at the first one (a row without a client too)', () => {
    expect(kamErrorOf(() => read(rows, { strict: true })).problem).toMatchObject({ code: 'bad-row', severity: 'error', line: 3, details: { kind: 'client' } });
    expect(kamErrorOf(() => read([rows[0]!, rows[1]!, rows[3]!], { strict: true })).problem).toMatchObject({ code: 'bad-row', severity: 'error', line: 3, value: 'someday' });
  });
});

describe('the number dialect', () => {
  it('a decimal comma is found from the sample and used for every row', () => {
    const { reader, ledger } = read([['Date', 'Client', 'Amount'], ['2025-01-05', 'A', '1 000,50'], ['2025-01-06', 'A', '2,25']]);
    expect(reader.decimal).toEqual({ decimal: ',' });
    expect(history(ledger)).toEqual({ A: [['2025-01-05', 1000.5], ['2025-01-06', 2.25]] });
  });

  it('only numbers that read two ways: ambiguous-numbers, naming the column and an example', () => {
    const e = kamErrorOf(() => read([['Date', 'Client', 'Amount'], ['2025-01-05', 'A', '1,234'], ['2025-01-06', 'A', '5,678']]));
    expect(e.problem).toMatchObject({ code: 'ambiguous-numbers', column: 'Amount', value: '1,234', details: { point: ',' } });
  });

  it('a given --decimal is used as it is', () => {
    const { ledger } = read([['Date', 'Client', 'Amount'], ['2025-01-05', 'A', '1,234']], { decimal: { decimal: ',' } });
    expect(history(ledger)).toEqual({ A: [['2025-01-05', 1.234]] });
  });
});

describe('a reader continuing another (the parallel CSV reader\'s later shares)', () => {
  it('reads later rows with the dialect the head settled, into the same totals', () => {
    const rows = (from: number, n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`0${1 + ((from + i) % 9)}.01.2025`, `c${(from + i) % 4}`, `${from + i},5`]);
    const whole = read([['Дата', 'Клиент', 'Сумма'], ...rows(0, 40)]).ledger;
    const headLedger = emptyLedger(COLUMNS);
    const head = new RecordReader(headLedger, 'x.csv', OPTIONS);
    [['Дата', 'Клиент', 'Сумма'], ...rows(0, 20)].forEach((r, i) => head.push(r, i + 1));
    head.finish();
    expect(head.dialect).toMatchObject({ dateFormat: 'dmy', decimal: { decimal: ',' } });
    const tail = RecordReader.continuing(headLedger, 'x.csv', OPTIONS, head.dialect!);
    rows(20, 20).forEach((r, i) => tail.push(r, i + 22));
    tail.finish();
    expect(tail.counts.accepted).toBe(20);
    expect(history(headLedger)).toEqual(history(whole));
  });
});

describe('property: any ledger of plain rows reads back line for line', () => {
  it('every row accepted, every amount on its client and day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ client: fc.constantFrom('A', 'B', 'ТОО «Альфа»'), day: fc.integer({ min: 1, max: 28 }), cents: fc.integer({ min: -10_000, max: 10_000 }) }), { minLength: 1, maxLength: 60 }),
        (lines) => {
          const { reader, ledger } = read([['Date', 'Client', 'Amount'], ...lines.map((l) => [`2025-03-${String(l.day).padStart(2, '0')}`, l.client, (l.cents / 100).toFixed(2)])]);
          expect(reader.counts.accepted).toBe(lines.length);
          const expected = new Map<string, number>();
          for (const l of lines) expected.set(`${l.client}|${l.day}`, (expected.get(`${l.client}|${l.day}`) ?? 0) + l.cents);
          const got = new Map<string, number>();
          for (const [client, days] of Object.entries(history(ledger))) for (const [day, amount] of days) got.set(`${client}|${Number(day.slice(8))}`, Math.round(amount * 100));
          expect(got).toEqual(expected);
          expect(ledger.firstDay).toBe(dayFromYmd(2025, 3, Math.min(...lines.map((l) => l.day))));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('dd/mm or mm/dd: decided from the data, refused when nothing tells', () => {
  const reader = (): RecordReader =>
    new RecordReader(emptyLedger(COLUMNS), 'x.csv', OPTIONS);

  it('a day above 12 anywhere in the first 50 000 rows settles it', () => {
    const r = reader();
    r.push(['Date', 'Client', 'Amount'], 1);
    for (let i = 0; i < 10_000; i++) r.push([`0${1 + (i % 9)}/0${1 + (i % 7)}/2025`, `c${i % 5}`, '1'], i + 2);
    r.push(['12/25/2025', 'c1', '1'], 10_002);
    r.finish();
    expect(r.dateFormat).toBe('mdy');
    expect(r.counts.accepted).toBe(10_001);
  });

  it('60 000 undecidable rows are refused quickly (the sample is not re-read at every row)', () => {
    const r = reader();
    const started = Date.now();
    r.push(['Date', 'Client', 'Amount'], 1);
    let error: unknown;
    try {
      for (let i = 0; i < 60_000; i++) r.push([`0${1 + (i % 9)}/0${1 + (i % 7)}/2025`, `c${i % 5}`, '1'], i + 2);
      r.finish();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KamError);
    expect((error as KamError).problem.code).toBe('ambiguous-dates');
    // Re-reading the growing sample at every row took minutes; doubling takes well under a second.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

