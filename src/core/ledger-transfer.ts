// A ledger as flat typed arrays, so a worker thread can hand it back without cloning a
// million small objects. Pure: no threads here, just the packing.
import { ClientHistory, addCurrency, addExactPair, addProductSum, documentsOf, exactSumsOf, productSumsByName, type Ledger, type LedgerColumns, type LedgerCurrency } from './ledger.js';

export interface LedgerTransfer {
  names: string[];
  clientRows: Float64Array;
  /** Per day entry: client index, day, purchase flag. */
  dayKeys: Int32Array;
  /** Per day entry, the six exact accumulators. */
  dayValues: Float64Array;
  /** Per document: client index and first purchase day; keys (52-bit hashes) apart. */
  documentOwners: Int32Array;
  documentKeys: Float64Array;
  /** [client index, value, units, micros] — few entries, cloned as they are. */
  directions: [number, string, number, number][];
  products: [number, string, number, number][];
  firstDay: number | undefined;
  lastDay: number | undefined;
  rows: number;
  columns: LedgerColumns;
  currency?: LedgerCurrency | undefined;
}

const MEASURES = ['amount', 'profit', 'quantity'] as const;
const VALUES = 2 * MEASURES.length;


export function packLedger(ledger: Ledger): LedgerTransfer {
  let dayCount = 0;
  let documentCount = 0;
  for (const h of ledger.clients.values()) {
    // Packed ledgers are unfinished ones (worker threads): their documents are keys, not counts.
    if (h.days.countsDocuments) throw new Error('packLedger: a finished ledger cannot be packed');
    dayCount += h.days.size;
    documentCount += h.pendingDocuments.size;
  }
  const names: string[] = [];
  const clientRows = new Float64Array(ledger.clients.size);
  const dayKeys = new Int32Array(dayCount * 3);
  const dayValues = new Float64Array(dayCount * VALUES);
  const documentOwners = new Int32Array(documentCount * 2);
  const documentKeys = new Float64Array(documentCount);
  const directions: LedgerTransfer['directions'] = [];
  const products: LedgerTransfer['products'] = [];
  let d = 0;
  let k = 0;
  for (const history of ledger.clients.values()) {
    const index = names.length;
    names.push(history.client);
    clientRows[index] = history.rows;
    const days = history.days;
    for (let i = 0; i < days.size; i++) {
      dayKeys[d * 3] = index;
      dayKeys[d * 3 + 1] = days.day(i);
      dayKeys[d * 3 + 2] = days.purchase(i) ? 1 : 0;
      let o = d * VALUES;
      for (const measure of MEASURES) {
        const [units, micros] = days.exact(measure, i);
        dayValues[o++] = units;
        dayValues[o++] = micros;
      }
      d++;
    }
    for (const [key, day] of history.pendingDocuments.entries()) {
      documentOwners[k * 2] = index;
      documentOwners[k * 2 + 1] = day;
      documentKeys[k] = key;
      k++;
    }
    for (const [value, sums] of history.exactSums?.directions ?? []) directions.push([index, value, sums[0]!, sums[1]!]);
    for (const [name, units, micros] of productSumsByName(ledger, history)) products.push([index, name, units, micros]);
  }
  return {
    names,
    clientRows,
    dayKeys,
    dayValues,
    documentOwners,
    documentKeys,
    directions,
    products,
    firstDay: ledger.firstDay,
    lastDay: ledger.lastDay,
    rows: ledger.rows,
    columns: { ...ledger.columns },
    currency: ledger.currency,
  };
}

/** The buffers a transfer can move between threads instead of copying. */
export function transferables(t: LedgerTransfer): ArrayBuffer[] {
  return [t.clientRows, t.dayKeys, t.dayValues, t.documentOwners, t.documentKeys].map((a) => a.buffer as ArrayBuffer);
}

/** Adds a packed ledger into `into` (exact sums, so the order of parts does not matter). */
export function mergePacked(into: Ledger, t: LedgerTransfer): Ledger {
  for (const key of Object.keys(into.columns) as (keyof LedgerColumns)[]) into.columns[key] ||= t.columns[key];
  into.rows += t.rows;
  if (t.currency !== undefined) addCurrency(into, t.currency.code, t.currency);
  if (t.firstDay !== undefined && (into.firstDay === undefined || t.firstDay < into.firstDay)) into.firstDay = t.firstDay;
  if (t.lastDay !== undefined && (into.lastDay === undefined || t.lastDay > into.lastDay)) into.lastDay = t.lastDay;
  into.finalized = false;
  into.recent = undefined;
  // Straight into the target's histories: no intermediate ledger, no copies.
  const histories: ClientHistory[] = t.names.map((client, i) => {
    let h = into.clients.get(client);
    if (h === undefined) {
      h = new ClientHistory(client);
      into.clients.set(client, h);
    }
    h.rows += t.clientRows[i]!;
    return h;
  });
  const v = t.dayValues;
  for (let d = 0; d < t.dayKeys.length / 3; d++) {
    const days = histories[t.dayKeys[d * 3]!]!.days;
    const i = days.slot(t.dayKeys[d * 3 + 1]!);
    if (t.dayKeys[d * 3 + 2] === 1) days.markPurchase(i);
    let o = d * VALUES;
    for (const measure of MEASURES) {
      const units = v[o++]!;
      const micros = v[o++]!;
      // Zero sums stay unstored: a measure no line carried keeps no column.
      if (units !== 0 || micros !== 0) days.addExact(measure, i, units, micros);
    }
  }
  for (let k = 0; k < t.documentKeys.length; k++) {
    documentsOf(histories[t.documentOwners[k * 2]!]!).add(t.documentKeys[k]!, t.documentOwners[k * 2 + 1]!);
  }
  for (const [index, value, units, micros] of t.directions) addExactPair(exactSumsOf(histories[index]!).directions, value, units, micros);
  for (const [index, name, units, micros] of t.products) addProductSum(into, histories[index]!, name, units, micros);
  return into;
}
