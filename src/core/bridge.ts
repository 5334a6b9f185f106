// SPEC §11: the revenue bridge. Per period of the window, how net revenue moved from the period
// before: which clients came (new, reactivated), grew or shrank (expansion, contraction) and left
// (churned). Every figure is signed, so each row adds up:
//   revenue_start + new + reactivated + expansion + contraction + churned = revenue_end.
//
// Rules (the SPEC's, with the choices where it is silent; README, "kam bridge"):
// - A client is present in a period when it has at least one line there (any line: a day of
//   returns alone counts). Only lines up to the window's end (never past the as-of day) are seen.
// - new: present now, no line on any day before this period. reactivated: present now, absent in
//   the previous period, with a line before it. Both bring their revenue of this period.
// - expansion / contraction: present in both periods, the rise (positive) or fall (negative) of
//   its revenue; an unchanged revenue is in neither.
// - churned: present in the previous period, absent now: minus its revenue of the previous period.
// - The first row's previous period is the one just before the window, read from the ledger like
//   any other (revenue_start is 0 when the ledger starts with the window).
// - Per direction: a client belongs to the one direction value it bought the most under (as in
//   churn and portfolios: directionOf), with its whole revenue; so the rows of the directions add
//   up to the overall row. Clients with no direction value form the group null, listed last.
//
// Sums are exact (units and millionths, see exact-sum.ts) until the figures are made: no row is
// off by a rounding, and revenue_end of one row is revenue_start of the next.
import { directionOf } from './lost.js';
import { compareDirections } from './order.js';
import { addPair, exactValue, exactZero, signOfExact } from './exact-sum.js';
import { requireFinished, type ExactPair, type Ledger } from './ledger.js';
import { periodEnd, periodIndexer, periodLabel, periodStart } from './periods.js';
import type { AnalysisWindow } from './window.js';

/** One period's movement; money in the ledger's units, signed. */
export interface BridgeRow {
  period: string;
  /** First and last day of the period seen (the last never past the as-of day). */
  start: number;
  end: number;
  revenueStart: number;
  new: number;
  reactivated: number;
  expansion: number;
  contraction: number;
  churned: number;
  revenueEnd: number;
  clientsNew: number;
  clientsReactivated: number;
  clientsChurned: number;
}

export interface BridgeGroup {
  /** null: clients that never bought under a direction value. */
  direction: string | null;
  /** Clients of the group present in any period of the window or the one before it. */
  clients: number;
  rows: BridgeRow[];
}

export interface RevenueBridge {
  window: AnalysisWindow;
  overall: BridgeRow[];
  /** Per direction value, ordered by name, the group without a value last; null when not asked for. */
  byDirection: BridgeGroup[] | null;
}

/** The money columns, in the order they add up. */
export const BRIDGE_MONEY = ['revenueStart', 'new', 'reactivated', 'expansion', 'contraction', 'churned', 'revenueEnd'] as const;
export type BridgeMoney = (typeof BRIDGE_MONEY)[number];

interface Accumulator {
  money: Record<BridgeMoney, ExactPair>;
  clientsNew: number;
  clientsReactivated: number;
  clientsChurned: number;
}

function accumulators(periods: number): Accumulator[] {
  return Array.from({ length: periods }, () => ({
    money: {
      revenueStart: exactZero(),
      new: exactZero(),
      reactivated: exactZero(),
      expansion: exactZero(),
      contraction: exactZero(),
      churned: exactZero(),
      revenueEnd: exactZero(),
    },
    clientsNew: 0,
    clientsReactivated: 0,
    clientsChurned: 0,
  }));
}

