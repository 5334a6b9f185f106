// The pure heart of `kam analyze`: a folded ledger and settings in, plain results out.
import { classifyAbc, type AbcClass } from './abc.js';
import { pAliveOf } from './alive.js';
import { fromExact, type DayMeasure, type DayTable } from './day-table.js';
import { requireFinished, type ClientHistory, type Ledger, type LedgerColumns } from './ledger.js';
import { buildMatrix, cellName, type CellName, type MatrixCell } from './matrix.js';
import { periodIndexer } from './periods.js';
import { KamError, type Problem } from './problems.js';
import type { ClientStatus } from './lost.js';
import { assessLost, type LostAssessment } from './lost.js';
import { KEY_SHARE_BAND, type AbcMetric, type AnalysisSettings } from './settings.js';
import { resolveWindow, type AnalysisWindow } from './window.js';
import { classifyXyz, coefficientOfVariation, type XyzClass, type XyzGap } from './xyz.js';
import { describeXyzSpread, type XyzSpread } from './xyz-spread.js';
import { ClientTable, NO_TAGS, type ClientAnalysis, type ClientFlag } from './client-analysis.js';
import type { SpendFitting } from './spend.js';

export type { ClientAnalysis, ClientFlag } from './client-analysis.js';

export interface KeyClientShare {
  clients: number;
  revenue: number;
  revenueShare: number | null;
  profit: number | null;
  profitShare: number | null;
  band: readonly [number, number];
  /** Where the revenue share stands against the band. */
  position: 'below' | 'within' | 'above' | null;
  /** The tags whose clients outside the top push the share above the band (SPEC §5); empty otherwise. */
  pushedBy: string[];
}

export interface Analysis {
  settings: AnalysisSettings;
  window: AnalysisWindow;
  columns: LedgerColumns;
  clients: ClientAnalysis[];
  matrix: MatrixCell[];
  totals: {
    /** Clients with a line in the window. */
    clients: number;
    /** Clients in the whole ledger up to the as-of day. */
    clientsInLedger: number;
    revenue: number;
    profit: number | null;
    quantity: number | null;
    metric: number;
  };
  key: KeyClientShare;
  xyzSpread: XyzSpread;
  /** Every client's status, lapses and P(alive) up to the as-of day (SPEC §6), window or not. */
  lost: LostAssessment;
  notes: Problem[];
}

/**
 * Purchases on day i of a client's table (SPEC §6): the documents first bought that day, or, in a
 * ledger without a document column, 1 for a purchase day.
 */
export function purchasesOn(days: DayTable, i: number, columns: Pick<LedgerColumns, 'document'>): number {
  return columns.document ? days.documents(i) : days.purchase(i) ? 1 : 0;
}

/** A client's purchases per window period (zeros included): what its purchase figures are made of. */
export function purchaseSeriesOf(history: Pick<ClientHistory, 'days'>, window: AnalysisWindow, columns: Pick<LedgerColumns, 'document'>): number[] {
  const series = new Array<number>(window.periods).fill(0);
  const periodIndex = periodIndexer(window.period, window.startDay, window.endDay);
  const days = history.days;
  for (let i = 0; i < days.size; i++) {
    const day = days.day(i);
    if (day >= window.startDay && day <= window.endDay) series[periodIndex(day)]! += purchasesOn(days, i, columns);
  }
  return series;
}

/**
 * A client's metric per window period (zeros included), summed in day order: the series its XYZ
 * class is judged on (SPEC §4) and the workbook's per-period columns. Days after the as-of day
 * are left out, as in the analysis.
 */
export function metricSeriesOf(history: Pick<ClientHistory, 'days'>, window: AnalysisWindow, by: AbcMetric): number[] {
  return metricSeriesMaker(window, by)(history);
}

