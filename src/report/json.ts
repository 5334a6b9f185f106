// --format json / ndjson: the per-client table with the CSV's names, numbers as numbers, null
// for missing values. json is one array; ndjson one object per line, for streaming consumers.
import type { ClientAnalysis } from '../core/analyze.js';
import type { Report } from '../core/report.js';
import { clientColumnsOf, dataValue, type ClientColumn, type ColumnSource, type ColumnValue } from './client-columns.js';

export function clientRecord(client: ClientAnalysis, report: ColumnSource, columns: readonly ClientColumn[] = clientColumnsOf(report)): Record<string, ColumnValue> {
  const record: Record<string, ColumnValue> = {};
  for (const column of columns) record[column.name] = dataValue(column, client, report);
  // The unit of expected_purchases and expected_revenue: weeks after the as-of date.
  record.horizon_weeks = report.value.settings.horizonWeeks;
  return record;
}

export function* renderJson(report: Report): Generator<string> {
  const analysis = report.analysis;
  if (analysis.clients.length === 0) {
    yield '[]\n';
    return;
  }
  const columns = clientColumnsOf(report);
  let first = true;
  for (const client of analysis.clients) {
    yield `${first ? '[\n  ' : ',\n  '}${JSON.stringify(clientRecord(client, report, columns))}`;
    first = false;
  }
  yield '\n]\n';
}

export function* renderNdjson(report: Report): Generator<string> {
  const columns = clientColumnsOf(report);
  for (const client of report.analysis.clients) yield `${JSON.stringify(clientRecord(client, report, columns))}\n`;
}
