// SPEC §6: the compact store of what BG/NBD and Gamma-Gamma read of each client's purchase days
// (purchase-days.ts) gives the same numbers, to the bit, as working them out from each client's
// list of purchase days; clients come in name order without a sort of its own.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBgNbdCustomer } from '../../src/core/bgnbd.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { purchaseDaysFrom, purchaseDaysOf } from '../../src/core/purchase-days.js';
import { compareNames } from '../../src/core/order.js';
import { portfolioLedger } from '../../src/core/portfolio.js';

const COLUMNS = { quantity: true, profit: false, document: false, product: false, direction: false };

interface Line {
  client: string;
  day: number;
  amount: number;
  quantity: number;
}

/** The plain way: every client's purchase days ≤ asOf with their net amounts, as lists, by name. */
function plainPurchaseDays(ledger: Ledger, asOf: number): { client: string; days: number[]; amounts: number[] }[] {
  const out: { client: string; days: number[]; amounts: number[] }[] = [];
  for (const [client, history] of ledger.clients) {
    const days: number[] = [];
    const amounts: number[] = [];
    for (const [day, t] of history.days) {
      if (day > asOf || !t.purchase) continue;
      days.push(day);
      amounts.push(t.amount);
    }
    if (days.length > 0) out.push({ client, days, amounts });
  }
  return out.sort((p, q) => compareNames(p.client, q.client));
}

/** Mean net amount of the repeat days, summed in day order from the second on. */
function plainMeanRepeat(amounts: readonly number[]): number | null {
  if (amounts.length < 2) return null;
  let sum = 0;
  for (let i = 1; i < amounts.length; i++) sum += amounts[i] as number;
  return sum / (amounts.length - 1);
}

function ledgerOfLines(lines: readonly Line[]): Ledger {
  const ledger = emptyLedger(COLUMNS);
  for (const l of lines) addLine(ledger, l);
  return finishLedger(ledger);
}

const line = fc.record({
  client: fc.constantFrom('b', 'a', 'Z', 'ТОО Альфа', 'a b', 'c10', 'c9', 'é'),
  day: fc.integer({ min: 19000, max: 19060 }),
  amount: fc.oneof(fc.constant(0), fc.integer({ min: -500_000, max: 2_000_000 }).map((c) => c / 100)),
  quantity: fc.integer({ min: -3, max: 5 }),
});

describe('purchaseDaysOf', () => {
  it('gives, client by client, the same BG/NBD customer and mean repeat spend (same bits) as the lists of purchase days', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 120 }), fc.integer({ min: 19000, max: 19070 }), (lines, asOf) => {
        const ledger = ledgerOfLines(lines);
        const plain = plainPurchaseDays(ledger, asOf);
        const store = purchaseDaysOf(ledger, asOf);
        expect(store.size).toBe(plain.length);
        plain.forEach((c, i) => {
          expect(store.client(i)).toBe(c.client);
          expect(store.numberOf(c.client)).toBe(i);
          expect(store.frequency(i)).toBe(c.days.length - 1);
          expect(store.customer(i)).toEqual(toBgNbdCustomer(c.days, asOf));
          expect(Object.is(store.monetary(i), plainMeanRepeat(c.amounts))).toBe(true);
        });
        // Clients of the ledger without a purchase day up to asOf, and strangers, have no number.
        for (const client of ledger.clients.keys()) if (!plain.some((c) => c.client === client)) expect(store.numberOf(client)).toBe(-1);
        expect(store.numberOf('nobody')).toBe(-1);
        // The lists give the very same store.
        const fromLists = purchaseDaysFrom(plain, asOf);
        expect(fromLists.size).toBe(store.size);
        for (let i = 0; i < store.size; i++) {
          expect(fromLists.client(i)).toBe(store.client(i));
          expect(fromLists.customer(i)).toEqual(store.customer(i));
          expect(Object.is(fromLists.monetary(i), store.monetary(i))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives a portfolio's ledger (some clients of a finished ledger, sharing their histories) the figures of its own clients", () => {
    const directed = fc.record({ client: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), day: fc.integer({ min: 19000, max: 19030 }), amount: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(directed, { minLength: 1, maxLength: 60 }), (lines) => {
        const ledger = emptyLedger({ ...COLUMNS, direction: true });
        // A client's direction: the one of its first letter's half of the alphabet.
        for (const l of lines) addLine(ledger, { ...l, quantity: 1, direction: l.client < 'd' ? 'N' : 'S' });
        finishLedger(ledger);
        for (const direction of ['N', 'S']) {
          const own = portfolioLedger(ledger, direction);
          const plain = plainPurchaseDays(own, 19030);
          const store = purchaseDaysOf(own, 19030);
          expect(store.size).toBe(plain.length);
          plain.forEach((c, i) => {
            expect(store.numberOf(c.client)).toBe(i);
            expect(store.customer(i)).toEqual(toBgNbdCustomer(c.days, 19030));
            expect(Object.is(store.monetary(i), plainMeanRepeat(c.amounts))).toBe(true);
          });
          for (const client of ledger.clients.keys()) if (!own.clients.has(client)) expect(store.numberOf(client)).toBe(-1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('numbers the clients in name order when their lines came in the reverse order (it relies on finishLedger for that)', () => {
    const names = ['b', 'a', 'c10', 'c9', 'B', 'ТОО Альфа', 'a b'];
    const lines = names.map((client, i) => ({ client, day: 19000 + i, amount: 10, quantity: 1 }));
    const store = purchaseDaysOf(ledgerOfLines(lines.reverse()), 19100);
    expect(Array.from({ length: store.size }, (_, i) => store.client(i))).toEqual([...names].sort(compareNames));
  });

  it('refuses a ledger that is not finished (its clients may be out of order)', () => {
    const ledger = emptyLedger(COLUMNS);
    addLine(ledger, { client: 'b', day: 19000, amount: 1, quantity: 1 });
    addLine(ledger, { client: 'a', day: 19000, amount: 1, quantity: 1 });
    expect(() => purchaseDaysOf(ledger, 19000)).toThrow(/not finished/);
  });
});

describe('purchaseDaysFrom', () => {
  it('refuses days out of order, after the as-of day, or a client given twice', () => {
    expect(() => purchaseDaysFrom([{ client: 'a', days: [5, 3] }], 10)).toThrow(RangeError);
    expect(() => purchaseDaysFrom([{ client: 'a', days: [11] }], 10)).toThrow(RangeError);
    expect(() => purchaseDaysFrom([{ client: 'a', days: [] }], 10)).toThrow(RangeError);
    expect(() => purchaseDaysFrom([{ client: 'a', days: [1] }, { client: 'a', days: [2] }], 10)).toThrow(RangeError);
  });
});
