// From raw records (CSV strings or xlsx cell values) to ledger lines: header search, column
// roles, dialect detection on a sample, then one fast conversion per record.
import { addCurrency, addLine, normalizeClientName, type Ledger, type LedgerRow } from '../core/ledger.js';
import { KamError, type Problem } from '../core/problems.js';
import { detectColumns, isKnownHeader, normalizeHeader, type ColumnMap, type ColumnRole } from './columns.js';
import { dayFromDateCell, dayFromNumberCell, detectDateFormat, makeDateParser, type DateFormat } from './dates.js';
import { findHeaderRow } from './dialect.js';
import { currencyMark, detectNumberDialect, headerCurrency, makeNumberParser, plainNumberAt, type NumberFormat } from './numbers.js';
import { memoryGuard } from './memory-guard.js';

/** A cell as a reader hands it over: CSV gives strings, xlsx also numbers and dates. */
export type Cell = string | number | Date | boolean | null | undefined;

export interface RawRecord {
  cells: Cell[];
  /** Line (CSV) or row (xlsx) number, for messages. */
  line: number;
}

/** Where readers hand records: cells and their line (CSV) or row (xlsx) number. */
export type RecordSink = (cells: Cell[], line: number) => void;

/**
 * A CSV line handed over in place: field k is text.slice(bounds[2k], bounds[2k + 1]). Returns
 * false when the line was not taken; the reader then hands it over again as cells.
 */
export type SpanSink = (text: string, bounds: Int32Array, count: number, line: number) => boolean;

export interface RecordOptions {
  map: Partial<Record<ColumnRole, string>>;
  dateFormat: DateFormat | undefined;
  decimal: NumberFormat | undefined;
  strict: boolean;
  /** Keep per-client product totals (for dossiers); off by default: they cost memory per product. */
  trackProducts?: boolean;
  /** With trackProducts: keep them for this client alone (its name normalized), as `kam client` needs. */
  productsOf?: string | undefined;
  /** Today as a day number (CommandIo.today): a date more than a year after it is a bad row. Default: the clock's. */
  today?: number | undefined;
  /** --currency: the ledger's currency (ISO code); a mark of another in its amounts is refused. */
  currency?: string | undefined;
}

/** 1900-01-01 as a day number: an earlier date is a bad row (SPEC §1), a typo or an ERP's 0001-01-01. */
const FIRST_DAY = Date.UTC(1900, 0, 1) / 86_400_000;

/** The last day a ledger may hold: one year after `today` (SPEC §1), so 9999-12-31 never moves the window. */
export function lastPlausibleDay(today: number): number {
  const d = new Date(today * 86_400_000);
  return Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()) / 86_400_000;
}

/**
 * The largest amount, quantity or profit a row may hold: sums of such values stay exact to the
 * cent (src/core/day-table.ts); beyond it (1e308, whose sum is Infinity) the row is a bad one.
 */
export const MAX_VALUE = 1e13;

function tooLarge(x: number | undefined): boolean {
  return x !== undefined && !(x <= MAX_VALUE && x >= -MAX_VALUE);
}

export interface ReadCounts {
  /** Data records seen below the header. */
  rows: number;
  accepted: number;
  noClient: number;
  badDate: number;
  badNumber: number;
  /** Rows whose fields do not line up with the header's (CSV). */
  badFields: number;
}

export const MAX_EXAMPLES = 5;
/** Title rows tolerated above the header (1C puts a few there). */
const HEADER_SEARCH_ROWS = 30;
/** Records looked at to decide date and number formats; more only while dates stay ambiguous. */
const SAMPLE_ROWS = 2000;
const MAX_SAMPLE_ROWS = 50_000;

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c).trim() === '');
}

/** What a reader learned from the head of an input: enough to read any later part of it. */
export interface SettledDialect {
  headers: string[];
  columns: ColumnMap;
  dateFormat: DateFormat;
  decimal: NumberFormat;
  /** The date format to report (undefined when the dates were real date cells). */
  reportedDateFormat: DateFormat | undefined;
}

/**
 * Consumes the records of one input. Call `push` for every record in order, then `finish`.
 * Records are held back only until the header and the dialect are known.
 */
