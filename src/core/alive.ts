// SPEC §6, probability of being alive: the clients' purchase days → BG/NBD customers → one
// maximum-likelihood fit over all clients → P(alive) and expected purchase days per client.
// The model itself lives in bgnbd.ts; this is only the glue.
import { expectedPurchases, fitBgNbd, probabilityAlive, toBgNbdCustomer, type BgNbdCustomer, type BgNbdFit } from './bgnbd.js';
import type { Ledger } from './ledger.js';
import { compareNames, roundForTies } from './order.js';
import type { Problem } from './problems.js';

/**
 * Fewest clients for a fit. BG/NBD has four parameters; on a handful of clients the maximum
 * runs off to a boundary (a or b → 0 or ∞) and P(alive) says nothing. 20 is a floor, not a
 * guarantee: a few dozen clients give wide error bars too.
 */
export const MIN_CLIENTS_FOR_BGNBD = 20;

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
  clients: AliveClient[];
  byClient: Map<string, AliveClient>;
  problem: Problem | null;
}

/** Every client's distinct purchase days up to `asOf`, ascending; clients without one are left out. */
export function purchaseDaysByClient(ledger: Ledger, asOf: number): [string, number[]][] {
  const out: [string, number[]][] = [];
  for (const history of ledger.clients.values()) {
    const days: number[] = [];
    const table = history.days;
    for (let i = 0; i < table.size && table.day(i) <= asOf; i++) if (table.purchase(i)) days.push(table.day(i));
    if (days.length === 0) continue;
    out.push([history.client, days]);
  }
  out.sort((p, q) => compareNames(p[0], q[0]));
  return out;
}

/**
 * Fits BG/NBD to all the clients (frequency = purchase days − 1, recency and age in weeks, age
 * counted to the as-of day) and gives each its P(alive). `clients`: name and distinct purchase
 * days ≤ asOf, ascending, at least one day each.
 */
export function assessAlive(clients: Iterable<readonly [string, readonly number[]]>, asOf: number): AliveAssessment {
  const list: AliveClient[] = [];
  for (const [client, days] of clients) list.push({ client, customer: toBgNbdCustomer(days, asOf), pAlive: null });
  const byClient = new Map(list.map((c) => [c.client, c]));
  const result: AliveAssessment = { asOf, fit: null, clients: list, byClient, problem: null };
  const repeat = list.filter((c) => c.customer.frequency > 0).length;
  if (list.length < MIN_CLIENTS_FOR_BGNBD || repeat === 0) {
    result.problem = {
      code: 'bgnbd-not-fitted',
      severity: 'note',
      value: list.length < MIN_CLIENTS_FOR_BGNBD ? 'too-few-clients' : 'no-repeat-purchases',
      details: { clients: list.length, repeat, needed: MIN_CLIENTS_FOR_BGNBD },
    };
    return result;
  }
  const fit = fitBgNbd(list.map((c) => c.customer));
  if (!Number.isFinite(fit.logLikelihood) || !Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)) {
    result.problem = { code: 'bgnbd-not-fitted', severity: 'warning', value: 'no-fit', details: { clients: list.length, repeat, needed: MIN_CLIENTS_FOR_BGNBD } };
    return result;
  }
  // Not converged is usually a likelihood that keeps rising towards a boundary (a, b → ∞: every
  // client drops out at the same rate). That limit is not an estimate: no P(alive) comes from it
  // (in any command), a note says so, and the status rules of SPEC §6 judge the clients.
  result.fit = fit;
  if (!fit.converged) {
    result.problem = { code: 'bgnbd-not-fitted', severity: 'note', value: 'no-convergence', details: { clients: list.length, repeat, needed: MIN_CLIENTS_FOR_BGNBD } };
    return result;
  }
  for (const c of list) c.pAlive = probabilityAlive(fit.params, c.customer);
  return result;
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
  return aliveTableOf(assessAlive(purchaseDaysByClient(ledger, asOf), asOf), horizonWeeks);
}

/** The per-client figures of a fit made already (e.g. the calibration fit of a holdout check). */
export function aliveTableOf(alive: AliveAssessment, horizonWeeks: number): AliveTable {
  const rows: AliveRow[] = alive.clients.map((c) => ({ client: c.client, customer: c.customer, pAlive: c.pAlive, expected: expectedPurchaseDays(alive, c, horizonWeeks) }));
  if (purchaseModelSound(alive)) rows.sort((p, q) => roundForTies(q.expected ?? 0) - roundForTies(p.expected ?? 0) || compareNames(p.client, q.client));
  else rows.sort((p, q) => q.customer.frequency - p.customer.frequency || q.customer.recency - p.customer.recency || compareNames(p.client, q.client));
  return { asOf: alive.asOf, horizonWeeks, alive, rows };
}
