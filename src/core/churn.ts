// SPEC §6: lost clients over time. For every client: its status now, its lapses (silences longer
// than its lost threshold, closed when it came back or still open) and the revenue at stake; then
// churn per period, overall and per direction.
//
// Choices where the SPEC is silent (README, "kam lost"):
// - A lapse's threshold comes from the rhythm *before* the silence: the purchase days up to the
//   last purchase before it, judged by the same rules as the status now (thresholdsOf). So the
//   open lapse at the end exists exactly when the client's status now is lost.
// - A client "becomes lost" on the first day its recency exceeds the threshold:
//   last purchase + ⌊threshold⌋ + 1. A client silent exactly `threshold` days is not lost yet
//   (status uses "recency exceeds"), so the day and the status never disagree.
// - "Revenue over the 12 months before the last purchase": net amount (returns included) on the
//   days after the same calendar day a year earlier, up to and including the last purchase day.
// - A client's direction is the value with the largest net amount over all its lines; ties go
//   to the value that sorts first. Clients with no direction value form the group null.
import { daysFromCivil, daysInMonth, ymdFromDay } from './calendar.js';
import type { ClientHistory, Ledger } from './ledger.js';
import { periodEnd, periodLabel, periodOf, periodStart, type PeriodKind } from './periods.js';
import type { Problem } from './problems.js';
import { assessRecency, thresholdsOf, type ClientStatus, type Recency, type RecencyRules } from './recency.js';
import { assessAlive, type AliveAssessment } from './alive.js';

export interface Lapse {
  /** The last purchase day before the silence. */
  lastPurchase: number;
  /** Lost threshold in days, from the rhythm up to lastPurchase. */
  threshold: number;
  /** First day on which the silence exceeds the threshold. */
  lostDay: number;
  /** The purchase day that ended the silence; null while the client is still lost. */
  cameBack: number | null;
  /** Net revenue over the 12 months up to lastPurchase. */
  revenue12m: number;
}

export interface ClientLapses {
  client: string;
  recency: Recency;
  /** Net revenue over the 12 months up to the last purchase day. */
  revenue12m: number;
  direction: string | null;
  lapses: Lapse[];
}

/** The first day that is still inside the 12 months before `day`: the same calendar day a year earlier, plus one. */
export function twelveMonthsStart(day: number): number {
  const { y, m, d } = ymdFromDay(day);
  return daysFromCivil(y - 1, m, Math.min(d, daysInMonth(y - 1, m))) + 1;
}

/** The first day on which a silence after `lastPurchase` exceeds `threshold` days. */
export function lostDayOf(lastPurchase: number, threshold: number): number {
  return lastPurchase + Math.floor(threshold) + 1;
}

/**
 * The lapses of one client. `days`: distinct purchase days ≤ asOf, ascending, at least one.
 * `revenue12m(last)`: the client's net revenue over the 12 months up to `last`.
 */
export function lapsesOf(days: readonly number[], asOf: number, rules: RecencyRules, revenue12m: (last: number) => number): Lapse[] {
  const lapses: Lapse[] = [];
  // The smallest threshold any rhythm can give: below it no gap needs the median.
  const minLost = Math.min(rules.lostAfter, 30);
  const gaps: number[] = []; // sorted gaps between the purchase days seen so far
  for (let i = 0; i < days.length; i++) {
    const last = days[i]!;
    const next = i + 1 < days.length ? days[i + 1]! : undefined;
    const silence = (next ?? asOf) - last;
    if (silence > minLost) {
      const { lost } = thresholdsOf(medianOfSorted(gaps), i + 1, rules);
      if (silence > lost) {
        lapses.push({ lastPurchase: last, threshold: lost, lostDay: lostDayOf(last, lost), cameBack: next ?? null, revenue12m: revenue12m(last) });
      }
    }
    if (next !== undefined) insertSorted(gaps, next - last);
  }
  return lapses;
}

function medianOfSorted(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function insertSorted(sorted: number[], value: number): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! <= value) lo = m + 1;
    else hi = m;
  }
  sorted.splice(lo, 0, value);
}

