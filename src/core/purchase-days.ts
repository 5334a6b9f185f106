// SPEC §6: what the purchase model (BG/NBD) and the spend model (Gamma-Gamma) read of each
// client's purchase days up to the as-of day — how many there are, the first and the last, and
// the mean net amount of the repeat ones — worked out in one pass over each client's day table.
//
// Kept as columns indexed by a client number (its place in name order), not as an object and a
// map entry per client per result: at a million clients the objects, their boxed numbers and the
// maps cost ~450 bytes a client, the columns ~30 (and each result built on them ~8 a figure).
import { bgNbdCustomer, checkPurchaseDays, type BgNbdCustomer } from './bgnbd.js';
import { requireFinished, type Ledger } from './ledger.js';
import { compareNames } from './order.js';

/** One client's purchase days up to the as-of day, with the net amount of each (returns netted). */
export interface ClientPurchaseDays {
  client: string;
  /** Distinct purchase days, ascending. */
  days: readonly number[];
  /** Net amount of each day (every line of the day: purchases less same-day returns); none given: 0 each. */
  amounts?: readonly number[];
}

/**
 * The clients with a purchase day up to `asOf`, in name order (compareNames), numbered 0…size−1
 * in that order; per client number: its purchase days, the first and last of them, and the mean
 * net amount of the repeat ones.
 */
export class PurchaseDays {
  readonly asOf: number;
  /** How many clients (client numbers are 0…size−1). */
  readonly size: number;
  readonly #names: readonly string[];
  readonly #count: Int32Array;
  readonly #first: Int32Array;
  readonly #last: Int32Array;
  readonly #repeatMean: Float64Array;
  /** A name's client number, −1 when it has none. */
  readonly #numberOf: (name: string) => number;

  constructor(asOf: number, columns: PurchaseColumns, numberOf: (name: string) => number) {
    this.asOf = asOf;
    this.size = columns.names.length;
    this.#names = columns.names;
    this.#count = columns.count;
    this.#first = columns.first;
    this.#last = columns.last;
    this.#repeatMean = columns.repeatMean;
    this.#numberOf = numberOf;
  }

  /** Client i's name. */
  client(i: number): string {
    return this.#names[i] as string;
  }

  /** The client number of `name`; −1 when it has no purchase day up to the as-of day. */
  numberOf(name: string): number {
    // A client is asked for several times in a row (its row's columns, its status and P(alive)):
    // looked up once (a lookup in a million clients' map is most of the cost).
    if (name !== this.#lastName) {
      this.#lastNumber = this.#numberOf(name);
      this.#lastName = name;
    }
    return this.#lastNumber;
  }

  #lastName: string | undefined;
  #lastNumber = -1;

  /** Client i's purchase days up to the as-of day (at least one). */
  count(i: number): number {
    return this.#count[i] as number;
  }

  /** Client i's first purchase day. */
  firstDay(i: number): number {
    return this.#first[i] as number;
  }

  /** Client i's last purchase day up to the as-of day. */
  lastDay(i: number): number {
    return this.#last[i] as number;
  }

