// SPEC §6: churn per period, overall and per direction, from the lapses of core/lost.ts.
import { periodEnd, periodLabel, periodOf, periodStart, type PeriodKind } from './periods.js';
import { compareDirections } from './order.js';
import { countStatuses, type ClientLapses, type StatusCounts } from './lost.js';


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
  /** Lost clients at the end of the period: the running sum of became lost − came back. */
  lostAtEnd: number;
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
    periods.push({ period: periodLabel(kind, p), start, end, partial: start < firstDay || end > asOf, becameLost: 0, lostRevenue: 0, cameBack: 0, stillLost: 0, lostAtEnd: 0 });
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
  let lost = 0;
  for (const row of periods) row.lostAtEnd = lost += row.becameLost - row.cameBack;
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
  const keys = [...groups.keys()].sort(compareDirections);
  return keys.map((direction) => {
    const members = groups.get(direction)!;
    return { direction, clients: members.length, counts: countStatuses(members), churn: churnByPeriod(members, kind, firstDay, asOf) };
  });
}

/** The most direction columns a churn grid shows, the "other" column included. */
export const CHURN_GRID_MAX = 8;

/** One period of the grid's "other" column: the sums over the values it holds. */
export interface OtherChurnPeriod {
  becameLost: number;
  cameBack: number;
}

/**
 * The churn grid by direction (periods × values): every value when they are at most
 * CHURN_GRID_MAX; otherwise the CHURN_GRID_MAX − 1 values with the most lapses and comebacks
 * (ties: more clients, then by name), in name order, and one "other" column summing the rest,
 * with how many values it holds. Nothing is dropped: each period's row adds up to the overall.
 */
export interface ChurnGrid {
  directions: DirectionChurn[];
  /** Indexes into `directions`, least churn first: the order a narrow view leaves them out in. */
  leastFirst: number[];
  other: { values: number; periods: OtherChurnPeriod[] } | null;
}

export function churnGrid(byDirection: readonly DirectionChurn[], max = CHURN_GRID_MAX): ChurnGrid {
  const events = (d: DirectionChurn): number => d.churn.totals.becameLost + d.churn.totals.cameBack;
  const byChurn = (p: DirectionChurn, q: DirectionChurn): number => events(q) - events(p) || q.clients - p.clients || compareDirections(p.direction, q.direction);
  const leastFirst = (shown: DirectionChurn[]): number[] => [...shown].sort(byChurn).reverse().map((d) => shown.indexOf(d));
  if (byDirection.length <= max) return { directions: [...byDirection], leastFirst: leastFirst([...byDirection]), other: null };
  const ranked = [...byDirection].sort(byChurn);
  const top = new Set(ranked.slice(0, max - 1));
  const rest = ranked.slice(max - 1);
  const periods = byDirection[0]!.churn.periods.map((_, i) => {
    let becameLost = 0;
    let cameBack = 0;
    for (const d of rest) {
      becameLost += d.churn.periods[i]!.becameLost;
      cameBack += d.churn.periods[i]!.cameBack;
    }
    return { becameLost, cameBack };
  });
  const directions = byDirection.filter((d) => top.has(d));
  return { directions, leastFirst: leastFirst(directions), other: { values: rest.length, periods } };
}
