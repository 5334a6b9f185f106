import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DayTable, fromExact, microsOf } from '../../src/core/day-table.js';

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
