// Properties of the analysis over random ledgers (fast-check, seeded, modest runs):
//  - the shares of the clients with a positive total add up to 1;
//  - a client's ABC class never drops when its total rises, the others fixed;
//  - the result does not change when the rows are shuffled, when the ledger is read in two
//    parts and merged, or when the rows go through a text dialect and the io readers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { classifyAbc, type AbcClass } from '../../src/core/abc.js';
import { analyzeLedger, type Analysis } from '../../src/core/analyze.js';
import { addLine, emptyLedger, finishLedger, mergeLedger, type Ledger } from '../../src/core/ledger.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings.js';
import { readLedger } from '../../src/io/read-ledger.js';
import { ENGLISH_HEADERS, RUSSIAN_HEADERS, formatTextLedger, type ColumnKey, type DateStyle, type NumberStyle, type Table, type TextDialect } from '../helpers/dialects.js';

const SEED = 20261031;
const RUNS = 40;

// ---------------------------------------------------------------------------------------------
// Random ledgers: a few clients (some with net returns), dates over two years, amounts in cents.

interface Line {
  client: string;
  /** ISO date. */
  date: string;
  /** Cents: exact in text, and sums of them show any order dependence of float addition. */
  cents: number;
  quantity: number;
  profitCents: number;
  document: string;
}

// Names a Windows-1251 file can hold too, with the spaces a client name is folded on.
const CLIENTS = ['ТОО «Альфа»', 'ИП Иванов А.А.', 'Beta LLP', 'ТОО Гамма-Строй', 'АО «Дельта»', 'Epsilon', 'ТОО «Жетысу»', 'ИП Ли О.Г.'];

const FIRST_DAY = Date.UTC(2024, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2025, 11, 31) / 86_400_000;
// Any day, or one of a few busy days (so one client often has several lines on one day).
const dayArb = fc.oneof(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.constantFrom(FIRST_DAY + 40, FIRST_DAY + 41, FIRST_DAY + 300, LAST_DAY - 5));
const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

const lineArb: fc.Arbitrary<Line> = fc.record({
  client: fc.constantFrom(...CLIENTS),
  date: dayArb.map(isoOf),
  // Mostly sales, some returns; large enough that float sums depend on their order.
  cents: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 900_000_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -300_000_000, max: 0 }) }),
  quantity: fc.integer({ min: -50, max: 5000 }),
  profitCents: fc.integer({ min: -50_000_000, max: 200_000_000 }),
  document: fc.integer({ min: 1, max: 400 }).map((n) => `ВН-${String(n).padStart(5, '0')}`),
});

// Sizable ledgers: fast-check's default size would keep arrays to about ten lines.
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 150, size: 'large' });

const money = (cents: number): string => (cents / 100).toFixed(2);

function ledgerOf(lines: readonly Line[]): Ledger {
  const ledger = emptyLedger({ quantity: true, profit: true, document: true, product: false, direction: false });
  for (const l of lines) {
    addLine(ledger, {
      client: l.client,
      day: Date.parse(l.date) / 86_400_000,
      amount: Number(money(l.cents)),
      quantity: l.quantity,
      profit: Number(money(l.profitCents)),
      document: l.document,
    });
  }
  return ledger;
}

const SETTINGS: AnalysisSettings = { ...DEFAULT_SETTINGS, includePartial: true };
const analyze = (ledger: Ledger, settings: AnalysisSettings = SETTINGS): Analysis => analyzeLedger(finishLedger(ledger), settings);

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  const keyed = items.map((item, i) => ({ item, key: order[i % order.length]! * 1_000_003 + i }));
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.item);
}

// ---------------------------------------------------------------------------------------------

