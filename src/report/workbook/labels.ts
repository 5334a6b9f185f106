// Headers a person reads for the per-client columns, and what each column means. The columns
// themselves (names, order, values) come from client-columns.ts; a column added there without a
// label here still appears, under its CSV name.
import type { Analysis } from '../../core/analyze.js';
import type { ClientColumn } from '../client-columns.js';

interface ColumnText {
  header: (a: Analysis) => string;
  meaning: (a: Analysis) => string;
}

const metricName = (a: Analysis): string => a.settings.by;
const periodName = (a: Analysis): string => a.settings.period;

const TEXT: Record<string, ColumnText> = {
  client: { header: () => 'Client', meaning: () => 'The client, as named in the ledger (spaces trimmed and folded).' },
  abc: { header: () => 'ABC', meaning: (a) => `ABC class by ${metricName(a)}: A, B or C (Pareto cut-offs on the Method sheet).` },
  xyz: { header: () => 'XYZ', meaning: (a) => `XYZ class by the steadiness of ${periodName(a)}ly purchases: X steady, Y seasonal, Z irregular; "-" too few periods or no net purchases.` },
  cell: { header: () => 'Cell', meaning: () => 'The ABC-XYZ matrix cell (see the Matrix sheet for its strategy).' },
  total: { header: (a) => `Total ${metricName(a)}`, meaning: (a) => `The client's ${metricName(a)} summed over the window: the ABC metric.` },
  share: { header: () => 'Share', meaning: (a) => `The client's share of the ${metricName(a)} of all clients with a positive total.` },
  cum_share: { header: () => 'Cum. share', meaning: () => 'Cumulative share of the clients ranked up to and including this one.' },
  rank: { header: () => 'Rank', meaning: () => 'Place in the ranking, largest first (empty for a zero or negative total).' },
  cv: { header: () => 'CV', meaning: (a) => `Coefficient of variation of the ${periodName(a)}ly series (standard deviation / mean): the XYZ measure.` },
  active_periods: { header: (a) => `Active ${periodName(a)}s`, meaning: (a) => `Window ${periodName(a)}s with at least one purchase.` },
  purchases: { header: () => 'Purchases', meaning: (a) => (a.columns.document ? 'Distinct documents (invoices) in the window.' : 'Distinct purchase days in the window (the ledger has no document column).') },
  first_purchase: { header: () => 'First purchase', meaning: () => 'First purchase day up to the as-of date.' },
  last_purchase: { header: () => 'Last purchase', meaning: () => 'Last purchase day up to the as-of date (a day of returns alone does not count).' },
  recency_days: { header: () => 'Days since last purchase', meaning: () => 'Days from the last purchase to the as-of date.' },
  usual_interval_days: { header: () => 'Usual interval, days', meaning: () => 'Median gap in days between consecutive purchase days.' },
  status: { header: () => 'Status', meaning: () => 'active, at-risk or lost, from the silence since the last purchase against the usual interval (Method sheet).' },
  p_alive: { header: () => 'P(alive)', meaning: () => 'Probability that the client still buys (BG/NBD model); empty where not computed.' },
  tags: {
    header: () => 'Tags',
    meaning: (a) =>
      `Segment tags: key (class A, breadwinner or image-maker); breadwinner (at least ${Math.round(a.settings.breadwinnerShare * 1000) / 10}% of total ${a.columns.profit ? 'profit' : 'revenue'}); prospect (first purchase within ${a.settings.newWithinMonths} months of the as-of date, buying at a pace that over the whole window reaches the smallest B total); qualified (a prospect with need, can_pay and authority all yes); image-maker, expert and others from the attributes file; lost, at-risk.`,
  },
  abc_prev: { header: () => 'ABC before', meaning: () => 'ABC class in the earlier window (--compare); empty without it, and for clients new since.' },
  xyz_prev: { header: () => 'XYZ before', meaning: () => 'XYZ class in the earlier window (--compare); empty without it, and for clients new since.' },
  purchases_cv: { header: () => 'Purchases CV', meaning: (a) => `Coefficient of variation of the number of purchases per ${periodName(a)}.` },
  revenue: { header: () => 'Net revenue', meaning: () => 'Net amount in the window: sales less returns.' },
  profit: { header: () => 'Profit', meaning: () => 'Profit in the window (where the ledger has a profit column).' },
  quantity: { header: () => 'Quantity', meaning: () => 'Quantity in the window (where the ledger has a quantity column).' },
  flags: { header: () => 'Flags', meaning: () => 'Why a figure is missing or unusual: non-positive-total, too-new, no-net-purchases.' },
};

export function columnHeader(column: ClientColumn, analysis: Analysis): string {
  return TEXT[column.name]?.header(analysis) ?? column.name;
}

export function columnMeaning(column: ClientColumn, analysis: Analysis): string {
  return TEXT[column.name]?.meaning(analysis) ?? '';
}

export const capitalise = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