/** The direction value with the largest net amount; ties to the value that sorts first. */
export function directionOf(history: Pick<ClientHistory, 'directions'>): string | null {
  let best: string | null = null;
  let bestAmount = Number.NEGATIVE_INFINITY;
  for (const [value, amount] of history.directions) {
    const a = Math.round(amount * 1e6) / 1e6;
    if (a > bestAmount || (a === bestAmount && best !== null && value < best)) {
      best = value;
      bestAmount = a;
    }
  }
  return best;
}

/** One client's lapses and status as of `asOf`; undefined when it has no purchase day up to then. */
export function clientLapses(history: ClientHistory, asOf: number, rules: RecencyRules): ClientLapses | undefined {
  return lapsesAndDays(history, asOf, rules)?.lapses;
}

/** clientLapses, with the distinct purchase days (ascending) it was judged on. */
function lapsesAndDays(history: ClientHistory, asOf: number, rules: RecencyRules): { lapses: ClientLapses; purchaseDays: number[] } | undefined {
  const purchaseDays: number[] = [];
  // Day tables are in day order: the first `through` days are those up to the as-of day.
  const days = history.days;
  let through = 0;
  for (; through < days.size; through++) {
    const day = days.day(through);
    if (day > asOf) break;
    if (days.purchase(through)) purchaseDays.push(day);
  }
  if (purchaseDays.length === 0) return undefined;
  // Prefix sums of the net amount per day, for revenue over any run of days.
  const prefix = new Float64Array(through + 1);
  for (let i = 0; i < through; i++) prefix[i + 1] = prefix[i]! + days.amount(i);
  const revenueThrough = (day: number): number => prefix[Math.min(days.countThrough(day), through)]!;
  const revenue12m = (last: number): number => revenueThrough(last) - revenueThrough(twelveMonthsStart(last) - 1);
  const recency = assessRecency(purchaseDays, asOf, rules);
  const lapses: ClientLapses = {
    client: history.client,
    recency,
    revenue12m: revenue12m(recency.lastPurchase),
    direction: directionOf(history),
    lapses: lapsesOf(purchaseDays, asOf, rules, revenue12m),
  };
  return { lapses, purchaseDays };
}

export interface StatusCounts {
  /** Clients with at least one purchase day up to the as-of day. */
  clients: number;
  active: number;
  atRisk: number;
  lost: number;
  /** Revenue over the 12 months before the last purchase of the lost and at-risk clients. */
  revenueAtStake: number;
  lostRevenue: number;
  atRiskRevenue: number;
}

export interface LostAssessment {
  asOf: number;
  rules: RecencyRules;
  /** Every client with a purchase day up to the as-of day, by name (code-unit order). */
  clients: ClientLapses[];
  byClient: Map<string, ClientLapses>;
  counts: StatusCounts;
  alive: AliveAssessment;
  notes: Problem[];
}

export function countStatuses(clients: readonly { recency: Recency; revenue12m: number }[]): StatusCounts {
  const counts: StatusCounts = { clients: clients.length, active: 0, atRisk: 0, lost: 0, revenueAtStake: 0, lostRevenue: 0, atRiskRevenue: 0 };
  for (const c of clients) {
    const status: ClientStatus = c.recency.status;
    if (status === 'active') counts.active++;
    else if (status === 'at-risk') {
      counts.atRisk++;
      counts.atRiskRevenue += c.revenue12m;
    } else {
      counts.lost++;
      counts.lostRevenue += c.revenue12m;
    }
  }
  counts.revenueAtStake = counts.lostRevenue + counts.atRiskRevenue;
  return counts;
}

