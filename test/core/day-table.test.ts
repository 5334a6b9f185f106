import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalExact, DayTable, fromExact, microsOf, type DayMeasure } from '../../src/core/day-table.js';

type Line = { day: number; amount: number; quantity?: number; purchase: boolean };

function tableOf(lines: readonly Line[]): DayTable {
  const table = new DayTable();
  for (const line of lines) {
    const i = table.slot(line.day);
    table.add('amount', i, line.amount);
    if (line.quantity !== undefined) table.add('quantity', i, line.quantity);
    if (line.purchase) table.markPurchase(i);
  }
  return table;
}

/** The model: a Map from day to exact sums, sorted at the end. */
function model(lines: readonly Line[]): [number, { purchase: boolean; amount: number; profit: number; quantity: number }][] {
  const days = new Map<number, { purchase: boolean; a: [number, number]; q: [number, number] }>();
  for (const line of lines) {
    const d = days.get(line.day) ?? { purchase: false, a: [0, 0], q: [0, 0] };
    const w = Math.trunc(line.amount);
    d.a = [d.a[0] + w, d.a[1] + microsOf(line.amount, w)];
    if (line.quantity !== undefined) {
      const wq = Math.trunc(line.quantity);
      d.q = [d.q[0] + wq, d.q[1] + microsOf(line.quantity, wq)];
    }
    d.purchase ||= line.purchase;
    days.set(line.day, d);
  }
  return [...days]
    .sort((p, q) => p[0] - q[0])
    .map(([day, d]) => [day, { purchase: d.purchase, amount: fromExact(...d.a), profit: 0, quantity: fromExact(...d.q) }]);
}

const line = fc.record({
  day: fc.integer({ min: 19_000, max: 19_060 }),
  amount: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  quantity: fc.option(fc.integer({ min: -5, max: 50 }), { nil: undefined }),
  purchase: fc.boolean(),
});

describe('DayTable', () => {
  it('keeps days ascending and sums them exactly, in whatever order the lines come', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
        const table = tableOf(lines);
        expect([...table]).toEqual(model(lines));
        expect([...tableOf([...lines].reverse())]).toEqual([...table]);
      }),
    );
  });

  it('merges another table into the same totals as reading both parts into one', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 100 }), fc.array(line, { maxLength: 100 }), (first, second) => {
        const merged = tableOf(first);
        merged.addTable(tableOf(second));
        expect([...merged]).toEqual([...tableOf([...first, ...second])]);
      }),
    );
  });

  it('reads 0 for a measure no line carried, and finds days by value', () => {
    const table = tableOf([
      { day: 10, amount: 0.1, purchase: true },
      { day: 5, amount: 0.2, purchase: false },
      { day: 10, amount: 0.2, purchase: false },
    ]);
    expect(table.size).toBe(2);
    expect(table.day(0)).toBe(5);
    expect(table.get(10)).toEqual({ purchase: true, amount: 0.3, profit: 0, quantity: 0 });
    expect(table.get(7)).toBeUndefined();
    expect([4, 5, 9, 10, 11].map((day) => table.countThrough(day))).toEqual([0, 1, 1, 2, 2]);
    expect(table.exact('profit', 1)).toEqual([0, 0]);
  });
});

describe('fromExact (SPEC §12: the number depends on the exact sum alone)', () => {
  it('gives the same bits however the sum is split between units and millionths', () => {
    expect(fromExact(5, -300_000)).toBe(fromExact(4, 700_000));
    expect(fromExact(-5, 300_000)).toBe(fromExact(-4, -700_000));
    expect(fromExact(10, 1_200_000)).toBe(fromExact(11, 200_000));
    expect(Object.is(fromExact(1, -1_000_000), 0)).toBe(true);
  });

  it('is a function of units × 10^6 + micros (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1000, max: 1000 }), (units, micros, shift) => {
        expect(fromExact(units + shift, micros - shift * 1e6)).toBe(fromExact(units, micros));
      }),
    );
  });
});

