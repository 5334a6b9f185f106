// SPEC §6: lost and at-risk clients — the one home of these rules. A client's status is its
// silence against its own rhythm (with floors) capped by the absolute rule; then its lapses
// (silences longer than its lost threshold, closed when it came back or still open) and the
// revenue at stake. Churn per period (churn.ts) and the win-back list (win-back.ts) read them.
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
import { median } from 'simple-statistics';
import { daysFromCivil, daysInMonth, ymdFromDay } from './calendar.js';
import type { ClientHistory, Ledger } from './ledger.js';
import { compareNames, roundForTies } from './order.js';
import type { Problem } from './problems.js';
import { assessAlive, type AliveAssessment } from './alive.js';

export type ClientStatus = 'active' | 'at-risk' | 'lost';

export interface RecencyRules {
  lostAfter: number;
  lostFactor: number;
  riskFactor: number;
}

export interface Recency {
  firstPurchase: number;
  lastPurchase: number;
  purchaseDays: number;
  recencyDays: number;
  /** Median gap between consecutive purchase days; null with a single purchase day. */
  usualInterval: number | null;
  /** Days of silence after which this client counts as lost / at risk. */
  lostThreshold: number;
  riskThreshold: number;
  status: ClientStatus;
}

/** Below this many purchase days a client's rhythm is not trusted: the absolute rule alone judges it. */
export const MIN_PURCHASE_DAYS_FOR_RHYTHM = 3;
/** Fewest days of silence before a client with a rhythm counts as lost / at risk (SPEC §6). */
export const LOST_FLOOR_DAYS = 30;
export const RISK_FLOOR_DAYS = 15;

export function usualIntervalOf(days: readonly number[]): number | null {
  if (days.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i]! - days[i - 1]!);
  return median(gaps);
}

/** Thresholds in days: the client's own rhythm (with floors) capped by the absolute rule. */
export function thresholdsOf(usualInterval: number | null, purchaseDays: number, rules: RecencyRules): { lost: number; risk: number } {
  const absoluteLost = rules.lostAfter;
  const absoluteRisk = rules.lostAfter / 2;
  if (purchaseDays < MIN_PURCHASE_DAYS_FOR_RHYTHM || usualInterval === null) return { lost: absoluteLost, risk: absoluteRisk };
  return {
    lost: Math.min(absoluteLost, Math.max(LOST_FLOOR_DAYS, rules.lostFactor * usualInterval)),
    risk: Math.min(absoluteRisk, Math.max(RISK_FLOOR_DAYS, rules.riskFactor * usualInterval)),
  };
}

/** `days`: the client's distinct purchase days up to the as-of day, ascending; at least one. */
export function assessRecency(days: readonly number[], asOf: number, rules: RecencyRules): Recency {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const recencyDays = asOf - last;
  const usualInterval = usualIntervalOf(days);
  const { lost, risk } = thresholdsOf(usualInterval, days.length, rules);
  const status: ClientStatus = recencyDays > lost ? 'lost' : recencyDays > risk ? 'at-risk' : 'active';
  return {
    firstPurchase: first,
    lastPurchase: last,
    purchaseDays: days.length,
    recencyDays,
    usualInterval,
    lostThreshold: lost,
    riskThreshold: risk,
    status,
  };
}

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
  readonly client: string;
  readonly recency: Recency;
  /** Net revenue over the 12 months up to the last purchase day. */
  readonly revenue12m: number;
  readonly direction: string | null;
  /** Worked out from the client's days on each read (churn reads them; most runs never do), not kept. */
  readonly lapses: Lapse[];
}

/** What a client's lapses are judged by, shared by every client of one assessment. */
interface LapseRules {
  asOf: number;
  rules: RecencyRules;
}

/** A judged client: its status and revenue kept, its lapses made from its day table when read. */
class JudgedClient implements ClientLapses {
  // (#private: not the client's data, so neither compared nor written out with it.)
  readonly #days: ClientHistory['days'];
  readonly #judged: LapseRules;

