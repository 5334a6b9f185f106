// Parquet ledgers (SPEC §12), read through embedded DuckDB: the columns are found from the schema
// by the same header rules as a CSV's (and --map), the aggregation to a day ledger runs inside
// DuckDB (kam sql's duckdb statement over read_parquet), and only the day ledger comes back into
// kam. Several files (or a glob DuckDB expands) are one ledger, aggregated together, so a
// document spread over files is still one document. A Parquet file that is itself a day ledger
// is read as one.
import { isDayLedgerHeader } from '../core/day-ledger.js';
import type { Ledger } from '../core/ledger.js';
import { KamError } from '../core/problems.js';
import { COLUMN_ROLES, detectColumns } from './columns.js';
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

/** The table expression DuckDB reads the files through. */
function parquetSource(paths: readonly string[]): string {
  return `read_parquet([${paths.map(sqlString).join(', ')}])`;
}

export async function readParquet(ledger: Ledger, paths: readonly string[], label: string, options: RecordOptions & DuckDbOptions): Promise<TableRead> {
  return withDuckDb(options, (connection) => readTable(connection, ledger, parquetSource(paths), label, options));
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
  return withDuckDb({ ...options, database: path }, async (connection) => {
    try {
      await connection.run(`SELECT * FROM ${from} LIMIT 0`);
    } catch {
      throw new KamError({ code: 'source-failed', file: path, details: { reason: 'no-table', table } });
    }
    return { name, ...(await readTable(connection, ledger, from, name, options)) };
  });
}

/** Column names of a table expression, as DuckDB sees them. */
async function columnsOf(connection: DuckDbConnection, from: string): Promise<string[]> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  return described.getRowObjectsJS().map((row) => String(row.column_name));
}

/**
 * Reads a table of sale lines (or a day ledger) into the ledger: the day ledger is made by DuckDB
 * and streamed back as text, a chunk at a time.
 */
export async function readTable(connection: DuckDbConnection, ledger: Ledger, from: string, label: string, options: RecordOptions): Promise<TableRead> {
  const headers = await columnsOf(connection, from);
  const reader = new DayLedgerReader(ledger, label, options);
  if (isDayLedgerHeader(headers)) {
    await streamInto(connection, `SELECT * FROM ${from}`, reader);
    reader.finish();
    return { counts: reader.counts };
  }
  const found = detectColumns(headers, { map: options.map }, label);
  const roles: SqlRoles = {};
  for (const role of COLUMN_ROLES) if (found[role] !== undefined) roles[role] = headers[found[role]]!;
  if (options.trackProducts !== true) delete roles.product;

  const tally = (await connection.runAndReadAll(dayLedgerSql(duckdb, { from, roles }, true))).getRowsJS()[0] ?? [];
  const [lines, noClient, badDate, badNumber] = tally.map((v) => Number(v ?? 0));
  const counts: ReadCounts = { rows: lines!, accepted: lines! - noClient! - badDate! - badNumber!, noClient: noClient!, badDate: badDate!, badNumber: badNumber!, badFields: 0 };
  if (counts.rows === 0) throw new KamError({ code: 'no-rows', file: label });
  if (options.strict && counts.accepted < counts.rows) {
    const [role, kind] = noClient! > 0 ? (['client', 'client'] as const) : badDate! > 0 ? (['date', 'date'] as const) : (['amount', 'number'] as const);
    throw new KamError({ code: 'bad-row', file: label, column: roles[role], value: '', details: { kind } });
  }
  await streamInto(connection, dayLedgerSql(duckdb, { from, roles }), reader);
  if (counts.accepted > 0) reader.finish();
  return { counts };
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
