// SPEC §6, expected revenue over a horizon: expected purchase days (BG/NBD) × expected spend per
// purchase day (Gamma-Gamma; the population mean for clients it cannot judge), optionally
// discounted at an annual rate. Pure glue over alive.ts and spend.ts.
import { assessAlive, purchaseModelSound, type AliveAssessment } from './alive.js';
import { expectedPurchases, type BgNbdCustomer, type BgNbdParams } from './bgnbd.js';
import type { Ledger } from './ledger.js';
import { figureAt, purchaseDaysOf } from './purchase-days.js';
import { assessSpend, type SpendAssessment, type SpendFitting } from './spend.js';

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

/** One client's forward-looking value (made on demand from the assessment's columns). */
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
  /**
   * By client number (alive.purchases' numbering), columns as in purchase-days.ts: expected
   * purchases (null: no sound purchase model), expected spend (null: no usable spend model) and
   * expected revenue (null when either is). NaN marks a client without the figure (a spend
   * assessment made on other clients): clientValueAt reads it as null.
   */
  expectedPurchases: Float64Array | null;
  expectedSpend: Float64Array | null;
  expectedRevenue: Float64Array | null;
  /** Sum of the expected revenue of the clients that have one; null when none does. */
  total: number | null;
}

/** Expected purchases, spend and revenue of every client with a purchase day, from the two assessments. */
export function assessValue(alive: AliveAssessment, spend: SpendAssessment, settings: RevenueSettings): ValueAssessment {
  if (!(Number.isFinite(settings.horizonWeeks) && settings.horizonWeeks > 0)) throw new RangeError(`horizon must be finite and > 0, got ${settings.horizonWeeks}`);
  const sound = purchaseModelSound(alive);
  const params = alive.fit?.params;
  const purchases = alive.purchases;
  const n = purchases.size;
  // Each client's expected spend, by the alive's numbering (the same purchase days unless the two were made apart).
  let expectedSpend: Float64Array | null = null;
  if (spend.expectedSpend !== null) {
    expectedSpend = spend.purchases === purchases ? spend.expectedSpend : new Float64Array(n);
    if (spend.purchases !== purchases) {
      for (let i = 0; i < n; i++) {
        const j = spend.purchases.numberOf(purchases.client(i));
        expectedSpend[i] = j < 0 ? Number.NaN : (spend.expectedSpend[j] as number);
      }
    }
  }
  let expectedPurchasesOf: Float64Array | null = null;
  let expectedRevenue: Float64Array | null = null;
  let total: number | null = null;
  if (sound && params !== undefined) {
    expectedPurchasesOf = new Float64Array(n);
    if (expectedSpend !== null) expectedRevenue = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const customer = purchases.customer(i);
      const purchasesAhead = expectedPurchases(params, customer, settings.horizonWeeks);
      expectedPurchasesOf[i] = purchasesAhead;
      if (expectedRevenue === null || expectedSpend === null) continue;
      const s = expectedSpend[i] as number;
      if (Number.isNaN(s)) {
        expectedRevenue[i] = Number.NaN;
        continue;
      }
      const valued = settings.annualDiscount === null ? purchasesAhead : discountedExpectedPurchases(params, customer, settings.horizonWeeks, settings.annualDiscount);
      const revenue = valued * s;
      expectedRevenue[i] = revenue;
      total = (total ?? 0) + revenue;
    }
  }
  return { settings, alive, spend, purchasesSound: sound, expectedPurchases: expectedPurchasesOf, expectedSpend, expectedRevenue, total };
}

/** Client i's value (alive.purchases' numbering). */
export function clientValueAt(value: ValueAssessment, i: number): ClientValue {
  return {
    client: value.alive.purchases.client(i),
    expectedPurchases: figureAt(value.expectedPurchases, i),
    expectedSpend: figureAt(value.expectedSpend, i),
    expectedRevenue: figureAt(value.expectedRevenue, i),
  };
}

/** The named client's value; undefined when it has no purchase day up to the as-of day. */
export function clientValueOf(value: ValueAssessment, client: string): ClientValue | undefined {
  const i = value.alive.purchases.numberOf(client);
  return i < 0 ? undefined : clientValueAt(value, i);
}

/** Every client's value, in name order (made on demand). */
export function clientValues(value: ValueAssessment): ClientValue[] {
  return Array.from({ length: value.alive.purchases.size }, (_, i) => clientValueAt(value, i));
}

/**
 * Both models fitted on every purchase day of the ledger up to `asOf`, and each client's value.
 * `alive`: the purchase model of this ledger as of `asOf`, made already (the analysis has it):
 * its purchase days serve the spend model too.
 */
export function valueOfLedger(ledger: Ledger, asOf: number, settings: RevenueSettings, alive?: AliveAssessment, fitting?: SpendFitting): ValueAssessment {
  const purchases = alive?.purchases ?? purchaseDaysOf(ledger, asOf);
  return assessValue(alive ?? assessAlive(purchases), assessSpend(purchases, fitting), settings);
}

/** Sum of the expected revenue of the named clients; null when none of them has one. */
export function expectedRevenueOf(value: ValueAssessment, clients: Iterable<string>): number | null {
  let total: number | null = null;
  for (const name of clients) {
    const r = clientValueOf(value, name)?.expectedRevenue;
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
