// One client's days in one array of doubles, in day order: the purchase flag, the exact sums of
// amount, quantity and profit per day and (once the ledger is finished) the number of documents
// first bought that day. A day costs 16 bytes (24 with quantity, 32 with profit too) instead of
// the ~130 a Map entry holding an object costs: at ten million lines this is most of the
// ledger's memory. While the ledger is read, a plain array of the table's own (a Float64Array and
// its buffer cost ~250 bytes of their own, more than a typical client's days); once it is
// finished, a stretch of a large Float64Array shared by many tables (DayTable.pack).
//
// Sums are exact: each value is split into whole units and millionths, summed as integers, so a
// day's total never depends on the order of its lines. While every sum of a table fits in a
// double's safe integers (±2^53, ±9·10^9 in money) a sum is kept as one number, its millionths,
// and the day's documents share one number with its day and purchase flag (the compact layout);
// the first sum or count that would not fit widens that table, once, to a pair of numbers per sum
// (whole units, millionths) and a number of its own for the documents (the wide layout), which
// keeps amounts in the trillions exact. Both give the same exact sums, hence the same bits.

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
  const pair = canonicalInto(units, micros, [0, 0]);
  if (pair[1] === 0) pair[1] = 0;
  return pair;
}

function canonicalInto(units: number, micros: number, out: [number, number]): [number, number] {
  const m = micros % MICRO;
  return settleSigns(units + (micros - m) / MICRO, m, out);
}

/** A pair with |micros| < 10^6 brought to one sign: a whole unit moved into micros when the signs differ. */
function settleSigns(units: number, micros: number, out: [number, number]): [number, number] {
  if (units > 0 && micros < 0) {
    units -= 1;
    micros += MICRO;
  } else if (units < 0 && micros > 0) {
    units += 1;
    micros -= MICRO;
  }
  out[0] = units;
  out[1] = micros;
  return out;
}

/**
 * A compact sum (a whole number of millionths, a safe integer) as its canonical pair, into `out`:
 * what canonicalInto(0, millionths) gives, without its remainder (`%`, a slow call for numbers
 * past 2^31). Below 2^53 the rounded quotient stays on the right side of a whole unit (it is
 * within half a unit in the last place, less than 10^-6 of it); settling the signs is a guard.
 */
function splitMillionths(millionths: number, out: [number, number]): [number, number] {
  const units = Math.trunc(millionths / MICRO);
  settleSigns(units, millionths - units * MICRO, out);
  // No -0: trunc(-5 / 10^6) is -0.
  if (out[0] === 0) out[0] = 0;
  if (out[1] === 0) out[1] = 0;
  return out;
}

/** A whole number of millionths (a safe integer) as its canonical exact pair: 12300000 → [12, 300000]. */
export function pairOfMillionths(millionths: number): [number, number] {
  return splitMillionths(millionths, [0, 0]);
}

