// The spend model and the holdout check as JSON (kam alive): the `spend` block, and the `holdout`
// block with the table per calibration frequency, the totals, the weekly tracking and the error.
import { formatDay } from '../core/calendar.js';
import type { HoldoutCheck } from '../core/holdout.js';
import type { SpendAssessment } from '../core/spend.js';
import { roundValue } from './client-columns.js';

export interface SpendJson {
  p: number | null;
  q: number | null;
  gamma: number | null;
  log_likelihood: number | null;
  /** Clients the model was fitted on. */
  clients: number;
}

const ratio = (x: number | null): number | null => (x === null ? null : roundValue(x, 'ratio'));
const number = (x: number | null): number | null => (x === null ? null : roundValue(x, 'number'));

/** {p, q, gamma, log_likelihood, clients}; nulls (and the clients it would need) when the model is not fitted. */
export function spendJson(spend: SpendAssessment): SpendJson {
  const fit = spend.fit;
  return {
    p: ratio(fit?.params.p ?? null),
    q: ratio(fit?.params.q ?? null),
    gamma: ratio(fit?.params.gamma ?? null),
    log_likelihood: number(fit?.logLikelihood ?? null),
    clients: fit?.customers ?? spend.judged,
  };
}

export interface HoldoutJson {
  calibration_end: string;
  end: string;
  weeks: number;
  by_frequency: { frequency: string; clients: number; actual: number | null; predicted: number | null }[];
  total: { actual: number; predicted: number | null };
  weekly: { week: number; actual_cumulative: number; predicted_cumulative: number | null }[];
  error: { mae: number | null; correlation: number | null };
}

export function holdoutJson(check: HoldoutCheck): HoldoutJson {
  return {
    calibration_end: formatDay(check.calibrationEnd),
    end: formatDay(check.end),
    weeks: roundValue(check.weeks, 'number'),
    by_frequency: check.byFrequency.map((g) => ({ frequency: g.frequency, clients: g.clients, actual: ratio(g.actual), predicted: ratio(g.predicted) })),
    total: { actual: check.total.actual, predicted: number(check.total.predicted) },
    weekly: check.weekly.map((w) => ({ week: w.week, actual_cumulative: w.actualCumulative, predicted_cumulative: number(w.predictedCumulative) })),
    error: { mae: ratio(check.error.mae), correlation: ratio(check.error.correlation) },
  };
}
