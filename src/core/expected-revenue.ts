// SPEC §6, expected revenue over a horizon: expected purchase days (BG/NBD) × expected spend per
// purchase day (Gamma-Gamma; the population mean for clients it cannot judge), optionally
// discounted at an annual rate. Pure glue over alive.ts and spend.ts.
import { assessAlive, purchaseDaysByClient, purchaseModelSound, type AliveAssessment } from './alive.js';
import { expectedPurchases, type BgNbdCustomer, type BgNbdParams } from './bgnbd.js';
import type { Ledger } from './ledger.js';
import { assessSpend, purchaseDaysWithAmounts, type SpendAssessment } from './spend.js';

export const WEEKS_PER_YEAR = 52;
/** Default horizon: a year of weeks. */
export const DEFAULT_HORIZON_WEEKS = 52;

export interface RevenueSettings {
  /** Horizon in weeks (> 0). */
  horizonWeeks: number;
  /** Annual discount rate (0.1 = 10% a year); null for none. */
  annualDiscount: number | null;
}

/**
 * Expected purchase days in the horizon, discounted: Σ over the weeks w = 1…⌈H⌉ of the purchase
 * days expected in week w, E[Y(w)] − E[Y(w−1)], times (1 + d)^(−w/52) (each week's purchases
 * valued at its end; the last, partial, week at the horizon). With d = 0 this is E[Y(H)].
 */
export function discountedExpectedPurchases(params: BgNbdParams, customer: BgNbdCustomer, horizonWeeks: number, annualDiscount: number): number {
  if (!(Number.isFinite(annualDiscount) && annualDiscount > -1)) throw new RangeError(`discount rate must be finite and > −1, got ${annualDiscount}`);
  if (annualDiscount === 0) return expectedPurchases(params, customer, horizonWeeks);
  const logFactor = -Math.log1p(annualDiscount) / WEEKS_PER_YEAR;
  let total = 0;
  let before = 0;
  const steps = Math.ceil(horizonWeeks);
  for (let w = 1; w <= steps; w++) {
    const t = Math.min(w, horizonWeeks);
    const upTo = expectedPurchases(params, customer, t);
    total += (upTo - before) * Math.exp(logFactor * t);
    before = upTo;
  }
  return total;
}

/** One client's forward-looking value. */
export interface ClientValue {
  client: string;
  /** Expected purchase days in the horizon (never discounted); null without a sound purchase model. */
  expectedPurchases: number | null;
  /** Expected net amount per purchase day; null without a usable spend model. */
  expectedSpend: number | null;
  /** Expected purchase days × expected spend, discounted week by week when a rate is set; null when either is. */
  expectedRevenue: number | null;
}

export interface ValueAssessment {
  settings: RevenueSettings;
  alive: AliveAssessment;
  spend: SpendAssessment;
  /** Whether BG/NBD gives figures to act on (purchaseModelSound): no expected purchases without it. */
  purchasesSound: boolean;
  clients: ClientValue[];
  byClient: Map<string, ClientValue>;
  /** Sum of the expected revenue of the clients that have one; null when none does. */
  total: number | null;
}

/** Expected purchases, spend and revenue of every client with a purchase day, from the two assessments. */
export function assessValue(alive: AliveAssessment, spend: SpendAssessment, settings: RevenueSettings): ValueAssessment {
  if (!(Number.isFinite(settings.horizonWeeks) && settings.horizonWeeks > 0)) throw new RangeError(`horizon must be finite and > 0, got ${settings.horizonWeeks}`);
  const sound = purchaseModelSound(alive);
  const params = alive.fit?.params;
  const clients: ClientValue[] = alive.clients.map((c) => {
    let purchases: number | null = null;
    let valued: number | null = null;
    if (sound && params !== undefined) {
      purchases = expectedPurchases(params, c.customer, settings.horizonWeeks);
      valued = settings.annualDiscount === null ? purchases : discountedExpectedPurchases(params, c.customer, settings.horizonWeeks, settings.annualDiscount);
    }
    const expectedSpend = spend.byClient.get(c.client)?.expectedSpend ?? null;
    return { client: c.client, expectedPurchases: purchases, expectedSpend, expectedRevenue: valued === null || expectedSpend === null ? null : valued * expectedSpend };
  });
  let total: number | null = null;
  for (const c of clients) if (c.expectedRevenue !== null) total = (total ?? 0) + c.expectedRevenue;
  return { settings, alive, spend, purchasesSound: sound, clients, byClient: new Map(clients.map((c) => [c.client, c])), total };
}

/** Both models fitted on every purchase day of the ledger up to `asOf`, and each client's value. */
export function valueOfLedger(ledger: Ledger, asOf: number, settings: RevenueSettings, alive?: AliveAssessment): ValueAssessment {
  return assessValue(alive ?? assessAlive(purchaseDaysByClient(ledger, asOf), asOf), assessSpend(purchaseDaysWithAmounts(ledger, asOf), asOf), settings);
}

/** Sum of the expected revenue of the named clients; null when none of them has one. */
export function expectedRevenueOf(value: ValueAssessment, clients: Iterable<string>): number | null {
  let total: number | null = null;
  for (const name of clients) {
    const r = value.byClient.get(name)?.expectedRevenue;
    if (r !== undefined && r !== null) total = (total ?? 0) + r;
  }
  return total;
}

/** The revenue expected over the horizon from the key clients and from the win-back list (lost and at-risk apart). */
export interface RevenueAhead {
  key: number | null;
  winBack: number | null;
  lost: number | null;
  atRisk: number | null;
}

/**
 * The forward-looking revenue at stake, beside the backward-looking one: the expected revenue of the
 * key clients and of the win-back list. null where no client of the group has an expected revenue.
 */
export function revenueAhead(value: ValueAssessment, keyClients: Iterable<string>, winBack: readonly { client: string; status: 'lost' | 'at-risk' }[]): RevenueAhead {
  return {
    key: expectedRevenueOf(value, keyClients),
    winBack: expectedRevenueOf(value, winBack.map((e) => e.client)),
    lost: expectedRevenueOf(value, winBack.filter((e) => e.status === 'lost').map((e) => e.client)),
    atRisk: expectedRevenueOf(value, winBack.filter((e) => e.status === 'at-risk').map((e) => e.client)),
  };
}
