// SPEC §4: XYZ by the coefficient of variation of a client's per-period series.
import { roundForTies } from './order.js';
import { mean, sampleStandardDeviation, standardDeviation } from 'simple-statistics';
import type { SdKind } from './settings.js';

export type XyzClass = 'X' | 'Y' | 'Z';
/** Why a client has no XYZ class. */
export type XyzGap = 'too-new' | 'no-net-purchases';

export interface XyzOptions {
  cutoffs: readonly [number, number];
  sd: SdKind;
  minPeriods: number;
}

export interface XyzResult {
  cv: number | null;
  xyzClass: XyzClass | null;
  gap: XyzGap | null;
}

// A CV exactly on a cut-off belongs to the better class, whatever the last bit says.
const EPSILON = 1e-9;

/** Coefficient of variation, or null where it does not exist (too short, mean not positive). */
export function coefficientOfVariation(series: readonly number[], sd: SdKind): number | null {
  if (series.length === 0 || (sd === 'sample' && series.length < 2)) return null;
  const m = mean(series as number[]);
  // Net sums carry float noise (10.1 - 10.1 ≠ 0 in some orders): judge the mean at 6 decimals.
  if (roundForTies(m) <= 0) return null;
  const s = sd === 'sample' ? sampleStandardDeviation(series as number[]) : standardDeviation(series as number[]);
  return s / m;
}

export function xyzClassOf(cv: number, cutoffs: readonly [number, number]): XyzClass {
  if (cv <= cutoffs[0] + EPSILON) return 'X';
  if (cv <= cutoffs[1] + EPSILON) return 'Y';
  return 'Z';
}

export function classifyXyz(series: readonly number[], options: XyzOptions): XyzResult {
  if (series.length < options.minPeriods || (options.sd === 'sample' && series.length < 2)) {
    return { cv: null, xyzClass: null, gap: 'too-new' };
  }
  const cv = coefficientOfVariation(series, options.sd);
  if (cv === null) return { cv: null, xyzClass: null, gap: 'no-net-purchases' };
  return { cv, xyzClass: xyzClassOf(cv, options.cutoffs), gap: null };
}
