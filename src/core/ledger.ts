// The ledger as the core sees it: sale lines folded into per-client, per-day totals as
// they stream in. Memory grows with clients × days (plus one number per document), never
// with lines.
//
// Sums are exact: each value is split into whole units and millionths, each summed as an
// integer, so totals do not depend on the order of the lines. Shuffled rows, a ledger split
// across files and a parse spread over worker threads all give the same bytes.

import { DayTable, fromExact, microsOf } from './day-table.js';
import { DocumentSet, NO_DOCUMENTS } from './document-set.js';
import { emptyProductNames, NO_PRODUCTS, productId, ProductSums, type ProductNames } from './product-sums.js';
import { compareNames } from './order.js';
import { KamError } from './problems.js';

export { DayTable, type DayTotals } from './day-table.js';

/** One sale line after reading: the core's only input. */
export interface LedgerRow {
  client: string;
  day: number;
  amount: number;
  quantity?: number | undefined;
  profit?: number | undefined;
  document?: string | undefined;
  product?: string | undefined;
  direction?: string | undefined;
}

/** The parts of a client's history few clients have (see ClientHistory). */
interface HistoryExtras {
  documents: DocumentSet;
  directions: ReadonlyMap<string, number>;
  products: ProductSums;
  exactSums: { directions: Map<string, ExactPair> } | undefined;
}

/**
 * A client's history: its days (the history is its own day table, `days`), its name and line
 * count, and the parts few clients have. One object a client where a history and its table were
 * two, and the rarely used parts in one more object shared (empty) by every client without them:
 * ~48 bytes a client less, at a million clients ~48 MB.
 */
export class ClientHistory extends DayTable {
  readonly client: string;
  /** Lines read for the client (day rows of a day ledger). */
  rows = 0;
  /**
   * The client's place in the name order of the ledger it was finished in (0, 1, …; -1 until
   * finishLedger; a portfolio's ledger shares the histories, places and all): results kept as
   * columns (purchase-days.ts) find a client through the ledger's map and this, not a map of their own.
   */
  index = -1;
  private extras: HistoryExtras = NO_EXTRAS;

  constructor(client: string) {
    super();
    this.client = client;
  }

  /** Days with a line, ascending, with their purchase flag and exact sums: the history itself. */
  get days(): DayTable {
    return this;
  }

  /**
   * While the ledger is read: document (as a 52-bit hash of its number: a collision within one
   * client's documents is about 1 in 10^12) → first day on which it carries a purchase line;
   * documents of returns alone are not purchases. finishLedger turns them into a count per day in
   * the day table (`days.documents(i)`) and leaves this empty (NO_DOCUMENTS).
   */
  get pendingDocuments(): DocumentSet {
    return this.extras.documents;
  }

  set pendingDocuments(documents: DocumentSet) {
    this.put('documents', documents);
  }

  /** Direction value (region, manager…) → net amount bought under it; filled by finishLedger. */
  get directions(): ReadonlyMap<string, number> {
    return this.extras.directions;
  }

  set directions(directions: ReadonlyMap<string, number>) {
    this.put('directions', directions);
  }

  /**
   * Exact net sums per product (ids of the ledger's productNames); kept only when the reader is
   * asked to (dossiers need them). productsOf gives them by name.
   */
  get products(): ProductSums {
    return this.extras.products;
  }

  set products(products: ProductSums) {
    this.put('products', products);
  }

  /** The exact sums behind `directions`, as lines add up (see finishLedger). */
  get exactSums(): HistoryExtras['exactSums'] {
    return this.extras.exactSums;
  }

  set exactSums(sums: HistoryExtras['exactSums']) {
    this.put('exactSums', sums);
  }

  /** Sets a part: the client gets extras of its own for a part not empty, the shared ones back when all are. */
  private put<K extends keyof HistoryExtras>(key: K, value: HistoryExtras[K]): void {
    if (this.extras === NO_EXTRAS) {
      if (value === NO_EXTRAS[key]) return;
      this.extras = { ...NO_EXTRAS };
    }
    this.extras[key] = value;
    const e = this.extras;
    if (e.documents === NO_DOCUMENTS && e.directions === NO_AMOUNTS && e.products === NO_PRODUCTS && e.exactSums === undefined) this.extras = NO_EXTRAS;
  }
}

export interface LedgerColumns {
  quantity: boolean;
  profit: boolean;
  document: boolean;
  product: boolean;
  direction: boolean;
}

