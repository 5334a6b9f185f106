// SPEC §11: portfolios. Clients split by a direction column (manager, region, product group), one
// row per value: how many clients and how much revenue each portfolio holds, its key clients, its
// own ABC (`abc_within`: the clients ranked against each other, not against the whole book), how
// many of its clients are active, at risk and lost, and the revenue at stake and lost lately.
//
// Rules (the SPEC's, with the choices where it is silent; README, "kam portfolio"):
// - A client's direction is the value with the largest net amount over all its lines, ties to the
//   value that sorts first (directionOf, as churn uses it); clients with none form the group null,
//   listed after the values, which are in code-unit order.
// - clients, revenue, key clients, A/B/C: the clients of the analysis (a line in the window), with
//   the analysis's figures: revenue is the window's net revenue, summed exactly, so the portfolios
//   add up to the window's total; key clients are the analysis's (class A, breadwinners,
//   image-makers: isKeyClient); share is of the window's revenue (null when that is not positive).
// - abc_within: classifyAbc over the portfolio's clients' ABC metric totals, with the analysis's
//   cut-offs and boundary (SPEC §3's rules, ties and non-positive totals included).
// - active, at risk, lost, revenue at stake: every client of the portfolio with a purchase day up
//   to the as-of day (as `kam lost` counts them: a lost client has often no line in the window).
// - churned in the last period: the bridge's `churned` of the window's last period for the
//   portfolio (negative: revenue of the period before it from clients absent in it).
import { classifyAbc, type AbcClass } from './abc.js';
import { isKeyClient, type Analysis } from './analyze.js';
import { revenueBridge, type RevenueBridge } from './bridge.js';
import { compareDirections } from './order.js';
import { countStatuses, directionOf, type ClientLapses, type StatusCounts } from './lost.js';
import { addPair, exactValue, exactZero } from './exact-sum.js';
import { requireFinished, type ExactPair, type Ledger } from './ledger.js';

/**
 * The ledger of one portfolio: only the clients whose direction is `direction` (null: those with
 * none), the same first and last day, so its window is the whole book's. Shares the histories.
 */
export function portfolioLedger(ledger: Ledger, direction: string | null): Ledger {
  requireFinished(ledger, 'portfolioLedger');
  const clients = new Map([...ledger.clients].filter(([, h]) => directionOf(h) === direction));
  let rows = 0;
  for (const h of clients.values()) rows += h.rows;
  return { ...ledger, clients, rows, recent: undefined };
}

export interface PortfolioRow {
  /** null: clients that never bought under a direction value. */
  direction: string | null;
  /** Clients with a line in the window. */
  clients: number;
  revenue: number;
  /** Of the window's revenue; null when that is not positive. */
  share: number | null;
  keyClients: number;
  /** Classes within the portfolio. */
  a: number;
  b: number;
  c: number;
  /** Every client of the portfolio with a purchase day up to the as-of day, by status. */
  statuses: StatusCounts;
  /** The bridge's churned revenue in the window's last period (negative or 0). */
  churnedLastPeriod: number;
}

export interface ClientPortfolio {
  direction: string | null;
  abcWithin: AbcClass;
}

export interface Portfolios {
  rows: PortfolioRow[];
  /** Every client of the analysis: its portfolio and its class within it. */
  byClient: Map<string, ClientPortfolio>;
  /** The window's revenue, summed exactly (the rows' revenues add up to it). */
  revenue: number;
}

/**
 * Portfolios of the analysed window. `bridge` (with byDirection) gives the churn of the last
 * period; it is computed over the analysis's window when not passed.
 */
export function portfolios(ledger: Ledger, analysis: Analysis, bridge?: RevenueBridge): Portfolios {
  requireFinished(ledger, 'portfolios');
  const { startDay, endDay } = analysis.window;
  const flows = bridge?.byDirection != null ? bridge : revenueBridge(ledger, analysis.window, { byDirection: true });

  interface Group {
    members: Analysis['clients'][number][];
    revenue: ExactPair;
    lapses: ClientLapses[];
  }
  const groups = new Map<string | null, Group>();
  const groupOf = (direction: string | null): Group => {
    let g = groups.get(direction);
    if (g === undefined) groups.set(direction, (g = { members: [], revenue: exactZero(), lapses: [] }));
    return g;
  };
  const total = exactZero();
  for (const c of analysis.clients) {
    const history = ledger.clients.get(c.client)!;
    const g = groupOf(directionOf(history));
    g.members.push(c);
    // The window's revenue again, exactly: the analysis has it as a running float.
    const days = history.days;
    for (let i = days.countThrough(startDay - 1); i < days.size && days.day(i) <= endDay; i++) {
      const [units, micros] = days.exact('amount', i);
      addPair(g.revenue, units, micros);
      addPair(total, units, micros);
    }
  }
  for (const l of analysis.lost.clients) groupOf(l.direction).lapses.push(l);

  const revenue = exactValue(total);
  const byClient = new Map<string, ClientPortfolio>();
  const churned = new Map((flows.byDirection ?? []).map((g) => [g.direction, g.rows.at(-1)?.churned ?? 0]));
  const options = { cutoffs: analysis.settings.abcCutoffs, boundary: analysis.settings.abcBoundary };
  const rows = [...groups.keys()].sort(compareDirections).map((direction): PortfolioRow => {
    const g = groups.get(direction)!;
    const within = classifyAbc(
      g.members.map((c) => ({ client: c.client, total: c.total })),
      options,
    );
    const counts = { A: 0, B: 0, C: 0 };
    for (const r of within) {
      counts[r.abcClass]++;
      byClient.set(r.client, { direction, abcWithin: r.abcClass });
    }
    const value = exactValue(g.revenue);
    return {
      direction,
      clients: g.members.length,
      revenue: value,
      share: revenue > 0 ? value / revenue : null,
      keyClients: g.members.filter(isKeyClient).length,
      a: counts.A,
      b: counts.B,
      c: counts.C,
      statuses: countStatuses(g.lapses),
      churnedLastPeriod: churned.get(direction) ?? 0,
    };
  });
  // byClient in the analysis's order (ranking), as the per-client table lists them.
  const ordered = new Map(analysis.clients.map((c) => [c.client, byClient.get(c.client)!]));
  return { rows, byClient: ordered, revenue };
}
