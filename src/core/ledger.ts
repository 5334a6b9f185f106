// The ledger as the core sees it: sale lines folded into per-client, per-day totals as
// they stream in. Memory grows with clients × purchase days (and documents), never with lines.

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

export interface DayTotals {
  amount: number;
  profit: number;
  quantity: number;
  /** At least one line with a positive amount (or a zero amount and a positive quantity): SPEC §6. */
  purchase: boolean;
}

export interface ClientHistory {
  client: string;
  days: Map<number, DayTotals>;
  /** Document → first day on which it carries a purchase line; documents of returns alone are not purchases. */
  documents: Map<string, number>;
  /** Direction value (region, manager…) → net amount bought under it. */
  directions: Map<string, number>;
  /** Product → net amount. */
  products: Map<string, number>;
  rows: number;
}

export interface LedgerColumns {
  quantity: boolean;
  profit: boolean;
  document: boolean;
  product: boolean;
  direction: boolean;
}

export interface Ledger {
  clients: Map<string, ClientHistory>;
  /** First and last day of any accepted line; undefined for an empty ledger. */
  firstDay: number | undefined;
  lastDay: number | undefined;
  rows: number;
  columns: LedgerColumns;
}

const INNER_SPACES = /\s+/g;

/** A client is its name trimmed, inner runs of spaces folded to one; case is kept (SPEC §1). */
export function normalizeClientName(raw: string): string {
  const trimmed = raw.trim();
  // Fast path: most names have no double or odd spaces.
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c === 32 ? trimmed.charCodeAt(i + 1) <= 32 || trimmed.charCodeAt(i + 1) === 160 : c < 32 || c === 160 || c === 0x202f) {
      return trimmed.replace(INNER_SPACES, ' ');
    }
  }
  return trimmed;
}

export function isPurchaseLine(amount: number, quantity: number | undefined): boolean {
  return amount > 0 || (amount === 0 && quantity !== undefined && quantity > 0);
}

export function emptyLedger(columns: LedgerColumns): Ledger {
  return { clients: new Map(), firstDay: undefined, lastDay: undefined, rows: 0, columns: { ...columns } };
}

function historyOf(ledger: Ledger, client: string): ClientHistory {
  let history = ledger.clients.get(client);
  if (history === undefined) {
    history = { client, days: new Map(), documents: new Map(), directions: new Map(), products: new Map(), rows: 0 };
    ledger.clients.set(client, history);
  }
  return history;
}

function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** Folds one line into the ledger. The client name must already be normalized and non-empty. */
export function addLine(ledger: Ledger, row: LedgerRow): void {
  const history = historyOf(ledger, row.client);
  history.rows++;
  ledger.rows++;
  if (ledger.firstDay === undefined || row.day < ledger.firstDay) ledger.firstDay = row.day;
  if (ledger.lastDay === undefined || row.day > ledger.lastDay) ledger.lastDay = row.day;

  const purchase = isPurchaseLine(row.amount, row.quantity);
  let totals = history.days.get(row.day);
  if (totals === undefined) {
    totals = { amount: 0, profit: 0, quantity: 0, purchase: false };
    history.days.set(row.day, totals);
  }
  totals.amount += row.amount;
  totals.profit += row.profit ?? 0;
  totals.quantity += row.quantity ?? 0;
  if (purchase) totals.purchase = true;

  if (row.document !== undefined && row.document !== '' && purchase) {
    const seen = history.documents.get(row.document);
    if (seen === undefined || row.day < seen) history.documents.set(row.document, row.day);
  }
  if (row.direction !== undefined && row.direction !== '') addTo(history.directions, row.direction, row.amount);
  if (row.product !== undefined && row.product !== '') addTo(history.products, row.product, row.amount);
}

/** Combines ledgers read separately (several files, worker threads) into the first one. */
export function mergeLedger(into: Ledger, from: Ledger): Ledger {
  for (const key of Object.keys(into.columns) as (keyof LedgerColumns)[]) {
    into.columns[key] = into.columns[key] || from.columns[key];
  }
  into.rows += from.rows;
  if (from.firstDay !== undefined && (into.firstDay === undefined || from.firstDay < into.firstDay)) into.firstDay = from.firstDay;
  if (from.lastDay !== undefined && (into.lastDay === undefined || from.lastDay > into.lastDay)) into.lastDay = from.lastDay;
  for (const [client, source] of from.clients) {
    const target = historyOf(into, client);
    target.rows += source.rows;
    for (const [day, t] of source.days) {
      const existing = target.days.get(day);
      if (existing === undefined) target.days.set(day, { ...t });
      else {
        existing.amount += t.amount;
        existing.profit += t.profit;
        existing.quantity += t.quantity;
        existing.purchase ||= t.purchase;
      }
    }
    for (const [doc, day] of source.documents) {
      const seen = target.documents.get(doc);
      if (seen === undefined || day < seen) target.documents.set(doc, day);
    }
    for (const [k, v] of source.directions) addTo(target.directions, k, v);
    for (const [k, v] of source.products) addTo(target.products, k, v);
  }
  return into;
}
