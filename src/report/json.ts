// --format json / ndjson: the per-client table with the CSV's names, numbers as numbers, null
// for missing values. json is one object: the window, the totals and the currency beside the
// clients (an array, as the CSV's rows); ndjson one client per line, for streaming consumers.
import type { ClientAnalysis } from '../core/analyze.js';
import { formatDay } from '../core/calendar.js';
import type { Report } from '../core/report.js';
import { clientColumnsOf, dataValue, roundValue, type ClientColumn, type ColumnSource, type ColumnValue } from './client-columns.js';

export function clientRecord(client: ClientAnalysis, report: ColumnSource, columns: readonly ClientColumn[] = clientColumnsOf(report)): Record<string, ColumnValue> {
  const record: Record<string, ColumnValue> = {};
  for (const column of columns) record[column.name] = dataValue(column, client, report);
  // The unit of expected_purchases and expected_revenue: weeks after the as-of date.
  record.horizon_weeks = report.value.settings.horizonWeeks;
  return record;
}

/** The run's frame for `--format json`: the window, the totals (money rounded as in the rows) and the currency. */
export function analysisHead(report: Report): Record<string, unknown> {
  const a = report.analysis;
  const w = a.window;
  const t = a.totals;
  return {
    window: { period: w.period, from: w.labels[0] ?? null, to: w.labels[w.labels.length - 1] ?? null, periods: w.periods, start: formatDay(w.startDay), end: formatDay(w.endDay), as_of: formatDay(w.asOf) },
    totals: {
      clients: t.clients,
      clients_in_ledger: t.clientsInLedger,
      revenue: roundValue(t.revenue, 'money'),
      profit: t.profit === null ? null : roundValue(t.profit, 'money'),
      quantity: t.quantity === null ? null : roundValue(t.quantity, 'number'),
    },
    currency: report.currency,
  };
}

export function* renderJson(report: Report): Generator<string> {
  const head = JSON.stringify(analysisHead(report), null, 2);
  yield `${head.slice(0, -2)},\n  "clients": [`;
  const columns = clientColumnsOf(report);
  let first = true;
  for (const client of report.analysis.clients) {
    yield `${first ? '\n    ' : ',\n    '}${JSON.stringify(clientRecord(client, report, columns))}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

export function* renderNdjson(report: Report): Generator<string> {
  const columns = clientColumnsOf(report);
  for (const client of report.analysis.clients) yield `${JSON.stringify(clientRecord(client, report, columns))}\n`;
}