export class RecordReader {
  readonly counts: ReadCounts = { rows: 0, accepted: 0, noClient: 0, badDate: 0, badNumber: 0, badFields: 0 };
  readonly examples: Problem[] = [];
  private headerFound = false;
  private headers: string[] = [];
  private preHeader: RawRecord[] = [];
  private pending: RawRecord[] = [];
  /** Pending records at which to try the dialect again (doubling while it stays ambiguous). */
  private nextTry = SAMPLE_ROWS;
  private columns: ColumnMap = {};
  private convert: RecordSink | undefined;
  private convertSpans: SpanSink | undefined;
  dateFormat: DateFormat | undefined;
  decimal: NumberFormat | undefined;
  private settledDialect: SettledDialect | undefined;

  /** The last plausible date (SPEC §1: a year after today). */
  private readonly lastDay: number;

  /**
   * @param csv Records are CSV lines, whose fields must line up with the header's: a row with
   * more non-empty fields (a delimiter inside an unquoted name), or too few to reach a column kam
   * reads (a stray quote merged some), has its values in the wrong columns and is a bad row. A row
   * that only leaves out trailing fields kam does not read is read as before, the missing fields
   * empty: 1C and Excel exports drop trailing empty fields. A sheet's rows may end early too
   * (trailing empty cells are not stored).
   */
  constructor(
    private readonly ledger: Ledger,
    private readonly file: string,
    private readonly options: RecordOptions,
    private readonly csv = true,
  ) {
    if (options.currency !== undefined && ledger.currency === undefined) ledger.currency = { code: options.currency };
    const now = new Date();
    this.lastDay = lastPlausibleDay(options.today ?? Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000);
  }

  /** A reader for a later part of an input whose head another reader has settled. */
  static continuing(ledger: Ledger, file: string, options: RecordOptions, dialect: SettledDialect): RecordReader {
    const reader = new RecordReader(ledger, file, options);
    reader.headerFound = true;
    reader.headers = dialect.headers;
    reader.columns = dialect.columns;
    reader.settle(dialect.dateFormat, dialect.decimal, dialect.reportedDateFormat);
    return reader;
  }

  /** The header and dialect, once decided (records then flow straight into the ledger). */
  get dialect(): SettledDialect | undefined {
    return this.settledDialect;
  }

  /** A RecordSink: hand every record of the input here, in order. */
  readonly push: RecordSink = (cells, line) => {
    if (this.convert !== undefined) {
      this.convert(cells, line);
      return;
    }
    if (!this.headerFound) {
      if (isBlank(cells)) return;
      this.preHeader.push({ cells, line });
      this.tryHeader(false);
      return;
    }
    this.pending.push({ cells, line });
    if (this.pending.length >= this.nextTry) this.tryDialect(false);
  };

  /**
   * A SpanSink: once the dialect is settled, plain lines are read in place (no cells, no
   * strings but for a new client, date or document); until then, and for any line that is not
   * plain (an empty client, a value that does not read), false: the caller hands over cells.
   */
  readonly pushSpans: SpanSink = (text, bounds, count, line) => this.convertSpans !== undefined && this.convertSpans(text, bounds, count, line);

  finish(): void {
    if (!this.headerFound) this.tryHeader(true);
    if (this.convert === undefined) this.tryDialect(true);
    if (this.counts.rows === 0) throw new KamError({ code: 'no-rows', file: this.file });
  }

