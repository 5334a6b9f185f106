// PostgreSQL: advanced regular expressions (\uXXXX escapes inside brackets), numeric sums,
// standard-conforming string literals (a backslash is itself).
import type { SqlDialect } from './dialect.js';

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

export const postgres: SqlDialect = {
  name: 'postgres',
  identifier: (name) => `"${name.replace(/"/g, '""')}"`,
  regexLiteral: (pattern) => `'${pattern.replace(/'/g, "''")}'`,
  codePoint: (code) => (code === 0x20 ? ' ' : `\\u${hex4(code)}`),
  replaceAll: (e, pattern, replacement) => `regexp_replace(${e}, ${pattern}, ${replacement}, 'g')`,
  trimSpaces: (e) => `btrim(${e}, ' ')`,
  matches: (e, pattern) => `(${e} ~ ${pattern})`,
  text: (e) => `CAST(${e} AS TEXT)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  date: (e) => `CAST(${e} AS DATE)`,
  integer: (e) => `CAST(${e} AS BIGINT)`,
  truncate: (e) => `trunc(${e})`,
  finite: (e) => `(${e} > '-Infinity'::float8 AND ${e} < 'Infinity'::float8)`,
  totalMicros: (units, micros) => `(CAST(${units} AS NUMERIC) * 1000000 + ${micros})`,
  microsToDecimal: (micros) => `CAST(${micros} / 1000000.0 AS NUMERIC(38,6))`,
  nullOf: (type) => `CAST(NULL AS ${type === 'text' ? 'TEXT' : type === 'date' ? 'DATE' : type === 'decimal' ? 'NUMERIC(38,6)' : 'BIGINT'})`,
};