/** The currency of a ledger's amounts (ISO code) and where it was first seen, or --currency. */
export interface LedgerCurrency {
  code: string;
  /** undefined: given with --currency. */
  file?: string | undefined;
  line?: number | undefined;
}

export interface Ledger {
  clients: Map<string, ClientHistory>;
  /** Its currency: the mark in its amount cells or amount header, or --currency; undefined: none seen. */
  currency?: LedgerCurrency | undefined;
  /** First and last day of any accepted line; undefined for an empty ledger. */
  firstDay: number | undefined;
  lastDay: number | undefined;
  rows: number;
  columns: LedgerColumns;
  /** False after a line is added: maps may be out of key order and direction/product sums not yet exact. */
  finalized?: boolean;
  /** The last line's client, day and purchase document (see addLine); dropped when maps are rebuilt. */
  recent?: RecentLine | undefined;
  /** The product names the clients' product sums refer to (made on the first product). */
  productNames?: ProductNames | undefined;
}

/**
 * Ledgers list an invoice's lines together, so most lines have the client, day and document of
 * the line before: those skip the map lookups (and the hashing of a fresh string) entirely.
 */
interface RecentLine {
  client: string;
  history: ClientHistory;
  day: number;
  /** The day's index in the history's table. */
  slot: number;
  /** The purchase document last added for this client and day (undefined: none yet). */
  document: string | undefined;
}

const INNER_SPACES = /\s+/g;

/** A client is its name trimmed, inner runs of spaces folded to one; case is kept (SPEC §1). */
export function normalizeClientName(raw: string): string {
  const trimmed = raw.trim();
  // Fast path: most names have no double or odd spaces.
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c === 32 ? isSpace(trimmed.charCodeAt(i + 1)) : c < 32 || (c >= 0xa0 && isSpace(c))) {
      return trimmed.replace(INNER_SPACES, ' ');
    }
  }
  return trimmed;
}

/** What \s matches: ASCII white space, and every Unicode space (no-break, ideographic, thin, en, em…). */
function isSpace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isPurchaseLine(amount: number, quantity: number | undefined): boolean {
  return amount > 0 || (amount === 0 && quantity !== undefined && quantity > 0);
}

export function emptyLedger(columns: LedgerColumns): Ledger {
  return { clients: new Map(), firstDay: undefined, lastDay: undefined, rows: 0, columns: { ...columns } };
}

/**
 * A copy of a string that keeps nothing else alive. Names arrive as slices of a whole chunk of
 * the file (up to a megabyte); kept as a map key, a slice would keep its chunk alive with it.
 */