/** metricSeriesOf for many clients of one window: the day → period table is made once, not per client. */
export function metricSeriesMaker(window: AnalysisWindow, by: AbcMetric): (history: Pick<ClientHistory, 'days'>) => number[] {
  const metric = measureOf(by);
  const periodIndex = periodIndexer(window.period, window.startDay, window.endDay);
  return (history) => {
    const series = new Array<number>(window.periods).fill(0);
    addMetricSeries(series, history.days, window, metric, periodIndex);
    return series;
  };
}

function addMetricSeries(series: number[], days: DayTable, window: AnalysisWindow, metric: DayMeasure, periodIndex: (day: number) => number): void {
  for (let i = 0; i < days.size; i++) {
    const day = days.day(i);
    if (day <= window.asOf && day >= window.startDay && day <= window.endDay) series[periodIndex(day)]! += days.total(metric, i);
  }
}

const NO_FLAGS: readonly ClientFlag[] = Object.freeze([]);

/** A whole number as a small integer where it is one (V8 keeps it unboxed), else as it is. */
function smallInteger(x: number): number {
  return x === (x | 0) ? x | 0 : x;
}

export function measureOf(by: AbcMetric): DayMeasure {
  return by === 'revenue' ? 'amount' : by;
}

/**
 * The window's classes, shares, recency and lost assessment. The ledger must be finished
 * (finishLedger): its maps in key order, so every sum runs in the same order. It is not changed.
 */
