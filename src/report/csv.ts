// --format csv: the per-client table for pipes and spreadsheets (RFC 4180 quoting, LF endings).
import type { Report } from '../core/report.js';
import { clientColumnsOf, numberText } from './client-columns.js';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * --safe-csv: a text cell that starts with = + - @ (or a tab or CR) is run as a formula by a
 * spreadsheet that opens the file (`=HYPERLINK(…)` in a client's name); a leading ' makes it text.
 * Off by default: the ' is then part of the value for any program that reads the CSV as data.
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A text cell of a CSV output: formula-safe under --safe-csv, then quoted where it must be. */
export function csvText(text: string, safe: boolean): string {
  return csvField(safe ? formulaSafe(text) : text);
}

export function* renderCsv(report: Report, safe = false): Generator<string> {
  const columns = clientColumnsOf(report);
  yield `${columns.map((c) => c.name).join(',')}\n`;
  for (const client of report.analysis.clients) {
    let row = '';
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const v = column.value(client, report);
      if (i > 0) row += ',';
      if (v !== null) row += typeof v === 'number' ? numberText(v, column.kind) : csvText(v, safe);
    }
    yield `${row}\n`;
  }
}
