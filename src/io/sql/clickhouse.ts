// ClickHouse: RE2 regular expressions in string literals that read backslash escapes (so each
// backslash of the pattern is doubled), Int128 and Decimal128 for exact sums.
import type { SqlDialect } from './dialect.js';

const hex = (code: number): string => code.toString(16).toUpperCase();

export const clickhouse: SqlDialect = {
  name: 'clickhouse',
  identifier: (name) => `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  regexLiteral: (pattern) => `'${pattern.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  codePoint: (code) => (code === 0x20 ? ' ' : `\\x{${hex(code)}}`),
  replaceAll: (e, pattern, replacement) => `replaceRegexpAll(${e}, ${pattern}, ${replacement})`,
  matches: (e, pattern) => `match(${e}, ${pattern})`,
  text: (e) => `toString(${e})`,
  double: (e) => `accurateCastOrNull(${e}, 'Float64')`,
  date: (e) => `toDate(${e})`,
  integer: (e) => `toInt64(${e})`,
  truncate: (e) => `trunc(${e})`,
  finite: (e) => `isFinite(${e})`,
  totalMicros: (units, micros) => `(toInt128(${units}) * 1000000 + ${micros})`,
  microsToDecimal: (micros) => `(toDecimal128(${micros}, 6) / 1000000)`,
  nullOf: (type) =>
    `CAST(NULL AS ${type === 'text' ? 'Nullable(String)' : type === 'date' ? 'Nullable(Date)' : type === 'decimal' ? 'Nullable(Decimal128(6))' : 'Nullable(Int64)'})`,
};
