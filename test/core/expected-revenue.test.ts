// SPEC §6, expected revenue over a horizon = expected purchase days (BG/NBD) × expected spend per
// purchase day (Gamma-Gamma; the population mean for clients it cannot judge), optionally
// discounted; checked on the CDNOW sample against the independent implementation of both models.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aliveClients, assessAlive } from '../../src/core/alive.js';
import { expectedPurchases, type BgNbdParams } from '../../src/core/bgnbd.js';
import { assessValue, clientValueOf, clientValues, discountedExpectedPurchases, expectedRevenueOf, revenueAhead, valueOfLedger } from '../../src/core/expected-revenue.js';
import { purchaseDaysFrom, purchaseDaysOf, type ClientPurchaseDays } from '../../src/core/purchase-days.js';
import { assessSpend, spendClientOf, spendClients } from '../../src/core/spend.js';
import { cdnowDay, cdnowLedger, NO_CDNOW } from '../helpers/cdnow.js';
import { referenceExpectedPurchases, referenceExpectedSpend } from '../helpers/clv-reference.js';

const AS_OF = cdnowDay('19970930');

describe.skipIf(NO_CDNOW)('expected revenue on the CDNOW sample as of 1997-09-30', () => {
  const ledger = NO_CDNOW ? (undefined as unknown as ReturnType<typeof cdnowLedger>) : cdnowLedger();
  const value = NO_CDNOW ? (undefined as unknown as ReturnType<typeof valueOfLedger>) : valueOfLedger(ledger, AS_OF, { horizonWeeks: 52, annualDiscount: null });

  it('fills expected purchases, spend and revenue for every client', () => {
    expect(value.purchasesSound).toBe(true);
    expect(clientValues(value)).toHaveLength(2357);
    for (const c of clientValues(value)) {
      expect(c.expectedPurchases!).toBeGreaterThan(0);
      expect(c.expectedSpend!).toBeGreaterThan(0);
      expect(c.expectedRevenue).toBe(c.expectedPurchases! * c.expectedSpend!);
    }
    expect(value.total).toBeCloseTo(clientValues(value).reduce((s, c) => s + c.expectedRevenue!, 0), 6);
  });

  it('agrees client by client with the independent implementation of both models', () => {
    const bg = value.alive.fit!.params;
    const gg = value.spend.fit!.params;
    const customers = new Map(aliveClients(value.alive).map((c) => [c.client, c.customer]));
    // Every 7th client keeps the numerical integration to a second or two.
    clientValues(value)
      .filter((_, i) => i % 7 === 0)
      .forEach((c) => {
        const s = spendClientOf(value.spend, c.client)!;
        const spend = s.fitted ? referenceExpectedSpend(gg, s.frequency, s.monetary!) : (gg.p * gg.gamma) / (gg.q - 1);
        const purchases = referenceExpectedPurchases(bg, customers.get(c.client)!, 52);
        expect(Math.abs(c.expectedRevenue! / (spend * purchases) - 1)).toBeLessThan(1e-6);
      });
  });

  it('uses the population mean spend for a client without a repeat purchase day', () => {
    const once = spendClients(value.spend).find((c) => c.frequency === 0)!;
    expect(clientValueOf(value, once.client)!.expectedSpend).toBe(value.spend.populationMean);
  });

  it('sums the expected revenue of a list of clients, skipping unknown names', () => {
    const names = clientValues(value).slice(0, 3).map((c) => c.client);
    expect(expectedRevenueOf(value, [...names, 'nobody'])).toBeCloseTo(clientValues(value).slice(0, 3).reduce((s, c) => s + c.expectedRevenue!, 0), 9);
    expect(expectedRevenueOf(value, ['nobody'])).toBeNull();
  });

  it('sums the revenue ahead of the key clients and of the win-back list, lost and at risk apart', () => {
    const [a, b, c, d] = clientValues(value).map((x) => x.client);
    const r = revenueAhead(value, [a!, b!], [
      { client: c!, status: 'lost' },
      { client: d!, status: 'at-risk' },
    ]);
    const of = (name: string): number => clientValueOf(value, name)!.expectedRevenue!;
    expect(r.key).toBeCloseTo(of(a!) + of(b!), 9);
    expect(r.lost).toBe(of(c!));
    expect(r.atRisk).toBe(of(d!));
    expect(r.winBack).toBeCloseTo(of(c!) + of(d!), 9);
    expect(revenueAhead(value, [], [])).toEqual({ key: null, winBack: null, lost: null, atRisk: null });
  });

  it('discounts: no rate gives E[Y(H)], a higher rate gives less, and a short horizon hardly changes', () => {
    const bg = value.alive.fit!.params;
    const c = value.alive.purchases.customer(5);
    expect(discountedExpectedPurchases(bg, c, 52, 0)).toBe(expectedPurchases(bg, c, 52));
    const at10 = discountedExpectedPurchases(bg, c, 52, 0.1);
    const at30 = discountedExpectedPurchases(bg, c, 52, 0.3);
    expect(at10).toBeLessThan(expectedPurchases(bg, c, 52));
    expect(at30).toBeLessThan(at10);
    // Within a year every week's discount factor lies between 1/(1+d) and 1.
    expect(at10).toBeGreaterThan(expectedPurchases(bg, c, 52) / 1.1);
    expect(discountedExpectedPurchases(bg, c, 1, 0.1) / expectedPurchases(bg, c, 1)).toBeCloseTo(1.1 ** (-1 / 52), 12);
    const discounted = valueOfLedger(ledger, AS_OF, { horizonWeeks: 52, annualDiscount: 0.1 });
    expect(discounted.total!).toBeLessThan(value.total!);
    // The discount is on the money: expected purchase days stay undiscounted.
    for (const c of clientValues(discounted)) {
      const plain = clientValueOf(value, c.client)!;
      expect(c.expectedPurchases).toBe(plain.expectedPurchases);
      expect(c.expectedRevenue!).toBeLessThan(plain.expectedRevenue!);
      expect(c.expectedRevenue!).toBeGreaterThan(plain.expectedRevenue! / 1.1);
    }
  });

  it('discounts week by week: the sum of each week’s expected purchases at its own discount factor', () => {
    const bg = value.alive.fit!.params;
    const c = value.alive.purchases.customer(11);
    let sum = 0;
    for (let w = 1; w <= 10; w++) sum += (referenceExpectedPurchases(bg, c, w) - referenceExpectedPurchases(bg, c, w - 1)) * 1.2 ** (-w / 52);
    expect(discountedExpectedPurchases(bg, c, 10, 0.2)).toBeCloseTo(sum, 6);
  });

  it('is deterministic', () => {
    const again = valueOfLedger(cdnowLedger(), AS_OF, { horizonWeeks: 52, annualDiscount: null });
    expect(JSON.stringify(clientValues(again))).toBe(JSON.stringify(clientValues(value)));
  });

  it('refuses a horizon that is not a positive number', () => {
    for (const horizonWeeks of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => assessValue(value.alive, value.spend, { horizonWeeks, annualDiscount: null })).toThrow(RangeError);
    }
  });
});

