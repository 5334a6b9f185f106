// SPEC §12: the day ledger carries exactly what the core keeps of sale lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDayLedgerRow, dayLedgerRows, decimalFromExact, exactFromDecimal, isDayLedgerHeader } from '../../src/core/day-ledger.js';
import { canonicalExact, fromExact } from '../../src/core/day-table.js';
import { addLine, emptyLedger, finishLedger } from '../../src/core/ledger.js';
import { analyzeLedger } from '../../src/core/analyze.js';
import { day, iso, ledgerOf, settingsOf } from '../helpers/ledger.js';

describe('exact decimals', () => {
  it('read and write plain decimals exactly', () => {
    expect(exactFromDecimal('12.3')).toEqual([12, 300000]);
    expect(exactFromDecimal('-0.5')).toEqual([0, -500000]);
    expect(exactFromDecimal('-12.000001')).toEqual([-12, -1]);
    expect(exactFromDecimal('7')).toEqual([7, 0]);
    expect(exactFromDecimal('.25')).toEqual([0, 250000]);
    expect(exactFromDecimal('1.5e-6')).toEqual([0, 2]);
    for (const bad of ['', '-', '.', '1,5', 'abc', '1.2.3', 'NaN', 'Infinity']) expect(exactFromDecimal(bad), bad).toBeUndefined();
    expect(decimalFromExact(12, 300000)).toBe('12.3');
    expect(decimalFromExact(5, -300000)).toBe('4.7');
    expect(decimalFromExact(-1, -50)).toBe('-1.00005');
    expect(decimalFromExact(0, -1)).toBe('-0.000001');
    expect(decimalFromExact(0, 0)).toBe('0');
  });

  it('round-trip any exact pair, and give the number the pair gives (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e10, max: 1e10 }), (units, micros) => {
        const text = decimalFromExact(units, micros);
        const back = exactFromDecimal(text)!;
        expect(back).toEqual(canonicalExact(units, micros).map((v) => (v === 0 ? 0 : v)));
        expect(fromExact(back[0], back[1])).toBe(fromExact(units, micros));
      }),
    );
  });
});

describe('the header', () => {
  it('is told by its mark, whatever its case and place', () => {
    expect(isDayLedgerHeader(['kam_day_ledger', 'client'])).toBe(true);
    expect(isDayLedgerHeader(['client', ' KAM_DAY_LEDGER '])).toBe(true);
    expect(isDayLedgerHeader(['Date', 'Client', 'Amount'])).toBe(false);
  });
});

describe('a ledger through its day ledger', () => {
  it('comes back the same: days, sums, purchase flags, documents per first day, directions', () => {
    const lines = [
      { client: 'A', date: '2025-01-01', amount: 10.1, quantity: 1, profit: 2, document: 'D1' },
      { client: 'A', date: '2025-01-01', amount: 0.2, quantity: 1, profit: 0.000001, document: 'D2' },
      { client: 'A', date: '2025-01-03', amount: -5, quantity: -1, profit: -1, document: 'D1' },
      { client: 'A', date: '2025-01-04', amount: 3, quantity: 1, profit: 1, document: 'D1' },
      { client: 'A', date: '2025-01-05', amount: 0, quantity: 2, profit: 0, document: '' },
      { client: 'B', date: '2025-01-02', amount: -7.25, quantity: 0, profit: 0, document: 'D9' },
    ];
    const original = finishLedger(ledgerOf(lines));
    const copy = emptyLedger(original.columns);
    for (const row of dayLedgerRows(original)) addDayLedgerRow(copy, row);
    finishLedger(copy);
    expect([...copy.clients.keys()]).toEqual(['A', 'B']);
    for (const [name, h] of original.clients) {
      const c = copy.clients.get(name)!;
      expect([...c.days]).toEqual([...h.days]);
      const documents = (t: typeof h.days): number[] => Array.from({ length: t.size }, (_, i) => t.documents(i));
      expect(documents(c.days)).toEqual(documents(h.days));
      expect(documents(h.days).reduce((s, n) => s + n, 0)).toBe(name === 'A' ? 3 : 0);
    }
    expect(copy.firstDay).toBe(original.firstDay);
    expect(copy.lastDay).toBe(original.lastDay);
    // Day rows: A has 4 days; documents D1 and D2 first bought on 1 Jan, the blank one on 5 Jan.
    const rows = [...dayLedgerRows(original)];
    expect(rows.filter((r) => r.kind === 'day').map((r) => (r.kind === 'day' ? [r.client, r.purchase, r.documents] : []))).toEqual([
      ['A', true, 2],
      ['A', false, 0],
      ['A', true, 0],
      ['A', true, 1],
      ['B', false, 0],
    ]);
  });
});