describe('ABC shares', () => {
  it('the shares of the clients with a positive total add up to 1 (by revenue, profit and quantity)', () => {
    fc.assert(
      fc.property(linesArb, fc.constantFrom<AnalysisSettings['by']>('revenue', 'profit', 'quantity'), (lines, by) => {
        const a = analyze(ledgerOf(lines), { ...SETTINGS, by });
        const positive = a.clients.filter((c) => c.share !== null);
        fc.pre(positive.length > 0);
        for (const c of a.clients) expect(c.share !== null, c.client).toBe(c.total > 0);
        const sum = positive.reduce((s, c) => s + c.share!, 0);
        expect(sum).toBeCloseTo(1, 9);
        const last = positive.reduce((m, c) => (c.rank! > m.rank! ? c : m));
        expect(last.cumShare).toBeCloseTo(1, 9);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('ABC class and a rising total', () => {
  const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };
  const totalsArb = fc.array(fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.constantFrom(0, 500, 500, 5000)), { minLength: 1, maxLength: 25 });

  it('never drops when the total rises, the others fixed (classifyAbc, default boundary)', () => {
    fc.assert(
      fc.property(totalsArb, fc.nat(), fc.integer({ min: 1, max: 200_000 }), (totals, pick, rise) => {
        const inputs = totals.map((total, i) => ({ client: `c${String(i).padStart(2, '0')}`, total }));
        const i = pick % inputs.length;
        const options = { cutoffs: [0.8, 0.95] as const, boundary: 'include' as const };
        const before = classifyAbc(inputs, options).find((r) => r.client === inputs[i]!.client)!;
        const raised = inputs.map((x, j) => (j === i ? { ...x, total: x.total + rise } : x));
        const after = classifyAbc(raised, options).find((r) => r.client === inputs[i]!.client)!;
        expect(RANK[after.abcClass], `${before.abcClass} -> ${after.abcClass}`).toBeLessThanOrEqual(RANK[before.abcClass]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('(not so under --abc-boundary exclude, by its definition: the share including the client grows with it)', () => {
    const options = { cutoffs: [0.8, 0.95] as const, boundary: 'exclude' as const };
    const classOfX = (x: number): AbcClass =>
      classifyAbc(
        [
          { client: 'big', total: 50 },
          { client: 'x', total: x },
          { client: 'y', total: 21 },
        ],
        options,
      ).find((r) => r.client === 'x')!.abcClass;
    expect(classOfX(29)).toBe('A'); // (50 + 29) / 100 = 79 %
    expect(classOfX(45)).toBe('B'); // (50 + 45) / 116 = 81.9 %
  });

  it('never drops when a client buys more in the window, the others fixed (whole analysis)', () => {
    fc.assert(
      fc.property(linesArb, fc.nat(), fc.integer({ min: 1, max: 500_000_000 }), (lines, pick, rise) => {
        const a = analyze(ledgerOf(lines));
        const target = a.clients[pick % a.clients.length]!;
        // One more sale on the as-of day: the window and the others' totals stay as they were.
        const extra: Line = { client: target.client, date: isoOf(a.window.asOf), cents: rise, quantity: 1, profitCents: rise, document: 'extra' };
        const b = analyze(ledgerOf([...lines, extra]));
        const after = b.clients.find((c) => c.client === target.client)!;
        expect(after.total).toBeGreaterThan(target.total);
        expect(RANK[after.abc], `${target.abc} -> ${after.abc}`).toBeLessThanOrEqual(RANK[target.abc]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('the same ledger, however it arrives', () => {
  it('shuffled rows give the same analysis', () => {
    fc.assert(
      fc.property(linesArb, fc.array(fc.nat(), { minLength: 1, maxLength: 150, size: 'large' }), (lines, order) => {
        expect(analyze(ledgerOf(shuffled(lines, order)))).toEqual(analyze(ledgerOf(lines)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a ledger read in two parts and merged gives the same analysis', () => {
    fc.assert(
      fc.property(linesArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 150, size: 'large' }), (lines, side) => {
        const first = lines.filter((_, i) => side[i % side.length]);
        const second = lines.filter((_, i) => !side[i % side.length]);
        const merged = mergeLedger(ledgerOf(first), ledgerOf(second));
        const [parts, whole] = [analyze(merged), analyze(ledgerOf(lines))];
        expect(parts).toEqual(whole);
        // Lapses are made when read (not compared with the objects): compared here.
        expect(parts.lost.clients.map((c) => c.lapses)).toEqual(whole.lost.clients.map((c) => c.lapses));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // Text dialects: delimiter, encoding, line ends, decimal mark and grouping, date form, headers,
  // title rows, quoting. Slash dates whose days are all 1..12 cannot be told apart: the run then
  // names the form, as a user would with --date-format.
  const dialectArb: fc.Arbitrary<TextDialect> = fc
    .record({
      delimiter: fc.constantFrom<TextDialect['delimiter']>(',', ';', '\t', '|'),
      encoding: fc.constantFrom<TextDialect['encoding']>('utf8', 'utf8-bom', 'windows-1251'),
      eol: fc.constantFrom<TextDialect['eol']>('\n', '\r\n'),
      number: fc.constantFrom<NumberStyle>(
        { decimal: '.', group: '' },
        { decimal: '.', group: ',' },
        { decimal: '.', group: "'" },
        { decimal: ',', group: '' },
        { decimal: ',', group: ' ' },
        { decimal: ',', group: '\u00a0' },
        { decimal: ',', group: '.' },
        { decimal: '.', group: ',', accounting: true },
        { decimal: ',', group: '\u00a0', suffix: ' тг' },
      ),
      date: fc.constantFrom<DateStyle>('iso', 'iso-time', 'dmy', 'dmy-slash', 'mdy', 'yyyymmdd', 'serial'),
      russian: fc.boolean(),
      titleRows: fc.constantFrom<readonly string[]>([], ['Отчет по продажам'], ['Отчет по продажам', '', 'Период: 2024–2025']),
      quoteAll: fc.boolean(),
    })
    .map(({ russian, ...d }) => ({ ...d, headers: russian ? RUSSIAN_HEADERS : ENGLISH_HEADERS }));

  function tableOf(lines: readonly Line[]): Table {
    return {
      rows: lines.map(
        (l) =>
          ({
            date: l.date,
            invoice: l.document,
            client: l.client,
            region: 'Алматы',
            manager: 'Ким А.Л.',
            product: 'Клей плиточный, 25 кг',
            group: 'Сухие смеси',
            quantity: String(l.quantity),
            price: '',
            amount: money(l.cents),
            profit: money(l.profitCents),
          }) satisfies Record<ColumnKey, string>,
      ),
    };
  }

  it('rows written in a random dialect and read back through the io readers give the same analysis', async () => {
    await fc.assert(
      fc.asyncProperty(linesArb, dialectArb, async (lines, dialect) => {
        const bytes = formatTextLedger(tableOf(lines), { ...dialect, order: ['date', 'invoice', 'client', 'region', 'manager', 'product', 'group', 'quantity', 'amount', 'profit'] });
        const slash = dialect.date === 'dmy-slash' || dialect.date === 'mdy';
        const undecidable = slash && lines.every((l) => Number(l.date.slice(8)) <= 12);
        const read = await readLedger(
          ['-'],
          {
            map: {},
            sheets: undefined,
            encoding: undefined,
            delimiter: undefined,
            decimal: undefined,
            dateFormat: undecidable ? (dialect.date === 'mdy' ? 'mdy' : 'dmy') : undefined,
            strict: true,
          },
          Readable.from(bytes),
        );
        expect(read.counts.accepted).toBe(lines.length);
        expect(analyze(read.ledger)).toEqual(analyze(ledgerOf(lines)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
