// --format csv: the per-client table for pipes and spreadsheets (RFC 4180 quoting, LF endings).
import type { Report } from '../core/report.js';
import { clientColumnsOf, numberText } from './client-columns.js';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function* renderCsv(report: Report): Generator<string> {
  const columns = clientColumnsOf(report);
  yield `${columns.map((c) => c.name).join(',')}\n`;
  for (const client of report.analysis.clients) {
    const fields = columns.map((column) => {
      const v = column.value(client, report);
      if (v === null) return '';
      return typeof v === 'number' ? numberText(v, column.kind) : csvField(v);
    });
    yield `${fields.join(',')}\n`;
  }
}
