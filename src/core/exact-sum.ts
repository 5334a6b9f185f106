// Money added up exactly, as the ledger keeps it (src/core/ledger.ts): whole units and millionths,
// both integers. Sums and differences of such pairs are exact, so figures made from them add up
// to the cent whatever their order: a bridge's columns make its end, portfolios make the total.
import { canonicalExact, fromExact } from './day-table.js';
import type { ExactPair } from './ledger.js';

export function exactZero(): ExactPair {
  return [0, 0];
}

/** into += (units, micros). */
export function addPair(into: ExactPair, units: number, micros: number): void {
  into[0] += units;
  into[1] += micros;
}

/** -1, 0 or 1: the sign of the exact value (not of a rounded number). */
export function signOfExact(x: ExactPair): -1 | 0 | 1 {
  const [units, micros] = canonicalExact(x[0], x[1]);
  const s = units !== 0 ? units : micros;
  return s > 0 ? 1 : s < 0 ? -1 : 0;
}

/** The exact value as a number: the same bits however the sum was split. */
export function exactValue(x: ExactPair): number {
  return fromExact(x[0], x[1]);
}