  private tryHeader(atEnd: boolean): void {
    if (!atEnd && this.preHeader.length < HEADER_SEARCH_ROWS) {
      // Decide as soon as a row plainly is the header; otherwise wait for more rows.
      const last = this.preHeader[this.preHeader.length - 1]!;
      if (this.headerScore(last.cells) < 2) return;
    }
    const mapped = new Set(Object.values(this.options.map).map((h) => normalizeHeader(h ?? '')));
    const isHeaderCell = (cell: string): boolean => isKnownHeader(cell) || mapped.has(normalizeHeader(cell));
    const rows = this.preHeader.map((r) => r.cells.map(cellText));
    let index = findHeaderRow(rows, isHeaderCell, 2);
    if (index < 0) index = findHeaderRow(rows, isHeaderCell, 1);
    if (index < 0) {
      if (this.preHeader.length === 0) throw new KamError({ code: 'file-empty', file: this.file });
      throw new KamError({ code: 'no-header', file: this.file, details: { firstRow: rows[0]!.filter((c) => c.trim() !== '').slice(0, 12) } });
    }
    this.headerFound = true;
    this.headers = rows[index]!.map((h) => h.trim());
    this.columns = detectColumns(this.headers, { map: this.options.map }, this.file);
    // "Сумма, тг": the amount column's header may name the currency.
    const moneyAt = this.columns.amount ?? this.columns.price;
    const named = moneyAt === undefined ? null : headerCurrency(this.headers[moneyAt]!);
    if (named !== null) addCurrency(this.ledger, named, { file: this.file, line: this.preHeader[index]!.line, column: this.headers[moneyAt!], value: this.headers[moneyAt!] });
    const rest = this.preHeader.slice(index + 1);
    this.preHeader = [];
    for (const r of rest) this.push(r.cells, r.line);
  }

  private headerScore(cells: readonly Cell[]): number {
    const mapped = new Set(Object.values(this.options.map).map((h) => normalizeHeader(h ?? '')));
    let n = 0;
    for (const c of cells) {
      const t = cellText(c);
      if (isKnownHeader(t) || mapped.has(normalizeHeader(t))) n++;
    }
    return n;
  }

  private sample(role: ColumnRole): string[] {
    const index = this.columns[role];
    if (index === undefined) return [];
    const out: string[] = [];
    for (const r of this.pending) {
      const c = r.cells[index];
      if (typeof c === 'string' && c.trim() !== '') out.push(c);
    }
    return out;
  }

  private tryDialect(atEnd: boolean): void {
    let dateFormat = this.options.dateFormat;
    if (dateFormat === undefined) {
      const samples = this.sample('date');
      const detection = samples.length === 0 ? { format: 'iso' as const } : detectDateFormat(samples);
      if ('ambiguous' in detection) {
        if (!atEnd && this.pending.length < MAX_SAMPLE_ROWS) return this.waitForMore();
        throw new KamError({
          code: 'ambiguous-dates',
          file: this.file,
          column: this.headers[this.columns.date!],
          value: detection.example,
          details: { candidates: detection.candidates },
        });
      }
      if ('unknown' in detection) {
        throw new KamError({ code: 'unknown-date-format', file: this.file, column: this.headers[this.columns.date!], value: detection.example });
      }
      dateFormat = detection.format;
    }
    let decimal = this.options.decimal;
    if (decimal === undefined) {
      const roles = ['amount', 'quantity', 'price', 'profit'] as const;
      const detection = detectNumberDialect(roles.flatMap((role) => this.sample(role)));
      // Both marks in one file, or numbers that read two ways: refused with the option that settles it.
      if ('mixed' in detection || 'ambiguous' in detection) {
        if ('ambiguous' in detection && !atEnd && this.pending.length < MAX_SAMPLE_ROWS) return this.waitForMore();
        const role = roles.find((r) => this.sample(r).some((s) => s.trim() === detection.example));
        const where = { file: this.file, column: role === undefined ? undefined : this.headers[this.columns[role]!], value: detection.example };
        throw new KamError(
          'mixed' in detection
            ? { code: 'mixed-numbers', ...where, details: { other: detection.other } }
            : { code: 'ambiguous-numbers', ...where, details: { point: detection.point } },
        );
      }
      decimal = detection.format;
    }
    // Real date cells need no format: report one only when text dates were read.
    const reported = this.options.dateFormat !== undefined || this.sample('date').length > 0 ? dateFormat : undefined;
    this.settle(dateFormat, decimal, reported);
    const pending = this.pending;
    this.pending = [];
    const convert = this.convert!;
    for (const r of pending) convert(r.cells, r.line);
  }

  /** Keeps the currency mark of a money cell (at `at`, on `line`) in the ledger: a second currency is refused. */
  private currencyReader(): (cell: string, at: number, line: number) => void {
    return (cell, at, line) => {
      const code = currencyMark(cell);
      if (code !== null) addCurrency(this.ledger, code, { file: this.file, line, column: this.headers[at], value: cell.trim() });
    };
  }

