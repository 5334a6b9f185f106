// The dialects of `kam sql` (SPEC §12).
import { bigquery } from './bigquery.js';
import { clickhouse } from './clickhouse.js';
import { dayLedgerSql, type DayLedgerSqlOptions, type SqlDialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { spark } from './spark.js';

export const SQL_DIALECTS = { duckdb, postgres, clickhouse, spark, bigquery } as const satisfies Record<string, SqlDialect>;
export type SqlDialectName = keyof typeof SQL_DIALECTS;
export const SQL_DIALECT_NAMES = Object.keys(SQL_DIALECTS) as SqlDialectName[];

/** The statement that turns a table of sale lines into a day ledger in the given engine. */
export function daySql(dialect: SqlDialectName, options: DayLedgerSqlOptions): string {
  return dayLedgerSql(SQL_DIALECTS[dialect], options);
}
