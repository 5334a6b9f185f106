// One client's days in typed arrays, in day order: the purchase flag and the exact sums of
// amount, quantity and profit per day. A day costs ~21 bytes (~37 with quantity, ~53 with
// profit too) instead of the ~130 a Map entry holding an object costs: at ten million lines
// this is most of the ledger's memory.
//
// Sums are exact: each value is split into whole units and millionths, both summed as
// integers, so a day's total never depends on the order of its lines.

const MICRO = 1e6;

/** units + micros/10^6, with -0 turned into 0. */
export function fromExact(units: number, micros: number): number {
  const value = units + micros / MICRO;
  return value === 0 ? 0 : value;
}

/** Millionths of x beyond its whole units (an integer): x = trunc(x) + micros(x) / 10^6. */
export function microsOf(x: number, whole: number): number {
  return Math.round((x - whole) * MICRO);
}

/** A day's totals as plain numbers (what iteration hands out). */
export interface DayTotals {
  purchase: boolean;
  amount: number;
  profit: number;
  quantity: number;
}

export type DayMeasure = 'amount' | 'quantity' | 'profit';

export class DayTable {
  private dayAt = new Int32Array(4);
  private flags = new Uint8Array(4);
  /** Per measure, [units, micros] per day; quantity and profit only once a line carries them. */
  private sums: Record<DayMeasure, Float64Array | undefined> = { amount: new Float64Array(8), quantity: undefined, profit: undefined };
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The day at index i (days ascend with i). */
  day(i: number): number {
    return this.dayAt[i]!;
  }

  /** Whether day i holds a purchase line (SPEC §6). */
  purchase(i: number): boolean {
    return this.flags[i] === 1;
  }

  /** A measure's exact total on day i, as a number (0 when no line carried it). */
  total(measure: DayMeasure, i: number): number {
    const sums = this.sums[measure];
    return sums === undefined ? 0 : fromExact(sums[2 * i]!, sums[2 * i + 1]!);
  }

  amount(i: number): number {
    return this.total('amount', i);
  }

  /** The exact [units, micros] of a measure on day i. */
  exact(measure: DayMeasure, i: number): [number, number] {
    const sums = this.sums[measure];
    return sums === undefined ? [0, 0] : [sums[2 * i]!, sums[2 * i + 1]!];
  }

  /** Index of `day`, added (empty, in order) when absent. Appending a later day is the usual case. */
  slot(day: number): number {
    const n = this.count;
    if (n > 0) {
      const last = this.dayAt[n - 1]!;
      if (day === last) return n - 1;
      if (day < last) {
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const m = (lo + hi) >> 1;
          if (this.dayAt[m]! < day) lo = m + 1;
          else hi = m;
        }
        if (this.dayAt[lo] === day) return lo;
        this.insertAt(lo, day);
        return lo;
      }
    }
    this.insertAt(n, day);
    return n;
  }

  /** Adds a value to a measure on day i (exactly). */
  add(measure: DayMeasure, i: number, value: number): void {
    const whole = Math.trunc(value);
    this.addExact(measure, i, whole, microsOf(value, whole));
  }

  addExact(measure: DayMeasure, i: number, units: number, micros: number): void {
    let sums = this.sums[measure];
    if (sums === undefined) sums = this.sums[measure] = new Float64Array(this.dayAt.length * 2);
    sums[2 * i]! += units;
    sums[2 * i + 1]! += micros;
  }

  markPurchase(i: number): void {
    this.flags[i] = 1;
  }

  /** Adds every day of another table (merging ledgers read in parts). */
  addTable(from: DayTable): void {
    for (let j = 0; j < from.count; j++) {
      const i = this.slot(from.dayAt[j]!);
      if (from.flags[j] === 1) this.flags[i] = 1;
      for (const measure of ['amount', 'quantity', 'profit'] as const) {
        const sums = from.sums[measure];
        if (sums !== undefined) this.addExact(measure, i, sums[2 * j]!, sums[2 * j + 1]!);
      }
    }
  }

  get(day: number): DayTotals | undefined {
    const i = this.indexOf(day);
    return i < 0 ? undefined : this.totalsAt(i);
  }

  totalsAt(i: number): DayTotals {
    return { purchase: this.purchase(i), amount: this.total('amount', i), profit: this.total('profit', i), quantity: this.total('quantity', i) };
  }

  /** [day, totals] in day order. Convenient; hot loops index the table instead. */
  *[Symbol.iterator](): Generator<[number, DayTotals]> {
    for (let i = 0; i < this.count; i++) yield [this.dayAt[i]!, this.totalsAt(i)];
  }

  private indexOf(day: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (this.dayAt[m]! < day) lo = m + 1;
      else hi = m;
    }
    return lo < this.count && this.dayAt[lo] === day ? lo : -1;
  }

  private insertAt(at: number, day: number): void {
    if (this.count === this.dayAt.length) this.grow();
    const n = this.count;
    if (at < n) {
      this.dayAt.copyWithin(at + 1, at, n);
      this.flags.copyWithin(at + 1, at, n);
      for (const sums of Object.values(this.sums)) {
        if (sums === undefined) continue;
        sums.copyWithin(2 * at + 2, 2 * at, 2 * n);
        sums[2 * at] = 0;
        sums[2 * at + 1] = 0;
      }
    }
    this.dayAt[at] = day;
    this.flags[at] = 0;
    this.count++;
  }

  private grow(): void {
    // Half again (not double): a few thousand clients' tables sit mostly full, not half empty.
    const capacity = this.dayAt.length + (this.dayAt.length >> 1) + 4;
    const days = new Int32Array(capacity);
    days.set(this.dayAt);
    this.dayAt = days;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    for (const measure of ['amount', 'quantity', 'profit'] as const) {
      const old = this.sums[measure];
      if (old === undefined) continue;
      const sums = new Float64Array(capacity * 2);
      sums.set(old);
      this.sums[measure] = sums;
    }
  }
}
