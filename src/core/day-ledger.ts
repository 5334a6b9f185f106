// The day ledger (SPEC §12): the aggregate from which every result of §2–§11 follows — one row
// per client and day with the day's exact sums, its purchase flag (§6) and the number of
// documents whose first purchase line falls on it, plus one row per client and direction value
// and per client and product. It is kam's input contract for ledgers aggregated elsewhere
// (`kam sql` in a warehouse, `kam aggregate`, embedded DuckDB): fed straight into the core's
// ledger, it gives the same ledger, hence the same bytes of output, as the sale lines it came from.
//
// The table (CSV, Parquet, a query's result), columns found by name, in any order:
//
//   kam_day_ledger  the row's kind: "day", "direction" or "product" (this header names the table)
//   client          the client, already folded (SPEC §1)
//   date            yyyy-mm-dd (day rows; empty otherwise)
//   amount          exact decimal sum of the lines' net amounts (at most 6 decimals)
//   quantity        the same for quantities — present only when the lines had a quantity column
//   profit          the same for profit — present only when the lines had a profit column
//   purchase        1 when the day is a purchase day, else 0 (day rows)
//   documents       documents whose first purchase line is on this day (day rows) — present only
//                   when the lines had a document column
//   direction       the direction value (direction rows) — present only when aggregated by one
//   product         the product (product rows) — present only when products were aggregated
//   currency        the amounts' currency, an ISO code ("KZT") — present only when the lines
//                   named one (a mark in their amounts, the amount header, or --currency); one
//                   currency for the whole table (a row naming another is refused)
//
// Pure: rows in, ledger out, and a ledger back to rows.
import { canonicalExact, microsOf } from './day-table.js';
import { addExactPair, addProductSum, documentKey, documentsOf, exactSumsOf, historyOf, productSumsByName, type ClientHistory, type ExactPair, type Ledger } from './ledger.js';
import { compareNames } from './order.js';

/** The header cell that tells a day ledger from a ledger of sale lines. */
export const DAY_LEDGER_MARK = 'kam_day_ledger';

export const DAY_LEDGER_KINDS = ['day', 'direction', 'product'] as const;
export type DayLedgerKind = (typeof DAY_LEDGER_KINDS)[number];

/** Every column of the contract, in the order kam writes them. */
export const DAY_LEDGER_COLUMNS = [DAY_LEDGER_MARK, 'client', 'date', 'amount', 'quantity', 'profit', 'purchase', 'documents', 'direction', 'product', 'currency'] as const;
export type DayLedgerColumn = (typeof DAY_LEDGER_COLUMNS)[number];

/** Columns every day ledger has; the others are there only when the lines had them. */
export const DAY_LEDGER_REQUIRED: readonly DayLedgerColumn[] = [DAY_LEDGER_MARK, 'client', 'date', 'amount', 'purchase'];

/** One row of a day ledger, read. Sums are exact pairs (whole units, millionths). */
export type DayLedgerRow =
  | { kind: 'day'; client: string; day: number; amount: ExactPair; quantity?: ExactPair | undefined; profit?: ExactPair | undefined; purchase: boolean; documents?: number | undefined }
  | { kind: 'direction' | 'product'; client: string; value: string; amount: ExactPair };

/**
 * A decimal text as an exact pair: "-12.5" → [-12, -500000]. Up to 6 decimals are exact (more
 * are rounded to millionths, as a sale line's value is); undefined when the text is no number.
 */
export function exactFromDecimal(text: string): ExactPair | undefined {
  const t = text.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) {
    // Exponent forms ("1.5e-7") and the like, as a plain number, split as a sale line's value is.
    if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(t)) return undefined;
    const x = Number(t);
    if (!Number.isFinite(x)) return undefined;
    const whole = Math.trunc(x);
    return canonicalExact(whole, microsOf(x, whole));
  }
  const sign = match[1] === '-' ? -1 : 1;
  const units = match[2] === '' ? 0 : Number(match[2]);
  const fraction = match[3] ?? '';
  let micros = Number(fraction.slice(0, 6).padEnd(6, '0'));
  if (fraction.length > 6 && fraction.charCodeAt(6) >= 53 /* '5' */) micros++;
  const [u, m] = canonicalExact(sign * units, sign * micros);
  return [u === 0 ? 0 : u, m];
}

