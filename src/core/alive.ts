// SPEC §6, probability of being alive: the clients' purchase days (purchase-days.ts) → BG/NBD
// customers → one maximum-likelihood fit over all clients → P(alive) and expected purchase days
// per client. The model itself lives in bgnbd.ts; this is only the glue.
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdCustomer, type BgNbdFit } from './bgnbd.js';
import type { Ledger } from './ledger.js';
import { compareNames, roundForTies } from './order.js';
import type { Problem } from './problems.js';
import { noPurchaseDays, purchaseDaysOf, type PurchaseDays } from './purchase-days.js';

/**
 * Fewest clients for a fit. BG/NBD has four parameters; on a handful of clients the maximum
 * runs off to a boundary (a or b → 0 or ∞) and P(alive) says nothing. 20 is a floor, not a
 * guarantee: a few dozen clients give wide error bars too.
 */
export const MIN_CLIENTS_FOR_BGNBD = 20;

/** One client's figures, made on demand from the assessment's columns. */
export interface AliveClient {
  client: string;
  customer: BgNbdCustomer;
  /** null when the model could not be fitted. */
  pAlive: number | null;
}

export interface AliveAssessment {
  asOf: number;
  /** null when the fit could not run: `problem` says why. */
  fit: BgNbdFit | null;
  /** The clients (a purchase day up to asOf), numbered in name order, and what the model reads of their days. */
  purchases: PurchaseDays;
  /**
   * P(alive) by client number (purchases' numbering); null when no probability comes from the
   * fit. A column, not a field of an object per client: see purchase-days.ts.
   */
  pAlive: Float64Array | null;
  problem: Problem | null;
}

/**
 * Fits BG/NBD to all the clients (frequency = purchase days − 1, recency and age in weeks, age
 * counted to the as-of day) and gives each its P(alive).
 */
export function assessAlive(purchases: PurchaseDays): AliveAssessment {
  const asOf = purchases.asOf;
  const clients = purchases.size;
  const result: AliveAssessment = { asOf, fit: null, purchases, pAlive: null, problem: null };
  let repeat = 0;
  for (let i = 0; i < clients; i++) if (purchases.frequency(i) > 0) repeat++;
  if (clients < MIN_CLIENTS_FOR_BGNBD || repeat === 0) {
    result.problem = {
      code: 'bgnbd-not-fitted',
      severity: 'note',
      value: clients < MIN_CLIENTS_FOR_BGNBD ? 'too-few-clients' : 'no-repeat-purchases',
      details: { clients, repeat, needed: MIN_CLIENTS_FOR_BGNBD },
    };
    return result;
  }
  const fit = fitBgNbd(customersOf(purchases));
  if (!Number.isFinite(fit.logLikelihood) || !Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)) {
    result.problem = { code: 'bgnbd-not-fitted', severity: 'warning', value: 'no-fit', details: { clients, repeat, needed: MIN_CLIENTS_FOR_BGNBD } };
    return result;
  }
  // Not converged is usually a likelihood that keeps rising towards a boundary (a, b → ∞: every
  // client drops out at the same rate). That limit is not an estimate: no P(alive) comes from it
  // (in any command), a note says so, and the status rules of SPEC §6 judge the clients.
  result.fit = fit;
  if (!fit.converged) {
    result.problem = { code: 'bgnbd-not-fitted', severity: 'note', value: 'no-convergence', details: { clients, repeat, needed: MIN_CLIENTS_FOR_BGNBD } };
    return result;
  }
  const pAlive = new Float64Array(clients);
  for (let i = 0; i < clients; i++) pAlive[i] = probabilityAlive(fit.params, purchases.customer(i));
  result.pAlive = pAlive;
  return result;
}

/** Every client as BG/NBD sees it, in client-number order, made one at a time. */
function* customersOf(purchases: PurchaseDays): Generator<BgNbdCustomer> {
  for (let i = 0; i < purchases.size; i++) yield purchases.customer(i);
}