  /** Repeat purchase days (purchase days − 1). */
  frequency(i: number): number {
    return (this.#count[i] as number) - 1;
  }

  /** Client i as BG/NBD sees it (frequency, recency and age in weeks to the as-of day). */
  customer(i: number): BgNbdCustomer {
    return bgNbdCustomer(this.#count[i] as number, this.#first[i] as number, this.#last[i] as number, this.asOf);
  }

  /** Mean net amount per repeat purchase day (the first purchase day left out); null without a repeat day. */
  monetary(i: number): number | null {
    return (this.#count[i] as number) < 2 ? null : (this.#repeatMean[i] as number);
  }
}

/** Client i's figure in a column of results by client number, where NaN marks a client without one: null then, or without the column. */
export function figureAt(column: Float64Array | null, i: number): number | null {
  const x = column === null ? Number.NaN : (column[i] as number);
  return Number.isNaN(x) ? null : x;
}

/** The columns of a PurchaseDays, filled client by client. */
interface PurchaseColumns {
  names: string[];
  count: Int32Array;
  first: Int32Array;
  last: Int32Array;
  repeatMean: Float64Array;
}

/**
 * Adds one client's purchase days, in day order, to the columns: the one place the figures are
 * worked out, for the ledger and for a list alike. The repeat amounts are summed in day order
 * from 0, as a plain loop over them would: the mean has the same bits.
 */
class ColumnsBuilder {
  readonly columns: PurchaseColumns;
  #count = 0;
  #first = 0;
  #last = 0;
  #sum = 0;

  constructor(capacity: number) {
    this.columns = { names: [], count: new Int32Array(capacity), first: new Int32Array(capacity), last: new Int32Array(capacity), repeatMean: new Float64Array(capacity) };
  }

  day(day: number, amount: number): void {
    if (this.#count === 0) this.#first = day;
    else this.#sum += amount;
    this.#last = day;
    this.#count++;
  }

  /** Ends the client's days: a client with none is left out. Returns its number, or −1. */
  endClient(name: string): number {
    const count = this.#count;
    this.#count = 0;
    const sum = this.#sum;
    this.#sum = 0;
    if (count === 0) return -1;
    const c = this.columns;
    const i = c.names.length;
    c.names.push(name);
    c.count[i] = count;
    c.first[i] = this.#first;
    c.last[i] = this.#last;
    c.repeatMean[i] = count < 2 ? 0 : sum / (count - 1);
    return i;
  }
}

/**
 * Every client's purchase days up to `asOf` (a day of returns alone is not a purchase day, SPEC §6),
 * from a finished ledger (or some of its clients, in its order): its clients are in name order
 * already (finishLedger), so no sort. A client is found through the ledger's own map and its place
 * there (ClientHistory.index).
 */
export function purchaseDaysOf(ledger: Ledger, asOf: number): PurchaseDays {
  requireFinished(ledger, 'purchaseDaysOf');
  const builder = new ColumnsBuilder(ledger.clients.size);
  // Ledger place → client number (−1: no purchase day up to asOf). A ledger of some of a finished
  // ledger's clients (a portfolio's) shares their histories, and so their places in the whole.
  let places = 0;
  for (const history of ledger.clients.values()) places = Math.max(places, history.index + 1);
  const numbers = new Int32Array(places);
  for (const history of ledger.clients.values()) {
    const table = history.days;
    for (let i = 0; i < table.size && table.day(i) <= asOf; i++) if (table.purchase(i)) builder.day(table.day(i), table.amount(i));
    numbers[history.index] = builder.endClient(history.client);
  }
  return new PurchaseDays(asOf, builder.columns, (name) => {
    const history = ledger.clients.get(name);
    return history === undefined ? -1 : (numbers[history.index] as number);
  });
}

/** The same from lists: at least one day each, each client once (numbered in name order). */
export function purchaseDaysFrom(clients: Iterable<ClientPurchaseDays>, asOf: number): PurchaseDays {
  const list = [...clients].sort((p, q) => compareNames(p.client, q.client));
  const builder = new ColumnsBuilder(list.length);
  let previous: string | undefined;
  for (const { client, days, amounts } of list) {
    if (previous === client) throw new RangeError(`purchaseDaysFrom: client "${client}" given twice`);
    checkPurchaseDays(days, asOf);
    days.forEach((d, k) => builder.day(d, amounts?.[k] ?? 0));
    builder.endClient(client);
    previous = client;
  }
  const byName = new Map(builder.columns.names.map((name, i) => [name, i]));
  return new PurchaseDays(asOf, builder.columns, (name) => byName.get(name) ?? -1);
}

/** No clients at all (a run that skips the models). */
export function noPurchaseDays(asOf: number): PurchaseDays {
  return purchaseDaysFrom([], asOf);
}
