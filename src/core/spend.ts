// SPEC §6, spend per purchase: the clients' purchase days and the net amount of each → the mean
// net amount per repeat purchase day → one Gamma-Gamma fit over the clients it can judge → the
// expected spend per purchase day of every client. The model itself lives in gamma-gamma.ts;
// this is only the glue.
import { conditionalExpectedSpend, fitGammaGamma, populationMeanSpend, type GammaGammaFit } from './gamma-gamma.js';
import type { Ledger } from './ledger.js';
import { compareNames } from './order.js';

/** Fewest clients with a repeat purchase day and a positive mean for a fit (three parameters). */
export const MIN_CLIENTS_FOR_GAMMA_GAMMA = 20;

/** One client's purchase days up to the as-of day, with the net amount of each (returns netted). */
export interface ClientPurchaseDays {
  client: string;
  /** Distinct purchase days, ascending. */
  days: number[];
  /** Net amount of each day (every line of the day: purchases less same-day returns). */
  amounts: number[];
}

/**
 * Every client's purchase days ≤ asOf with their net amounts, by client name; clients without
 * one are left out. A day of returns alone is not a purchase day (SPEC §6), so its amount is
 * not in any client's spend.
 */
export function purchaseDaysWithAmounts(ledger: Ledger, asOf: number): ClientPurchaseDays[] {
  const out: ClientPurchaseDays[] = [];
  for (const history of ledger.clients.values()) {
    const table = history.days;
    const days: number[] = [];
    const amounts: number[] = [];
    for (let i = 0; i < table.size && table.day(i) <= asOf; i++) {
      if (!table.purchase(i)) continue;
      days.push(table.day(i));
      amounts.push(table.amount(i));
    }
    if (days.length > 0) out.push({ client: history.client, days, amounts });
  }
  out.sort((p, q) => compareNames(p.client, q.client));
  return out;
}

/** What the spend model knows of one client. */
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
  clients: SpendClient[];
  byClient: Map<string, SpendClient>;
  /** Clients with at least one repeat purchase day. */
  repeatClients: number;
  /** Clients with a repeat day whose mean net amount per repeat day is zero or negative: left out of the fit. */
  nonPositive: number;
}

/** Mean net amount of the repeat purchase days (index 1 on); null with none. */
export function meanRepeatSpend(amounts: readonly number[]): number | null {
  if (amounts.length < 2) return null;
  let sum = 0;
  for (let i = 1; i < amounts.length; i++) sum += amounts[i] as number;
  return sum / (amounts.length - 1);
}

/** Fits Gamma-Gamma to the clients it can judge and gives every client its expected spend per purchase day. */
export function assessSpend(clients: readonly ClientPurchaseDays[], asOf: number): SpendAssessment {
  const list: SpendClient[] = clients.map((c) => {
    const monetary = meanRepeatSpend(c.amounts);
    const fitted = monetary !== null && Number.isFinite(monetary) && monetary > 0;
    return { client: c.client, frequency: c.days.length - 1, monetary, fitted, expectedSpend: null };
  });
  const byClient = new Map(list.map((c) => [c.client, c]));
  const judged = list.filter((c) => c.fitted);
  const repeatClients = list.filter((c) => c.frequency > 0).length;
  const result: SpendAssessment = { asOf, status: 'too-few-clients', fit: null, populationMean: null, clients: list, byClient, repeatClients, nonPositive: repeatClients - judged.length };
  if (judged.length < MIN_CLIENTS_FOR_GAMMA_GAMMA) return result;
  const fit = fitGammaGamma(judged.map((c) => ({ frequency: c.frequency, monetary: c.monetary as number })));
  const populationMean = populationMeanSpend(fit.params);
  if (populationMean === null || !Number.isFinite(fit.logLikelihood)) {
    result.status = 'no-mean';
    return result;
  }
  result.status = fit.converged ? 'fitted' : 'no-convergence';
  result.fit = fit;
  result.populationMean = populationMean;
  for (const c of list) c.expectedSpend = c.fitted ? conditionalExpectedSpend(fit.params, { frequency: c.frequency, monetary: c.monetary as number }) : populationMean;
  return result;
}
