// Reads one or more inputs (CSV, .csv.gz, xlsx, standard input) as one ledger.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { emptyLedger, finishLedger, mergeLedger, type Ledger } from '../core/ledger.js';
import { KamError, type BadRowKind, type Problem } from '../core/problems.js';
import type { DateFormat } from './dates.js';
import { DayLedgerReader, isDayLedgerHeader, startsAsDayLedger } from './day-ledger.js';
import type { Delimiter, Encoding } from './dialect.js';
import { checkRoomForAnalysis } from './memory-guard.js';
import { openInput, refuseRepeatedInputs, type InputKind, type OpenedInput } from './input.js';
import { isParquetPath, readDuckDbTable, readParquet } from './read-parquet.js';
import { isPostgresUrl, readPostgres } from './read-postgres.js';
import { canReadInParallel, readCsvParallel } from './read-csv-parallel.js';
import type { NumberFormat } from './numbers.js';
import { readCsv, type CsvOptions } from './read-csv.js';
import { readSheets, type SheetSelection } from './read-xlsx.js';
import { MAX_EXAMPLES, RecordReader, cellText, type ReadCounts, type RecordOptions, type RecordSink, type SpanSink } from './records.js';

export interface LedgerReadOptions extends RecordOptions, CsvOptions {
  /** --sheet: undefined for the first sheet holding a ledger, names, or ['*'] for every sheet. */
  sheets: SheetSelection;
  /** Worker threads for large plain CSV files; 1 (the default) reads in one pass. */
  threads?: number;
  /** --memory: DuckDB's memory limit for Parquet inputs (it spills to a temp folder beyond it). */
  memory?: string | undefined;
  /** --table: the table of sale lines in a DuckDB file or a PostgreSQL database. */
  table?: string | undefined;
  /** --query: a PostgreSQL query whose result is the table of sale lines. */
  query?: string | undefined;
}

export interface InputReport {
  name: string;
  kind: InputKind | 'parquet' | 'duckdb' | 'postgres';
  compressed: boolean;
  encoding?: Encoding;
  delimiter?: Delimiter;
  sheet?: string;
  /** A day ledger (SPEC §12) rather than sale lines. */
  dayLedger?: boolean;
  dateFormat?: DateFormat;
  decimal?: NumberFormat;
  counts: ReadCounts;
}

export interface LedgerRead {
  ledger: Ledger;
  inputs: InputReport[];
  counts: ReadCounts;
  /** The first few rows skipped for an unreadable date or number, with line numbers. */
  examples: Problem[];
  /** Other things a reader should hear about: sheets left out. */
  notes: Problem[];
}

export interface ReadProgress {
  input: string;
  bytes: number;
  size: number | undefined;
  rows: number;
}

