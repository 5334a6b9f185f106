// SPEC §6, spend per purchase: the clients' purchase days and the net amount of each → the mean
// net amount per repeat purchase day (both in purchase-days.ts) → one Gamma-Gamma fit over the
// clients it can judge → the expected spend per purchase day of every client. The model itself
// lives in gamma-gamma.ts; this is only the glue.
import { conditionalExpectedSpend, fitGammaGamma, populationMeanSpend, type GammaGammaCustomer, type GammaGammaFit } from './gamma-gamma.js';
import { figureAt, type PurchaseDays } from './purchase-days.js';

/** Fewest clients with a repeat purchase day and a positive mean for a fit (three parameters). */
export const MIN_CLIENTS_FOR_GAMMA_GAMMA = 20;

/** What the spend model knows of one client (made on demand from the assessment's columns). */
export interface SpendClient {
  client: string;
  /** Repeat purchase days (purchase days − 1). */
  frequency: number;
  /** Mean net amount per repeat purchase day (the first purchase day left out); null without a repeat day. */
  monetary: number | null;
  /** Whether the client is in the fit: at least one repeat day and a positive mean. */
  fitted: boolean;
  /** Expected net amount per purchase day; null without a usable fit. */
  expectedSpend: number | null;
}

export type SpendStatus =
  | 'fitted'
  /** The fit ran but stopped at a bound: spend figures are the limit it approached. */
  | 'no-convergence'
  /** Fewer than MIN_CLIENTS_FOR_GAMMA_GAMMA clients with a repeat day and a positive mean. */
  | 'too-few-clients'
  /** q ≤ 1: the population mean spend does not exist; no expected spend is given. */
  | 'no-mean';

export interface SpendAssessment {
  asOf: number;
  status: SpendStatus;
  /** null when the fit could not run or gives no mean. */
  fit: GammaGammaFit | null;
  /** pγ/(q−1): the expected spend of a client the model cannot judge; null without a usable fit. */
  populationMean: number | null;
  /** The clients (a purchase day up to asOf), numbered in name order, and what the model reads of their days. */
  purchases: PurchaseDays;
  /** Expected spend per purchase day by client number (NaN: none); null without a usable fit. A column: see purchase-days.ts. */
  expectedSpend: Float64Array | null;
  /** Clients with at least one repeat purchase day. */
  repeatClients: number;
  /** Clients the model can judge (a repeat day and a positive mean): those it is fitted on. */
  judged: number;
  /** Clients with a repeat day whose mean net amount per repeat day is zero or negative: left out of the fit. */
  nonPositive: number;
}

/** Whether the spend model can judge a client of this mean repeat spend: one repeat day at least and a positive mean. */
function judgedBySpend(monetary: number | null): monetary is number {
  return monetary !== null && Number.isFinite(monetary) && monetary > 0;
}

/** The clients the model can judge, as two columns (what the fit is given, here or elsewhere), in number order. */
export function judgedColumns(purchases: PurchaseDays): { frequency: Float64Array; monetary: Float64Array } {
  let judged = 0;
  for (let i = 0; i < purchases.size; i++) if (judgedBySpend(purchases.monetary(i))) judged++;
  const frequency = new Float64Array(judged);
  const monetary = new Float64Array(judged);
  let j = 0;
  for (let i = 0; i < purchases.size; i++) {
    const m = purchases.monetary(i);
    if (!judgedBySpend(m)) continue;
    frequency[j] = purchases.frequency(i);
    monetary[j++] = m;
  }
  return { frequency, monetary };
}

/** The customers of judgedColumns, one at a time, as fitGammaGamma takes them. */
export function* columnCustomers(columns: { frequency: Float64Array; monetary: Float64Array }): Generator<GammaGammaCustomer> {
  for (let i = 0; i < columns.frequency.length; i++) yield { frequency: columns.frequency[i]!, monetary: columns.monetary[i]! };
}

/**
 * The Gamma-Gamma fit made elsewhere (the caller's worker thread), so that it runs beside the
 * rest of the analysis: `start` is told the clients' purchase days as soon as they are known, and
 * `fitOf` gives the fit of those very clients when it is done (undefined: fit here). The fit is
 * the same function on the same customers, so the same to the last bit.
 */
export interface SpendFitting {
  start(purchases: PurchaseDays): void;
  fitOf(purchases: PurchaseDays): GammaGammaFit | undefined;
}

/** Fits Gamma-Gamma to the clients it can judge and gives every client its expected spend per purchase day. */
export function assessSpend(purchases: PurchaseDays, fitting?: SpendFitting): SpendAssessment {
  let judged = 0;
  let repeatClients = 0;
  for (let i = 0; i < purchases.size; i++) {
    if (purchases.frequency(i) > 0) repeatClients++;
    if (judgedBySpend(purchases.monetary(i))) judged++;
  }
  const result: SpendAssessment = {
    asOf: purchases.asOf,
    status: 'too-few-clients',
    fit: null,
    populationMean: null,
    purchases,
    expectedSpend: null,
    repeatClients,
    judged,
    nonPositive: repeatClients - judged,
  };
  if (judged < MIN_CLIENTS_FOR_GAMMA_GAMMA) return result;
  const fit = fitting?.fitOf(purchases) ?? fitGammaGamma(columnCustomers(judgedColumns(purchases)));
  const populationMean = populationMeanSpend(fit.params);
  if (populationMean === null || !Number.isFinite(fit.logLikelihood)) {
    result.status = 'no-mean';
    return result;
  }
  result.status = fit.converged ? 'fitted' : 'no-convergence';
  result.fit = fit;
  result.populationMean = populationMean;
  const expectedSpend = new Float64Array(purchases.size);
  for (let i = 0; i < purchases.size; i++) {
    const monetary = purchases.monetary(i);
    expectedSpend[i] = judgedBySpend(monetary) ? (conditionalExpectedSpend(fit.params, { frequency: purchases.frequency(i), monetary }) ?? Number.NaN) : populationMean;
  }
  result.expectedSpend = expectedSpend;
  return result;
}

/** Client i's expected spend per purchase day; null without a usable fit. */
export function expectedSpendAt(spend: SpendAssessment, i: number): number | null {
  return figureAt(spend.expectedSpend, i);
}

/** Client i as the spend model knows it. */
export function spendClientAt(spend: SpendAssessment, i: number): SpendClient {
  const monetary = spend.purchases.monetary(i);
  return { client: spend.purchases.client(i), frequency: spend.purchases.frequency(i), monetary, fitted: judgedBySpend(monetary), expectedSpend: expectedSpendAt(spend, i) };
}

/** The named client as the spend model knows it; undefined when it has no purchase day up to the as-of day. */
export function spendClientOf(spend: SpendAssessment, client: string): SpendClient | undefined {
  const i = spend.purchases.numberOf(client);
  return i < 0 ? undefined : spendClientAt(spend, i);
}

/** Every client as the spend model knows it, in name order (made on demand). */
export function spendClients(spend: SpendAssessment): SpendClient[] {
  return Array.from({ length: spend.purchases.size }, (_, i) => spendClientAt(spend, i));
}
