// Sources that aggregate the sale lines in a database engine with `kam sql`'s statement: the
// sale lines are loaded into the engine as a table (as text, as a warehouse export would hold
// them, and with the engine's own column types), the statement is run there, its result is
// exported as CSV and given to kam.
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daySql } from '../../src/io/sql/index.js';
import { IN_CI } from './datasets.js';
import { parseCsv } from './kam.js';
import { writeDayLedger, type LedgerCase, type Source } from './sources.js';

type Connection = { run: (sql: string) => Promise<unknown> };

let duck: Promise<Connection> | undefined;
async function duckdb(): Promise<Connection> {
  duck ??= (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    return instance.connect();
  })();
  return duck;
}

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The roles of a ledger for `kam sql`, with the direction when there is one. */
export function sqlRoles(ledger: LedgerCase, direction: string | undefined): Record<string, string> {
  return direction === undefined ? { ...ledger.roles } : { ...ledger.roles, direction };
}

function duckdbSource(typed: boolean): Source {
  const loaded = new Set<string>();
  return {
    name: `kam sql --dialect duckdb (${typed ? 'typed' : 'text'} columns)`,
    prepare: async (ledger, direction, dir) => {
      const db = await duckdb();
      const table = `sales_${ledger.name.replace(/\W/g, '_')}_${typed ? 'typed' : 'text'}`;
      if (!loaded.has(table)) {
        await db.run(
          `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${literal(ledger.csv)}, header = true, delim = ',', quote = '"', escape = '"'${typed ? '' : ', all_varchar = true'})`,
        );
        loaded.add(table);
      }
      const out = join(dir, `${table}-${direction ?? 'none'}.duckdb-day.csv`);
      const sql = daySql('duckdb', { from: table, roles: sqlRoles(ledger, direction) });
      await db.run(`COPY (${sql.replace(/^--.*\n/, '')}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
      return [out];
    },
  };
}

/**
 * The throwaway PostgreSQL server's URL (.ci/with-postgres sets KAM_TEST_PG). Tests that need
 * it skip without it, except under CI, where its absence is a failure.
 */
export function testPostgresUrl(): string | undefined {
  const url = process.env.KAM_TEST_PG;
  if ((url === undefined || url === '') && IN_CI) {
    throw new Error('CI=true but KAM_TEST_PG is not set: run the suite through .ci/with-postgres');
  }
  return url === '' ? undefined : url;
}

type PgClient = import('pg').Client;
let pgClient: Promise<PgClient> | undefined;
async function postgres(): Promise<PgClient> {
  pgClient ??= (async () => {
    const pg = (await import('pg')).default;
    // Dates as the server writes them (pg would make a local-time Date of them).
    const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 1082 ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) };
    const client = new pg.Client({ connectionString: testPostgresUrl(), types });
    await client.connect();
    return client;
  })();
  return pgClient;
}

export async function closeSqlSources(): Promise<void> {
  if (pgClient !== undefined) await (await pgClient).end();
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Loads a CSV ledger into a PostgreSQL table: as text, or with numbers NUMERIC and dates TIMESTAMP. */
export async function loadIntoPostgres(client: PgClient, table: string, csvPath: string, roles: Record<string, string>, typed: boolean): Promise<void> {
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const numeric = new Set(['amount', 'quantity', 'price', 'profit'].map((r) => roles[r]).filter((c) => c !== undefined));
  const type = (column: string): string => (!typed ? 'TEXT' : numeric.has(column) ? 'NUMERIC' : column === roles.date ? 'TIMESTAMP' : 'TEXT');
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(`CREATE TABLE ${table} (${header!.map((h) => `${ident(h)} ${type(h)}`).join(', ')})`);
  const width = header!.length;
  const batch = Math.floor(60000 / width);
  for (let start = 0; start < rows.length; start += batch) {
    const part = rows.slice(start, start + batch).filter((r) => r.length === width);
    if (part.length === 0) continue;
    const values = part.map((_, i) => `(${header!.map((__, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} VALUES ${values}`, part.flatMap((r) => r.map((v) => (v === '' ? null : v))));
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function postgresSource(typed: boolean): Source {
  const loaded = new Set<string>();
  return {
    name: `kam sql --dialect postgres (${typed ? 'typed' : 'text'} columns, a real server)`,
    skip: () => testPostgresUrl() === undefined,
    prepare: async (ledger, direction, dir) => {
      const client = await postgres();
      const table = `sales_${ledger.name.replace(/\W/g, '_')}_${typed ? 'typed' : 'text'}`;
      if (!loaded.has(table)) {
        await loadIntoPostgres(client, table, ledger.csv, ledger.roles, typed);
        loaded.add(table);
      }
      const result = await client.query({ text: daySql('postgres', { from: table, roles: sqlRoles(ledger, direction) }), rowMode: 'array' });
      const out = join(dir, `${table}-${direction ?? 'none'}.pg-day.csv`);
      const file = createWriteStream(out);
      file.write(`${result.fields.map((f) => f.name).join(',')}\n`);
      for (const row of result.rows as unknown[][]) file.write(`${row.map((v) => (v === null ? '' : csvField(String(v)))).join(',')}\n`);
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
      return [out];
    },
  };
}

/** The sale lines as a Parquet file with DuckDB's own column types, read by kam itself. */
export const PARQUET_SOURCE: Source = {
  name: 'parquet (kam reads it through embedded DuckDB)',
  prepare: async (ledger, _direction, dir) => {
    const out = join(dir, `${ledger.name}.parquet`);
    const db = await duckdb();
    await db.run(`COPY (SELECT * FROM read_csv(${literal(ledger.csv)}, header = true, delim = ',', quote = '"', escape = '"')) TO ${literal(out)} (FORMAT parquet)`);
    return [out, ...Object.entries(ledger.map).flatMap(([role, column]) => ['--map', `${role}=${column}`])];
  },
};

/**
 * The sale lines as a PostgreSQL table, read by kam's own PostgreSQL reader (aggregation on the
 * server, a cursor back); what it read is written as a day ledger for the commands.
 */
const POSTGRES_READER_SOURCE: Source = {
  name: 'postgresql table (kam reads it through pg)',
  skip: () => testPostgresUrl() === undefined,
  prepare: async (ledger, direction, dir) => {
    const client = await postgres();
    const table = `lines_${ledger.name.replace(/\W/g, '_')}`;
    await loadIntoPostgres(client, table, ledger.csv, ledger.roles, true);
    const out = join(dir, `${table}-${direction ?? 'none'}.pg-read.csv`);
    await writeDayLedger({ ...ledger, csv: testPostgresUrl()! }, direction, out, { table });
    return [out];
  },
};

export const SQL_SOURCES: Source[] = [PARQUET_SOURCE, POSTGRES_READER_SOURCE, duckdbSource(false), duckdbSource(true), postgresSource(false), postgresSource(true)];
