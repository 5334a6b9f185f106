// SPEC §6, holdout check: both models fitted on the purchase days up to a calibration end date and
// judged on the days after it, up to the end (the as-of date): per calibration frequency 0…6 and
// 7+, the clients, their mean actual repeat purchase days in the holdout and the mean the model
// expected; totals; the cumulative actual and expected week by week; per-client error.
import { assessAlive, type AliveAssessment } from './alive.js';
import { expectedPurchases, type BgNbdCustomer } from './bgnbd.js';
import type { Ledger } from './ledger.js';
import { purchaseDaysOf } from './purchase-days.js';
import { assessSpend, type SpendAssessment } from './spend.js';

/** Calibration frequencies shown one by one; the last group holds this many and more. */
export const HOLDOUT_TOP_FREQUENCY = 7;

export interface HoldoutClient {
  client: string;
  /** Repeat purchase days in the calibration period. */
  frequency: number;
  /** Purchase days in the holdout period (all repeat purchases: every client bought before it). */
  actual: number;
  /** Expected purchase days in the holdout; null without a fit. */
  predicted: number | null;
}

export interface HoldoutGroup {
  /** '0' … '6', '7+'. */
  frequency: string;
  clients: number;
  /** Mean actual purchase days in the holdout; null for an empty group. */
  actual: number | null;
  /** Mean expected purchase days; null for an empty group or without a fit. */
  predicted: number | null;
}

export interface HoldoutWeek {
  /** 1, 2, …: the week of the holdout that ends `week` × 7 days after the calibration end (the last may be short). */
  week: number;
  actualCumulative: number;
  /** null without a fit. */
  predictedCumulative: number | null;
}

export interface HoldoutCheck {
  calibrationEnd: number;
  end: number;
  /** Length of the holdout in weeks (days / 7). */
  weeks: number;
  /** BG/NBD fitted on the calibration period. */
  alive: AliveAssessment;
  /** Gamma-Gamma fitted on the calibration period. */
  spend: SpendAssessment;
  clients: HoldoutClient[];
  byFrequency: HoldoutGroup[];
  /** Sums over every client. */
  total: { clients: number; actual: number; predicted: number | null };
  weekly: HoldoutWeek[];
  /** Per-client mean absolute error and Pearson correlation of actual and expected; null without a fit (correlation: or without spread). */
  error: { mae: number | null; correlation: number | null };
  /** Clients whose first purchase day falls in the holdout: the models know nothing of them, so they are not judged. */
  newClients: number;
}

function groupLabel(frequency: number): string {
  return frequency >= HOLDOUT_TOP_FREQUENCY ? `${HOLDOUT_TOP_FREQUENCY}+` : String(frequency);
}

/** Pearson correlation; null when either side has no spread. */
function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * The holdout check on a ledger: clients with a purchase day on or before `calibrationEnd`, both
 * models fitted on those days (age counted to `calibrationEnd`), judged on the purchase days in
 * (calibrationEnd, end]. Throws when the holdout is empty (end ≤ calibrationEnd).
 */
export function holdoutCheck(ledger: Ledger, calibrationEnd: number, end: number): HoldoutCheck {
  if (!(Number.isInteger(calibrationEnd) && Number.isInteger(end) && end > calibrationEnd)) {
    throw new RangeError(`holdoutCheck: the end (${end}) must be a day after the calibration end (${calibrationEnd})`);
  }
  // Both models see the purchase days up to the calibration end; the holdout's purchase days of
  // those clients are counted per client and per day, in one pass.
  const purchases = purchaseDaysOf(ledger, calibrationEnd);
  const alive = assessAlive(purchases);
  const spend = assessSpend(purchases);
  const lengthDays = end - calibrationEnd;
  const weeks = lengthDays / 7;
  const params = alive.fit?.params;
  const actual = new Int32Array(purchases.size);
  /** Purchase days of the calibration's clients on each day of the holdout (index: days after the calibration end). */
  const onDay = new Int32Array(lengthDays + 1);
  let newClients = 0;
  for (const history of ledger.clients.values()) {
    const i = purchases.numberOf(history.client);
    const table = history.days;
    let later = 0;
    for (let k = 0; k < table.size && table.day(k) <= end; k++) {
      const day = table.day(k);
      if (day <= calibrationEnd || !table.purchase(k)) continue;
      later++;
      if (i >= 0) onDay[day - calibrationEnd]!++;
    }
    if (i >= 0) actual[i] = later;
    else if (later > 0) newClients++;
  }

  const clients: HoldoutClient[] = Array.from({ length: purchases.size }, (_, i) => ({
    client: purchases.client(i),
    frequency: purchases.frequency(i),
    actual: actual[i] as number,
    predicted: params === undefined ? null : expectedPurchases(params, purchases.customer(i), weeks),
  }));

  const groups: { clients: number; actual: number; predicted: number }[] = Array.from({ length: HOLDOUT_TOP_FREQUENCY + 1 }, () => ({ clients: 0, actual: 0, predicted: 0 }));
  let totalActual = 0;
  let totalPredicted = 0;
  let absError = 0;
  for (const c of clients) {
    const g = groups[Math.min(c.frequency, HOLDOUT_TOP_FREQUENCY)] as { clients: number; actual: number; predicted: number };
    g.clients++;
    g.actual += c.actual;
    g.predicted += c.predicted ?? 0;
    totalActual += c.actual;
    totalPredicted += c.predicted ?? 0;
    absError += Math.abs(c.actual - (c.predicted ?? 0));
  }
  const fitted = params !== undefined;
  const byFrequency: HoldoutGroup[] = groups.map((g, i) => ({
    frequency: groupLabel(i),
    clients: g.clients,
    actual: g.clients === 0 ? null : g.actual / g.clients,
    predicted: g.clients === 0 || !fitted ? null : g.predicted / g.clients,
  }));

  // Week by week: purchase days up to the end of each week, and the expectation to then.
  const weekly: HoldoutWeek[] = [];
  const steps = Math.ceil(weeks);
  // Clients with the same (x, t_x, T) expect the same: each distinct one is evaluated once a week.
  const distinct = new Map<string, { customer: BgNbdCustomer; count: number }>();
  for (let i = 0; i < purchases.size; i++) {
    const customer = purchases.customer(i);
    const key = `${customer.frequency}|${customer.recency}|${customer.age}`;
    const hit = distinct.get(key);
    if (hit) hit.count++;
    else distinct.set(key, { customer, count: 1 });
  }
  const triples = [...distinct.values()];
  let seen = 0;
  let counted = 0;
  for (let w = 1; w <= steps; w++) {
    const through = Math.min(7 * w, lengthDays);
    while (counted < through) seen += onDay[++counted] as number;
    let predicted: number | null = null;
    if (params !== undefined) {
      predicted = 0;
      const t = through / 7;
      for (const { customer, count } of triples) predicted += count * expectedPurchases(params, customer, t);
    }
    weekly.push({ week: w, actualCumulative: seen, predictedCumulative: predicted });
  }

  return {
    calibrationEnd,
    end,
    weeks,
    alive,
    spend,
    clients,
    byFrequency,
    total: { clients: clients.length, actual: totalActual, predicted: fitted ? totalPredicted : null },
    weekly,
    error: {
      mae: fitted && clients.length > 0 ? absError / clients.length : null,
      correlation: fitted ? correlation(clients.map((c) => c.actual), clients.map((c) => c.predicted as number)) : null,
    },
    newClients,
  };
}
