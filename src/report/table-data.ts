// Tables for scripts (CSV and JSON beside the per-client one): a column is a name, a kind that
// says how its numbers are written, and how a row gives its value. CSV: RFC 4180, LF endings,
// an empty field where a value does not exist; JSON: the same names, numbers as numbers, null.
import { numberText, roundValue, type ColumnKind } from './client-columns.js';
import { csvText } from './csv.js';

/** The outputs of kam bridge, portfolio and history: a terminal view, or a table for scripts. */
export type MovementFormat = 'table' | 'csv' | 'json' | 'ndjson';
export const MOVEMENT_FORMATS: readonly MovementFormat[] = ['table', 'csv', 'json', 'ndjson'];

export type DataValue = string | number | boolean | null;

export interface DataColumn<T> {
  name: string;
  kind: ColumnKind | 'boolean';
  value: (row: T) => DataValue;
}

export function jsonValue<T>(column: DataColumn<T>, row: T): DataValue {
  const v = column.value(row);
  return typeof v === 'number' && column.kind !== 'boolean' ? roundValue(v, column.kind) : v;
}

/** `safe`: --safe-csv (see csv.ts). */
export function csvValue<T>(column: DataColumn<T>, row: T, safe = false): string {
  const v = column.value(row);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'number' && column.kind !== 'boolean' ? numberText(v, column.kind) : csvText(String(v), safe);
}

export function dataRecord<T>(columns: readonly DataColumn<T>[], row: T): Record<string, DataValue> {
  const out: Record<string, DataValue> = {};
  for (const c of columns) out[c.name] = jsonValue(c, row);
  return out;
}

export function csvHeader<T>(columns: readonly DataColumn<T>[]): string {
  return `${columns.map((c) => c.name).join(',')}\n`;
}

export function csvLine<T>(columns: readonly DataColumn<T>[], row: T, safe = false): string {
  return `${columns.map((c) => csvValue(c, row, safe)).join(',')}\n`;
}

/** --format ndjson: the CSV's rows as one JSON object a line (the names and values of JSON). */
export function* ndjsonRecords<T>(columns: readonly DataColumn<T>[], rows: Iterable<T>): Generator<string> {
  for (const row of rows) yield `${JSON.stringify(dataRecord(columns, row))}\n`;
}

/** A JSON array of records, one per line (streams: a large table is never one string). */
export function* jsonRecords<T>(columns: readonly DataColumn<T>[], rows: Iterable<T>, indent = ''): Generator<string> {
  let first = true;
  for (const row of rows) {
    yield `${first ? '[\n' : ',\n'}${indent}  ${JSON.stringify(dataRecord(columns, row))}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}
