// SPEC §6: the win-back list — lost and at-risk clients, most valuable first, each with the
// action its class calls for — and the lost key clients that `--fail-on lost-key` reports.
import type { AbcClass } from './abc.js';
import { pAliveOf } from './alive.js';
import { isKeyClient, type Analysis } from './analyze.js';
import { churnByDirection, churnByPeriod, churnGrid, type ChurnGrid, type ChurnTable, type DirectionChurn } from './churn.js';
import type { BgNbdFit } from './bgnbd.js';
import type { ClientStatus, StatusCounts } from './lost.js';
import { compareNames, roundForTies } from './order.js';

export type LapsedStatus = Exclude<ClientStatus, 'active'>;

export interface WinBackEntry {
  client: string;
  status: LapsedStatus;
  /** ABC class in the window; null for a client with no line in the window. */
  abc: AbcClass | null;
  key: boolean;
  firstPurchase: number;
  lastPurchase: number;
  recencyDays: number;
  usualIntervalDays: number | null;
  purchaseDays: number;
  /** Silence (days) past which the client is at risk / lost. */
  riskThreshold: number;
  lostThreshold: number;
  /** Net revenue over the 12 months up to the last purchase. */
  revenue12m: number;
  pAlive: number | null;
  direction: string | null;
  /** The action its class and status call for (a code; src/i18n has the words). */
  action: WinBackAction;
}

/**
 * What to do about a lapsed client, as a code: its class (no class: as C) and its status. The
 * words are in the catalogues (src/i18n): the core stays language-free.
 */
export type WinBackAction = `${AbcClass}-${LapsedStatus}`;

export function winBackAction(abc: AbcClass | null, status: LapsedStatus): WinBackAction {
  return `${abc ?? 'C'}-${status}`;
}

const CLASS_ORDER: Record<string, number> = { A: 0, B: 1, C: 2 };

/** Lost and at-risk clients: class A first, then B, C and unclassed; within a class by revenue at stake, then name. */
export function winBackList(analysis: Analysis): WinBackEntry[] {
  const inWindow = new Map(analysis.clients.map((c) => [c.client, c]));
  const entries: WinBackEntry[] = [];
  for (const c of analysis.lost.clients) {
    const r = c.recency;
    if (r.status === 'active') continue;
    const a = inWindow.get(c.client);
    const abc = a?.abc ?? null;
    entries.push({
      client: c.client,
      status: r.status,
      abc,
      key: a !== undefined && isKeyClient(a),
      firstPurchase: r.firstPurchase,
      lastPurchase: r.lastPurchase,
      recencyDays: r.recencyDays,
      usualIntervalDays: r.usualInterval,
      purchaseDays: r.purchaseDays,
      riskThreshold: r.riskThreshold,
      lostThreshold: r.lostThreshold,
      revenue12m: c.revenue12m,
      pAlive: pAliveOf(analysis.lost.alive, c.client),
      direction: c.direction,
      action: winBackAction(abc, r.status),
    });
  }
  return entries.sort(
    (p, q) =>
      (CLASS_ORDER[p.abc ?? ''] ?? 3) - (CLASS_ORDER[q.abc ?? ''] ?? 3) ||
      roundForTies(q.revenue12m) - roundForTies(p.revenue12m) ||
      compareNames(p.client, q.client),
  );
}

/** Key clients (SPEC §5: class A, breadwinners, image-makers) whose status is lost, in ranking order. */
export function lostKeyClients(analysis: Analysis): string[] {
  return analysis.clients.filter((c) => c.status === 'lost' && isKeyClient(c)).map((c) => c.client);
}

export interface LostReport {
  asOf: number;
  counts: StatusCounts;
  winBack: WinBackEntry[];
  /** Churn per period (the analysis period kind), from the first purchase to the as-of day. */
  churn: ChurnTable;
  /** Per direction value; null when the ledger has no direction column. */
  byDirection: DirectionChurn[] | null;
  /** The churn grid of byDirection: the values with the most churn and "other" (see churnGrid); null without a direction column. */
  grid: ChurnGrid | null;
  lostKeys: string[];
  fit: BgNbdFit | null;
}

/** Everything `kam lost` and the Lost and Churn sheets show, from one analysis. */
export function lostReport(analysis: Analysis): LostReport {
  const lost = analysis.lost;
  const clients = lost.clients; // made on each read
  let firstDay = lost.asOf;
  for (const c of clients) if (c.recency.firstPurchase < firstDay) firstDay = c.recency.firstPurchase;
  const kind = analysis.settings.period;
  const byDirection = analysis.columns.direction ? churnByDirection(clients, kind, firstDay, lost.asOf) : null;
  return {
    asOf: lost.asOf,
    counts: lost.counts,
    winBack: winBackList(analysis),
    churn: churnByPeriod(clients, kind, firstDay, lost.asOf),
    byDirection,
    grid: byDirection === null ? null : churnGrid(byDirection),
    lostKeys: lostKeyClients(analysis),
    fit: lost.alive.fit,
  };
}