/** Status, lapses and P(alive) of every client in the ledger, as of `asOf`. */
export function assessLost(ledger: Ledger, asOf: number, rules: RecencyRules): LostAssessment {
  // The purchase days feed BG/NBD and are then let go: kept per client, they were the biggest
  // part of the assessment.
  const judged: { lapses: ClientLapses; purchaseDays: number[] }[] = [];
  for (const history of ledger.clients.values()) {
    const c = lapsesAndDays(history, asOf, rules);
    if (c !== undefined) judged.push(c);
  }
  judged.sort((p, q) => (p.lapses.client < q.lapses.client ? -1 : p.lapses.client > q.lapses.client ? 1 : 0));
  const alive = assessAlive(
    judged.map((c) => [c.lapses.client, c.purchaseDays] as const),
    asOf,
  );
  const clients = judged.map((c) => c.lapses);
  return {
    asOf,
    rules: { lostAfter: rules.lostAfter, lostFactor: rules.lostFactor, riskFactor: rules.riskFactor },
    clients,
    byClient: new Map(clients.map((c) => [c.client, c])),
    counts: countStatuses(clients),
    alive,
    notes: alive.problem === null ? [] : [alive.problem],
  };
}

// ---------------------------------------------------------------------------
// Churn per period

export interface ChurnPeriod {
  period: string;
  start: number;
  end: number;
  /** The ledger or the as-of day covers the period only in part. */
  partial: boolean;
  /** Lapses that began in the period (a client lost, back and lost again counts twice). */
  becameLost: number;
  /** Their revenue over the 12 months before their last purchase. */
  lostRevenue: number;
  /** Clients that bought again after a lapse. */
  cameBack: number;
  /** Of those that became lost in the period, how many are still lost as of the as-of day. */
  stillLost: number;
}

export interface ChurnTotals {
  becameLost: number;
  lostRevenue: number;
  cameBack: number;
  stillLost: number;
}

export interface ChurnTable {
  periods: ChurnPeriod[];
  totals: ChurnTotals;
}

export interface DirectionChurn {
  /** null: clients that never bought under a direction value. */
  direction: string | null;
  clients: number;
  counts: StatusCounts;
  churn: ChurnTable;
}

/** Churn per period from the period of `firstDay` to the one holding `asOf`, every period listed. */
export function churnByPeriod(clients: readonly ClientLapses[], kind: PeriodKind, firstDay: number, asOf: number): ChurnTable {
  const first = periodOf(kind, Math.min(firstDay, asOf));
  const last = periodOf(kind, asOf);
  const periods: ChurnPeriod[] = [];
  for (let p = first; p <= last; p++) {
    const start = periodStart(kind, p);
    const end = periodEnd(kind, p);
    periods.push({ period: periodLabel(kind, p), start, end, partial: start < firstDay || end > asOf, becameLost: 0, lostRevenue: 0, cameBack: 0, stillLost: 0 });
  }
  const totals: ChurnTotals = { becameLost: 0, lostRevenue: 0, cameBack: 0, stillLost: 0 };
  for (const c of clients) {
    for (const lapse of c.lapses) {
      if (lapse.lostDay <= asOf) {
        const row = periods[periodOf(kind, lapse.lostDay) - first];
        if (row !== undefined) {
          row.becameLost++;
          row.lostRevenue += lapse.revenue12m;
          totals.becameLost++;
          totals.lostRevenue += lapse.revenue12m;
          if (lapse.cameBack === null) {
            row.stillLost++;
            totals.stillLost++;
          }
        }
      }
      if (lapse.cameBack !== null) {
        const row = periods[periodOf(kind, lapse.cameBack) - first];
        if (row !== undefined) {
          row.cameBack++;
          totals.cameBack++;
        }
      }
    }
  }
  return { periods, totals };
}

/** Churn per direction value, values ordered by name, the group without a value last. */
export function churnByDirection(clients: readonly ClientLapses[], kind: PeriodKind, firstDay: number, asOf: number): DirectionChurn[] {
  const groups = new Map<string | null, ClientLapses[]>();
  for (const c of clients) {
    const list = groups.get(c.direction);
    if (list === undefined) groups.set(c.direction, [c]);
    else list.push(c);
  }
  const keys = [...groups.keys()].sort((p, q) => (p === null ? 1 : q === null ? -1 : p < q ? -1 : p > q ? 1 : 0));
  return keys.map((direction) => {
    const members = groups.get(direction)!;
    return { direction, clients: members.length, counts: countStatuses(members), churn: churnByPeriod(members, kind, firstDay, asOf) };
  });
}
