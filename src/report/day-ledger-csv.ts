// A ledger as a day ledger in CSV (SPEC §12; the contract is in src/core/day-ledger.ts): what
// `kam aggregate -o day.csv` writes. Read back, it gives the ledger it was written from.
import { dayLedgerColumnsOf, dayLedgerRows, decimalFromExact, type DayLedgerColumn, type DayLedgerRow } from '../core/day-ledger.js';
import { formatDay } from '../core/calendar.js';
import type { Ledger } from '../core/ledger.js';
import { csvField } from './csv.js';

/** A row's cells under the given columns, as text ('' for a column the row does not fill); `currency` is the ledger's. */
export function dayLedgerCells(row: DayLedgerRow, columns: readonly DayLedgerColumn[], currency = ''): string[] {
  return columns.map((column) => {
    switch (column) {
      case 'kam_day_ledger':
        return row.kind;
      case 'client':
        return row.client;
      case 'date':
        return row.kind === 'day' ? formatDay(row.day) : '';
      case 'amount':
        return decimalFromExact(row.amount[0], row.amount[1]);
      case 'quantity':
      case 'profit': {
        const pair = row.kind === 'day' ? row[column] : undefined;
        return pair === undefined ? '' : decimalFromExact(pair[0], pair[1]);
      }
      case 'purchase':
        return row.kind === 'day' ? (row.purchase ? '1' : '0') : '';
      case 'documents':
        return row.kind === 'day' && row.documents !== undefined ? String(row.documents) : '';
      case 'direction':
      case 'product':
        return row.kind === column ? row.value : '';
      case 'currency':
        return currency;
    }
  });
}

export function* renderDayLedgerCsv(ledger: Ledger): Generator<string> {
  const currency = ledger.currency?.code;
  const columns = dayLedgerColumnsOf(ledger.columns, currency);
  yield `${columns.join(',')}\n`;
  let chunk = '';
  for (const row of dayLedgerRows(ledger)) {
    chunk += `${dayLedgerCells(row, columns, currency).map(csvField).join(',')}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