  /** Still ambiguous: decide again at twice the rows (detection reads every sample, so not at every row). */
  private waitForMore(): void {
    this.nextTry = Math.min(MAX_SAMPLE_ROWS, this.pending.length * 2);
  }

  private settle(dateFormat: DateFormat, decimal: NumberFormat, reported: DateFormat | undefined): void {
    this.dateFormat = reported;
    this.decimal = decimal;
    this.settledDialect = { headers: this.headers, columns: this.columns, dateFormat, decimal, reportedDateFormat: reported };
    this.convert = this.makeConverter(dateFormat, decimal);
    this.convertSpans = this.makeSpanConverter(dateFormat, decimal);
  }

  /**
   * The common case of makeConverter, read in place. It decides before it changes anything:
   * a line it cannot take whole goes back (false) to the cell converter, which has every rule.
   * Lines of one invoice repeat client, date and document: those compare equal to the last
   * line's text and are not cut out or parsed again.
   */
  private makeSpanConverter(dateFormat: DateFormat, decimal: NumberFormat): SpanSink {
    const parseDateText = makeDateParser(dateFormat);
    const parseNumberText = makeNumberParser(decimal);
    const lastDay = this.lastDay;
    const decimalCode = decimal.decimal === ',' ? 44 : 46;
    const { client: clientAt, date: dateAt, amount: amountAt, quantity: quantityAt, price: priceAt } = this.columns;
    const { profit: profitAt, document: documentAt, direction: directionAt } = this.columns;
    const productAt = this.options.trackProducts === true ? this.columns.product : undefined;
    const productsOf = this.options.productsOf;
    // Price only counts without an amount column (amount = quantity × price).
    const used = [clientAt, dateAt, amountAt ?? priceAt, quantityAt, profitAt, documentAt, directionAt, productAt].filter((at) => at !== undefined);
    const fieldsNeeded = Math.max(...used) + 1;
    const counts = this.counts;
    const ledger = this.ledger;
    const guard = memoryGuard(ledger, this.file);
    const row: LedgerRow = { client: '', day: 0, amount: 0 };
    let rawClient = '';
    let client = '';
    let rawDate = '';
    let day = 0;
    const repeats = (text: string, start: number, end: number, last: string): boolean =>
      last !== '' && end - start === last.length && text.startsWith(last, start);
    /** A number cell: NaN when it does not read (or, for an optional one, undefined when blank). */
    const numberAt = (text: string, bounds: Int32Array, at: number, optional: boolean): number | undefined => {
      const start = bounds[2 * at]!;
      const end = bounds[2 * at + 1]!;
      const plain = start < end ? plainNumberAt(text, start, end, decimalCode) : Number.NaN;
      if (plain === plain) return plain;
      const cell = text.slice(start, end);
      if (optional && cell.trim() === '') return undefined;
      const value = parseNumberText(cell);
      if (value !== undefined && (at === amountAt || at === priceAt)) currencyOf(cell, at, spanLine);
      return value ?? Number.NaN;
    };
    const textAt = (text: string, bounds: Int32Array, at: number | undefined): string | undefined =>
      at === undefined ? undefined : text.slice(bounds[2 * at]!, bounds[2 * at + 1]!).trim();
    let rawDocument = '';
    let document: string | undefined;
    let spanLine = 0;
    const currencyOf = this.currencyReader();

    const headerFields = this.headers.length;
    return (text, bounds, count, line) => {
      if (count < fieldsNeeded || count !== headerFields) return false;
      spanLine = line;
      let start = bounds[2 * clientAt!]!;
      let end = bounds[2 * clientAt! + 1]!;
      let name = client;
      if (!repeats(text, start, end, rawClient)) {
        const raw = text.slice(start, end);
        name = normalizeClientName(raw);
        if (name === '') return false;
        rawClient = raw;
        client = name;
      }
      start = bounds[2 * dateAt!]!;
      end = bounds[2 * dateAt! + 1]!;
      let lineDay = day;
      if (!repeats(text, start, end, rawDate)) {
        const raw = text.slice(start, end);
        const parsed = parseDateText(raw);
        if (parsed === undefined || parsed < FIRST_DAY || parsed > lastDay) return false;
        rawDate = raw;
        day = lineDay = parsed;
      }
      const quantity = quantityAt === undefined ? undefined : numberAt(text, bounds, quantityAt, true);
      if (quantity !== quantity) return false;
      let amount: number;
      if (amountAt !== undefined) {
        amount = numberAt(text, bounds, amountAt, false)!;
        if (amount !== amount) return false;
      } else {
        const price = numberAt(text, bounds, priceAt!, false)!;
        if (price !== price || quantity === undefined) return false;
        amount = quantity * price;
      }
      const profit = profitAt === undefined ? undefined : numberAt(text, bounds, profitAt, true);
      if (profit !== profit) return false;
      if (tooLarge(amount) || tooLarge(quantity) || tooLarge(profit)) return false;
      if (documentAt !== undefined) {
        start = bounds[2 * documentAt]!;
        end = bounds[2 * documentAt + 1]!;
        if (!repeats(text, start, end, rawDocument)) {
          rawDocument = text.slice(start, end);
          document = rawDocument.trim();
        }
      }
      counts.rows++;
      row.client = name;
      row.day = lineDay;
      row.amount = amount;
      row.quantity = quantity;
      row.profit = profit;
      row.document = document;
      row.product = productsOf === undefined || name === productsOf ? textAt(text, bounds, productAt) : undefined;
      row.direction = textAt(text, bounds, directionAt);
      addLine(ledger, row);
      counts.accepted++;
      guard(counts.rows);
      return true;
    };
  }

