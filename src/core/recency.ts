// SPEC §6: how long a client has been silent against its own rhythm.
import { median } from 'simple-statistics';

export type ClientStatus = 'active' | 'at-risk' | 'lost';

export interface RecencyRules {
  lostAfter: number;
  lostFactor: number;
  riskFactor: number;
}

export interface Recency {
  firstPurchase: number;
  lastPurchase: number;
  purchaseDays: number;
  recencyDays: number;
  /** Median gap between consecutive purchase days; null with a single purchase day. */
  usualInterval: number | null;
  /** Days of silence after which this client counts as lost / at risk. */
  lostThreshold: number;
  riskThreshold: number;
  status: ClientStatus;
}

/** Below this many purchase days a client's rhythm is not trusted: the absolute rule alone judges it. */
export const MIN_PURCHASE_DAYS_FOR_RHYTHM = 3;
const LOST_FLOOR = 30;
const RISK_FLOOR = 15;

export function usualIntervalOf(days: readonly number[]): number | null {
  if (days.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i]! - days[i - 1]!);
  return median(gaps);
}

/** Thresholds in days: the client's own rhythm (with floors) capped by the absolute rule. */
export function thresholdsOf(usualInterval: number | null, purchaseDays: number, rules: RecencyRules): { lost: number; risk: number } {
  const absoluteLost = rules.lostAfter;
  const absoluteRisk = rules.lostAfter / 2;
  if (purchaseDays < MIN_PURCHASE_DAYS_FOR_RHYTHM || usualInterval === null) return { lost: absoluteLost, risk: absoluteRisk };
  return {
    lost: Math.min(absoluteLost, Math.max(LOST_FLOOR, rules.lostFactor * usualInterval)),
    risk: Math.min(absoluteRisk, Math.max(RISK_FLOOR, rules.riskFactor * usualInterval)),
  };
}

/** `days`: the client's distinct purchase days up to the as-of day, ascending; at least one. */
export function assessRecency(days: readonly number[], asOf: number, rules: RecencyRules): Recency {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const recencyDays = asOf - last;
  const usualInterval = usualIntervalOf(days);
  const { lost, risk } = thresholdsOf(usualInterval, days.length, rules);
  const status: ClientStatus = recencyDays > lost ? 'lost' : recencyDays > risk ? 'at-risk' : 'active';
  return {
    firstPurchase: first,
    lastPurchase: last,
    purchaseDays: days.length,
    recencyDays,
    usualInterval,
    lostThreshold: lost,
    riskThreshold: risk,
    status,
  };
}