/** An exact pair as the shortest exact decimal: [12, 300000] → "12.3", [-1, -50] → "-1.00005". */
export function decimalFromExact(units: number, micros: number): string {
  const [u, m] = canonicalExact(units, micros);
  const negative = u < 0 || m < 0;
  const whole = String(Math.abs(u));
  const fraction = String(Math.abs(m)).padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Whether a header row is a day ledger's: the mark is one of its cells. */
export function isDayLedgerHeader(cells: readonly string[]): boolean {
  return cells.some((c) => c.trim().toLowerCase() === DAY_LEDGER_MARK);
}

/**
 * Folds one row of a day ledger into the ledger, as its sale lines would have been folded by
 * addLine: the same day table, the same documents (counted, not named), the same exact sums.
 * Which optional parts count is the ledger's columns' business: the reader sets them from the
 * header (and --direction); a direction or product row is ignored when its column is off.
 */
export function addDayLedgerRow(ledger: Ledger, row: DayLedgerRow, known?: ClientHistory): void {
  if (row.kind !== 'day') {
    if (!(row.kind === 'direction' ? ledger.columns.direction : ledger.columns.product) || row.value === '') return;
    const history = historyOf(ledger, row.client);
    if (row.kind === 'direction') addExactPair(exactSumsOf(history).directions, row.value, row.amount[0], row.amount[1]);
    else addProductSum(ledger, history, row.value, row.amount[0], row.amount[1]);
    ledger.finalized = false;
    return;
  }
  // known: the client's history when the reader has it at hand (rows of one client in a row).
  const history = known ?? historyOf(ledger, row.client);
  const slot = daySlot(ledger, history, row.day, row.purchase, row.documents);
  const days = history.days;
  days.addExact('amount', slot, row.amount[0], row.amount[1]);
  if (row.quantity !== undefined) days.addExact('quantity', slot, row.quantity[0], row.quantity[1]);
  if (row.profit !== undefined) days.addExact('profit', slot, row.profit[0], row.profit[1]);
}

/**
 * A day row whose sums are whole numbers of millionths (safe integers; NaN for a sum the row
 * lacks): the same as addDayLedgerRow with their exact pairs, for a reader that has them so
 * (DuckDB's numbered day ledger), without a pair or a row object made per row.
 */
export function addDayMillionths(ledger: Ledger, history: ClientHistory, day: number, amount: number, quantity: number, profit: number, purchase: boolean, documents: number | undefined): void {
  const slot = daySlot(ledger, history, day, purchase, documents);
  const days = history.days;
  days.addMillionths('amount', slot, amount);
  if (!Number.isNaN(quantity)) days.addMillionths('quantity', slot, quantity);
  if (!Number.isNaN(profit)) days.addMillionths('profit', slot, profit);
}

/** A day row's slot in its client's day table (made when new), with the ledger's counts and span, the purchase flag and the documents. */
function daySlot(ledger: Ledger, history: ClientHistory, day: number, purchase: boolean, documents: number | undefined): number {
  const days = history.days;
  const slot = days.slot(day);
  history.rows++;
  ledger.rows++;
  ledger.finalized = false;
  ledger.recent = undefined;
  if (ledger.firstDay === undefined || day < ledger.firstDay) ledger.firstDay = day;
  if (ledger.lastDay === undefined || day > ledger.lastDay) ledger.lastDay = day;
  if (purchase) days.markPurchase(slot);
  if (documents !== undefined) {
    // Counted straight into the day table, as finishLedger counts the documents of sale lines.
    if (documents > 0) days.addDocuments(slot, documents);
  } else if (purchase) {
    // A day ledger without documents: as addLine does for a purchase line without a document
    // number, one per purchase day, the same key, so that read beside sale lines that have
    // numbers it counts as its lines would have.
    documentsOf(history).add(documentKey(`\u0000${day}`), day);
  }
  return slot;
}

/**
 * The day ledger of a (finalized) ledger: for each client in name order, its days in order, then
 * its direction values and products in order. Optional parts follow the ledger's columns.
 */
export function* dayLedgerRows(ledger: Ledger): Generator<DayLedgerRow> {
  const { columns } = ledger;
  for (const history of ledger.clients.values()) {
    const days = history.days;
    for (let i = 0; i < days.size; i++) {
      const day = days.day(i);
      yield {
        kind: 'day',
        client: history.client,
        day,
        amount: days.exact('amount', i),
        quantity: columns.quantity ? days.exact('quantity', i) : undefined,
        profit: columns.profit ? days.exact('profit', i) : undefined,
        purchase: days.purchase(i),
        documents: columns.document ? days.documents(i) : undefined,
      };
    }
    const directions = columns.direction ? history.exactSums?.directions : undefined;
    if (directions !== undefined) {
      for (const value of [...directions.keys()].sort(compareNames)) {
        const pair = directions.get(value)!;
        yield { kind: 'direction', client: history.client, value, amount: [pair[0], pair[1]] };
      }
    }
    if (columns.product) {
      for (const [value, units, micros] of productSumsByName(ledger, history)) yield { kind: 'product', client: history.client, value, amount: [units, micros] };
    }
  }
}

/** The columns a day ledger of this ledger has, in the contract's order. */
export function dayLedgerColumnsOf(columns: Ledger['columns'], currency?: string): DayLedgerColumn[] {
  return DAY_LEDGER_COLUMNS.filter((c) => {
    if (c === 'currency') return currency !== undefined;
    if (c === 'quantity') return columns.quantity;
    if (c === 'profit') return columns.profit;
    if (c === 'documents') return columns.document;
    if (c === 'direction') return columns.direction;
    if (c === 'product') return columns.product;
    return true;
  });
}
