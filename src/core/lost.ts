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
import { roundForTies } from './order.js';
import type { Problem } from './problems.js';
import { aliveNotAssessed, assessAlive, type AliveAssessment } from './alive.js';
import { purchaseDaysOf as modelPurchaseDays, type PurchaseDays } from './purchase-days.js';
import type { SpendFitting } from './spend.js';

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
  return recencyOf(days[0]!, days[days.length - 1]!, days.length, usualIntervalOf(days), asOf, rules);
}

/** A client's recency from the few numbers it is made of (assessRecency's rules, for a client whose days are gone). */
function recencyOf(first: number, last: number, purchaseDays: number, usualInterval: number | null, asOf: number, rules: RecencyRules): Recency {
  const recencyDays = asOf - last;
  const { lost, risk } = thresholdsOf(usualInterval, purchaseDays, rules);
  const status: ClientStatus = recencyDays > lost ? 'lost' : recencyDays > risk ? 'at-risk' : 'active';
  return {
    firstPurchase: first,
    lastPurchase: last,
    purchaseDays,
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

/**
 * Every judged client's figures in columns indexed by its client number: the clients, their
 * numbers, purchase day counts and first and last purchase days are those of the purchase models'
 * store (purchase-days.ts, the same clients in the same name order); the lost rules add the usual
 * interval and the revenue over 12 months. Why columns: an object per client with its Recency
 * object, its boxed doubles and a Map entry took ~270 B a client; these take ~16 B more than the
 * store, and a million clients must fit in memory (issue 18). Everything else a reader sees
 * (recency days, thresholds, status, direction, lapses) follows from them.
 */
class JudgedColumns {
  /** The usual interval; NaN for none (a single purchase day). */
  readonly usualInterval: Float64Array;
  readonly revenue12m: Float64Array;
  // (#private: the ledger is not the assessment's data, so neither compared nor written out with it.)
  readonly #ledger: Ledger;

  constructor(
    readonly purchases: PurchaseDays,
    ledger: Ledger,
    readonly rules: RecencyRules,
  ) {
    this.#ledger = ledger;
    this.usualInterval = new Float64Array(purchases.size);
    this.revenue12m = new Float64Array(purchases.size);
  }

  get asOf(): number {
    return this.purchases.asOf;
  }

  get size(): number {
    return this.purchases.size;
  }

  /** Client i's figures; `days`: its purchase days up to the as-of day, ascending (those the store counted). */
  set(i: number, days: readonly number[], revenue12m: number): void {
    this.usualInterval[i] = usualIntervalOf(days) ?? Number.NaN;
    this.revenue12m[i] = revenue12m;
  }

  /** The client's number, or -1 when it was not judged (no purchase day up to the as-of day). */
  indexOf(client: string): number {
    return this.purchases.numberOf(client);
  }

  name(i: number): string {
    return this.purchases.client(i);
  }

  recency(i: number): Recency {
    const usual = this.usualInterval[i]!;
    const p = this.purchases;
    return recencyOf(p.firstDay(i), p.lastDay(i), p.count(i), Number.isNaN(usual) ? null : usual, this.asOf, this.rules);
  }

  history(i: number): ClientHistory {
    return this.#ledger.clients.get(this.name(i))!;
  }
}

/** A judged client as readers see it: a view of its row of the columns, made on read. */
class JudgedClient implements ClientLapses {
  // (#private: not the client's data, so neither compared nor written out with it.)
  readonly #of: JudgedColumns;
  readonly #i: number;

  constructor(of: JudgedColumns, i: number) {
    this.#of = of;
    this.#i = i;
  }

  get client(): string {
    return this.#of.name(this.#i);
  }

  get recency(): Recency {
    return this.#of.recency(this.#i);
  }

  get revenue12m(): number {
    return this.#of.revenue12m[this.#i]!;
  }

  get direction(): string | null {
    return directionOf(this.#of.history(this.#i));
  }

  get lapses(): Lapse[] {
    return lapsesFrom(this.#of.history(this.#i).days, this.#of.asOf, this.#of.rules);
  }

  /** Plain data for JSON.stringify, lapses included (a getter is not an own property). */
  toJSON(): ClientLapses {
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

/** A client's distinct purchase days up to `asOf`, ascending, from its day table (in day order). */
function purchaseDaysOf(days: ClientHistory['days'], asOf: number): number[] {
  const purchaseDays: number[] = [];
  for (let i = 0; i < days.size; i++) {
    const day = days.day(i);
    if (day > asOf) break;
    if (days.purchase(i)) purchaseDays.push(day);
  }
  return purchaseDays;
}

/**
 * A client's net revenue over the 12 months up to `last` (a day up to the as-of day):
 * `sumOfFirst(n)` is the net amount of its first n days summed in day order, so every figure keeps
 * the same bits however it is summed.
 */
function revenue12mBy(days: ClientHistory['days'], last: number, sumOfFirst: (n: number) => number): number {
  return sumOfFirst(days.countThrough(last)) - sumOfFirst(days.countThrough(twelveMonthsStart(last) - 1));
}

/** The net amount of a client's first n days, summed in day order (for one figure: no prefix array). */
function sumOfFirstDays(days: ClientHistory['days'], n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += days.amount(i);
  return sum;
}

/** A client's lapses as of `asOf` (lapsesOf), from its day table. */
function lapsesFrom(days: ClientHistory['days'], asOf: number, rules: RecencyRules): Lapse[] {
  const purchaseDays = purchaseDaysOf(days, asOf);
  // Prefix sums of the net amount per day (up to the as-of day), for the revenue before each lapse.
  const through = days.countThrough(asOf);
  const prefix = new Float64Array(through + 1);
  for (let i = 0; i < through; i++) prefix[i + 1] = prefix[i]! + days.amount(i);
  return lapsesOf(purchaseDays, asOf, rules, (last) => revenue12mBy(days, last, (n) => prefix[n]!));
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
  /**
   * Every client with a purchase day up to the as-of day, by name (code-unit order). Made from
   * the columns on each read (nothing per client is kept as objects): read it once.
   */
  readonly clients: ClientLapses[];
  /** One client by name; undefined for a client with no purchase day up to the as-of day. */
  client(name: string): ClientLapses | undefined;
  counts: StatusCounts;
  alive: AliveAssessment;
  notes: Problem[];
}

export function countStatuses(clients: readonly { recency: Recency; revenue12m: number }[]): StatusCounts {
  return countStatusesOf(clients.length, (i) => clients[i]!.recency.status, (i) => clients[i]!.revenue12m);
}

/** The counts of `size` clients, in order (the revenue sums keep that order), by their status and revenue over 12 months. */
function countStatusesOf(size: number, statusAt: (i: number) => ClientStatus, revenue12mAt: (i: number) => number): StatusCounts {
  const counts: StatusCounts = { clients: size, active: 0, atRisk: 0, lost: 0, revenueAtStake: 0, lostRevenue: 0, atRiskRevenue: 0 };
  for (let i = 0; i < size; i++) {
    const status = statusAt(i);
    if (status === 'active') counts.active++;
    else if (status === 'at-risk') {
      counts.atRisk++;
      counts.atRiskRevenue += revenue12mAt(i);
    } else {
      counts.lost++;
      counts.lostRevenue += revenue12mAt(i);
    }
  }
  counts.revenueAtStake = counts.lostRevenue + counts.atRiskRevenue;
  return counts;
}

/**
 * Status, lapses and P(alive) of every client in the ledger, as of `asOf`. `alive: false` skips
 * the BG/NBD fit (every P(alive) null, no note): for runs that show no P(alive), like class history.
 */
export function assessLost(ledger: Ledger, asOf: number, rules: RecencyRules, options: { alive?: boolean; spend?: SpendFitting | undefined } = {}): LostAssessment {
  const own: RecencyRules = { lostAfter: rules.lostAfter, lostFactor: rules.lostFactor, riskFactor: rules.riskFactor };
  // The clients with a purchase day up to the as-of day, numbered in name order, with their counts
  // and first and last purchase days: one store for these rules and for BG/NBD's.
  const purchases = modelPurchaseDays(ledger, asOf);
  // The spend model's fit may start elsewhere now, beside the rest of the analysis.
  options.spend?.start(purchases);
  const judged = new JudgedColumns(purchases, ledger, own);
  // Each client's purchase days are judged one client at a time, then let go: kept for every
  // client, they were the biggest transient of the assessment.
  for (const history of ledger.clients.values()) {
    const i = purchases.numberOf(history.client);
    if (i < 0) continue;
    const purchaseDays = purchaseDaysOf(history.days, asOf);
    judged.set(i, purchaseDays, revenue12mBy(history.days, purchaseDays[purchaseDays.length - 1]!, (n) => sumOfFirstDays(history.days, n)));
  }
  const alive: AliveAssessment = options.alive === false ? aliveNotAssessed(asOf) : assessAlive(purchases);
  return new Assessment(judged, alive);
}

/** The assessment: its columns, and each client made from them on read (JudgedClient). */
class Assessment implements LostAssessment {
  readonly asOf: number;
  readonly rules: RecencyRules;
  readonly counts: StatusCounts;
  readonly notes: Problem[];

  constructor(
    readonly judged: JudgedColumns,
    readonly alive: AliveAssessment,
  ) {
    this.asOf = judged.asOf;
    this.rules = judged.rules;
    this.counts = countStatusesOf(judged.size, (i) => judged.recency(i).status, (i) => judged.revenue12m[i]!);
    this.notes = alive.problem === null ? [] : [alive.problem];
  }

  get clients(): ClientLapses[] {
    return Array.from({ length: this.judged.size }, (_, i) => new JudgedClient(this.judged, i));
  }

  client(name: string): ClientLapses | undefined {
    const i = this.judged.indexOf(name);
    return i < 0 ? undefined : new JudgedClient(this.judged, i);
  }
}
