// Reads a day ledger (SPEC §12, contract in src/core/day-ledger.ts): a table whose header holds
// "kam_day_ledger". Rows go straight into the core's ledger; nothing is guessed: dates are
// yyyy-mm-dd, numbers plain decimals with a point, and any value that does not read is an error
// naming its line (a day ledger is made by a program; a bad row in it is no typo to skip).
import {
  DAY_LEDGER_COLUMNS,
  DAY_LEDGER_KINDS,
  DAY_LEDGER_REQUIRED,
  addDayLedgerRow,
  exactFromDecimal,
  isDayLedgerHeader,
  type DayLedgerColumn,
  type DayLedgerKind,
} from '../core/day-ledger.js';
import { addCurrency, normalizeClientName, type ExactPair, type Ledger } from '../core/ledger.js';
import { KamError } from '../core/problems.js';
import { dayFromDateCell, makeDateParser } from './dates.js';
import { currencyCodeOf } from './numbers.js';
import { memoryGuard } from './memory-guard.js';
import { cellText, type Cell, type ReadCounts, type RecordOptions } from './records.js';

export { isDayLedgerHeader };

const parseIso = makeDateParser('iso');

/** Whether the first bytes of a file are a day ledger's header (a BOM and quotes allowed). */
export function startsAsDayLedger(head: string): boolean {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  return firstLine.split(/[,;\t|]/).some((c) => isDayLedgerHeader([c.replace(/^"|"$/g, '')]));
}

/**
 * Consumes the records of one day-ledger input: the first is the header. Call `push` for every
 * record, then `finish`. Counts are of the day ledger's own rows.
 */
export class DayLedgerReader {
  readonly counts: ReadCounts = { rows: 0, accepted: 0, noClient: 0, badDate: 0, badNumber: 0, badFields: 0 };
  readonly examples = [];
  private at: Partial<Record<DayLedgerColumn, number>> | undefined;
  private headers: string[] = [];
  /** The last currency cell read (the ledger already has its code). */
  private currency = '';
  private readonly guard: (rows: number) => void;

  constructor(
    private readonly ledger: Ledger,
    private readonly file: string,
    private readonly options: Pick<RecordOptions, 'map' | 'trackProducts' | 'productsOf'>,
  ) {
    this.guard = memoryGuard(ledger, file);
  }

  readonly push = (cells: Cell[], line: number): void => {
    if (cells.every((c) => cellText(c).trim() === '')) return;
    if (this.at === undefined) {
      this.header(cells.map((c) => cellText(c).trim()));
      return;
    }
    this.row(cells, line);
    this.guard(this.counts.rows);
  };

  finish(): void {
    if (this.at === undefined) throw new KamError({ code: 'file-empty', file: this.file });
    if (this.counts.rows === 0) throw new KamError({ code: 'no-rows', file: this.file });
  }

  private header(headers: string[]): void {
    const at: Partial<Record<DayLedgerColumn, number>> = {};
    headers.forEach((h, i) => {
      const name = h.toLowerCase() as DayLedgerColumn;
      if ((DAY_LEDGER_COLUMNS as readonly string[]).includes(name) && at[name] === undefined) at[name] = i;
    });
    const missing = DAY_LEDGER_REQUIRED.filter((c) => at[c] === undefined);
    if (missing.length > 0) {
      throw new KamError({ code: 'day-ledger-missing', file: this.file, details: { columns: missing, headers: headers.filter((h) => h !== '') } });
    }
    const wantsDirection = this.options.map.direction !== undefined;
    if (wantsDirection && at.direction === undefined) throw new KamError({ code: 'day-ledger-no-direction', file: this.file });
    const columns = this.ledger.columns;
    columns.quantity ||= at.quantity !== undefined;
    columns.profit ||= at.profit !== undefined;
    columns.document ||= at.documents !== undefined;
    columns.direction ||= wantsDirection;
    columns.product ||= this.options.trackProducts === true && at.product !== undefined;
    this.at = at;
    this.headers = headers;
  }

  private bad(cells: Cell[], line: number, column: DayLedgerColumn, kind: 'client' | 'date' | 'number' | 'value'): KamError {
    const index = this.at![column];
    return new KamError({
      code: 'bad-row',
      file: this.file,
      line,
      column: index === undefined ? column : (this.headers[index] ?? column),
      value: index === undefined ? '' : cellText(cells[index]),
      details: { kind },
    });
  }

  private row(cells: Cell[], line: number): void {
    const at = this.at!;
    const text = (column: DayLedgerColumn): string => {
      const index = at[column];
      return index === undefined ? '' : cellText(cells[index]).trim();
    };
    const exact = (column: DayLedgerColumn): ExactPair => {
      const cell = at[column] === undefined ? undefined : cells[at[column]];
      const pair = typeof cell === 'number' && Number.isFinite(cell) ? exactFromDecimal(String(cell)) : exactFromDecimal(cellText(cell));
      if (pair === undefined) throw this.bad(cells, line, column, 'number');
      return pair;
    };
    const optionalExact = (column: DayLedgerColumn): ExactPair | undefined =>
      at[column] === undefined || text(column) === '' ? undefined : exact(column);
    this.counts.rows++;
    const currency = text('currency');
    if (currency !== '' && currency !== this.currency) {
      // An ISO code (as kam writes it) or a mark kam knows; one currency for the whole ledger.
      const code = currencyCodeOf(currency);
      if (code === null) throw this.bad(cells, line, 'currency', 'value');
      addCurrency(this.ledger, code, { file: this.file, line, column: this.headers[at.currency!], value: currency });
      this.currency = currency;
    }
    const kind = text(DAY_LEDGER_COLUMNS[0]).toLowerCase() as DayLedgerKind;
    if (!DAY_LEDGER_KINDS.includes(kind)) throw this.bad(cells, line, DAY_LEDGER_COLUMNS[0], 'value');
    const client = normalizeClientName(text('client'));
    if (client === '') throw this.bad(cells, line, 'client', 'client');
    if (kind === 'day') {
      const dateCell = cells[at.date!];
      const day = dateCell instanceof Date ? dayFromDateCell(dateCell) : parseIso(cellText(dateCell));
      if (day === undefined) throw this.bad(cells, line, 'date', 'date');
      const purchaseText = text('purchase').toLowerCase();
      const purchase = purchaseText === '1' || purchaseText === 'true' || purchaseText === 't';
      if (!purchase && purchaseText !== '0' && purchaseText !== 'false' && purchaseText !== 'f') throw this.bad(cells, line, 'purchase', 'value');
      let documents: number | undefined;
      if (at.documents !== undefined) {
        const d = text('documents');
        documents = d === '' ? 0 : Number(d);
        if (!Number.isSafeInteger(documents) || documents < 0) throw this.bad(cells, line, 'documents', 'number');
      }
      addDayLedgerRow(this.ledger, {
        kind,
        client,
        day,
        amount: exact('amount'),
        quantity: optionalExact('quantity'),
        profit: optionalExact('profit'),
        purchase,
        documents,
      });
    } else {
      const productsOf = this.options.productsOf;
      if (kind === 'product' && productsOf !== undefined && client !== productsOf) {
        this.counts.accepted++;
        return;
      }
      addDayLedgerRow(this.ledger, { kind, client, value: text(kind), amount: exact('amount') });
    }
    this.counts.accepted++;
  }
}