describe('DayTable layouts (compact while every sum is a safe integer of millionths, else wide)', () => {
  type Op =
    | { kind: 'line'; day: number; amount: number; quantity?: number | undefined; profit?: number | undefined; purchase: boolean }
    | { kind: 'exact'; day: number; measure: DayMeasure; units: number; micros: number }
    | { kind: 'documents'; day: number; count: number };

  const cents = fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100);
  const huge = fc.oneof(
    fc.constantFrom(1234567890123.12, -1234567890123.12, 987654321098.76, 9_007_199_254.740991, -9_007_199_254.740991, 2 ** 33 + 0.5, 9e9, 9.1e9, 1e13 + 0.01),
    fc.integer({ min: -1e15, max: 1e15 }).map((c) => c / 100),
  );
  const amount = fc.oneof({ weight: 6, arbitrary: cents }, { weight: 1, arbitrary: huge });
  // Days of one month mostly (many lines a day), some at the ends of the years kam reads and
  // some beyond the compact key's range.
  const day = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 19_000, max: 19_006 }) }, { weight: 1, arbitrary: fc.constantFrom(-719_162, 2_932_896, 4_194_303, -4_194_304, 4_194_304, -5_000_000) });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('line' as const), day, amount, quantity: fc.option(fc.oneof(fc.integer({ min: -5, max: 50 }), huge), { nil: undefined }), profit: fc.option(amount, { nil: undefined }), purchase: fc.boolean() }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('exact' as const), day, measure: fc.constantFrom<DayMeasure>('amount', 'quantity', 'profit'), units: fc.integer({ min: -2e12, max: 2e12 }), micros: fc.integer({ min: -3_000_000, max: 3_000_000 }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('documents' as const), day, count: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(2 ** 29, 2 ** 29 - 1, 1e12) }) }) },
  );

  function apply(table: DayTable, ops: readonly Op[]): DayTable {
    for (const o of ops) {
      const i = table.slot(o.day);
      if (o.kind === 'line') {
        table.add('amount', i, o.amount);
        if (o.quantity !== undefined) table.add('quantity', i, o.quantity);
        if (o.profit !== undefined) table.add('profit', i, o.profit);
        if (o.purchase) table.markPurchase(i);
      } else if (o.kind === 'exact') table.addExact(o.measure, i, o.units, o.micros);
      else table.addDocuments(i, o.count);
    }
    return table;
  }

  /** Everything a caller can read from a table. */
  function readable(table: DayTable): unknown {
    const measures: DayMeasure[] = ['amount', 'quantity', 'profit'];
    const days = Array.from({ length: table.size }, (_, i) => ({
      day: table.day(i),
      purchase: table.purchase(i),
      documents: table.documents(i),
      amount: table.amount(i),
      totals: measures.map((m) => table.total(m, i)),
      exact: measures.map((m) => table.exact(m, i)),
      fromExact: measures.map((m) => fromExact(...table.exact(m, i))),
      get: table.get(table.day(i)),
      through: table.countThrough(table.day(i)),
    }));
    return { size: table.size, countsDocuments: table.countsDocuments, days, iterated: [...table] };
  }

  it('reads the same in the compact layout as in the wide one, bit for bit, packed or not (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.array(op, { maxLength: 20 }), (ops, later) => {
        const compact = apply(new DayTable(), ops);
        const wide = apply(DayTable.wide(), ops);
        expect(wide.isWide).toBe(true);
        const a = readable(compact);
        // (toStrictEqual tells 0 from -0 too.)
        expect(a).toStrictEqual(readable(wide));
        // Packed into a shared store (beside another table), then grown out of it again.
        const other = apply(new DayTable(), later);
        const b = readable(other);
        DayTable.pack([other, compact, wide]);
        expect(readable(compact)).toStrictEqual(a);
        expect(readable(wide)).toStrictEqual(a);
        expect(readable(other)).toStrictEqual(b);
        apply(compact, later);
        apply(wide, later);
        expect(readable(compact)).toStrictEqual(readable(apply(DayTable.wide(), [...ops, ...later])));
        expect(readable(wide)).toStrictEqual(readable(compact));
        expect(readable(other)).toStrictEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it('adds a day to a running exact sum as adding its exact pair does, and reads the same reserved ahead (property)', () => {
    const added = (table: DayTable, measure: DayMeasure, byPair: boolean): number[] => {
      const sum = [0, 0];
      for (let i = 0; i < table.size; i++) {
        if (!byPair) {
          table.addExactTo(measure, i, sum);
          continue;
        }
        const [units, micros] = table.exact(measure, i);
        const m = sum[1]! + micros;
        const carry = Math.trunc(m / 1e6);
        sum[0] = sum[0]! + units + carry;
        sum[1] = m - carry * 1e6;
      }
      return sum;
    };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.nat({ max: 200 }), (ops, rows) => {
        for (const table of [apply(new DayTable(), ops), apply(DayTable.wide(), ops)]) {
          for (const measure of ['amount', 'quantity', 'profit'] as const) expect(added(table, measure, false)).toStrictEqual(added(table, measure, true));
        }
        const reserved = new DayTable();
        reserved.reserve(rows);
        expect(readable(apply(reserved, ops))).toStrictEqual(readable(apply(new DayTable(), ops)));
      }),
      { numRuns: 300 },
    );
  });

  it('merges tables of either layout into the same totals (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.array(op, { maxLength: 60 }), (first, second) => {
        const expected = readable(apply(DayTable.wide(), [...first, ...second]));
        for (const [into, from] of [
          [new DayTable(), new DayTable()],
          [new DayTable(), DayTable.wide()],
          [DayTable.wide(), new DayTable()],
        ] as const) {
          apply(into, first).addTable(apply(from, second));
          expect(readable(into)).toStrictEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads a compact sum anywhere in the safe range as fromExact and canonicalExact do (property)', () => {
    const near = fc.tuple(fc.integer({ min: -9_007_199_254, max: 9_007_199_254 }), fc.integer({ min: -3, max: 3 })).map(([k, d]) => k * 1e6 + d);
    const millionths = fc.oneof(fc.maxSafeInteger(), near).filter((t) => Number.isSafeInteger(t));
    fc.assert(
      fc.property(millionths, (t) => {
        const table = new DayTable();
        table.addExact('amount', table.slot(0), 0, t);
        expect(table.isWide).toBe(false);
        expect(table.amount(0)).toBe(fromExact(0, t));
        expect(table.exact('amount', 0)).toStrictEqual(canonicalExact(0, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays compact for ordinary ledgers and widens only for a sum, day or count it cannot hold', () => {
    const table = new DayTable();
    for (let k = 0; k < 1000; k++) {
      const i = table.slot(19_000 + (k % 30));
      table.add('amount', i, 4_500_000.37);
      table.add('quantity', i, -3);
      table.markPurchase(i);
      table.addDocuments(i, 2);
    }
    expect(table.isWide).toBe(false);
    expect(table.total('amount', 0)).toBe(153_000_012.58);
    expect(table.documents(0)).toBe(68);

    const big = new DayTable();
    const i = big.slot(19_000);
    big.add('amount', i, 5e9);
    expect(big.isWide).toBe(false);
    big.add('amount', i, 5e9); // 10^10: its millionths are past 2^53
    expect(big.isWide).toBe(true);
    expect(big.exact('amount', 0)).toEqual([10_000_000_000, 0]);
    big.add('amount', i, -1234567890123.12);
    expect(big.total('amount', 0)).toBe(-1224567890123.12);

    const far = new DayTable();
    far.slot(5_000_000);
    expect(far.isWide).toBe(true);
    expect(far.day(0)).toBe(5_000_000);

    const many = new DayTable();
    many.addDocuments(many.slot(0), 2 ** 29);
    expect(many.isWide).toBe(true);
    expect(many.documents(0)).toBe(2 ** 29);
  });
});
