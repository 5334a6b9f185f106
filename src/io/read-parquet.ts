// Parquet ledgers (SPEC §12), read through embedded DuckDB: the columns are found from the schema
// by the same header rules as a CSV's (and --map), the aggregation to a day ledger runs inside
// DuckDB (kam sql's duckdb statement over read_parquet), and only the day ledger comes back into
// kam. Several files (or a glob DuckDB expands) are one ledger, aggregated together, so a
// document spread over files is still one document. A Parquet file that is itself a day ledger
// is read as one.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DAY_LEDGER_KINDS, addDayLedgerRow, addDayMillionths, exactFromDecimal, isDayLedgerHeader } from '../core/day-ledger.js';
import { daysFromCivil, formatDay } from '../core/calendar.js';
import { pairOfMillionths } from '../core/day-table.js';
import { historyOf, normalizeClientName, type ClientHistory, type ExactPair, type Ledger } from '../core/ledger.js';
import { memoryGuard } from './memory-guard.js';
import { KamError } from '../core/problems.js';
import { tableRoles } from './table-roles.js';
import { DayLedgerReader } from './day-ledger.js';
import { sqlString, withDuckDb, type DuckDbConnection, type DuckDbOptions } from './duckdb.js';
import type { ReadCounts, RecordOptions } from './records.js';
import { duckdb } from './sql/duckdb.js';
import { dayLedgerSql, type SqlRoles } from './sql/dialect.js';

/** Whether a path names Parquet data (a file or a glob of files). */
export function isParquetPath(path: string): boolean {
  return /\.parquet$/i.test(path);
}

export interface TableRead {
  counts: ReadCounts;
}

/** DuckDB's memory cap while it aggregates a ledger for kam, unless --memory says otherwise. */
export const READ_MEMORY = '1GB';

/** DuckDB's memory cap while kam reads back the day ledger it wrote (a scan: it needs little). */
const SCAN_MEMORY = '256MB';

/** DuckDB's temp folder (withDuckDb's, removed with everything in it when the connection closes). */
async function tempFolder(connection: DuckDbConnection): Promise<string> {
  const rows = (await connection.runAndReadAll(`SELECT current_setting('temp_directory')`)).getRowsJS();
  return String(rows[0]?.[0]);
}

/** The table expression DuckDB reads the files through. */
function parquetSource(paths: readonly string[]): string {
  return `read_parquet([${paths.map(sqlString).join(', ')}])`;
}

export async function readParquet(ledger: Ledger, paths: readonly string[], label: string, options: RecordOptions & DuckDbOptions): Promise<TableRead> {
  return duckDbMemory(ledger, label, withDuckDb(options, (connection) => readTable(connection, ledger, parquetSource(paths), label, options)));
}

/**
 * DuckDB's own errors that are about the machine, not the data, as one line: its out-of-memory
 * error (its --memory cap reached where it cannot spill), naming the clients read so far and what
 * to do, not DuckDB's page of advice; a full disk under its temp folder, naming the folder.
 */
async function duckDbMemory<T>(ledger: Ledger, label: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw duckDbProblem(error, ledger, label);
  }
}

/** The KamError for a DuckDB error about memory or disk space; any other error as it was. */
export function duckDbProblem(error: unknown, ledger: Pick<Ledger, 'clients'>, label: string): unknown {
  const text = error instanceof Error ? error.message : '';
  if (error instanceof KamError) return error;
  if (/No space left on device/i.test(text)) return new KamError({ code: 'source-failed', file: label, value: tmpdir(), details: { reason: 'no-space' } });
  if (!/^Out of Memory Error/.test(text)) return error;
  const used = /\/\s*([\d.]+) (KiB|MiB|GiB) used\)/.exec(text);
  const limitMb = used === null ? 0 : Math.round(Number(used[1]) * (used[2] === 'KiB' ? 1 / 1024 : used[2] === 'GiB' ? 1024 : 1));
  return new KamError({ code: 'out-of-memory', file: label, details: { clients: ledger.clients.size, limitMb, engine: 'duckdb' } });
}

/** A table (or view) of a DuckDB database file (--table), opened read-only. */
export async function readDuckDbTable(ledger: Ledger, path: string, options: RecordOptions & DuckDbOptions & { table?: string | undefined }): Promise<TableRead & { name: string }> {
  const table = options.table;
  if (table === undefined) throw new KamError({ code: 'source-failed', file: path, details: { reason: 'no-source' } });
  const name = `${path} ${table}`;
  const from = table
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
  return duckDbMemory(ledger, path, withDuckDb({ ...options, database: path }, async (connection) => {
    try {
      await connection.run(`SELECT * FROM ${from} LIMIT 0`);
    } catch {
      throw new KamError({ code: 'source-failed', file: path, details: { reason: 'no-table', table } });
    }
    return { name, ...(await readTable(connection, ledger, from, name, options)) };
  }));
}