  constructor(
    readonly client: string,
    readonly recency: Recency,
    readonly revenue12m: number,
    readonly direction: string | null,
    days: ClientHistory['days'],
    judged: LapseRules,
  ) {
    this.#days = days;
    this.#judged = judged;
  }

  get lapses(): Lapse[] {
    return clientRevenue(this.#days, this.#judged.asOf).lapses(this.#judged.rules);
  }

  /** Plain data for JSON.stringify, lapses included (a getter is not an own property). */
  toJSON(): Omit<ClientLapses, 'lapses'> & { lapses: Lapse[] } {
    return { client: this.client, recency: this.recency, revenue12m: this.revenue12m, direction: this.direction, lapses: this.lapses };
  }
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
  const minLost = Math.min(rules.lostAfter, LOST_FLOOR_DAYS);
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
    const a = roundForTies(amount);
    if (a > bestAmount || (a === bestAmount && best !== null && value < best)) {
      best = value;
      bestAmount = a;
    }
  }
  return best;
}

/**
 * A client's purchase days up to `asOf` (ascending) and its net revenue over any 12 months, from
 * its day table (in day order: the first `through` days are those up to the as-of day).
 */
function clientRevenue(days: ClientHistory['days'], asOf: number): { purchaseDays: number[]; revenue12m: (last: number) => number; lapses: (rules: RecencyRules) => Lapse[] } {
  const purchaseDays: number[] = [];
  let through = 0;
  for (; through < days.size; through++) {
    const day = days.day(through);
    if (day > asOf) break;
    if (days.purchase(through)) purchaseDays.push(day);
  }
  // Prefix sums of the net amount per day, for revenue over any run of days.
  const prefix = new Float64Array(through + 1);
  for (let i = 0; i < through; i++) prefix[i + 1] = prefix[i]! + days.amount(i);
  const revenueThrough = (day: number): number => prefix[Math.min(days.countThrough(day), through)]!;
  const revenue12m = (last: number): number => revenueThrough(last) - revenueThrough(twelveMonthsStart(last) - 1);
  return { purchaseDays, revenue12m, lapses: (rules) => lapsesOf(purchaseDays, asOf, rules, revenue12m) };
}

/** One client's status as of `asOf`, with the distinct purchase days (ascending) it was judged on; undefined when it has no purchase day up to then. */
function judgeClient(history: ClientHistory, judged: LapseRules): { client: ClientLapses; purchaseDays: number[] } | undefined {
  const { purchaseDays, revenue12m } = clientRevenue(history.days, judged.asOf);
  if (purchaseDays.length === 0) return undefined;
  const recency = assessRecency(purchaseDays, judged.asOf, judged.rules);
  return { client: new JudgedClient(history.client, recency, revenue12m(recency.lastPurchase), directionOf(history), history.days, judged), purchaseDays };
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

/**
 * Status, lapses and P(alive) of every client in the ledger, as of `asOf`. `alive: false` skips
 * the BG/NBD fit (every P(alive) null, no note): for runs that show no P(alive), like class history.
 */
export function assessLost(ledger: Ledger, asOf: number, rules: RecencyRules, options: { alive?: boolean } = {}): LostAssessment {
  // The purchase days feed BG/NBD and are then let go: kept per client, they were the biggest
  // part of the assessment.
  const judged: { client: ClientLapses; purchaseDays: number[] }[] = [];
  const by: LapseRules = { asOf, rules: { lostAfter: rules.lostAfter, lostFactor: rules.lostFactor, riskFactor: rules.riskFactor } };
  for (const history of ledger.clients.values()) {
    const c = judgeClient(history, by);
    if (c !== undefined) judged.push(c);
  }
  judged.sort((p, q) => compareNames(p.client.client, q.client.client));
  const alive: AliveAssessment =
    options.alive === false
      ? { asOf, fit: null, clients: [], byClient: new Map(), problem: null }
      : assessAlive(
          judged.map((c) => [c.client.client, c.purchaseDays] as const),
          asOf,
        );
  const clients = judged.map((c) => c.client);
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
