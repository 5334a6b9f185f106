// DuckDB: RE2 regular expressions, TRY_CAST (an unreadable value is NULL, and the line is left
// out as kam leaves it out), HUGEINT sums.
import type { SqlDialect } from './dialect.js';

const hex = (code: number): string => code.toString(16).toUpperCase();

export const duckdb: SqlDialect = {
  name: 'duckdb',
  identifier: (name) => `"${name.replace(/"/g, '""')}"`,
  regexLiteral: (pattern) => `'${pattern.replace(/'/g, "''")}'`,
  codePoint: (code) => (code === 0x20 ? ' ' : `\\x{${hex(code)}}`),
  replaceAll: (e, pattern, replacement) => `regexp_replace(${e}, ${pattern}, ${replacement}, 'g')`,
  trimSpaces: (e) => `trim(${e}, ' ')`,
  matches: (e, pattern) => `regexp_matches(${e}, ${pattern})`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  double: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  date: (e) => `TRY_CAST(${e} AS DATE)`,
  integer: (e) => `CAST(${e} AS BIGINT)`,
  truncate: (e) => `trunc(${e})`,
  finite: (e) => `isfinite(${e})`,
  totalMicros: (units, micros) => `(CAST(${units} AS HUGEINT) * 1000000 + ${micros})`,
  microsToDecimal: (micros) => `CAST(CAST(${micros} AS DECIMAL(38,0)) * CAST(0.000001 AS DECIMAL(7,6)) AS DECIMAL(38,6))`,
  nullOf: (type) => `CAST(NULL AS ${type === 'text' ? 'VARCHAR' : type === 'date' ? 'DATE' : type === 'decimal' ? 'DECIMAL(38,6)' : 'BIGINT'})`,
  dayNumber: (e) => `CAST(${e} - DATE '1970-01-01' AS DOUBLE)`,
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
};