/** Column names of a table expression, as DuckDB sees them. */
async function columnsOf(connection: DuckDbConnection, from: string): Promise<string[]> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  return described.getRowObjectsJS().map((row) => String(row.column_name));
}

/**
 * Reads a table of sale lines (or a day ledger) into the ledger: the day ledger is made by DuckDB
 * and streamed back as numbers (see streamDayLedger), a chunk at a time.
 */
export async function readTable(connection: DuckDbConnection, ledger: Ledger, from: string, label: string, options: RecordOptions & DuckDbOptions): Promise<TableRead> {
  // kam reads the day ledger in any order (its ledger sorts itself), so DuckDB need not keep the
  // lines' order: it then streams and spills far more thriftily. Without --memory, DuckDB is
  // capped at READ_MEMORY, spilling beyond it, so that it and kam's own ledger together stay
  // within a modest machine (by default DuckDB would take up to 80% of the machine's memory).
  await connection.run('SET preserve_insertion_order = false');
  if (options.memory === undefined) await connection.run(`SET memory_limit = '${READ_MEMORY}'`);
  const headers = await columnsOf(connection, from);
  const reader = new DayLedgerReader(ledger, label, options);
  if (isDayLedgerHeader(headers)) {
    await streamInto(connection, `SELECT * FROM ${from}`, reader);
    reader.finish();
    return { counts: reader.counts };
  }
  const roles = tableRoles(ledger, headers, label, options);

  // The lines kam would skip, and why, are counted by a second pass over the lines, which costs
  // a tenth of the aggregation: only when --strict must refuse before reading, or when the day
  // ledger's own count of the lines it took in falls short of the lines there are.
  if (options.strict) await tallyLines(connection, from, roles, label, true);
  const total = Number((await connection.runAndReadAll(`SELECT COUNT(*) FROM ${from}`)).getRowsJS()[0]?.[0] ?? 0);
  if (total === 0) throw new KamError({ code: 'no-rows', file: label });
  const accepted = await streamDayLedger(connection, from, roles, ledger, label, options);
  if (accepted === total) return { counts: { rows: total, accepted, noClient: 0, badDate: 0, badNumber: 0, badFields: 0 } };
  return { counts: await tallyLines(connection, from, roles, label, false) };
}

/** The lines of a table, and those kam skips for want of a client, a date or a number; with `strict`, the first such as an error. */
async function tallyLines(connection: DuckDbConnection, from: string, roles: SqlRoles, label: string, strict: boolean): Promise<ReadCounts> {
  const tally = (await connection.runAndReadAll(dayLedgerSql(duckdb, { from, roles }, true))).getRowsJS()[0] ?? [];
  const [lines, noClient, badDate, badNumber] = tally.map((v) => Number(v ?? 0)) as [number, number, number, number];
  const counts: ReadCounts = { rows: lines, accepted: lines - noClient - badDate - badNumber, noClient, badDate, badNumber, badFields: 0 };
  if (counts.rows === 0) throw new KamError({ code: 'no-rows', file: label });
  if (strict && counts.accepted < counts.rows) {
    const [role, kind] = noClient > 0 ? (['client', 'client'] as const) : badDate > 0 ? (['date', 'date'] as const) : (['amount', 'number'] as const);
    throw new KamError({ code: 'bad-row', file: label, column: roles[role], value: '', details: { kind } });
  }
  return counts;
}

