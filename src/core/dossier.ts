// SPEC §8: one client's card, built from the analysis (tagged, with the earlier window's classes)
// and the ledger it came from. Pure.
//
// Choices where the SPEC is silent (README, "kam client"):
// - Totals, shares, classes and the per-period series are the window's; first and last purchase,
//   usual interval and status look at every row up to the as-of day (as in the per-client table).
// - Products and direction values are summed over every line of the ledger for this client (the
//   ledger keeps them per client, not per day), as net amounts; the top 10 products are shown.
// - A client of the ledger with no line in the window still has a card: no classes, zero totals.
// - NAME is the ledger's name after trimming and folding spaces (SPEC §1). Anything else, even a
//   name differing only in case, is not found: the nearest names are suggested (case and spaces
//   ignored, then Damerau–Levenshtein distance up to a third of the name's length, at most 3;
//   names containing NAME come after), and the command exits 1.
import type { AbcClass } from './abc.js';
import { pAliveOf } from './alive.js';
import { isKeyClient, metricSeriesOf, purchaseSeriesOf, type Analysis, type ClientAnalysis } from './analyze.js';
import type { CellName } from './matrix.js';
import { normalizeClientName, productsOf, type Ledger } from './ledger.js';
import { compareNames } from './order.js';
import { KamError } from './problems.js';
import { assessRecency, directionOf, type ClientStatus } from './lost.js';
import type { Migration } from './compare.js';
import { clientValueOf, type ClientValue, type ValueAssessment } from './expected-revenue.js';
import { clientMatchKey, type ClientAttributeRow, type ProspectPace, type SegmentSummary } from './segments.js';
import type { XyzClass } from './xyz.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value: ▁…█ scaled to the largest value; a blank for a period with nothing (zero or less). */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => {
      if (!(v > 0) || max <= 0) return ' ';
      return BLOCKS[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))]!;
    })
    .join('');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions); stops early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev2 = new Array<number>(y.length + 1).fill(0);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    row[0] = i;
    let best = row[0];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length]!;
}

/** The ledger names nearest to `query`, best first: same name but for case and spaces, then by edit distance, then containing it. */
export function suggestClients(query: string, names: Iterable<string>, max = 5): string[] {
  const q = clientMatchKey(query);
  const qLength = [...q].length;
  const limit = Math.min(3, Math.max(1, Math.floor(qLength / 3)));
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const key = clientMatchKey(name);
    const d = editDistance(q, key, limit);
    if (d <= limit) scored.push({ name, score: d });
    else if (qLength >= 3 && key.includes(q)) scored.push({ name, score: limit + 1 + ([...key].length - qLength) / 1000 });
  }
  scored.sort((a, b) => a.score - b.score || compareNames(a.name, b.name));
  return scored.slice(0, max).map((s) => s.name);
}