  private makeConverter(dateFormat: DateFormat, decimal: NumberFormat): RecordSink {
    const parseDateText = makeDateParser(dateFormat);
    const parseNumberText = makeNumberParser(decimal);
    const { client: clientAt, date: dateAt, amount: amountAt, quantity: quantityAt, price: priceAt } = this.columns;
    const { profit: profitAt, document: documentAt, direction: directionAt } = this.columns;
    const productAt = this.options.trackProducts === true ? this.columns.product : undefined;
    const productsOf = this.options.productsOf;
    const counts = this.counts;
    const ledger = this.ledger;
    const guard = memoryGuard(ledger, this.file);
    ledger.columns.quantity ||= quantityAt !== undefined;
    ledger.columns.profit ||= profitAt !== undefined;
    ledger.columns.document ||= documentAt !== undefined;
    ledger.columns.product ||= productAt !== undefined;
    ledger.columns.direction ||= directionAt !== undefined;
    const row: LedgerRow = { client: '', day: 0, amount: 0 };

    // A workbook repeats an invoice's date and client on each of its lines: the last text read
    // (the same string, often the very same object) is not read again.
    let lastDateText: string | undefined;
    let lastDay: number | undefined;
    let lastRawClient: Cell = null;
    let lastClient = '';
    const readDay = (cell: Cell): number | undefined => {
      if (typeof cell === 'string') {
        if (cell !== lastDateText) {
          lastDateText = cell;
          lastDay = parseDateText(cell);
        }
        return lastDay;
      }
      if (cell instanceof Date) return dayFromDateCell(cell);
      // A bare number in a date column: an Excel serial or yyyymmdd, within plausible years.
      if (typeof cell === 'number') return dayFromNumberCell(cell);
      return undefined;
    };
    const readNumber = (cell: Cell): number | undefined => {
      if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
      if (typeof cell === 'string') return parseNumberText(cell);
      return undefined;
    };
    const currencyOf = this.currencyReader();
    /** A money cell (amount, or price without one): its number, and its currency mark kept. */
    const readMoney = (cell: Cell, at: number, line: number): number | undefined => {
      const value = readNumber(cell);
      if (value !== undefined && typeof cell === 'string') currencyOf(cell, at, line);
      return value;
    };
    /** Optional numbers: an empty cell is "no value", anything unreadable is an error. */
    const readOptional = (cell: Cell): number | undefined | null => {
      if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return undefined;
      const n = readNumber(cell);
      return n === undefined ? null : n;
    };
    const text = (at: number | undefined, cells: Cell[]): string | undefined => {
      if (at === undefined) return undefined;
      const c = cells[at];
      return c === null || c === undefined ? undefined : typeof c === 'string' ? c.trim() : cellText(c);
    };
    const lastPlausible = this.lastDay;
    /** `why`: a value read but out of range ('far-date', 'huge-number'). */
    const reject = (cells: Cell[], line: number, at: number, kind: 'badDate' | 'badNumber', why?: 'far-date' | 'huge-number'): void => {
      counts[kind]++;
      const problem: Problem = {
        code: 'bad-row',
        severity: 'warning',
        file: this.file,
        line,
        column: this.headers[at],
        value: cellText(cells[at]),
        details: { kind: why ?? (kind === 'badDate' ? 'date' : 'number') },
      };
      if (this.options.strict) throw new KamError({ ...problem, severity: 'error' });
      if (this.examples.length < MAX_EXAMPLES) this.examples.push(problem);
    };

    const headerFields = this.headers.length;
    // Price only counts without an amount column (amount = quantity × price).
    const used = [clientAt, dateAt, amountAt ?? priceAt, quantityAt, profitAt, documentAt, directionAt, productAt].filter((at) => at !== undefined);
    const fieldsNeeded = Math.max(...used) + 1;
    const csv = this.csv;
    /** Fields that do not line up with the header's (see the constructor); -1 when they do. */
    const misaligned = (cells: Cell[]): number => {
      if (cells.length < fieldsNeeded) return cells.length;
      for (let k = headerFields; k < cells.length; k++) if (cellText(cells[k]).trim() !== '') return k;
      return -1;
    };
    return (cells, line) => {
      if (isBlank(cells)) return;
      counts.rows++;
      if (csv && cells.length !== headerFields) {
        const at = misaligned(cells);
        if (at >= 0) {
          counts.badFields++;
          const problem: Problem = { code: 'bad-row', severity: 'warning', file: this.file, line, value: String(cells.length), details: { kind: 'fields', header: headerFields } };
          if (this.options.strict) throw new KamError({ ...problem, severity: 'error' });
          if (this.examples.length < MAX_EXAMPLES) this.examples.push(problem);
          return;
        }
      }
      const rawClient = cells[clientAt!];
      if (rawClient !== lastRawClient || rawClient instanceof Date) {
        lastRawClient = rawClient;
        lastClient = rawClient === null || rawClient === undefined ? '' : normalizeClientName(cellText(rawClient));
      }
      const client = lastClient;
      if (client === '') {
        counts.noClient++;
        if (this.options.strict) {
          throw new KamError({ code: 'bad-row', file: this.file, line, column: this.headers[clientAt!], value: '', details: { kind: 'client' } });
        }
        return;
      }
      const day = readDay(cells[dateAt!]);
      if (day === undefined) return reject(cells, line, dateAt!, 'badDate');
      if (day < FIRST_DAY || day > lastPlausible) return reject(cells, line, dateAt!, 'badDate', 'far-date');
      const quantity = quantityAt === undefined ? undefined : readOptional(cells[quantityAt]);
      if (quantity === null) return reject(cells, line, quantityAt!, 'badNumber');
      if (tooLarge(quantity)) return reject(cells, line, quantityAt!, 'badNumber', 'huge-number');
      let amount: number | undefined;
      if (amountAt !== undefined) {
        amount = readMoney(cells[amountAt], amountAt, line);
        if (amount === undefined) return reject(cells, line, amountAt, 'badNumber');
      } else {
        const price = readMoney(cells[priceAt!], priceAt!, line);
        if (price === undefined) return reject(cells, line, priceAt!, 'badNumber');
        if (quantity === undefined) return reject(cells, line, quantityAt!, 'badNumber');
        amount = quantity * price;
      }
      if (tooLarge(amount)) return reject(cells, line, amountAt ?? priceAt!, 'badNumber', 'huge-number');
      const profit = profitAt === undefined ? undefined : readOptional(cells[profitAt]);
      if (profit === null) return reject(cells, line, profitAt!, 'badNumber');
      if (tooLarge(profit)) return reject(cells, line, profitAt!, 'badNumber', 'huge-number');
      row.client = client;
      row.day = day;
      row.amount = amount;
      row.quantity = quantity;
      row.profit = profit;
      row.document = text(documentAt, cells);
      row.product = productsOf === undefined || client === productsOf ? text(productAt, cells) : undefined;
      row.direction = text(directionAt, cells);
      addLine(ledger, row);
      counts.accepted++;
      guard(counts.rows);
    };
  }
}