/** The days a day ledger's date may have (years 1 to 9999, as every date parser of kam's). */
const FIRST_DAY = daysFromCivil(1, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

/**
 * Streams the day ledger kam's own statement makes into the ledger, column by column from
 * DuckDB's result chunks. The statement's numbered form (dayLedgerSql's `numbered`) sends each
 * row's kind, day, purchase flag and documents as numbers and each sum as a number of millionths
 * (below 2^53; the exact decimal's text beyond), so no row object and no text is made for a
 * value (only the client's name is text). The same rows, the same exact pairs, as reading the
 * day ledger itself as text.
 */
async function streamDayLedger(connection: DuckDbConnection, from: string, roles: SqlRoles, ledger: Ledger, label: string, options: RecordOptions & DuckDbOptions): Promise<number> {
  const has = { quantity: roles.quantity !== undefined, profit: roles.profit !== undefined, documents: roles.document !== undefined, direction: roles.direction !== undefined, product: roles.product !== undefined };
  const wantsDirection = options.map.direction !== undefined;
  if (wantsDirection && !has.direction) throw new KamError({ code: 'day-ledger-no-direction', file: label });
  const columns = ledger.columns;
  columns.quantity ||= has.quantity;
  columns.profit ||= has.profit;
  columns.document ||= has.documents;
  columns.direction ||= wantsDirection;
  columns.product ||= options.trackProducts === true && has.product;
  // DuckDB writes the day ledger to a file in its temp folder, then sorts that into another, and
  // kam reads the sorted one back: the memory DuckDB needs to aggregate (its cap and more: ~1.3 GB
  // at ten million lines) is given back before kam's ledger grows, instead of both being held at
  // once; and the aggregation and the sort each have the cap to themselves (run as one statement
  // they sometimes ran out of it together at ten million lines).
  // Each client gets a number (client_no) and the rows are sorted by it and the day: a client's
  // rows then come together, in day order (looked up once, days appended, not inserted), and kam
  // decodes a client's name only where the number changes. (DuckDB hands over a name longer than
  // 12 bytes through a call of its own: on a million clients, decoding the name of every row took
  // 6 of 13 s.) The number is exact, whatever the order the rows come back in: a row is never
  // taken for another client's, only looked up again. A client's direction and product rows (no
  // date) come after its days, in any order: their sums are exact, and the kind is no sort key
  // (a third key cost a quarter of the sort).
  const folder = await tempFolder(connection);
  const aggregated = `${folder}/kam-day-ledger-unsorted.parquet`;
  const dayFile = `${folder}/kam-day-ledger.parquet`;
  const sql = dayLedgerSql(duckdb, { from, roles, numbered: true }).replace(/^--.*\n/, '');
  await withinCap(connection, `COPY (${sql}) TO ${sqlString(aggregated)} (FORMAT parquet)`, options);
  // Each client's count of day rows comes along (client_days), so that its day table is made
  // the size it will be; clients are numbered in name order (DuckDB's byte order of UTF-8 is
  // kam's code-unit order but for characters beyond U+FFFF), so the ledger need not sort them.
  // (finishLedger checks the order, and sorts when it is not so.)
  const dayKind = DAY_LEDGER_KINDS.indexOf('day');
  await connection.run(
    `CREATE TEMP TABLE kam_clients AS SELECT client, CAST(row_number() OVER (ORDER BY client) AS DOUBLE) AS client_no, client_days FROM (SELECT client, CAST(count(*) FILTER (WHERE kam_day_ledger = ${dayKind}) AS DOUBLE) AS client_days FROM read_parquet(${sqlString(aggregated)}) GROUP BY client)`,
  );
  await withinCap(
    connection,
    `COPY (SELECT c.client_no, c.client_days, d.* FROM read_parquet(${sqlString(aggregated)}) AS d JOIN kam_clients AS c USING (client) ORDER BY c.client_no, d.date NULLS LAST) TO ${sqlString(dayFile)} (FORMAT parquet)`,
    options,
  );
  await connection.run('DROP TABLE kam_clients');
  rmSync(aggregated, { force: true });
  if (options.memory === undefined) await connection.run(`SET memory_limit = '${SCAN_MEMORY}'`);
  await connection.run('SET preserve_insertion_order = true');
  const result = await connection.stream(`SELECT * FROM read_parquet(${sqlString(dayFile)})`);
  const at = new Map(result.columnNames().map((name, i) => [name, i]));
  const column = (name: string): number => at.get(name) ?? -1;
  const [kindAt, numberAt, daysAt, clientAt, dayAt, purchaseAt, documentsAt, linesAt] = ['kam_day_ledger', 'client_no', 'client_days', 'client', 'date', 'purchase', 'documents', 'lines'].map(column) as [number, number, number, number, number, number, number, number];
  const sums = { amount: column('amount'), quantity: column('quantity'), profit: column('profit') };
  const valueAt = { direction: column('direction'), product: column('product') };
  const productsOf = options.productsOf;
  const guard = memoryGuard(ledger, label);
  let line = 1;
  // The sale lines the day rows were made of.
  let accepted = 0;
  // The last row's client: DuckDB's number for it, its name folded, and its history (once a day row has asked).
  let lastNumber: number | null = null;
  let lastClient = '';
  let lastHistory: ClientHistory | undefined;
  // The next chunk is asked for before this one is read: DuckDB reads and decodes it on its own
  // thread meanwhile, instead of kam and DuckDB taking turns.
  let next = result.fetchChunk();
  // (A chunk asked for and not yet taken is waited for before a row's error goes up: the
  // connection is closed then, and DuckDB must not be reading for it.)
  try {
    for (;;) {
      const chunk = await next;
      // (rowCount is asked of DuckDB on every read: once a chunk.)
      const rows = chunk === null ? 0 : chunk.rowCount;
      if (chunk === null || rows === 0) break;
      next = result.fetchChunk();
      const vectors = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnVector(i));
      const number = (c: number, r: number): number | null => (c < 0 ? null : (vectors[c]!.getItem(r) as number | null));
      const text = (c: number, r: number): string => {
        const value = c < 0 ? null : vectors[c]!.getItem(r);
        return value === null ? '' : String(value);
      };
      // A sum: millionths, or beyond 2^53 the exact decimal's text (the column after it).
      const pair = (c: number, r: number): ExactPair | undefined => {
        if (c < 0) return undefined;
        const millionths = number(c, r);
        if (millionths !== null) return pairOfMillionths(millionths);
        const decimal = text(c + 1, r);
        return decimal === '' ? undefined : exactFromDecimal(decimal);
      };
      for (let r = 0; r < rows; r++) {
        line++;
        // The kind by its place in the contract's list (the number the statement sends).
        const kind = DAY_LEDGER_KINDS[number(kindAt, r) ?? -1];
        if (kind === undefined) continue;
        const no = number(numberAt, r);
        if (no === null || no !== lastNumber) {
          lastNumber = no;
          lastClient = normalizeClientName(text(clientAt, r));
          lastHistory = undefined;
        }
        const client = lastClient;
        if (kind === 'day') {
          const day = number(dayAt, r);
          if (day === null || day < FIRST_DAY || day > LAST_DAY) {
            throw new KamError({ code: 'bad-row', file: label, line, column: 'date', value: day === null ? '' : formatDay(day), details: { kind: 'date' } });
          }
          const documents = has.documents ? (number(documentsAt, r) ?? 0) : undefined;
          const purchase = number(purchaseAt, r) === 1;
          accepted += number(linesAt, r) ?? 0;
          if (client === '') throw badValue(label, line, 'client', 'client');
          if (lastHistory === undefined) {
            lastHistory = historyOf(ledger, client);
            lastHistory.days.reserve(number(daysAt, r) ?? 0);
          }
          const history = lastHistory;
          // Sums as millionths (NaN for a column the lines did not have); null: beyond 2^53, as text.
          const amount = number(sums.amount, r);
          const quantity = sums.quantity < 0 ? Number.NaN : number(sums.quantity, r);
          const profit = sums.profit < 0 ? Number.NaN : number(sums.profit, r);
          if (amount !== null && quantity !== null && profit !== null) {
            addDayMillionths(ledger, history, day, amount, quantity, profit, purchase, documents);
            continue;
          }
          const exact = pair(sums.amount, r);
          if (exact === undefined) throw badValue(label, line, 'amount', 'number');
          addDayLedgerRow(ledger, { kind, client, day, amount: exact, quantity: pair(sums.quantity, r), profit: pair(sums.profit, r), purchase, documents }, history);
        } else {
          const amount = pair(sums.amount, r);
          if (client === '' || amount === undefined) throw badValue(label, line, client === '' ? 'client' : 'amount', client === '' ? 'client' : 'number');
          const value = text(valueAt[kind], r).trim();
          if (kind === 'product' && productsOf !== undefined && client !== productsOf) continue;
          addDayLedgerRow(ledger, { kind, client, value, amount });
        }
      }
      guard(line);
    }
  } catch (error) {
    await next.catch(() => null);
    throw error;
  }
  return accepted;
}

