// The two rules every ordering of kam shares (SPEC §3): amounts compare at 6 decimals, so that
// floating-point noise never splits a tie, and ties go to the name that sorts first in plain
// code-unit order, so no result depends on the machine's locale. Every sort in src/ uses these.

/** An amount rounded to 6 decimals: the precision at which totals tie (and at which the workbook stores them). */
export function roundForTies(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Client names (and other names: products, directions) in plain code-unit order. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Direction values (region, manager…) by name, the group of clients without a value (null) last. */
export function compareDirections(p: string | null, q: string | null): number {
  return p === null ? (q === null ? 0 : 1) : q === null ? -1 : compareNames(p, q);
}
