// SPEC §9: the per-client table contract shared by CSV, JSON and the workbook. The first
// eighteen names and their order are fixed; more columns may only follow them.
import type { ClientAnalysis } from '../core/analyze.js';
import type { Report } from '../core/report.js';
import { formatDay } from '../core/calendar.js';
import { clientValueOf } from '../core/expected-revenue.js';

export type ColumnValue = string | number | null;
export type ColumnKind = 'text' | 'money' | 'share' | 'ratio' | 'integer' | 'date' | 'number';

/** What column values read beyond the client: the earlier window, the expected figures (value), the portfolios. */
export type ColumnSource = Pick<Report, 'migration' | 'value' | 'portfolios'>;

export interface ClientColumn {
  name: string;
  kind: ColumnKind;
  value: (c: ClientAnalysis, report: ColumnSource) => ColumnValue;
}

const day = (d: number | null): string | null => (d === null ? null : formatDay(d));

export const CONTRACT_COLUMNS: readonly ClientColumn[] = [
  { name: 'client', kind: 'text', value: (c) => c.client },
  { name: 'abc', kind: 'text', value: (c) => c.abc },
  { name: 'xyz', kind: 'text', value: (c) => c.xyz },
  { name: 'cell', kind: 'text', value: (c) => c.cell },
  { name: 'total', kind: 'money', value: (c) => c.total },
  { name: 'share', kind: 'share', value: (c) => c.share },
  { name: 'cum_share', kind: 'share', value: (c) => c.cumShare },
  { name: 'rank', kind: 'integer', value: (c) => c.rank },
  { name: 'cv', kind: 'ratio', value: (c) => c.cv },
  { name: 'active_periods', kind: 'integer', value: (c) => c.activePeriods },
  { name: 'purchases', kind: 'integer', value: (c) => c.purchases },
  { name: 'first_purchase', kind: 'date', value: (c) => day(c.firstPurchase) },
  { name: 'last_purchase', kind: 'date', value: (c) => day(c.lastPurchase) },
  { name: 'recency_days', kind: 'integer', value: (c) => c.recencyDays },
  { name: 'usual_interval_days', kind: 'number', value: (c) => c.usualIntervalDays },
  { name: 'status', kind: 'text', value: (c) => c.status },
  { name: 'p_alive', kind: 'ratio', value: (c) => c.pAlive },
  { name: 'tags', kind: 'text', value: (c) => (c.tags.length === 0 ? null : c.tags.join(';')) },
];

/** Columns after the contract: stable too, but scripts should address them by name. */
export const EXTRA_COLUMNS: readonly ClientColumn[] = [
  // The earlier window's classes (--compare); empty without it and for clients new since.
  { name: 'abc_prev', kind: 'text', value: (c, r) => r.migration?.previous.get(c.client)?.abc ?? null },
  { name: 'xyz_prev', kind: 'text', value: (c, r) => r.migration?.previous.get(c.client)?.xyz ?? null },
  { name: 'purchases_cv', kind: 'ratio', value: (c) => c.purchasesCv },
  { name: 'revenue', kind: 'money', value: (c) => c.revenue },
  { name: 'profit', kind: 'money', value: (c) => c.profit },
  { name: 'quantity', kind: 'number', value: (c) => c.quantity },
  { name: 'flags', kind: 'text', value: (c) => (c.flags.length === 0 ? null : c.flags.join(';')) },
  // What the models expect of the client over the horizon (--horizon, default 52 weeks; SPEC §6):
  // purchase days (BG/NBD) and revenue (× the Gamma-Gamma spend, discounted with --discount).
  { name: 'expected_purchases', kind: 'number', value: (c, r) => clientValueOf(r.value, c.client)?.expectedPurchases ?? null },
  { name: 'expected_revenue', kind: 'money', value: (c, r) => clientValueOf(r.value, c.client)?.expectedRevenue ?? null },
];

export const CLIENT_COLUMNS: readonly ClientColumn[] = [...CONTRACT_COLUMNS, ...EXTRA_COLUMNS];

/** With a direction column (--direction): the client's portfolio and its class within it (SPEC §11). */
export const DIRECTION_COLUMNS: readonly ClientColumn[] = [
  { name: 'direction', kind: 'text', value: (c, r) => r.portfolios?.byClient.get(c.client)?.direction ?? null },
  { name: 'abc_within', kind: 'text', value: (c, r) => r.portfolios?.byClient.get(c.client)?.abcWithin ?? null },
];

/** The per-client columns of a run: the direction columns follow all the others, and only with a direction column. */
export function clientColumnsOf(report: Pick<Report, 'portfolios'>): readonly ClientColumn[] {
  return report.portfolios === null ? CLIENT_COLUMNS : [...CLIENT_COLUMNS, ...DIRECTION_COLUMNS];
}

const DECIMALS: Record<ColumnKind, number> = { text: 0, money: 6, share: 10, ratio: 10, integer: 0, date: 0, number: 6 };

/** Rounds away float noise (0.30000000000000004) so output is stable and readable; never -0. */
export function roundValue(value: number, kind: ColumnKind): number {
  const digits = DECIMALS[kind];
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/** The value as it goes into JSON: numbers rounded, everything else as is. */
export function dataValue(column: ClientColumn, c: ClientAnalysis, report: ColumnSource): ColumnValue {
  const v = column.value(c, report);
  return typeof v === 'number' ? roundValue(v, column.kind) : v;
}

/** Plain decimal text, never exponent notation (1e-7 would trip some CSV consumers). */
export function numberText(value: number, kind: ColumnKind): string {
  // A whole number is its own digits (most cells of a large table: counts, days, ranks). Beyond
  // 2^53, String writes the shortest digits that read back (…090 where toFixed writes the exact
  // …096), and from 10^21 on both write an exponent: BigInt writes the exact digits.
  if (Number.isSafeInteger(value)) return value === 0 ? '0' : String(value);
  if (Number.isInteger(value)) return BigInt(value).toString();
  if (!Number.isFinite(value)) return String(value);
  const digits = DECIMALS[kind];
  const text = value.toFixed(digits);
  if (digits === 0) return text === '-0' ? '0' : text;
  // The fraction's trailing zeros, and its point when nothing is left of it.
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  const trimmed = text.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}