export function analyzeLedger(ledger: Ledger, settings: AnalysisSettings, options: { alive?: boolean; spend?: SpendFitting | undefined } = {}): Analysis {
  requireFinished(ledger, 'analyzeLedger');
  if (ledger.firstDay === undefined || ledger.lastDay === undefined) throw new KamError({ code: 'no-rows' });
  if (settings.by === 'profit' && !ledger.columns.profit) throw new KamError({ code: 'no-profit-column' });
  if (settings.by === 'quantity' && !ledger.columns.quantity) throw new KamError({ code: 'no-quantity-column' });

  const window = resolveWindow(ledger.firstDay, ledger.lastDay, settings);
  const { periods, startDay, endDay, asOf } = window;
  // Only ever asked for days inside the window.
  const periodIndex = periodIndexer(window.period, startDay, endDay);
  const notes: Problem[] = [...window.notes];
  const lost = assessLost(ledger, asOf, settings, options);

  // A pass over the clients puts each one in the window into a table of drafts (columns, in
  // ledger order: at a million clients an object per draft was the analysis's peak), its ranking
  // figures left blank. Its metric and purchase series are summed into two arrays reused for every
  // client and judged (XYZ, purchases CV) at once, not kept.
  const metric = measureOf(settings.by);
  let clientsInLedger = 0;
  let rowsAfterAsOf = 0;
  const xyzOptions = { cutoffs: settings.xyzCutoffs, sd: settings.sd, minPeriods: settings.minPeriods };
  const series = new Array<number>(periods).fill(0);
  const purchaseSeries = new Array<number>(periods).fill(0);

  const drafts = ClientTable.build(ledger.clients.size, (add) => {
    for (const history of ledger.clients.values()) {
      series.fill(0);
      purchaseSeries.fill(0);
      let inWindow = false;
      // Exact sums (units, millionths) of the window's days: the client's totals are made from them
      // once, so `total` is `revenue` to the last digit however large (SPEC §1 amounts).
      const exact = { metric: [0, 0], amount: [0, 0], profit: [0, 0], quantity: [0, 0] };
      let firstRowPeriod = periods;
      let firstPurchasePeriod = periods;
      const days = history.days;
      for (let i = 0; i < days.size; i++) {
        const day = days.day(i);
        if (day > asOf) {
          rowsAfterAsOf++;
          continue;
        }
        const purchase = days.purchase(i);
        if (day < startDay || day > endDay) continue;
        inWindow = true;
        const p = periodIndex(day);
        days.addExactTo(metric, i, exact.metric);
        days.addExactTo('amount', i, exact.amount);
        days.addExactTo('profit', i, exact.profit);
        days.addExactTo('quantity', i, exact.quantity);
        if (p < firstRowPeriod) firstRowPeriod = p;
        if (purchase && p < firstPurchasePeriod) firstPurchasePeriod = p;
        purchaseSeries[p]! += purchasesOn(days, i, ledger.columns);
      }
      // Recency over all history up to the as-of day: the lost assessment has it already.
      const recency = lost.client(history.client)?.recency;
      if (recency !== undefined || inWindow) clientsInLedger++;
      if (!inWindow) continue;
      // The one sum of the metric per period (metricSeriesOf's, which the workbook reads again).
      addMetricSeries(series, days, window, metric, periodIndex);
      // "first": the series starts at the period of the client's first purchase in the window (a
      // purchase as SPEC §6 defines it: returns alone are not one); a client with returns only
      // starts at its first line, and its mean of zero or less gives it no class.
      const start = settings.xyzStart === 'window' ? 0 : firstPurchasePeriod < periods ? firstPurchasePeriod : firstRowPeriod;
      const xyz = classifyXyz(series.slice(start), xyzOptions);
      let activePeriods = 0;
      let purchases = 0;
      for (const n of purchaseSeries) {
        if (n > 0) activePeriods++;
        purchases += n;
      }
      const revenue = fromExact(exact.amount[0]!, exact.amount[1]!);
      const profit = fromExact(exact.profit[0]!, exact.profit[1]!);
      const quantity = fromExact(exact.quantity[0]!, exact.quantity[1]!);
      add({
        client: history.client,
        abc: 'C',
        cell: 'C-',
        share: null,
        cumShare: null,
        rank: null,
        keyTop: false,
        total: fromExact(exact.metric[0]!, exact.metric[1]!),
        activePeriods,
        purchases: smallInteger(purchases),
        revenue,
        profit: ledger.columns.profit ? profit : null,
        quantity: ledger.columns.quantity ? quantity : null,
        seriesStart: start,
        firstPurchase: recency?.firstPurchase ?? null,
        lastPurchase: recency?.lastPurchase ?? null,
        recencyDays: recency === undefined ? null : smallInteger(recency.recencyDays),
        usualIntervalDays: recency?.usualInterval ?? null,
        status: recency?.status ?? null,
        pAlive: pAliveOf(lost.alive, history.client),
        tags: NO_TAGS,
        flags: xyz.gap === null ? NO_FLAGS : [xyz.gap],
        xyz: xyz.xyzClass,
        cv: xyz.cv,
        purchasesCv: xyz.xyzClass === null ? null : coefficientOfVariation(purchaseSeries.slice(start), settings.sd),
      });
    }
  });
  if (rowsAfterAsOf > 0) notes.push({ code: 'rows-after-as-of', severity: 'note', details: { days: rowsAfterAsOf } });

  const abc = classifyAbc(
    Array.from({ length: drafts.size }, (_, i) => ({ client: drafts.name(i), total: drafts.number(i, 'total')! })),
    { cutoffs: settings.abcCutoffs, boundary: settings.abcBoundary },
  );
  if (!abc.some((r) => !r.nonPositive)) notes.push({ code: 'no-positive-clients', severity: 'warning' });
  // Key clients: the same ranking and boundary as class A (SPEC §3), with --key-share as the cut-off.
  // (index: the client's place in `abc`, the ranking.)
  const keyTop = new Uint8Array(abc.length);
  for (const r of classifyAbc(abc, { cutoffs: [settings.keyShare, settings.keyShare], boundary: settings.abcBoundary })) if (!r.nonPositive && r.abcClass === 'A') keyTop[r.index] = 1;

  // Each client's figures go straight into the table's columns (ClientTable): the object made
  // for the call is garbage at once.
  const clients = ClientTable.of(abc.length, (i) => {
    const a = abc[i]!;
    const d = drafts.row(a.index);
    return {
      client: d.client,
      total: a.total,
      activePeriods: d.activePeriods,
      purchases: d.purchases,
      revenue: d.revenue,
      profit: d.profit,
      quantity: d.quantity,
      seriesStart: d.seriesStart,
      firstPurchase: d.firstPurchase,
      lastPurchase: d.lastPurchase,
      recencyDays: d.recencyDays,
      usualIntervalDays: d.usualIntervalDays,
      status: d.status,
      pAlive: d.pAlive,
      keyTop: keyTop[i] === 1,
      tags: d.tags,
      flags: a.nonPositive ? ['non-positive-total', ...d.flags] : d.flags,
      abc: a.abcClass,
      xyz: d.xyz,
      cell: cellName(a.abcClass, d.xyz),
      share: a.share,
      cumShare: a.cumShare,
      rank: a.rank,
      cv: d.cv,
      purchasesCv: d.purchasesCv,
    };
  }).clients();

  const revenue = clients.reduce((s, c) => s + c.revenue, 0);
  const profit = ledger.columns.profit ? clients.reduce((s, c) => s + (c.profit ?? 0), 0) : null;
  const quantity = ledger.columns.quantity ? clients.reduce((s, c) => s + (c.quantity ?? 0), 0) : null;
  const matrix = buildMatrix(clients, revenue);

  const key = keyShareOf(clients, revenue, profit);

  const xyzSpread = describeXyzSpread(clients, settings, window.periods);
  if (xyzSpread.degenerate !== null) notes.push(xyzSpread.degenerate);
  notes.push(...lost.notes);

  return {
    settings,
    window,
    columns: ledger.columns,
    clients,
    matrix,
    totals: { clients: clients.length, clientsInLedger, revenue, profit, quantity, metric: abc.reduce((s, a) => s + a.total, 0) },
    key,
    xyzSpread,
    lost,
    notes,
  };
}

