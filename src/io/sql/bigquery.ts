// BigQuery (GoogleSQL): RE2 regular expressions in raw string literals, SAFE_CAST, NUMERIC for
// exact sums (29 whole digits, 9 decimals).
import type { SqlDialect } from './dialect.js';

const hex = (code: number): string => code.toString(16).toUpperCase();

export const bigquery: SqlDialect = {
  name: 'bigquery',
  identifier: (name) => `\`${name.replace(/`/g, '\\`')}\``,
  regexLiteral: (pattern) => `r'${pattern.replace(/'/g, "\\'")}'`,
  codePoint: (code) => (code === 0x20 ? ' ' : `\\x{${hex(code)}}`),
  replaceAll: (e, pattern, replacement) => `REGEXP_REPLACE(${e}, ${pattern}, ${replacement})`,
  matches: (e, pattern) => `REGEXP_CONTAINS(${e}, ${pattern})`,
  text: (e) => `CAST(${e} AS STRING)`,
  double: (e) => `SAFE_CAST(${e} AS FLOAT64)`,
  date: (e) => `SAFE_CAST(${e} AS DATE)`,
  integer: (e) => `CAST(${e} AS INT64)`,
  truncate: (e) => `TRUNC(${e})`,
  finite: (e) => `NOT (IS_INF(${e}) OR IS_NAN(${e}))`,
  totalMicros: (units, micros) => `(CAST(${units} AS NUMERIC) * 1000000 + ${micros})`,
  microsToDecimal: (micros) => `CAST(${micros} / 1000000 AS NUMERIC)`,
  nullOf: (type) => `CAST(NULL AS ${type === 'text' ? 'STRING' : type === 'date' ? 'DATE' : type === 'decimal' ? 'NUMERIC' : 'INT64'})`,
};
