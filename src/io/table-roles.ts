// The columns of a table kam aggregates in an engine (Parquet or a DuckDB table through DuckDB,
// a PostgreSQL table or query): found from its column names by the same header rules and --map
// as a CSV's, and the currency the amount (or price) header names ("Сумма, тг"), as a CSV's.
import { addCurrency, type Ledger } from '../core/ledger.js';
import { COLUMN_ROLES, detectColumns } from './columns.js';
import { headerCurrency } from './numbers.js';
import type { RecordOptions } from './records.js';
import type { SqlRoles } from './sql/dialect.js';

export function tableRoles(ledger: Ledger, headers: readonly string[], label: string, options: Pick<RecordOptions, 'map' | 'trackProducts'>): SqlRoles {
  const found = detectColumns(headers, { map: options.map }, label);
  const roles: SqlRoles = {};
  for (const role of COLUMN_ROLES) if (found[role] !== undefined) roles[role] = headers[found[role]]!;
  if (options.trackProducts !== true) delete roles.product;
  const money = roles.amount ?? roles.price;
  const named = money === undefined ? null : headerCurrency(money);
  if (named !== null) addCurrency(ledger, named, { file: label, column: money, value: money });
  return roles;
}
