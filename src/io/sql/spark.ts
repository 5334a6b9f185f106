// Spark SQL: Java regular expressions in string literals that read backslash escapes (each
// backslash doubled), TRY_CAST, DECIMAL(38,0) for sums past BIGINT.
import type { SqlDialect } from './dialect.js';

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

export const spark: SqlDialect = {
  name: 'spark',
  identifier: (name) => `\`${name.replace(/`/g, '``')}\``,
  regexLiteral: (pattern) => `'${pattern.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  codePoint: (code) => (code === 0x20 ? ' ' : `\\u${hex4(code)}`),
  replaceAll: (e, pattern, replacement) => `regexp_replace(${e}, ${pattern}, ${replacement})`,
  matches: (e, pattern) => `(${e} RLIKE ${pattern})`,
  text: (e) => `CAST(${e} AS STRING)`,
  double: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  date: (e) => `TRY_CAST(${e} AS DATE)`,
  integer: (e) => `CAST(${e} AS BIGINT)`,
  truncate: (e) => `(CASE WHEN ${e} < 0 THEN ceil(${e}) ELSE floor(${e}) END)`,
  finite: (e) => `(NOT isnan(${e}) AND abs(${e}) <> double('infinity'))`,
  totalMicros: (units, micros) => `(CAST(${units} AS DECIMAL(38,0)) * 1000000 + ${micros})`,
  microsToDecimal: (micros) => `CAST(${micros} / 1000000 AS DECIMAL(38,6))`,
  nullOf: (type) => `CAST(NULL AS ${type === 'text' ? 'STRING' : type === 'date' ? 'DATE' : type === 'decimal' ? 'DECIMAL(38,6)' : 'BIGINT'})`,
};