/** The key clients' count and share of the window's revenue and profit (SPEC §5); again after tagging. */
export function keyShareOf(clients: readonly ClientAnalysis[], revenue: number, profit: number | null): KeyClientShare {
  const keyClients = clients.filter(isKeyClient);
  const topRevenue = keyClients.reduce((s, c) => s + (c.keyTop ? c.revenue : 0), 0);
  const keyRevenue = keyClients.reduce((s, c) => s + c.revenue, 0);
  const keyProfit = profit === null ? null : keyClients.reduce((s, c) => s + (c.profit ?? 0), 0);
  const revenueShare = revenue > 0 ? keyRevenue / revenue : null;
  return {
    clients: keyClients.length,
    revenue: keyRevenue,
    revenueShare,
    profit: keyProfit,
    profitShare: keyProfit !== null && profit !== null && profit > 0 ? keyProfit / profit : null,
    band: KEY_SHARE_BAND,
    position:
      revenueShare === null ? null : revenueShare < KEY_SHARE_BAND[0] ? 'below' : revenueShare > KEY_SHARE_BAND[1] ? 'above' : 'within',
    pushedBy:
      revenueShare !== null && revenueShare > KEY_SHARE_BAND[1] && topRevenue / revenue <= KEY_SHARE_BAND[1]
        ? KEY_TAGS.filter((tag) => keyClients.some((c) => !c.keyTop && c.tags.includes(tag)))
        : [],
  };
}

/** The tags that make a client key whatever its rank (SPEC §5). */
export const KEY_TAGS: readonly string[] = ['breadwinner', 'image-maker'];

/** Key clients: the top clients up to --key-share, plus breadwinners and image-makers once tagged (SPEC §5). */
export function isKeyClient(c: Pick<ClientAnalysis, 'keyTop' | 'tags'>): boolean {
  return c.keyTop || KEY_TAGS.some((tag) => c.tags.includes(tag));
}
