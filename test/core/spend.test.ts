// SPEC §6, spend per purchase: from the ledger's purchase days to the clients the spend model is
// fitted on (a repeat purchase day and a positive mean net amount per repeat day, the first day
// left out, returns netted per day), the clients left out, and everyone's expected spend.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionalExpectedSpend, fitGammaGamma } from '../../src/core/gamma-gamma.js';
import { addLine, emptyLedger, finishLedger } from '../../src/core/ledger.js';
import { purchaseDaysFrom, purchaseDaysOf, type ClientPurchaseDays } from '../../src/core/purchase-days.js';
import { assessSpend, MIN_CLIENTS_FOR_GAMMA_GAMMA, spendClientOf, spendClients, type SpendAssessment } from '../../src/core/spend.js';
import { day, ledgerOf } from '../helpers/ledger.js';
import { cdnowDay, cdnowLedger, NO_CDNOW } from '../helpers/cdnow.js';

/** The spend model over a list of clients' purchase days (each list in name order). */
function spendOf(clients: readonly ClientPurchaseDays[], asOf: number): SpendAssessment {
  return assessSpend(purchaseDaysFrom(clients, asOf));
}

describe('purchaseDaysOf, as the spend model reads it', () => {
  it('nets each purchase day, leaves out days of returns alone and days after the as-of date', () => {
    const ledger = ledgerOf([
      { client: 'a', date: '2024-01-01', amount: 100, quantity: 1 },
      { client: 'a', date: '2024-01-01', amount: 20, quantity: 1 },
      { client: 'a', date: '2024-02-01', amount: 50, quantity: 1 },
      { client: 'a', date: '2024-02-01', amount: -80, quantity: -1 }, // same-day return: netted
      { client: 'a', date: '2024-03-01', amount: -40, quantity: -1 }, // a return alone: not a purchase day
      { client: 'a', date: '2024-04-01', amount: 0, quantity: 3 }, // zero amount, positive quantity: a purchase day
      { client: 'a', date: '2024-06-01', amount: 70, quantity: 1 }, // after the as-of date
      { client: 'b', date: '2024-01-05', amount: -10, quantity: -1 }, // returns only: no purchase day at all
    ]);
    const purchases = purchaseDaysOf(ledger, day('2024-05-01'));
    expect(purchases.size).toBe(1);
    expect(purchases.client(0)).toBe('a');
    expect(purchases.customer(0)).toEqual({ frequency: 2, recency: (day('2024-04-01') - day('2024-01-01')) / 7, age: (day('2024-05-01') - day('2024-01-01')) / 7 });
    // Repeat days: −30 and 0; the first (120) left out.
    expect(purchases.monetary(0)).toBe(-15);
  });
});

describe('the mean repeat spend', () => {
  it('leaves the first purchase day out', () => {
    const purchases = purchaseDaysFrom(
      [
        { client: 'a', days: [1, 2, 3], amounts: [1000, 10, 20] },
        { client: 'b', days: [1], amounts: [1000] },
      ],
      10,
    );
    expect(purchases.monetary(0)).toBe(15);
    expect(purchases.monetary(1)).toBeNull();
  });
});

/** A population of `n` clients with a spread of rhythms and sizes of sale, deterministic. */
function population(n: number, extra: ClientPurchaseDays[] = []): ClientPurchaseDays[] {
  const out: ClientPurchaseDays[] = [];
  for (let i = 0; i < n; i++) {
    const count = 1 + (i % 6);
    const base = 10 + ((i * 37) % 90);
    out.push({
      client: `c${String(i).padStart(3, '0')}`,
      days: Array.from({ length: count }, (_, k) => 1000 + i + 9 * k),
      amounts: Array.from({ length: count }, (_, k) => base * (1 + ((i + k) % 4) / 3)),
    });
  }
  return [...out, ...extra].sort((p, q) => (p.client < q.client ? -1 : 1));
}

