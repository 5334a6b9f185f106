// The lost assessment keeps its clients in columns (core/lost.ts, JudgedColumns) and makes each
// client on read. Property: on random ledgers it gives the same clients, numbers to the last bit,
// as judging each client plainly from its own day table does (the way kam judged them before the
// columns), and finds every client by name, and no other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliveClients } from '../../src/core/alive.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { assessLost, assessRecency, countStatuses, directionOf, lapsesOf, twelveMonthsStart, type ClientLapses, type RecencyRules } from '../../src/core/lost.js';

const FIRST_DAY = Date.UTC(2024, 0, 1) / 86_400_000;
const CLIENTS = ['ТОО «Альфа»', 'Beta LLP', 'beta LLP', 'Epsilon', 'ИП Ли О.Г.', 'Ω', 'a', 'A'];

interface Line {
  client: string;
  day: number;
  cents: number;
  direction: string | undefined;
}

const lineArb: fc.Arbitrary<Line> = fc.record({
  client: fc.constantFrom(...CLIENTS),
  day: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 900 }),
  // Sales, returns and zero lines: a return alone is no purchase day.
  cents: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 900_000_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -300_000_000, max: 0 }) }),
  direction: fc.constantFrom(undefined, 'North', 'South', 'Восток'),
});

const rulesArb: fc.Arbitrary<RecencyRules> = fc.record({
  lostAfter: fc.integer({ min: 20, max: 400 }),
  lostFactor: fc.constantFrom(2, 2.5, 3),
  riskFactor: fc.constantFrom(1, 1.2, 1.5),
});

function ledgerOf(lines: readonly Line[]): Ledger {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: true });
  for (const l of lines) addLine(ledger, { client: l.client, day: l.day, amount: l.cents / 100, direction: l.direction });
  return finishLedger(ledger);
}

/** Every client judged on its own, with prefix sums of its net amounts: the plain way. */
function judgedPlainly(ledger: Ledger, asOf: number, rules: RecencyRules): ClientLapses[] {
  const out: ClientLapses[] = [];
  for (const history of [...ledger.clients.values()].sort((p, q) => (p.client < q.client ? -1 : 1))) {
    const days: number[] = [];
    const prefix = [0];
    for (const [day, t] of history.days) {
      if (day > asOf) break;
      if (t.purchase) days.push(day);
      prefix.push(prefix[prefix.length - 1]! + t.amount);
    }
    if (days.length === 0) continue;
    const through = (day: number): number => prefix[Math.min(history.days.countThrough(day), prefix.length - 1)]!;
    const revenue12m = (last: number): number => through(last) - through(twelveMonthsStart(last) - 1);
    out.push({
      client: history.client,
      recency: assessRecency(days, asOf, rules),
      revenue12m: revenue12m(days[days.length - 1]!),
      direction: directionOf(history),
      lapses: lapsesOf(days, asOf, rules, revenue12m),
    });
  }
  return out;
}

/** A client as plain data (its getters read). */
const plain = (c: ClientLapses): ClientLapses => ({ client: c.client, recency: c.recency, revenue12m: c.revenue12m, direction: c.direction, lapses: c.lapses });

describe('the lost assessment kept in columns', () => {
  it('gives every client the numbers judging it plainly gives, and finds it by name', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 120 }), fc.integer({ min: FIRST_DAY - 10, max: FIRST_DAY + 1000 }), rulesArb, (lines, asOf, rules) => {
        const ledger = ledgerOf(lines);
        const lost = assessLost(ledger, asOf, rules, { alive: false });
        const expected = judgedPlainly(ledger, asOf, rules);
        const clients = lost.clients.map(plain);
        expect(clients).toEqual(expected);
        for (let i = 0; i < clients.length; i++) expect(Object.is(clients[i]!.revenue12m, expected[i]!.revenue12m)).toBe(true);
        expect(lost.counts).toEqual(countStatuses(expected));
        for (const name of ledger.clients.keys()) {
          const c = lost.client(name);
          const e = expected.find((x) => x.client === name);
          expect(c === undefined ? undefined : plain(c)).toEqual(e);
        }
        for (const name of ['', 'Beta', 'Beta LLP ', 'Ω0', 'zzz']) expect(lost.client(name)).toBeUndefined();
      }),
      { seed: 20261206, numRuns: 150 },
    );
  });

  it('hands BG/NBD every judged client, in name order', () => {
    const lines = CLIENTS.flatMap((client, k) => [0, 30, 75 + k].map((d) => ({ client, day: FIRST_DAY + d + k, cents: 100 * (k + 1), direction: undefined })));
    const lost = assessLost(ledgerOf(lines), FIRST_DAY + 200, { lostAfter: 180, lostFactor: 3, riskFactor: 1.5 });
    expect(aliveClients(lost.alive).map((c) => c.client)).toEqual([...CLIENTS].sort((p, q) => (p < q ? -1 : 1)));
    expect(aliveClients(lost.alive).map((c) => c.customer.frequency)).toEqual(CLIENTS.map(() => 2));
  });

  it('writes a client as plain data, lapses included', () => {
    const ledger = ledgerOf([
      { client: 'c', day: FIRST_DAY, cents: 1000, direction: 'North' },
      { client: 'c', day: FIRST_DAY + 10, cents: 2000, direction: undefined },
    ]);
    const c = assessLost(ledger, FIRST_DAY + 400, { lostAfter: 180, lostFactor: 3, riskFactor: 1.5 }).client('c')!;
    expect(JSON.parse(JSON.stringify(c))).toEqual(JSON.parse(JSON.stringify(plain(c))));
    expect(JSON.parse(JSON.stringify(c)).lapses).toEqual([{ lastPurchase: FIRST_DAY + 10, threshold: 180, lostDay: FIRST_DAY + 191, cameBack: null, revenue12m: 30 }]);
  });
});
