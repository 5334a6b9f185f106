// SPEC §4: when nearly every client lands in one XYZ class the matrix says little; find
// cut-offs that would separate the clients and say so.
import { quantileSorted } from 'simple-statistics';
import type { Problem } from './problems.js';
import type { AnalysisSettings } from './settings.js';
import { xyzClassOf, type XyzClass } from './xyz.js';

export interface XyzSpread {
  X: number;
  Y: number;
  Z: number;
  none: number;
  /** A note when one class holds at least DEGENERATE_SHARE of the classed clients. */
  degenerate: Problem | null;
}

export const DEGENERATE_SHARE = 0.9;
/** Too few classed clients make any split look degenerate: stay silent below this. */
const MIN_CLASSED = 10;

function percent(x: number): number {
  // Cut-offs a person can type: whole percent, at least 1.
  return Math.max(1, Math.round(x * 100));
}

export function describeXyzSpread(
  clients: readonly { xyz: XyzClass | null; cv: number | null }[],
  settings: Pick<AnalysisSettings, 'period' | 'xyzCutoffs'>,
  periods: number,
): XyzSpread {
  const spread: XyzSpread = { X: 0, Y: 0, Z: 0, none: 0, degenerate: null };
  const cvs: number[] = [];
  for (const c of clients) {
    if (c.xyz === null) spread.none++;
    else spread[c.xyz]++;
    if (c.cv !== null) cvs.push(c.cv);
  }
  const classed = spread.X + spread.Y + spread.Z;
  if (classed < MIN_CLASSED) return spread;
  const dominant = (['X', 'Y', 'Z'] as const).find((k) => spread[k] / classed >= DEGENERATE_SHARE);
  if (dominant === undefined) return spread;

  cvs.sort((a, b) => a - b);
  let low = percent(quantileSorted(cvs, 1 / 3));
  let high = percent(quantileSorted(cvs, 2 / 3));
  if (high <= low) high = low + 1;
  // Suggest the terciles only if they really would separate the clients (not when CVs coincide).
  const x = cvs.filter((cv) => xyzClassOf(cv, [low / 100, high / 100]) === 'X').length;
  const y = cvs.filter((cv) => xyzClassOf(cv, [low / 100, high / 100]) === 'Y').length;
  const separates = Math.max(x, y, cvs.length - x - y) / cvs.length < DEGENERATE_SHARE;
  const longerPeriod = settings.period === 'week' ? 'month' : settings.period === 'month' && periods >= 9 ? 'quarter' : null;
  spread.degenerate = {
    code: 'xyz-degenerate',
    severity: 'warning',
    value: dominant,
    details: {
      count: spread[dominant],
      classed,
      ...(separates ? { suggestedCutoffs: `${low},${high}` } : {}),
      ...(longerPeriod === null ? {} : { suggestedPeriod: longerPeriod }),
    },
  };
  return spread;
}
