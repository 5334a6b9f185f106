// `kam client --format json`: the card as one JSON object. Names follow the per-client table
// (SPEC §9) where they overlap; dates YYYY-MM-DD, shares as fractions, null for missing values.
import { formatDay } from '../core/calendar.js';
import type { Dossier, NamedAmount } from '../core/dossier.js';
import { roundValue, type ColumnKind } from './client-columns.js';
import { en } from '../i18n/en.js';
import { csvHeader, csvLine, ndjsonRecords, type DataColumn } from './table-data.js';

const day = (d: number | null): string | null => (d === null ? null : formatDay(d));
const num = (x: number | null, kind: ColumnKind): number | null => (x === null ? null : roundValue(x, kind));
const named = (rows: readonly NamedAmount[] | null): { name: string; amount: number; share: number | null }[] | null =>
  rows === null ? null : rows.map((r) => ({ name: r.name, amount: roundValue(r.amount, 'money'), share: num(r.share, 'share') }));

export function dossierRecord(d: Dossier, options: { directionColumn: string | null }): Record<string, unknown> {
  return {
    client: d.client,
    abc: d.abc,
    xyz: d.xyz,
    cell: d.cell,
    total: num(d.total, 'money'),
    share: num(d.share, 'share'),
    cum_share: num(d.cumShare, 'share'),
    rank: d.rank,
    cv: num(d.cv, 'ratio'),
    active_periods: d.activePeriods,
    purchases: d.purchases,
    first_purchase: day(d.firstPurchase),
    last_purchase: day(d.lastPurchase),
    recency_days: d.recencyDays,
    usual_interval_days: num(d.usualIntervalDays, 'number'),
    status: d.status,
    p_alive: num(d.pAlive, 'ratio'),
    // As in the per-client table: `;`-separated, null when none.
    tags: d.tags.length === 0 ? null : d.tags.join(';'),
    abc_prev: d.previous?.abc ?? null,
    xyz_prev: d.previous?.xyz ?? null,
    revenue: num(d.revenue, 'money'),
    revenue_share: num(d.revenueShare, 'share'),
    profit: num(d.profit, 'money'),
    profit_share: num(d.profitShare, 'share'),
    quantity: num(d.quantity, 'number'),
    key: d.key,
    in_window: d.inWindow,
    // Data for scripts: the strategy's English words whatever --lang says.
    strategy: d.cell === null ? null : en.strategy[d.cell],
    metric: d.by,
    window: { from: d.window.from, to: d.window.to, periods: d.window.periods, start: formatDay(d.window.startDay), end: formatDay(d.window.endDay), as_of: formatDay(d.window.asOf) },
    previous_window: d.previous === null ? null : { from: d.previous.from, to: d.previous.to, coverage: d.previous.coverage, abc: d.previous.abc, xyz: d.previous.xyz, total: num(d.previous.total, 'money') },
    purchase_days: d.purchaseDays,
    breadwinner: d.breadwinnerBasis === null ? null : { basis: d.breadwinnerBasis, share: num(d.breadwinnerShare, 'share') },
    prospect:
      d.prospect === null
        ? null
        : {
            first_purchase: formatDay(d.prospect.firstPurchase),
            since_first_purchase: roundValue(d.prospect.metricSince, 'money'),
            elapsed_days: d.prospect.elapsedDays,
            pace_per_month: roundValue(d.prospect.pace, 'money'),
            projected_window_total: roundValue(d.prospect.projected, 'money'),
            projected_class: d.prospect.projectedClass,
          },
    periods: d.series.map((p) => ({ period: p.label, value: roundValue(p.value, 'money'), purchases: p.purchases })),
    sparkline: d.sparkline,
    products: named(d.products),
    product_count: d.products === null ? null : d.productCount,
    direction_column: options.directionColumn,
    direction: d.direction,
    directions: named(d.directions),
    attributes: d.attributes === null ? null : { line: d.attributes.row.line, name: d.attributes.row.name, values: Object.fromEntries(d.attributes.columns.map((c) => [c, d.attributes!.row.values[c] ?? ''])) },
    // As in the per-client table (SPEC §6): over horizon_weeks after the as-of date; null where a model does not fit.
    expected_purchases: num(d.expected?.expectedPurchases ?? null, 'number'),
    expected_revenue: num(d.expected?.expectedRevenue ?? null, 'money'),
    horizon_weeks: d.expected?.horizonWeeks ?? null,
  };
}

export function* renderDossierJson(d: Dossier, options: { directionColumn: string | null }): Generator<string> {
  yield `${JSON.stringify(dossierRecord(d, options), null, 2)}\n`;
}

interface PeriodRow {
  client: string;
  metric: string;
  period: Dossier['series'][number];
}

/** The card's table for scripts: one row per period of the window, as the card's per-period table (JSON "periods"). */
export const CLIENT_PERIOD_COLUMNS: readonly DataColumn<PeriodRow>[] = [
  { name: 'client', kind: 'text', value: (r) => r.client },
  { name: 'period', kind: 'text', value: (r) => r.period.label },
  { name: 'metric', kind: 'text', value: (r) => r.metric },
  { name: 'value', kind: 'money', value: (r) => r.period.value },
  { name: 'purchases', kind: 'integer', value: (r) => r.period.purchases },
];

const periodRows = (d: Dossier): PeriodRow[] => d.series.map((period) => ({ client: d.client, metric: d.by, period }));

/** `safe`: --safe-csv (see csv.ts). */
export function* renderDossierCsv(d: Dossier, safe = false): Generator<string> {
  yield csvHeader(CLIENT_PERIOD_COLUMNS);
  for (const r of periodRows(d)) yield csvLine(CLIENT_PERIOD_COLUMNS, r, safe);
}

export const renderDossierNdjson = (d: Dossier): Generator<string> => ndjsonRecords(CLIENT_PERIOD_COLUMNS, periodRows(d));