describe('assessSpend', () => {
  it('fits on the clients with a repeat day and a positive mean, counts the rest, and gives those it cannot judge the population mean', () => {
    const odd: ClientPurchaseDays[] = [
      { client: 'returns', days: [1000, 1010, 1020], amounts: [500, -20, 10] }, // mean of repeat days −5
      { client: 'free', days: [1000, 1010], amounts: [500, 0] }, // mean 0
      { client: 'once', days: [1000], amounts: [800] }, // no repeat day
    ];
    const clients = population(60, odd);
    const s = spendOf(clients, 2000);
    expect(s.status).toBe('fitted');
    expect(s.repeatClients).toBe(clients.filter((c) => c.days.length > 1).length);
    expect(s.nonPositive).toBe(2);
    const judged = spendClients(s).filter((c) => c.fitted);
    expect(s.judged).toBe(judged.length);
    expect(judged.map((c) => c.client)).not.toContain('returns');
    expect(s.fit!.customers).toBe(judged.length);
    // The fit is the fit of exactly the judged clients' (x, m).
    expect(s.fit!.params).toEqual(fitGammaGamma(judged.map((c) => ({ frequency: c.frequency, monetary: c.monetary! }))).params);
    for (const name of ['returns', 'free', 'once']) expect(spendClientOf(s, name)!.expectedSpend).toBe(s.populationMean);
    for (const c of judged) expect(c.expectedSpend).toBe(conditionalExpectedSpend(s.fit!.params, { frequency: c.frequency, monetary: c.monetary! }));
    expect(spendClientOf(s, 'returns')!.monetary).toBe(-5);
  });

  it('does not fit, and gives no expected spend, with fewer than MIN_CLIENTS_FOR_GAMMA_GAMMA clients to judge', () => {
    const few = population(60).filter((c) => c.days.length > 1).slice(0, MIN_CLIENTS_FOR_GAMMA_GAMMA - 1);
    const s = spendOf(few, 2000);
    expect(s.status).toBe('too-few-clients');
    expect(s.fit).toBeNull();
    expect(spendClients(s).every((c) => c.expectedSpend === null)).toBe(true);
    expect(spendOf(population(60).filter((c) => c.days.length > 1).slice(0, MIN_CLIENTS_FOR_GAMMA_GAMMA), 2000).fit).not.toBeNull();
  });

  it('never throws nor gives a non-finite spend, whatever the amounts: zero, negative, tiny, huge', () => {
    const amount = fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.array(amount, { minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 80 }), (perClient) => {
        const clients = perClient.map((amounts, i) => ({ client: `c${String(i).padStart(3, '0')}`, days: amounts.map((_, k) => 100 + k), amounts }));
        const s = spendOf(clients, 1000);
        expect(s.purchases.size).toBe(clients.length);
        for (const c of spendClients(s)) {
          if (c.expectedSpend !== null) {
            expect(Number.isFinite(c.expectedSpend)).toBe(true);
            expect(c.expectedSpend).toBeGreaterThan(0);
          }
        }
        expect(spendClients(s).filter((c) => c.fitted).length + s.nonPositive).toBe(s.repeatClients);
      }),
      { numRuns: 60 },
    );
  });

  it('handles hundreds of purchase days per client', () => {
    const clients = Array.from({ length: 30 }, (_, i) => ({
      client: `c${i}`,
      days: Array.from({ length: 300 + i * 20 }, (_, k) => k),
      amounts: Array.from({ length: 300 + i * 20 }, (_, k) => 5 + ((k * (i + 3)) % 17)),
    }));
    const s = spendOf(clients, 5000);
    expect(s.fit).not.toBeNull();
    for (const c of spendClients(s)) expect(Number.isFinite(c.expectedSpend!)).toBe(true);
  });
});

describe.skipIf(NO_CDNOW)('on the CDNOW sample, through the ledger', () => {
  it('fits the published p ≈ 6.25, q ≈ 3.74, γ ≈ 15.44 on 946 clients, none left out', () => {
    const asOf = cdnowDay('19970930');
    const s = assessSpend(purchaseDaysOf(cdnowLedger(), asOf));
    expect(s.status).toBe('fitted');
    expect(s.fit!.customers).toBe(946);
    expect(s.nonPositive).toBe(0);
    expect(Math.abs(s.fit!.params.p / 6.25 - 1)).toBeLessThan(0.01);
    expect(Math.abs(s.fit!.params.q / 3.74 - 1)).toBeLessThan(0.01);
    expect(Math.abs(s.fit!.params.gamma / 15.44 - 1)).toBeLessThan(0.01);
  });

  it('is deterministic: lines folded in another order give the same bits', () => {
    const asOf = cdnowDay('19970930');
    const a = assessSpend(purchaseDaysOf(cdnowLedger(), asOf));
    const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
    const lines: { client: string; day: number; amount: number; quantity: number }[] = [];
    for (const [client, h] of cdnowLedger().clients) for (const [d, t] of h.days) lines.push({ client, day: d, amount: t.amount, quantity: t.quantity });
    for (const l of lines.reverse()) addLine(ledger, l);
    const b = assessSpend(purchaseDaysOf(finishLedger(ledger), asOf));
    expect(b.fit).toEqual(a.fit);
    expect(spendClients(b)).toEqual(spendClients(a));
  });
});
