// Small hand-checked ledgers for the core tests: lines written as plain objects with ISO dates,
// folded with the real emptyLedger/addLine, analysed with settings that start from the defaults.
// Day numbers are computed with Date.UTC here, independently of src/core/calendar.ts.
import { addLine, emptyLedger, finishLedger, type Ledger, type LedgerColumns } from '../../src/core/ledger.js';
import { analyzeLedger, metricSeriesOf, type Analysis, type ClientAnalysis } from '../../src/core/analyze.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings.js';

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01 UTC) of an ISO date 'YYYY-MM-DD'. */
export function day(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new Error(`bad test date ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(t / MS_PER_DAY);
}

/** ISO date of a day number. */
export function iso(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface TestLine {
  client: string;
  date: string;
  amount: number;
  quantity?: number;
  profit?: number;
  document?: string;
}

export const NO_COLUMNS: LedgerColumns = { quantity: false, profit: false, document: false, product: false, direction: false };

/** Folds lines into a ledger. Columns are those any line uses, unless given. */
export function ledgerOf(lines: readonly TestLine[], columns?: Partial<LedgerColumns>): Ledger {
  const used: LedgerColumns = {
    ...NO_COLUMNS,
    quantity: lines.some((l) => l.quantity !== undefined),
    profit: lines.some((l) => l.profit !== undefined),
    document: lines.some((l) => l.document !== undefined),
    ...columns,
  };
  const ledger = emptyLedger(used);
  for (const l of lines) {
    addLine(ledger, { client: l.client, day: day(l.date), amount: l.amount, quantity: l.quantity, profit: l.profit, document: l.document });
  }
  return finishLedger(ledger);
}

export type SettingsOverrides = Partial<Omit<AnalysisSettings, 'asOf' | 'from' | 'to'>> & { asOf?: string; from?: string; to?: string };

export function settingsOf(overrides: SettingsOverrides = {}): AnalysisSettings {
  const { asOf, from, to, ...rest } = overrides;
  return {
    ...DEFAULT_SETTINGS,
    ...rest,
    asOf: asOf === undefined ? undefined : day(asOf),
    from: from === undefined ? undefined : day(from),
    to: to === undefined ? undefined : day(to),
  };
}

export function analyze(lines: readonly TestLine[], overrides: SettingsOverrides = {}, columns?: Partial<LedgerColumns>): Analysis {
  return analyzeLedger(ledgerOf(lines, columns), settingsOf(overrides));
}

/** A client's metric per window period, zeros included: the series its XYZ class is judged on (metricSeriesOf). */
export function seriesOf(lines: readonly TestLine[], client: string, overrides: SettingsOverrides = {}, columns?: Partial<LedgerColumns>): number[] {
  const ledger = ledgerOf(lines, columns);
  const settings = settingsOf(overrides);
  return metricSeriesOf(ledger.clients.get(client)!, analyzeLedger(ledger, settings).window, settings.by);
}

/** The analysis of one client, failing loudly when it is absent. */
export function clientOf(analysis: Analysis, name: string): ClientAnalysis {
  const c = analysis.clients.find((x) => x.client === name);
  if (c === undefined) throw new Error(`client ${name} not in the analysis (has: ${analysis.clients.map((x) => x.client).join(', ')})`);
  return c;
}

/** client → class letters, e.g. { a: 'A', b: 'B' }. */
export function abcOf(analysis: Analysis): Record<string, string> {
  return Object.fromEntries(analysis.clients.map((c) => [c.client, c.abc]));
}

/** One line per month for a client, on the 15th, from a start month 'YYYY-MM' with the given amounts (0 = no line). */
export function monthly(client: string, startMonth: string, amounts: readonly number[], extra: Partial<TestLine> = {}): TestLine[] {
  const [y0, m0] = startMonth.split('-').map(Number) as [number, number];
  const out: TestLine[] = [];
  amounts.forEach((amount, i) => {
    if (amount === 0) return;
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    out.push({ client, date: `${y}-${String(m).padStart(2, '0')}-15`, amount, ...extra });
  });
  return out;
}

/**
 * Two bookend lines from a client no test looks at, so the ledger covers whole months
 * from..to ('YYYY-MM-DD' first and last day), without touching the clients under test much.
 */
export function bookends(first: string, last: string, client = 'zz-bookend', amount = 0.01): TestLine[] {
  return [
    { client, date: first, amount },
    { client, date: last, amount },
  ];
}

/** Population and sample standard deviation / mean, written out (no library) for expectations. */
export function cvOf(series: readonly number[], sd: 'population' | 'sample' = 'population'): number {
  const n = series.length;
  const mean = series.reduce((s, x) => s + x, 0) / n;
  const ss = series.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(ss / (sd === 'sample' ? n - 1 : n)) / mean;
}
