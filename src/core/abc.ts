// SPEC §3: ABC by Pareto share of a metric summed over the window.
import { compareNames, roundForTies } from './order.js';
import type { AbcBoundary } from './settings.js';

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcInput {
  client: string;
  total: number;
}

export interface AbcResult {
  client: string;
  total: number;
  /** Share of the sum of positive totals; null for clients whose total is not positive. */
  share: number | null;
  /** Cumulative share up to and including this client in the ranking. */
  cumShare: number | null;
  rank: number | null;
  abcClass: AbcClass;
  /** Set when the total is zero or negative: such clients are C and flagged. */
  nonPositive: boolean;
  /** The client's position in the inputs. */
  index: number;
}

export interface AbcOptions {
  cutoffs: readonly [number, number];
  boundary: AbcBoundary;
}

// A share exactly on a cut-off must compare as "on it", whatever the last bit of the division says.
const EPSILON = 1e-9;

function classByCumulative(cum: number, cutoffs: readonly [number, number], inclusive: boolean): AbcClass {
  const [a, b] = cutoffs;
  if (inclusive) {
    if (cum <= a + EPSILON) return 'A';
    if (cum <= b + EPSILON) return 'B';
    return 'C';
  }
  if (cum < a - EPSILON) return 'A';
  if (cum < b - EPSILON) return 'B';
  return 'C';
}

/**
 * Ranks clients with a positive total, largest first (ties by name). With the default
 * boundary "include" a client is A while the share of the clients ranked before it is below
 * the A cut-off, so the client crossing the line is A; "exclude" makes it A only when the
 * share including it is within the cut-off. Tied totals take the class of the first of them.
 * Results come back in ranking order, non-positive clients last.
 */
export function classifyAbc(inputs: readonly AbcInput[], options: AbcOptions): AbcResult[] {
  const positive: { client: string; total: number; key: number; index: number }[] = [];
  const rest: { client: string; total: number; index: number }[] = [];
  inputs.forEach((input, index) => {
    const key = roundForTies(input.total);
    if (key > 0) positive.push({ client: input.client, total: input.total, key, index });
    else rest.push({ client: input.client, total: input.total, index });
  });
  positive.sort((x, y) => y.key - x.key || compareNames(x.client, y.client));
  const sum = positive.reduce((s, p) => s + p.total, 0);

  const results: AbcResult[] = [];
  let running = 0;
  let groupKey = Number.NaN;
  let groupClass: AbcClass = 'A';
  positive.forEach((p, i) => {
    const before = running / sum;
    running += p.total;
    const including = running / sum;
    if (p.key !== groupKey) {
      groupKey = p.key;
      groupClass =
        options.boundary === 'include'
          ? classByCumulative(before, options.cutoffs, false)
          : classByCumulative(including, options.cutoffs, true);
    }
    results.push({
      client: p.client,
      total: p.total,
      share: p.total / sum,
      cumShare: including,
      rank: i + 1,
      abcClass: groupClass,
      nonPositive: false,
      index: p.index,
    });
  });

  rest.sort((x, y) => roundForTies(y.total) - roundForTies(x.total) || compareNames(x.client, y.client));
  for (const r of rest) {
    results.push({ client: r.client, total: r.total, share: null, cumShare: null, rank: null, abcClass: 'C', nonPositive: true, index: r.index });
  }
  return results;
}