/** Quotation marks a name may be typed with or without: «», "", '', „“, ‹›. */
const QUOTES = /[«»"'“”„‟‘’‚‛‹›]/gu;

/** How a typed name and a ledger name are compared when not equal: case, quotation marks and spaces ignored. */
function looseClientKey(name: string): string {
  return clientMatchKey(name.replace(QUOTES, ' '));
}

/**
 * The ledger's client called `query` (trimmed, spaces folded); failing that, the one client whose
 * name differs only in case, quotation marks or spaces; a KamError naming the nearest clients
 * otherwise (no match, or several).
 */
export function findClient(ledger: Ledger, query: string): string {
  const name = normalizeClientName(query);
  if (ledger.clients.has(name)) return name;
  const key = looseClientKey(name);
  if (key !== '') {
    const matches = [...ledger.clients.keys()].filter((c) => looseClientKey(c) === key);
    if (matches.length === 1) return matches[0]!;
  }
  throw new KamError({ code: 'client-not-found', value: name, details: { suggestions: suggestClients(name, ledger.clients.keys()) } });
}

export interface DossierPeriod {
  label: string;
  /** The ABC metric in the period (net). */
  value: number;
  /** Purchases: distinct documents, or purchase days without a document column. */
  purchases: number;
}

export interface NamedAmount {
  name: string;
  amount: number;
  /** Share of the client's net amount over all these values; null when that is not positive. */
  share: number | null;
}

export interface Dossier {
  client: string;
  by: Analysis['settings']['by'];
  window: { period: Analysis['settings']['period']; from: string; to: string; periods: number; startDay: number; endDay: number; asOf: number };
  inWindow: boolean;
  /** The window's figures; zero when the client has no line in it. */
  total: number;
  share: number | null;
  cumShare: number | null;
  rank: number | null;
  revenue: number;
  revenueShare: number | null;
  profit: number | null;
  profitShare: number | null;
  quantity: number | null;
  abc: AbcClass | null;
  xyz: XyzClass | null;
  cell: CellName | null;
  cv: number | null;
  activePeriods: number;
  purchases: number;
  /** Classes in the earlier window; `previous` is null without a comparison, `abc` null for a client new since. */
  previous: {
    from: string;
    to: string;
    /** How much of the earlier window the ledger covers. */
    coverage: 'full' | 'partial' | 'none';
    abc: AbcClass | null;
    xyz: XyzClass | null;
    total: number | null;
  } | null;
  tags: readonly string[];
  key: boolean;
  /** Breadwinner rule: share of total profit (or revenue). */
  breadwinnerBasis: 'profit' | 'revenue' | null;
  breadwinnerShare: number | null;
  /** The breadwinner threshold (a fraction). */
  breadwinnerThreshold: number;
  prospect: ProspectPace | null;
  /** The window's A and B thresholds the prospect's projection is compared with; window length in months. */
  prospectRule: { thresholdA: number | null; thresholdB: number | null; windowMonths: number; newSince: number } | null;
  firstPurchase: number | null;
  lastPurchase: number | null;
  purchaseDays: number;
  recencyDays: number | null;
  usualIntervalDays: number | null;
  status: ClientStatus | null;
  pAlive: number | null;
  series: DossierPeriod[];
  sparkline: string;
  /** null when the ledger has no product column. */
  products: NamedAmount[] | null;
  productCount: number;
  /** null when the ledger has no direction column. */
  directions: NamedAmount[] | null;
  direction: string | null;
  /** The attributes file's columns for this client; null without a file or a matching row. */
  attributes: { columns: string[]; row: ClientAttributeRow } | null;
  /** What the models expect of the client over the horizon (SPEC §6); null when the card is made without them. */
  expected: (ClientValue & { horizonWeeks: number; annualDiscount: number | null; purchasesSound: boolean }) | null;
}

function namedAmounts(map: ReadonlyMap<string, number>, top: number): NamedAmount[] {
  let total = 0;
  for (const v of map.values()) total += v;
  return [...map]
    .map(([name, amount]) => ({ name, amount, share: total > 0 ? amount / total : null }))
    .sort((a, b) => b.amount - a.amount || compareNames(a.name, b.name))
    .slice(0, top);
}

/** What a card is made from: the finished ledger, the tagged analysis, its tags and the comparison (a Report has them all). */
export interface DossierSource {
  ledger: Ledger;
  analysis: Analysis;
  segments: SegmentSummary | null;
  migration: Migration | null;
  /** The expected revenue of every client (made on demand: a Report's `value`). */
  expectedValue?: (() => ValueAssessment) | undefined;
}

/** The card of `client` (a name of the ledger: see findClient). */
export function buildDossier(source: DossierSource, client: string, options: { topProducts?: number; analysed?: ClientAnalysis } = {}): Dossier {
  const { ledger, analysis } = source;
  const history = ledger.clients.get(client);
  if (history === undefined) throw new KamError({ code: 'client-not-found', value: client, details: { suggestions: [] } });
  const w = analysis.window;
  // options.analysed: the client's analysis when the caller holds it (every key client's card: no search each).
  const c: ClientAnalysis | undefined = options.analysed ?? analysis.clients.find((x) => x.client === client);
  const segment = c === undefined ? undefined : source.segments?.segmentOf(c);
  const attributesRow = source.segments?.attributes?.byClient.get(client) ?? null;

  // Recency over all rows up to the as-of day: the analysis has it for clients in the window.
  const purchaseDays: number[] = [];
  for (const [day, t] of history.days) if (t.purchase && day <= w.asOf) purchaseDays.push(day);
  const recency = purchaseDays.length > 0 ? assessRecency(purchaseDays, w.asOf, analysis.settings) : undefined;

  const purchases = purchaseSeriesOf(history, w, analysis.columns);
  const values = c === undefined ? [] : metricSeriesOf(history, w, analysis.settings.by);
  const series: DossierPeriod[] = w.labels.map((label, i) => ({ label, value: values[i] ?? 0, purchases: c === undefined ? 0 : (purchases[i] ?? 0) }));
  const m = source.migration;
  const prev = m?.previous.get(client);
  const totals = analysis.totals;
  return {
    client,
    by: analysis.settings.by,
    window: { period: w.period, from: w.labels[0] ?? '', to: w.labels[w.labels.length - 1] ?? '', periods: w.periods, startDay: w.startDay, endDay: w.endDay, asOf: w.asOf },
    inWindow: c !== undefined,
    total: c?.total ?? 0,
    share: c?.share ?? null,
    cumShare: c?.cumShare ?? null,
    rank: c?.rank ?? null,
    revenue: c?.revenue ?? 0,
    revenueShare: totals.revenue > 0 ? (c?.revenue ?? 0) / totals.revenue : null,
    profit: analysis.columns.profit ? (c?.profit ?? 0) : null,
    profitShare: analysis.columns.profit && totals.profit !== null && totals.profit > 0 ? (c?.profit ?? 0) / totals.profit : null,
    quantity: analysis.columns.quantity ? (c?.quantity ?? 0) : null,
    abc: c?.abc ?? null,
    xyz: c?.xyz ?? null,
    cell: c?.cell ?? null,
    cv: c?.cv ?? null,
    activePeriods: c?.activePeriods ?? 0,
    purchases: c?.purchases ?? 0,
    previous:
      m === null
        ? null
        : {
            from: m.previousWindow.labels[0] ?? '',
            to: m.previousWindow.labels[m.previousWindow.labels.length - 1] ?? '',
            coverage:
              ledger.firstDay === undefined || m.previousWindow.endDay < ledger.firstDay
                ? 'none'
                : m.previousWindow.startDay < ledger.firstDay
                  ? 'partial'
                  : 'full',
            abc: prev?.abc ?? null,
            xyz: prev?.xyz ?? null,
            total: prev?.total ?? null,
          },
    tags: c?.tags ?? (attributesRow?.tags ?? []),
    key: c !== undefined && (c.tags.includes('key') || isKeyClient(c)),
    breadwinnerBasis: source.segments?.breadwinnerBasis ?? null,
    breadwinnerShare: segment?.basisShare ?? null,
    breadwinnerThreshold: analysis.settings.breadwinnerShare,
    prospect: segment?.pace ?? null,
    prospectRule:
      source.segments === null
        ? null
        : {
            thresholdA: source.segments.thresholdA,
            thresholdB: source.segments.thresholdB,
            windowMonths: source.segments.windowMonths,
            newSince: source.segments.newSince,
          },
    firstPurchase: recency?.firstPurchase ?? null,
    lastPurchase: recency?.lastPurchase ?? null,
    purchaseDays: purchaseDays.length,
    recencyDays: recency?.recencyDays ?? null,
    usualIntervalDays: recency?.usualInterval ?? null,
    status: recency?.status ?? null,
    pAlive: c?.pAlive ?? pAliveOf(analysis.lost.alive, client),
    series,
    sparkline: sparkline(series.map((p) => p.value)),
    products: analysis.columns.product ? namedAmounts(productsOf(ledger, history), options.topProducts ?? 10) : null,
    productCount: history.products.size,
    directions: analysis.columns.direction ? namedAmounts(history.directions, Number.POSITIVE_INFINITY) : null,
    direction: analysis.columns.direction ? directionOf(history) : null,
    attributes: attributesRow === null ? null : { columns: source.segments?.attributes?.columns ?? [], row: attributesRow },
    expected: expectedOf(source, client),
  };
}

function expectedOf(source: DossierSource, client: string): Dossier['expected'] {
  if (source.expectedValue === undefined) return null;
  const value = source.expectedValue();
  const of = clientValueOf(value, client) ?? { client, expectedPurchases: null, expectedSpend: null, expectedRevenue: null };
  return { ...of, horizonWeeks: value.settings.horizonWeeks, annualDiscount: value.settings.annualDiscount, purchasesSound: value.purchasesSound };
}

/** Cards of every key client of the analysis, in ranking order (for the workbook's Dossiers sheet). */
export function keyClientDossiers(source: DossierSource): Dossier[] {
  return source.analysis.clients.filter((c) => c.tags.includes('key') || isKeyClient(c)).map((c) => buildDossier(source, c.client, { analysed: c }));
}