/** The bridge over the window's periods. The ledger must be finished (finishLedger); it is not changed. */
export function revenueBridge(ledger: Ledger, window: AnalysisWindow, options: { byDirection: boolean }): RevenueBridge {
  requireFinished(ledger, 'revenueBridge');
  const kind = window.period;
  const n = window.periods;
  // Slot 0 is the period before the window; slot p (1…n) the window's p-th period.
  const before = window.firstPeriod - 1;
  const scanStart = periodStart(kind, before);
  const slotOf = periodIndexer(kind, scanStart, window.endDay);
  const slotStarts = Array.from({ length: n + 1 }, (_, p) => periodStart(kind, before + p));

  const overall = accumulators(n);
  const groups = new Map<string | null, { clients: number; acc: Accumulator[] }>();
  // One client's revenue and presence per slot, reused from client to client.
  const units = new Float64Array(n + 1);
  const micros = new Float64Array(n + 1);
  const present = new Uint8Array(n + 1);
  const delta: ExactPair = [0, 0];

  for (const history of ledger.clients.values()) {
    const days = history.days;
    if (days.size === 0) continue;
    const firstLine = days.day(0);
    const from = days.countThrough(scanStart - 1);
    if (from >= days.size || days.day(from) > window.endDay) continue;
    units.fill(0);
    micros.fill(0);
    present.fill(0);
    for (let i = from; i < days.size; i++) {
      const day = days.day(i);
      if (day > window.endDay) break;
      const slot = slotOf(day);
      const [u, m] = days.exact('amount', i);
      units[slot]! += u;
      micros[slot]! += m;
      present[slot] = 1;
    }
    const targets = [overall];
    if (options.byDirection) {
      const direction = directionOf(history);
      let group = groups.get(direction);
      if (group === undefined) groups.set(direction, (group = { clients: 0, acc: accumulators(n) }));
      group.clients++;
      targets.push(group.acc);
    }
    for (let p = 1; p <= n; p++) {
      const now = present[p] === 1;
      const prev = present[p - 1] === 1;
      if (!now && !prev) continue;
      for (const acc of targets) {
        const row = acc[p - 1]!;
        if (prev) addPair(row.money.revenueStart, units[p - 1]!, micros[p - 1]!);
        if (now) addPair(row.money.revenueEnd, units[p]!, micros[p]!);
        if (now && !prev) {
          if (firstLine >= slotStarts[p]!) {
            addPair(row.money.new, units[p]!, micros[p]!);
            row.clientsNew++;
          } else {
            addPair(row.money.reactivated, units[p]!, micros[p]!);
            row.clientsReactivated++;
          }
        } else if (now && prev) {
          delta[0] = units[p]! - units[p - 1]!;
          delta[1] = micros[p]! - micros[p - 1]!;
          const sign = signOfExact(delta);
          if (sign > 0) addPair(row.money.expansion, delta[0], delta[1]);
          else if (sign < 0) addPair(row.money.contraction, delta[0], delta[1]);
        } else {
          addPair(row.money.churned, -units[p - 1]!, -micros[p - 1]!);
          row.clientsChurned++;
        }
      }
    }
  }

  const rowsOf = (acc: Accumulator[]): BridgeRow[] =>
    acc.map((a, i) => {
      const p = window.firstPeriod + i;
      return {
        period: periodLabel(kind, p),
        start: slotStarts[i + 1]!,
        end: Math.min(periodEnd(kind, p), window.endDay),
        revenueStart: exactValue(a.money.revenueStart),
        new: exactValue(a.money.new),
        reactivated: exactValue(a.money.reactivated),
        expansion: exactValue(a.money.expansion),
        contraction: exactValue(a.money.contraction),
        churned: exactValue(a.money.churned),
        revenueEnd: exactValue(a.money.revenueEnd),
        clientsNew: a.clientsNew,
        clientsReactivated: a.clientsReactivated,
        clientsChurned: a.clientsChurned,
      };
    });

  let byDirection: BridgeGroup[] | null = null;
  if (options.byDirection) {
    const keys = [...groups.keys()].sort(compareDirections);
    byDirection = keys.map((direction) => {
      const group = groups.get(direction)!;
      return { direction, clients: group.clients, rows: rowsOf(group.acc) };
    });
  }
  return { window, overall: rowsOf(overall), byDirection };
}
