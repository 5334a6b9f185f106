// The dialects of `kam sql` (SPEC §12).
import { bigquery } from './bigquery.js';
import { clickhouse } from './clickhouse.js';
import { dayLedgerSql, type DayLedgerSqlOptions, type SqlDialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { spark } from './spark.js';
import { rolesCurrency } from '../table-roles.js';

export const SQL_DIALECTS = { duckdb, postgres, clickhouse, spark, bigquery } as const satisfies Record<string, SqlDialect>;
export type SqlDialectName = keyof typeof SQL_DIALECTS;
export const SQL_DIALECT_NAMES = Object.keys(SQL_DIALECTS) as SqlDialectName[];

/**
 * The statement that turns a table of sale lines into a day ledger in the given engine. The
 * currency is the one given, or the one the amount (or price) column's name gives ("Сумма, тг"),
 * as kam keeps it reading the lines: the day ledger then carries it.
 */
export function daySql(dialect: SqlDialectName, options: DayLedgerSqlOptions): string {
  const currency = options.currency ?? rolesCurrency(options.roles)?.code;
  return dayLedgerSql(SQL_DIALECTS[dialect], { ...options, currency });
}
