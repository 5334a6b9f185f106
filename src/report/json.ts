// --format json / ndjson: the per-client table with the CSV's names, numbers as numbers, null
// for missing values. json is one array; ndjson one object per line, for streaming consumers.
import type { Analysis, ClientAnalysis } from '../core/analyze.js';
import { CLIENT_COLUMNS, dataValue, type ColumnValue } from './client-columns.js';

export function clientRecord(client: ClientAnalysis, analysis: Analysis): Record<string, ColumnValue> {
  const record: Record<string, ColumnValue> = {};
  for (const column of CLIENT_COLUMNS) record[column.name] = dataValue(column, client, analysis);
  return record;
}

export function* renderJson(analysis: Analysis): Generator<string> {
  if (analysis.clients.length === 0) {
    yield '[]\n';
    return;
  }
  let first = true;
  for (const client of analysis.clients) {
    yield `${first ? '[\n  ' : ',\n  '}${JSON.stringify(clientRecord(client, analysis))}`;
    first = false;
  }
  yield '\n]\n';
}

export function* renderNdjson(analysis: Analysis): Generator<string> {
  for (const client of analysis.clients) yield `${JSON.stringify(clientRecord(client, analysis))}\n`;
}