/**
 * Runs a statement that writes a file. Without --memory, one that runs out of kam's default cap
 * is run once more on one thread: each thread's share of an aggregation needs room of its own,
 * and one thread needs about half (measured: ten million lines whose dates are text, 1 GB,
 * out of memory on two threads, 32 s on one). Slower, but within the cap; with --memory, the
 * cap is the user's and running out of it is said as it is.
 */
export async function withinCap(connection: DuckDbConnection, statement: string, options: DuckDbOptions): Promise<void> {
  try {
    await connection.run(statement);
  } catch (error) {
    if (options.memory !== undefined || !(error instanceof Error) || !/^Out of Memory Error/.test(error.message)) throw error;
    const threads = (await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRowsJS()[0]?.[0];
    await connection.run('SET threads = 1');
    await connection.run(statement);
    await connection.run(`SET threads = ${Number(threads)}`);
  }
}

function badValue(file: string, line: number, column: string, kind: 'client' | 'number'): KamError {
  return new KamError({ code: 'bad-row', file, line, column, value: '', details: { kind } });
}

/** Runs a query and hands its rows, as text, to a day-ledger reader (header first). */
async function streamInto(connection: DuckDbConnection, sql: string, reader: DayLedgerReader): Promise<void> {
  // Every value as DuckDB's own text: exact decimals, ISO dates.
  const result = await connection.stream(`SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (${sql.replace(/^--.*\n/, '')}) AS kam_day`);
  const names = result.columnNames();
  reader.push(names, 0);
  let line = 1;
  for await (const rows of result.yieldRows()) {
    for (const row of rows) reader.push(row.map((v) => (v === null ? '' : String(v))), ++line);
  }
}