/** The assessment of a run that shows no P(alive): no clients, no fit, no note. */
export function aliveNotAssessed(asOf: number): AliveAssessment {
  return { asOf, fit: null, purchases: noPurchaseDays(asOf), pAlive: null, problem: null };
}

/** Client i's P(alive); null without one. */
export function pAliveAt(alive: AliveAssessment, i: number): number | null {
  return alive.pAlive === null ? null : (alive.pAlive[i] as number);
}

/** The named client's P(alive); null when the client has none (no purchase day up to the as-of day, or no fit). */
export function pAliveOf(alive: AliveAssessment, client: string): number | null {
  if (alive.pAlive === null) return null;
  const i = alive.purchases.numberOf(client);
  return i < 0 ? null : (alive.pAlive[i] as number);
}

/** Client i's figures. */
export function aliveClientAt(alive: AliveAssessment, i: number): AliveClient {
  return { client: alive.purchases.client(i), customer: alive.purchases.customer(i), pAlive: pAliveAt(alive, i) };
}

/** The named client's figures; undefined when it has no purchase day up to the as-of day. */
export function aliveClientOf(alive: AliveAssessment, client: string): AliveClient | undefined {
  const i = alive.purchases.numberOf(client);
  return i < 0 ? undefined : aliveClientAt(alive, i);
}

/** Every client's figures, in name order (made on demand: a list of objects costs what the columns save). */
export function aliveClients(alive: AliveAssessment): AliveClient[] {
  return Array.from({ length: alive.purchases.size }, (_, i) => aliveClientAt(alive, i));
}

/**
 * Whether the fit gives figures to act on: fitted and converged. A fit that stops at a boundary
 * (the bundled sample: b → ∞) is a limit, not an estimate: kam alive then shows no probability
 * and no expectation, and no expected revenue comes from it.
 */
export function purchaseModelSound(alive: AliveAssessment): boolean {
  return alive.fit !== null && alive.fit.converged;
}

/** Expected purchase days in the next `horizonWeeks` weeks; null without a fit. */
export function expectedPurchaseDays(alive: AliveAssessment, client: AliveClient, horizonWeeks: number): number | null {
  return alive.fit === null ? null : expectedPurchases(alive.fit.params, client.customer, horizonWeeks);
}

export interface AliveRow {
  client: string;
  customer: BgNbdCustomer;
  pAlive: number | null;
  /** Expected purchase days in the horizon; null without a fit. */
  expected: number | null;
}

export interface AliveTable {
  asOf: number;
  horizonWeeks: number;
  alive: AliveAssessment;
  /** Most expected purchase days first, then by name; without a sound fit, most purchase days first. */
  rows: AliveRow[];
}

/** `kam alive`: the fit over every client of the ledger as of `asOf`, and the per-client figures. */
export function aliveTable(ledger: Ledger, asOf: number, horizonWeeks: number): AliveTable {
  return aliveTableOf(assessAlive(purchaseDaysOf(ledger, asOf)), horizonWeeks);
}

/** The per-client figures of a fit made already (e.g. the calibration fit of a holdout check). */
export function aliveTableOf(alive: AliveAssessment, horizonWeeks: number): AliveTable {
  const rows: AliveRow[] = aliveClients(alive).map((c) => ({ client: c.client, customer: c.customer, pAlive: c.pAlive, expected: expectedPurchaseDays(alive, c, horizonWeeks) }));
  if (purchaseModelSound(alive)) rows.sort((p, q) => roundForTies(q.expected ?? 0) - roundForTies(p.expected ?? 0) || compareNames(p.client, q.client));
  else rows.sort((p, q) => q.customer.frequency - p.customer.frequency || q.customer.recency - p.customer.recency || compareNames(p.client, q.client));
  return { asOf: alive.asOf, horizonWeeks, alive, rows };
}
