// Every knob of the analysis with its SPEC default. The CLI (and later a config file)
// produces one of these; the core never reads options from anywhere else.
import type { PeriodKind } from './periods.js';

export type AbcMetric = 'revenue' | 'profit' | 'quantity';
export type AbcBoundary = 'include' | 'exclude';
export type XyzStart = 'first' | 'window';
export type SdKind = 'population' | 'sample';

export interface AnalysisSettings {
  /** Day the analysis looks from; undefined = the ledger's last day. */
  asOf: number | undefined;
  /** Explicit window bounds (days); whole periods are always taken. */
  from: number | undefined;
  to: number | undefined;
  includePartial: boolean;
  period: PeriodKind;
  by: AbcMetric;
  /** Cumulative share cut-offs as fractions: [A, B]. */
  abcCutoffs: readonly [number, number];
  abcBoundary: AbcBoundary;
  /** CV cut-offs as fractions: [X, Y]. */
  xyzCutoffs: readonly [number, number];
  xyzStart: XyzStart;
  sd: SdKind;
  minPeriods: number;
  /** Lost-client rules (SPEC §6). */
  lostAfter: number;
  lostFactor: number;
  riskFactor: number;
  /** Tags (SPEC §7): breadwinner from this share of total profit (revenue without a profit column), a fraction. */
  breadwinnerShare: number;
  /** Tags (SPEC §7): prospect when the first purchase is at most this many months before the as-of day. */
  newWithinMonths: number;
  /** Expected purchases and revenue (SPEC §6): over this many weeks after the as-of day. */
  horizonWeeks: number;
  /** Annual rate the expected revenue is discounted at (0.1 = 10% a year); null: not discounted. */
  annualDiscount: number | null;
  /** Key clients (SPEC §5): the top clients making up this share of the ABC metric, a fraction. */
  keyShare: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  asOf: undefined,
  from: undefined,
  to: undefined,
  includePartial: false,
  period: 'month',
  by: 'revenue',
  abcCutoffs: [0.8, 0.95],
  abcBoundary: 'include',
  xyzCutoffs: [0.1, 0.25],
  xyzStart: 'first',
  sd: 'population',
  minPeriods: 3,
  lostAfter: 180,
  lostFactor: 3,
  riskFactor: 1.5,
  breadwinnerShare: 0.1,
  newWithinMonths: 6,
  horizonWeeks: 52,
  annualDiscount: null,
  keyShare: 0.5,
};

/** The reference band for the key clients' share of sales (SPEC §5). */
export const KEY_SHARE_BAND: readonly [number, number] = [0.3, 0.55];