/** fromExact(0, millionths), the same bits (see splitMillionths). */
function fromMillionths(millionths: number): number {
  splitMillionths(millionths, scratch);
  const value = scratch[0] + scratch[1] / MICRO;
  return value === 0 ? 0 : value;
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

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Numbers in one shared store of finished tables (32 MB; see DayTable.pack). */
const STORE_CELLS = 2 ** 22;
/** The largest whole units whose millionths are a safe integer. */
const MAX_UNITS = Math.floor(MAX_SAFE / MICRO);

// The compact layout's day key: ((day + DAY_BIAS) × 2 + purchase flag) × DOCUMENT_SPAN + documents,
// a safe integer for days within ±2^22 (years −9500…13400; kam reads years 1…9999) and fewer
// than 2^29 documents a day. A day or count outside that widens the table.
const DAY_BIAS = 2 ** 22;
const DOCUMENT_SPAN = 2 ** 29;

/**
 * Where a table keeps what in a row. The same for most tables of a ledger, so one object per
 * kind of layout is shared by all of them (see layoutOf) instead of six fields in every table.
 */
interface Layout {
  /** Numbers a row (one day). */
  readonly stride: number;
  /** Pairs (units, micros) for sums and a column for documents; else the compact layout. */
  readonly wide: boolean;
  /** Offsets of the measures' sums in a row (index 0 amount, 1 quantity, 2 profit); -1: absent. */
  readonly at: readonly [number, number, number];
  /** Whether documents are counted (a finished ledger with a document column). */
  readonly countsDocuments: boolean;
  /** Wide: the offset of the documents' count; -1: not counted, or folded into the key (compact). */
  readonly documentsAt: number;
  /** day = floor(key × dayScale) − dayBias; flag = floor(key × flagScale) mod 2, worth flagUnit in the key. */
  readonly dayScale: number;
  readonly dayBias: number;
  readonly flagScale: number;
  readonly flagUnit: number;
}

/** Every layout, made once: index wide × 16 + countsDocuments × 8 + the measures present (bit per measure). */
const LAYOUTS: Layout[] = [];

/** The shared layout with these measures present (bit 1 amount, 2 quantity, 4 profit). */
function layoutOf(wide: boolean, measures: number, countsDocuments: boolean): Layout {
  const index = (wide ? 16 : 0) + (countsDocuments ? 8 : 0) + measures;
  let layout = LAYOUTS[index];
  if (layout === undefined) {
    const width = wide ? 2 : 1;
    let stride = 1;
    const at: [number, number, number] = [-1, -1, -1];
    for (let m = 0; m < 3; m++) {
      if ((measures & (1 << m)) === 0) continue;
      at[m] = stride;
      stride += width;
    }
    const documentsAt = wide && countsDocuments ? stride++ : -1;
    layout = wide
      ? { stride, wide, at, countsDocuments, documentsAt, dayScale: 1 / 2, dayBias: 0, flagScale: 1, flagUnit: 1 }
      : { stride, wide, at, countsDocuments, documentsAt, dayScale: 1 / (2 * DOCUMENT_SPAN), dayBias: DAY_BIAS, flagScale: 1 / DOCUMENT_SPAN, flagUnit: DOCUMENT_SPAN };
    LAYOUTS[index] = layout;
  }
  return layout;
}

function measuresOf(layout: Layout): number {
  return (layout.at[0] >= 0 ? 1 : 0) + (layout.at[1] >= 0 ? 2 : 0) + (layout.at[2] >= 0 ? 4 : 0);
}

/** A new table's: the amount only, compact. */
const FIRST_LAYOUT = layoutOf(false, 1, false);

/** The forced-wide layout, for tests that compare both layouts. */
const WIDE_LAYOUT = layoutOf(true, 1, false);

export class DayTable {
  /**
   * One row per day, `layout.stride` numbers each: the day key (day, purchase flag and, compact,
   * documents), then each measure present (compact: its millionths; wide: units, millionths),
   * then (wide) the documents. One array per client (not one per column): a client's table
   * grows a handful of times, and every typed array allocated costs time and garbage.
   */
  private cells: number[] | Float64Array = doubles(2 * FIRST_LAYOUT.stride);
  /** Where row 0 starts in `cells`: 0 in an array of the table's own, else in a store shared by a finished ledger's tables (see pack). */
  private first = 0;
  private layout: Layout = FIRST_LAYOUT;
  private count = 0;

  /** A table in the wide layout from the start (tests: the compact one must read the same). */
  static wide(): DayTable {
    const table = new DayTable();
    table.layout = WIDE_LAYOUT;
    table.cells = doubles(2 * WIDE_LAYOUT.stride);
    return table;
  }

  get size(): number {
    return this.count;
  }

  /** Whether the table has widened to a pair of numbers per sum (see the file's comment). */
  get isWide(): boolean {
    return this.layout.wide;
  }

  /** The day at index i (days ascend with i). */
  day(i: number): number {
    const layout = this.layout;
    return Math.floor(this.cells[this.first + i * layout.stride]! * layout.dayScale) - layout.dayBias;
  }

  /** Whether day i holds a purchase line (SPEC §6). */
  purchase(i: number): boolean {
    const layout = this.layout;
    const flags = Math.floor(this.cells[this.first + i * layout.stride]! * layout.flagScale);
    return flags - 2 * Math.floor(flags / 2) === 1;
  }

  /** A measure's exact total on day i, as a number (0 when no line carried it). */
  total(measure: DayMeasure, i: number): number {
    const layout = this.layout;
    const offset = layout.at[measureIndex(measure)]!;
    if (offset < 0) return 0;
    const at = this.first + i * layout.stride + offset;
    return layout.wide ? fromExact(this.cells[at]!, this.cells[at + 1]!) : fromMillionths(this.cells[at]!);
  }

  amount(i: number): number {
    const layout = this.layout;
    const at = this.first + i * layout.stride + 1;
    return layout.wide ? fromExact(this.cells[at]!, this.cells[at + 1]!) : fromMillionths(this.cells[at]!);
  }

  /** The exact [units, micros] of a measure on day i, in canonical form (see canonicalExact). */
  exact(measure: DayMeasure, i: number): [number, number] {
    const layout = this.layout;
    const offset = layout.at[measureIndex(measure)]!;
    if (offset < 0) return [0, 0];
    const at = this.first + i * layout.stride + offset;
    return layout.wide ? canonicalExact(this.cells[at]!, this.cells[at + 1]!) : splitMillionths(this.cells[at]!, [0, 0]);
  }

  /**
   * Adds the exact total of a measure on day i to a running exact sum [units, micros], carrying
   * whole units out of the micros (|micros| stays below 10^6): the same numbers as adding
   * exact(measure, i) to it, without a pair made for every day (the analysis sums four measures
   * over every day of every client).
   */
  addExactTo(measure: DayMeasure, i: number, sum: number[]): void {
    const layout = this.layout;
    const offset = layout.at[measureIndex(measure)]!;
    if (offset < 0) return;
    const at = this.first + i * layout.stride + offset;
    const day = layout.wide ? canonicalInto(this.cells[at]!, this.cells[at + 1]!, scratch) : splitMillionths(this.cells[at]!, scratch);
    const micros = sum[1]! + day[1];
    const carry = Math.trunc(micros / MICRO);
    sum[0] = sum[0]! + day[0] + carry;
    sum[1] = micros - carry * MICRO;
  }

  /**
   * Room for `rows` days in all, made at once: for a reader that knows how many days a client
   * has (one array instead of the handful a table grows through, each copied into the next).
   */
  reserve(rows: number): void {
    if (Array.isArray(this.cells) && rows * this.layout.stride > this.cells.length) this.relayout(this.layout, rows);
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

  /**
   * Adds a sum given as a whole number of millionths (a safe integer) to a measure on day i: the
   * same as addExact with its units and millionths, without taking it apart where it fits.
   */
  addMillionths(measure: DayMeasure, i: number, millionths: number): void {
    const layout = this.layout;
    const offset = layout.at[measureIndex(measure)]!;
    if (!layout.wide && offset >= 0 && millionths <= MAX_SAFE && millionths >= -MAX_SAFE) {
      const at = this.first + i * layout.stride + offset;
      const sum = this.cells[at]! + millionths;
      if (sum <= MAX_SAFE && sum >= -MAX_SAFE) {
        this.cells[at] = sum;
        return;
      }
    }
    const [units, micros] = splitMillionths(millionths, [0, 0]);
    this.addExact(measure, i, units, micros);
  }

  addExact(measure: DayMeasure, i: number, units: number, micros: number): void {
    const m = measureIndex(measure);
    let layout = this.layout;
    if (layout.at[m]! < 0) layout = this.relayout(layoutOf(layout.wide, measuresOf(layout) | (1 << m), layout.countsDocuments));
    const rows = this.cells;
    if (!layout.wide) {
      const at = this.first + i * layout.stride + layout.at[m]!;
      // Exact while every step stays a safe integer (a rounded step would leave the range).
      if (units <= MAX_UNITS && units >= -MAX_UNITS && micros <= MAX_SAFE && micros >= -MAX_SAFE) {
        const added = units * MICRO + micros;
        const sum = rows[at]! + added;
        if (added <= MAX_SAFE && added >= -MAX_SAFE && sum <= MAX_SAFE && sum >= -MAX_SAFE) {
          rows[at] = sum;
          return;
        }
      }
      layout = this.widen();
    }
    const at = this.first + i * layout.stride + layout.at[m]!;
    this.cells[at]! += units;
    this.cells[at + 1]! += micros;
  }

  /** Whether the table counts documents per day (a finished ledger with a document column). */
  get countsDocuments(): boolean {
    return this.layout.countsDocuments;
  }

  /** Documents whose first purchase line is on day i (0 when the table does not count them). */
  documents(i: number): number {
    const layout = this.layout;
    if (layout.wide) return layout.documentsAt < 0 ? 0 : this.cells[this.first + i * layout.stride + layout.documentsAt]!;
    const key = this.cells[this.first + i * layout.stride]!;
    return key - Math.floor(key * (1 / DOCUMENT_SPAN)) * DOCUMENT_SPAN;
  }

  /** Adds `count` documents first bought on day i. */
  addDocuments(i: number, count: number): void {
    let layout = this.layout;
    if (!layout.countsDocuments) {
      const next = layoutOf(layout.wide, measuresOf(layout), true);
      // Compact, the documents live in the key already: only the layout changes.
      if (layout.wide) this.relayout(next);
      else this.layout = next;
      layout = next;
    }
    if (!layout.wide) {
      const at = this.first + i * layout.stride;
      if (Number.isInteger(count) && count >= 0 && this.documents(i) + count < DOCUMENT_SPAN) {
        this.cells[at]! += count;
        return;
      }
      layout = this.widen();
    }
    this.cells[this.first + i * layout.stride + layout.documentsAt]! += count;
  }

  markPurchase(i: number): void {
    if (!this.purchase(i)) this.cells[this.first + i * this.layout.stride]! += this.layout.flagUnit;
  }

  /** Adds every day of another table (merging ledgers read in parts). */
  addTable(from: DayTable): void {
    const measures = from.layout.at;
    for (let j = 0; j < from.count; j++) {
      const i = this.slot(from.day(j));
      if (from.purchase(j)) this.markPurchase(i);
      if (from.countsDocuments) this.addDocuments(i, from.documents(j));
      for (let m = 0; m < 3; m++) {
        if (measures[m]! < 0) continue;
        const measure = MEASURES[m]!;
        const [units, micros] = from.exact(measure, j);
        this.addExact(measure, i, units, micros);
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

  /**
   * Moves the rows of finished tables (a finished ledger's, which rarely grow again) into stores
   * shared by many tables, without spare room: an array of a table's own costs ~48 bytes beyond
   * its numbers, and the room grown for days to come was a third of a ten-day client's table. A
   * table that grows again (a ledger merged into after finishing) moves back to an array of its own.
   */
  static pack(tables: { values(): Iterable<DayTable> }): void {
    let left = 0;
    for (const table of tables.values()) left += table.count * table.layout.stride;
    let store = new Float64Array(0);
    let used = 0;
    for (const table of tables.values()) {
      const size = table.count * table.layout.stride;
      if (used + size > store.length) {
        store = new Float64Array(Math.max(Math.min(STORE_CELLS, left), size));
        used = 0;
      }
      const cells = table.cells;
      for (let k = 0; k < size; k++) store[used + k] = cells[table.first + k]!;
      table.cells = store;
      table.first = used;
      used += size;
      left -= size;
    }
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
    let layout = this.layout;
    if (!layout.wide && !(day >= -DAY_BIAS && day < DAY_BIAS && Math.floor(day) === day)) layout = this.widen();
    const stride = layout.stride;
    // Half as much again, at least two rows: most clients of a large ledger have a handful of days,
    // and eight rows of spare room a client was most of a million clients' day tables.
    if (!Array.isArray(this.cells) || (this.count + 1) * stride > this.cells.length) this.relayout(layout, this.count + Math.max(2, this.count >> 1));
    const rows = this.cells;
    for (let k = this.count * stride - 1; k >= at * stride; k--) rows[k + stride] = rows[k]!;
    for (let k = at * stride; k < (at + 1) * stride; k++) rows[k] = 0;
    rows[at * stride] = layout.wide ? day * 2 : (day + DAY_BIAS) * 2 * DOCUMENT_SPAN;
    this.count++;
  }

  /** Turns the compact layout into the wide one (once: a table never narrows again). */
  private widen(): Layout {
    const layout = this.layout;
    return this.relayout(layoutOf(true, measuresOf(layout), layout.countsDocuments));
  }

  /**
   * Moves the rows to another layout (a measure or the documents' count added, or widened) and
   * room for `capacity` rows; returns the new layout.
   */
  private relayout(next: Layout, capacity = Array.isArray(this.cells) ? this.cells.length / this.layout.stride : this.count): Layout {
    const from = this.layout;
    const old = this.cells;
    const rows = doubles(Math.max(capacity, this.count) * next.stride);
    if (next === from) {
      for (let k = 0; k < this.count * from.stride; k++) rows[k] = old[this.first + k]!;
    } else {
      for (let i = 0; i < this.count; i++) {
        const o = this.first + i * from.stride;
        const n = i * next.stride;
        // (Only compact → wide changes the key: a table never narrows.)
        rows[n] = from.wide === next.wide ? old[o]! : this.day(i) * 2 + (this.purchase(i) ? 1 : 0);
        if (next.documentsAt >= 0) rows[n + next.documentsAt] = this.documents(i);
        for (let m = 0; m < 3; m++) {
          const source = o + from.at[m]!;
          if (source < o) continue;
          const target = n + next.at[m]!;
          if (from.wide) {
            rows[target] = old[source]!;
            rows[target + 1] = old[source + 1]!;
          } else if (next.wide) {
            // Millionths into the pair (units, micros): exact, the sum being a safe integer.
            const [units, micros] = splitMillionths(old[source]!, scratch);
            rows[target] = units;
            rows[target + 1] = micros;
          } else rows[target] = old[source]!;
        }
      }
    }
    this.cells = rows;
    this.first = 0;
    this.layout = next;
    return next;
  }
}
