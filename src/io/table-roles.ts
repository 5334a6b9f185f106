// The columns of a table kam aggregates in an engine (Parquet or a DuckDB table through DuckDB,
// a PostgreSQL table or query): found from its column names by the same header rules and --map
// as a CSV's, and the currency the amount (or price) header names ("Сумма, тг"), as a CSV's.
import { addCurrency, type Ledger } from '../core/ledger.js';
import { COLUMN_ROLES, detectColumns } from './columns.js';
import { headerCurrency } from './numbers.js';
import type { RecordOptions } from './records.js';
import type { SqlRoles } from './sql/dialect.js';

/** The currency the amount column's name gives ("Сумма, тг"), or the price column's without one, and that column; null when none. */
export function rolesCurrency(roles: SqlRoles): { code: string; column: string } | null {
  const column = roles.amount ?? roles.price;
  const code = column === undefined ? null : headerCurrency(column);
  return code === null ? null : { code, column: column! };
}

export function tableRoles(ledger: Ledger, headers: readonly string[], label: string, options: Pick<RecordOptions, 'map' | 'trackProducts'>): SqlRoles {
  const found = detectColumns(headers, { map: options.map }, label);
  const roles: SqlRoles = {};
  for (const role of COLUMN_ROLES) if (found[role] !== undefined) roles[role] = headers[found[role]]!;
  if (options.trackProducts !== true) delete roles.product;
  const named = rolesCurrency(roles);
  if (named !== null) addCurrency(ledger, named.code, { file: label, column: named.column, value: named.column });
  return roles;
}
