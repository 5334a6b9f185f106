// One client's days in one array of doubles, in day order: the purchase flag, the exact sums of
// amount, quantity and profit per day and (once the ledger is finished) the number of documents
// first bought that day. A day costs 24 bytes (40 with quantity, 56 with profit too, 8 more with
// documents) instead of the ~130 a Map entry holding an object costs: at ten million lines this
// is most of the ledger's memory. A plain array, not a typed one: a Float64Array and its buffer
// cost ~250 bytes of their own, more than a typical client's days.
//
// Sums are exact: each value is split into whole units and millionths, both summed as
// integers, so a day's total never depends on the order of its lines.

const MICRO = 1e6;

/**
 * units + micros/10^6, with -0 turned into 0. The pair is first brought to its one canonical
 * form (|micros| < 10^6, both of the total's sign), so the number depends only on the exact sum,
 * never on how it was split: 5 + (-0.3) and 4 + 0.7 give the same bits, and so does the decimal
 * "4.700000" read from a day ledger (SPEC §12).
 */
export function fromExact(units: number, micros: number): number {
  canonicalInto(units, micros, scratch);
  const value = scratch[0] + scratch[1] / MICRO;
  return value === 0 ? 0 : value;
}

/** fromExact's pair: it runs for every day of every client, and allocates nothing. */
const scratch: [number, number] = [0, 0];

/** The canonical form of an exact pair: micros carried into units, both of one sign. */
export function canonicalExact(units: number, micros: number): [number, number] {
  const [u, m] = canonicalInto(units, micros, [0, 0]);
  return [u, m === 0 ? 0 : m];
}

function canonicalInto(units: number, micros: number, out: [number, number]): [number, number] {
  let m = micros % MICRO;
  let u = units + (micros - m) / MICRO;
  if (u > 0 && m < 0) {
    u -= 1;
    m += MICRO;
  } else if (u < 0 && m > 0) {
    u += 1;
    m -= MICRO;
  }
  out[0] = u;
  out[1] = m;
  return out;
}

/** Below this a double's fraction is within half a millionth of the decimal it was read from. */
const NEAR_FRACTION = 2 ** 33;

/**
 * Millionths of x beyond its whole units (an integer): x = trunc(x) + micros(x) / 10^6. From
 * 2^33 on, a double's fraction drifts from the decimal a file held (1234567890123.12 is stored
 * as …123.1199951…), so the millionths are read from its shortest decimal form, which is that
 * decimal: sums stay exact to the cent for amounts in the trillions.
 */
export function microsOf(x: number, whole: number): number {
  const micros = Math.round((x - whole) * MICRO);
  if (x < NEAR_FRACTION && x > -NEAR_FRACTION) return micros;
  const text = String(x);
  const dot = text.indexOf('.');
  if (dot < 0 || text.includes('e')) return micros;
  const digits = text.slice(dot + 1);
  let exact = Number(digits.slice(0, 6).padEnd(6, '0'));
  if (digits.length > 6 && digits.charCodeAt(6) >= 0x35) exact++;
  return x < 0 ? -exact : exact;
}

/** A day's totals as plain numbers (what iteration hands out). */
export interface DayTotals {
  purchase: boolean;
  amount: number;
  profit: number;
  quantity: number;
}

export type DayMeasure = 'amount' | 'quantity' | 'profit';

/** A fresh row store of `length` zeros that holds doubles (not small integers) from the start. */
function doubles(length: number): number[] {
  const rows = new Array<number>(length).fill(0.5);
  rows.fill(0);
  return rows;
}

const MEASURES: readonly DayMeasure[] = ['amount', 'quantity', 'profit'];

function measureIndex(measure: DayMeasure): number {
  return measure === 'amount' ? 0 : measure === 'quantity' ? 1 : 2;
}

export class DayTable {
  /**
   * One row per day, `stride` numbers each: day × 2 + purchase flag, then [units, micros] of
   * each measure present. One array per client (not one per column): a client's table grows a
   * handful of times, and every typed array allocated costs time and garbage.
   */
  private rows: number[] = doubles(2 * 3);
  private stride = 3;
  // (Fields, not a small array: an array per client costs more than the numbers in it.)
  private amountAt = 1;
  private quantityAt = -1;
  private profitAt = -1;
  /** Offset of the documents first bought on the day (one number); -1: not counted. */
  private documentsAt = -1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The day at index i (days ascend with i). */
  day(i: number): number {
    return Math.floor(this.rows[i * this.stride]! / 2);
  }

  /** Whether day i holds a purchase line (SPEC §6). */
  purchase(i: number): boolean {
    const key = this.rows[i * this.stride]!;
    return key - 2 * Math.floor(key / 2) === 1;
  }

  /** A measure's exact total on day i, as a number (0 when no line carried it). */
  total(measure: DayMeasure, i: number): number {
    const offset = this.offsetOf(measureIndex(measure));
    if (offset < 0) return 0;
    const at = i * this.stride + offset;
    return fromExact(this.rows[at]!, this.rows[at + 1]!);
  }

  amount(i: number): number {
    const at = i * this.stride + 1;
    return fromExact(this.rows[at]!, this.rows[at + 1]!);
  }