export async function readLedger(
  paths: readonly string[],
  options: LedgerReadOptions,
  stdin: Readable,
  onProgress?: (progress: ReadProgress) => void,
): Promise<LedgerRead> {
  const inputs: InputReport[] = [];
  const counts: ReadCounts = { rows: 0, accepted: 0, noClient: 0, badDate: 0, badNumber: 0, badFields: 0 };
  const examples: Problem[] = [];
  const notes: Problem[] = [];
  let ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
  // --currency, whatever the source: a mark or a day ledger naming another is then refused.
  if (options.currency !== undefined) ledger.currency = { code: options.currency };
  await refuseRepeatedInputs(paths);
  // Parquet files (and globs of them) are one table, aggregated together in DuckDB.
  const parquet = paths.filter((path) => path !== '-' && !isPostgresUrl(path) && (isParquetPath(path) || sniff(path) === 'parquet'));
  for (const path of paths) {
    if (parquet.includes(path)) {
      if (path === parquet[0]) await readParquetInputs();
      continue;
    }
    if (isPostgresUrl(path)) {
      const read = await readPostgres(ledger, path, options, options);
      addUp({ name: read.name, kind: 'postgres', compressed: false, counts: read.counts }, {}, read.counts, []);
      continue;
    }
    if (path !== '-' && sniff(path) === 'duckdb') {
      const read = await readDuckDbTable(ledger, path, options);
      addUp({ name: read.name, kind: 'duckdb', compressed: false, counts: read.counts }, {}, read.counts, []);
      continue;
    }
    const input = await openInput(path, stdin);
    const threads = options.threads ?? 1;
    if (input.kind === 'csv' && !input.compressed && path !== '-' && canReadInParallel(input.size, threads) && sniff(path) !== 'day-ledger') {
      input.close();
      let bytes = 0;
      const parallel = await readCsvParallel(path, input.name, input.size!, options, options, threads, (n) => {
        bytes += n;
        onProgress?.({ input: input.name, bytes, size: input.size, rows: 0 });
      });
      if (parallel !== undefined) {
        ledger = ledger.rows === 0 && ledger.clients.size === 0 ? parallel.ledger : mergeLedger(ledger, parallel.ledger);
        const report: InputReport = { name: input.name, kind: 'csv', compressed: false, counts: parallel.counts, ...parallel.dialect };
        addUp(report, parallel.reader, parallel.counts, parallel.examples);
        continue;
      }
      // Not splittable after all: read it again in one pass.
      await readOne(await openInput(path, stdin));
      continue;
    }
    await readOne(input);
  }
  // Rows, but none readable: say which file and why (the first row refused), not "no rows".
  if (counts.accepted === 0 && counts.rows > 0) {
    const first = examples[0];
    throw new KamError({
      code: 'no-rows',
      file: inputs.map((i) => i.name).join(', '),
      details: { skipped: counts.rows, ...(first === undefined ? {} : { first: renderableExample(first) }) },
      line: first?.line,
      column: first?.column,
      value: first?.value,
    });
  }
  // A ledger that fits but leaves no room for its analysis stops now, with one line.
  checkRoomForAnalysis(ledger, inputs.map((i) => i.name).join(', '));
  return { ledger: finishLedger(ledger), inputs, counts, examples, notes };

  async function readParquetInputs(): Promise<void> {
    for (const path of parquet) {
      if (!/[*?[]/.test(path) && !existsSync(path)) throw new KamError({ code: 'file-not-found', file: path });
    }
    const name = parquet.join(', ');
    const read = await readParquet(ledger, parquet, name, options);
    addUp({ name, kind: 'parquet', compressed: false, counts: read.counts }, {}, read.counts, []);
  }

  async function readOne(input: OpenedInput): Promise<void> {
    if (input.kind === 'xlsx') {
      // Every sheet is a table of its own: title rows, header, columns and dialect.
      let finishSheet: (() => void) | undefined;
      await readSheets(input, options.sheets, {
        start: (sheet, label) => {
          const part = readPart(input, label);
          part.report.sheet = sheet;
          finishSheet = part.finish;
          return part.sink;
        },
        end: () => finishSheet?.(),
        skipped: (problem) => notes.push(problem),
      });
      return;
    }
    const part = readPart(input, input.name);
    await readCsv(input, options, (d) => Object.assign(part.report, d), part.sink, { spans: part.spans });
    part.finish();
  }

  /**
   * One CSV input or one sheet: a record reader, its sink and what finishing it adds up. A day
   * ledger is told by its header (its first record) and goes to a reader of its own.
   */
  function readPart(input: OpenedInput, file: string): { report: InputReport; sink: RecordSink; spans: SpanSink; finish: () => void } {
    const reader = new RecordReader(ledger, file, options, input.kind === 'csv');
    const report: InputReport = { name: input.name, kind: input.kind, compressed: input.compressed, counts: reader.counts };
    let days: DayLedgerReader | undefined;
    let decided = false;
    const push: RecordSink = (cells, line) => {
      if (!decided) {
        if (cells.every((c) => cellText(c).trim() === '')) return;
        decided = true;
        if (isDayLedgerHeader(cells.map(cellText))) {
          days = new DayLedgerReader(ledger, file, options);
          report.counts = days.counts;
          report.dayLedger = true;
        }
      }
      if (days !== undefined) days.push(cells, line);
      else reader.push(cells, line);
    };
    // Until the first record is seen, and for a day ledger, lines come as cells.
    const pushSpans: SpanSink = (text, bounds, count, line) => days === undefined && decided && reader.pushSpans(text, bounds, count, line);
    const finishPart = (): void => {
      if (days === undefined) return finish(reader, report);
      days.finish();
      addUp(report, {}, days.counts, days.examples);
    };
    if (onProgress === undefined) return { report, sink: push, spans: pushSpans, finish: finishPart };
    let n = 0;
    const counted = (): void => {
      if ((++n & 0xffff) === 0) onProgress({ input: input.name, bytes: input.bytesRead(), size: input.size, rows: n });
    };
    const sink: RecordSink = (cells, line) => {
      push(cells, line);
      counted();
    };
    const spans: SpanSink = (text, bounds, count, line) => {
      if (!pushSpans(text, bounds, count, line)) return false;
      counted();
      return true;
    };
    return { report, sink, spans, finish: finishPart };
  }

  function finish(reader: RecordReader, report: InputReport): void {
    reader.finish();
    addUp(report, reader, reader.counts, reader.examples);
  }

  /** One input (or sheet) read: its dialect into its report, its counts and examples into the totals. */
  function addUp(report: InputReport, dialect: Partial<Pick<RecordReader, 'dateFormat' | 'decimal'>>, partCounts: ReadCounts, partExamples: readonly Problem[]): void {
    if (dialect.dateFormat !== undefined) report.dateFormat = dialect.dateFormat;
    if (dialect.decimal !== undefined) report.decimal = dialect.decimal;
    inputs.push(report);
    for (const key of Object.keys(counts) as (keyof ReadCounts)[]) counts[key] += partCounts[key];
    for (const e of partExamples) if (examples.length < MAX_EXAMPLES) examples.push(e);
  }
}

/** What a skipped row's problem says of its kind, for a message that quotes it. */
function renderableExample(problem: Problem): BadRowKind {
  return problem.code === 'bad-row' ? problem.details.kind : 'client';
}

/** What a file's first bytes say it is: Parquet, a DuckDB database, a day ledger in CSV, or something else (undefined). */
function sniff(path: string): 'parquet' | 'duckdb' | 'day-ledger' | undefined {
  const head = Buffer.alloc(4096);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    if (n >= 4 && head.toString('latin1', 0, 4) === 'PAR1') return 'parquet';
    if (n >= 12 && head.toString('latin1', 8, 12) === 'DUCK') return 'duckdb';
    return startsAsDayLedger(head.subarray(0, n).toString('utf8')) ? 'day-ledger' : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