function detached(text: string): string {
  // V8 copies short slices anyway; longer ones are rebuilt from a small JSON text.
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * The directions of a client who has none: one map shared by every such client (empty maps cost
 * ~200 bytes a client, a million clients ~200 MB). Never written: finishLedger gives a client with
 * values a map of its own.
 */
export const NO_AMOUNTS: ReadonlyMap<string, number> = new Map();

/** The extras of a client without any (most clients of a finished ledger). Never written: see ClientHistory's put. */
const NO_EXTRAS: HistoryExtras = Object.freeze({ documents: NO_DOCUMENTS, directions: NO_AMOUNTS, products: NO_PRODUCTS, exactSums: undefined });

/** The client's history, created (empty) on first use. */
export function historyOf(ledger: Ledger, name: string): ClientHistory {
  let history = ledger.clients.get(name);
  if (history === undefined) {
    const client = detached(name);
    history = new ClientHistory(client);
    ledger.clients.set(client, history);
  }
  return history;
}

/**
 * Whole units and millionths, both integers. A plain pair, not a typed array: there is one per
 * product of every client, and a typed array costs several times the two numbers in it.
 */
export type ExactPair = [units: number, micros: number];

function addToExact(map: Map<string, ExactPair>, key: string, value: number): void {
  let exact = map.get(key);
  if (exact === undefined) {
    exact = [0, 0];
    map.set(detached(key), exact);
  }
  addExact(exact, value);
}

/** Adds x to an exact accumulator pair: whole units and millionths, both integers. */
function addExact(exact: ExactPair, x: number): void {
  const whole = Math.trunc(x);
  exact[0]! += whole;
  exact[1]! += microsOf(x, whole);
}

/** Adds an exact pair (units, micros) to the one kept under `key`, creating it if need be. */
export function addExactPair(map: Map<string, ExactPair>, key: string, units: number, micros: number): void {
  const existing = map.get(key);
  if (existing === undefined) map.set(key, [units, micros]);
  else {
    existing[0]! += units;
    existing[1]! += micros;
  }
}

/** The client's document keys, a set of its own made on first use (clients start with the shared empty one). */
export function documentsOf(history: ClientHistory): DocumentSet {
  if (history.pendingDocuments === NO_DOCUMENTS) history.pendingDocuments = new DocumentSet();
  return history.pendingDocuments;
}

/** The exact accumulators of directions, created on first use. */
export function exactSumsOf(history: ClientHistory): NonNullable<ClientHistory['exactSums']> {
  history.exactSums ??= { directions: new Map() };
  return history.exactSums;
}

/** Adds an exact amount bought of `product` (a name) to the client's product sums. */
export function addProductSum(ledger: Ledger, history: ClientHistory, product: string, units: number, micros: number): void {
  ledger.productNames ??= emptyProductNames();
  if (history.products === NO_PRODUCTS) history.products = new ProductSums();
  history.products.add(productId(ledger.productNames, product, detached), units, micros);
}

/** A client's products by name (in name order) with their exact sums, as [name, units, millionths]. */
export function productSumsByName(ledger: Ledger, history: ClientHistory): [string, number, number][] {
  const names = ledger.productNames?.names ?? [];
  const out: [string, number, number][] = [];
  for (const [id, units, micros] of history.products.entries()) out.push([names[id]!, units, micros]);
  return out.sort((a, b) => compareNames(a[0], b[0]));
}

/** A client's net amount per product, in name order (the dossier's products). */
export function productsOf(ledger: Ledger, history: ClientHistory): ReadonlyMap<string, number> {
  return new Map(productSumsByName(ledger, history).map(([name, units, micros]) => [name, fromExact(units, micros)]));
}

/** FNV-1a, twice with different seeds, folded into 52 bits: a document number as a number. */
export function documentKey(document: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < document.length; i++) {
    const c = document.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/** Folds one line into the ledger. The client name must already be normalized and non-empty. */
export function addLine(ledger: Ledger, row: LedgerRow): void {
  let recent = ledger.recent;
  if (recent === undefined || recent.client !== row.client) {
    const history = historyOf(ledger, row.client);
    const slot = history.days.slot(row.day);
    if (recent === undefined) recent = ledger.recent = { client: history.client, history, day: row.day, slot, document: undefined };
    else {
      recent.client = history.client;
      recent.history = history;
      recent.day = row.day;
      recent.slot = slot;
      recent.document = undefined;
    }
  } else if (recent.day !== row.day) {
    recent.day = row.day;
    recent.slot = recent.history.days.slot(row.day);
    recent.document = undefined;
  }
  const history = recent.history;
  const days = history.days;
  const slot = recent.slot;
  history.rows++;
  ledger.rows++;
  ledger.finalized = false;
  if (ledger.firstDay === undefined || row.day < ledger.firstDay) ledger.firstDay = row.day;
  if (ledger.lastDay === undefined || row.day > ledger.lastDay) ledger.lastDay = row.day;

  const purchase = isPurchaseLine(row.amount, row.quantity);
  days.add('amount', slot, row.amount);
  if (row.profit !== undefined) days.add('profit', slot, row.profit);
  if (row.quantity !== undefined) days.add('quantity', slot, row.quantity);
  if (purchase) days.markPurchase(slot);

  if (purchase) {
    // A purchase line without a document number is still a purchase: one per such day (this
    // also keeps files without a document column right when read together with files that have one).
    const document = row.document ?? '';
    if (document !== recent.document) {
      documentsOf(history).add(documentKey(document === '' ? `\u0000${row.day}` : document), row.day);
      recent.document = document;
    }
  }
  if (row.direction !== undefined && row.direction !== '') {
    addToExact(exactSumsOf(history).directions, row.direction, row.amount);
  }
  if (row.product !== undefined && row.product !== '') {
    const whole = Math.trunc(row.amount);
    addProductSum(ledger, history, row.product, whole, microsOf(row.amount, whole));
  }
}

/**
 * A currency seen in the ledger (an amount cell's mark, the amount header's) at `where`: the first
 * becomes the ledger's; another is refused, since amounts in two currencies cannot be summed.
 */
export function addCurrency(ledger: Ledger, code: string, where: { file?: string | undefined; line?: number | undefined; column?: string | undefined; value?: string | undefined } = {}): void {
  const known = ledger.currency;
  if (known === undefined) {
    ledger.currency = { code, file: where.file, line: where.line };
    return;
  }
  if (known.code === code) return;
  const byOption = known.line === undefined && known.file === undefined;
  throw new KamError({
    code: 'mixed-currency',
    file: where.file,
    line: where.line,
    column: where.column,
    value: where.value,
    details: { first: known.code, other: code, firstFile: known.file ?? null, firstLine: known.line ?? null, byOption },
  });
}

/** Combines ledgers read separately (several files, worker threads) into the first one. */
export function mergeLedger(into: Ledger, from: Ledger): Ledger {
  for (const key of Object.keys(into.columns) as (keyof LedgerColumns)[]) {
    into.columns[key] = into.columns[key] || from.columns[key];
  }
  into.rows += from.rows;
  if (from.currency !== undefined) addCurrency(into, from.currency.code, from.currency);
  if (from.firstDay !== undefined && (into.firstDay === undefined || from.firstDay < into.firstDay)) into.firstDay = from.firstDay;
  if (from.lastDay !== undefined && (into.lastDay === undefined || from.lastDay > into.lastDay)) into.lastDay = from.lastDay;
  for (const [client, source] of from.clients) {
    const target = historyOf(into, client);
    target.rows += source.rows;
    target.days.addTable(source.days);
    if (source.pendingDocuments.size > 0) {
      const documents = documentsOf(target);
      for (const [doc, day] of source.pendingDocuments.entries()) documents.add(doc, day);
    }
    if (source.exactSums !== undefined) {
      const sums = exactSumsOf(target);
      for (const [k, v] of source.exactSums.directions) addExactPair(sums.directions, k, v[0]!, v[1]!);
    }
    for (const [name, units, micros] of productSumsByName(from, source)) addProductSum(into, target, name, units, micros);
  }
  into.finalized = false;
  into.recent = undefined;
  return into;
}

/** Whether a map's keys come in name order (compareNames) already. */
function keysInOrder(map: ReadonlyMap<string, unknown>): boolean {
  let previous: string | undefined;
  for (const key of map.keys()) {
    if (previous !== undefined && compareNames(key, previous) < 0) return false;
    previous = key;
  }
  return true;
}

function sortedByKey<V>(map: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
  // Ledgers usually come in date order: then the map is in order already and is kept as it is.
  return keysInOrder(map) ? map : new Map([...map].sort((a, b) => compareNames(a[0], b[0])));
}

/**
 * The last step of building a ledger (after addLine and mergeLedger): makes it order-independent
 * and ready to read: documents become a count per day in the day tables (with a document
 * column; the lines of a document added after this would count it again), the direction maps are
 * made from their exact sums (a ledger not finalized has them empty), and every map is in key order,
 * so that every later sum runs in the same order whatever order the lines came in. (Day tables
 * are in day order and exact already.)
 */
export function finishLedger(ledger: Ledger): Ledger {
  if (ledger.finalized === true) return ledger;
  // A ledger whose clients came in name order (DuckDB's day ledger is numbered so) keeps its map;
  // any other is sorted into a new one.
  const inOrder = keysInOrder(ledger.clients);
  const clients = inOrder ? ledger.clients : [...ledger.clients].sort((a, b) => compareNames(a[0], b[0]));
  const sorted = inOrder ? ledger.clients : new Map<string, ClientHistory>();
  let index = 0;
  for (const [client, history] of clients) {
    if (history.pendingDocuments.size > 0) {
      // Each document counts once, on the day of its first purchase line (a day in the table).
      if (ledger.columns.document) for (const day of history.pendingDocuments.values()) history.days.addDocuments(history.days.slot(day), 1);
      history.pendingDocuments = NO_DOCUMENTS;
    }
    if (history.exactSums !== undefined) {
      const exact = new Map<string, number>();
      for (const [k, v] of history.exactSums.directions) exact.set(k, fromExact(v[0]!, v[1]!));
      history.directions = exact;
    }
    history.directions = sortedByKey(history.directions);
    history.index = index++;
    if (!inOrder) sorted.set(client, history);
  }
  DayTable.pack(sorted);
  ledger.clients = sorted;
  ledger.finalized = true;
  ledger.recent = undefined;
  return ledger;
}

/** Guards the core's readers: a ledger must be finished (finishLedger) before anything sums it. */
export function requireFinished(ledger: Ledger, reader: string): void {
  if (ledger.finalized !== true) throw new Error(`${reader}: the ledger is not finished (finishLedger)`);
}