  /** The exact [units, micros] of a measure on day i. */
  exact(measure: DayMeasure, i: number): [number, number] {
    const offset = this.offsetOf(measureIndex(measure));
    if (offset < 0) return [0, 0];
    const at = i * this.stride + offset;
    return [this.rows[at]!, this.rows[at + 1]!];
  }

  /** Index of `day`, added (empty, in order) when absent. Appending a later day is the usual case. */
  slot(day: number): number {
    const n = this.count;
    if (n > 0) {
      const last = this.day(n - 1);
      if (day === last) return n - 1;
      if (day < last) {
        const i = this.search(day);
        if (i < n && this.day(i) === day) return i;
        this.insertAt(i, day);
        return i;
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
    const m = measureIndex(measure);
    let offset = this.offsetOf(m);
    if (offset < 0) offset = this.addColumn(m);
    const at = i * this.stride + offset;
    this.rows[at]! += units;
    this.rows[at + 1]! += micros;
  }

  /** Whether the table counts documents per day (a finished ledger with a document column). */
  get countsDocuments(): boolean {
    return this.documentsAt >= 0;
  }

  /** Documents whose first purchase line is on day i (0 when the table does not count them). */
  documents(i: number): number {
    return this.documentsAt < 0 ? 0 : this.rows[i * this.stride + this.documentsAt]!;
  }

  /** Adds `count` documents first bought on day i. */
  addDocuments(i: number, count: number): void {
    if (this.documentsAt < 0) {
      this.documentsAt = this.stride;
      this.resize(Math.max(this.rows.length / this.stride, this.count), this.stride + 1);
    }
    this.rows[i * this.stride + this.documentsAt]! += count;
  }

  markPurchase(i: number): void {
    const at = i * this.stride;
    const key = this.rows[at]!;
    if (key - 2 * Math.floor(key / 2) === 0) this.rows[at] = key + 1;
  }

  /** Adds every day of another table (merging ledgers read in parts). */
  addTable(from: DayTable): void {
    for (let j = 0; j < from.count; j++) {
      const i = this.slot(from.day(j));
      if (from.purchase(j)) this.markPurchase(i);
      if (from.documentsAt >= 0) this.addDocuments(i, from.documents(j));
      for (const measure of MEASURES) {
        const offset = from.offsetOf(measureIndex(measure));
        if (offset < 0) continue;
        const at = j * from.stride + offset;
        this.addExact(measure, i, from.rows[at]!, from.rows[at + 1]!);
      }
    }
  }

  /** How many of the days are on or before `day` (days are whole numbers). */
  countThrough(day: number): number {
    return this.search(day + 1);
  }

  get(day: number): DayTotals | undefined {
    const i = this.search(day);
    return i < this.count && this.day(i) === day ? this.totalsAt(i) : undefined;
  }

  totalsAt(i: number): DayTotals {
    return { purchase: this.purchase(i), amount: this.amount(i), profit: this.total('profit', i), quantity: this.total('quantity', i) };
  }

  /** [day, totals] in day order. Convenient; hot loops index the table instead. */
  *[Symbol.iterator](): Generator<[number, DayTotals]> {
    for (let i = 0; i < this.count; i++) yield [this.day(i), this.totalsAt(i)];
  }

  /** Offset of a measure's [units, micros] in a row (0 amount, 1 quantity, 2 profit); -1: absent. */
  private offsetOf(m: number): number {
    return m === 0 ? this.amountAt : m === 1 ? this.quantityAt : this.profitAt;
  }

  /** The first index whose day is not below `day`. */
  private search(day: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (this.day(m) < day) lo = m + 1;
      else hi = m;
    }
    return lo;
  }

  private insertAt(at: number, day: number): void {
    const stride = this.stride;
    // Half as much again, at least two rows: most clients of a large ledger have a handful of days,
    // and eight rows of spare room a client was most of a million clients' day tables.
    if ((this.count + 1) * stride > this.rows.length) this.resize(this.count + Math.max(2, this.count >> 1), stride);
    const rows = this.rows;
    for (let k = this.count * stride - 1; k >= at * stride; k--) rows[k + stride] = rows[k]!;
    for (let k = at * stride; k < (at + 1) * stride; k++) rows[k] = 0;
    rows[at * stride] = day * 2;
    this.count++;
  }

  /** A measure seen for the first time: every row gets its two numbers (zeros so far). */
  private addColumn(m: number): number {
    // New columns go before the documents' (counted only once a ledger is finished).
    const offset = this.documentsAt >= 0 ? this.documentsAt : this.stride;
    if (m === 0) this.amountAt = offset;
    else if (m === 1) this.quantityAt = offset;
    else this.profitAt = offset;
    this.resize(Math.max(this.rows.length / this.stride, this.count), this.stride + 2, offset);
    if (this.documentsAt >= 0) this.documentsAt += 2;
    return offset;
  }

  /** New capacity (rows) and stride; a wider row gets its two new numbers at `gapAt` (default: the end). */
  private resize(capacity: number, stride: number, gapAt = this.stride): void {
    const old = this.rows;
    const oldStride = this.stride;
    const rows = doubles(capacity * stride);
    const gap = stride - oldStride;
    for (let i = 0; i < this.count; i++) {
      for (let k = 0; k < oldStride; k++) rows[i * stride + (k < gapAt ? k : k + gap)] = old[i * oldStride + k]!;
    }
    this.rows = rows;
    this.stride = stride;
  }
}