describe('a day ledger without documents read with sale lines that have them', () => {
  it('counts its purchase days as the sale lines without a number would count: one a day', () => {
    const numbered = [
      { client: 'A', date: '2025-01-05', amount: 100, document: 'D1' },
      { client: 'A', date: '2025-02-05', amount: 100, document: 'D2' },
    ];
    const unnumbered = [
      { client: 'A', date: '2025-01-10', amount: 70 },
      { client: 'A', date: '2025-02-05', amount: 30 },
      { client: 'A', date: '2025-02-20', amount: -5 },
    ];
    const settings = settingsOf({ from: '2025-01-01', to: '2025-02-28' });
    const whole = analyzeLedger(ledgerOf([...numbered, ...unnumbered]), settings);
    const mixed = emptyLedger({ quantity: false, profit: false, document: true, product: false, direction: false });
    for (const l of numbered) addLine(mixed, { client: l.client, day: day(l.date), amount: l.amount, document: l.document });
    for (const row of dayLedgerRows(ledgerOf(unnumbered))) addDayLedgerRow(mixed, row);
    const analysed = analyzeLedger(finishLedger(mixed), settings);
    // D1, D2, and the unnumbered purchase days 10 Jan and 5 Feb (20 Feb is a return).
    expect(whole.clients[0]!.purchases).toBe(4);
    expect(analysed).toEqual(whole);
  });
});

describe('the analysis of a day ledger (property)', () => {
  const lineArb = fc.record({
    client: fc.constantFrom('A', 'B', 'C', 'D'),
    date: fc.integer({ min: 0, max: 500 }).map((d) => iso(day('2024-01-01') + d)),
    amount: fc.oneof(fc.constant(0), fc.integer({ min: -100000, max: 1000000 }).map((n) => n / 100), fc.double({ min: -1e4, max: 1e6, noNaN: true })),
    quantity: fc.integer({ min: -5, max: 20 }),
    profit: fc.integer({ min: -1e6, max: 1e7 }).map((n) => n / 1e6),
    document: fc.constantFrom('', 'D1', 'D2', 'D3', 'D4', 'D5'),
  });

  it('equals the analysis of its sale lines, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 80 }), (lines) => {
        const original = finishLedger(ledgerOf(lines));
        const copy = emptyLedger(original.columns);
        for (const row of dayLedgerRows(original)) {
          // Through text, as a file would carry it.
          if (row.kind === 'day') {
            const text = (p: [number, number] | undefined) => (p === undefined ? undefined : exactFromDecimal(decimalFromExact(p[0], p[1])));
            addDayLedgerRow(copy, { ...row, amount: text(row.amount)!, quantity: text(row.quantity), profit: text(row.profit) });
          } else addDayLedgerRow(copy, row);
        }
        const settings = settingsOf({ asOf: '2025-06-30' });
        let expected: ReturnType<typeof analyzeLedger>;
        try {
          expected = analyzeLedger(original, settings);
        } catch (error) {
          expect(() => analyzeLedger(finishLedger(copy), settings)).toThrow((error as Error).message);
          return;
        }
        const actual = analyzeLedger(finishLedger(copy), settings);
        expect(actual).toEqual(expected);
        // Lapses are made when read (not compared with the objects): compared here.
        expect(actual.lost.clients.map((c) => c.lapses)).toEqual(expected.lost.clients.map((c) => c.lapses));
      }),
      { numRuns: 60 },
    );
  });
});