describe('when a model gives nothing to act on', () => {
  /** 60 clients who all drop out at one common rate: BG/NBD runs to a boundary (a, b → ∞). */
  function clockwork(): ClientPurchaseDays[] {
    const out: ClientPurchaseDays[] = [];
    for (let i = 0; i < 60; i++) {
      const gap = 7 + (i % 23);
      const count = 1 + (i % 11);
      out.push({ client: `c${String(i).padStart(3, '0')}`, days: Array.from({ length: count }, (_, k) => 19723 + (i % 40) + k * gap), amounts: Array.from({ length: count }, (_, k) => 10 + (k % 3) + (i % 7)) });
    }
    return out;
  }

  it('gives no expected purchases nor revenue when BG/NBD did not converge, though the spend model stands', () => {
    const asOf = 19723 + 200;
    const clients = clockwork()
      .map((c) => ({ ...c, days: c.days.filter((d) => d <= asOf), amounts: c.amounts!.filter((_, k) => c.days[k]! <= asOf) }))
      .filter((c) => c.days.length > 0);
    const purchases = purchaseDaysFrom(clients, asOf);
    const alive = assessAlive(purchases);
    expect(alive.fit!.converged).toBe(false);
    const value = assessValue(alive, assessSpend(purchases), { horizonWeeks: 52, annualDiscount: null });
    expect(value.purchasesSound).toBe(false);
    expect(clientValues(value).every((c) => c.expectedPurchases === null && c.expectedRevenue === null)).toBe(true);
    expect(value.total).toBeNull();
  });

  it.skipIf(NO_CDNOW)('gives no expected revenue when the spend model cannot be fitted', () => {
    const ledger = cdnowLedger();
    const alive = assessAlive(purchaseDaysOf(ledger, AS_OF));
    const value = assessValue(alive, assessSpend(purchaseDaysFrom([], AS_OF)), { horizonWeeks: 52, annualDiscount: null });
    expect(clientValues(value).every((c) => c.expectedPurchases !== null && c.expectedRevenue === null)).toBe(true);
  });
});

describe('numerical safety', () => {
  it('keeps the expected revenue finite at hundreds of purchases, with and without discount', () => {
    const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 260 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (x, share, age, horizon, rate) => {
          const c = { frequency: x, recency: share * age, age };
          const plain = expectedPurchases(params, c, horizon);
          const discounted = discountedExpectedPurchases(params, c, horizon, rate);
          expect(Number.isFinite(plain) && Number.isFinite(discounted)).toBe(true);
          expect(discounted).toBeLessThanOrEqual(plain * (1 + 1e-9) + 1e-12);
          expect(discounted).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
