// Clients: one row per client, every column of the CSV/JSON contract in its order (the values
// are the JSON values: the same numbers the CSV prints), then the metric per window period.
import { roundForTies } from '../../core/order.js';
import type { Report } from '../../core/report.js';
import { CLIENT_COLUMNS, dataValue, type ClientColumn } from '../client-columns.js';
import type { Messages } from '../../i18n/en.js';
import { columnHeader, columnText } from './labels.js';
import type { WorkbookSheet } from './sheet.js';
import { SheetRows, type CellValue } from './sheet-rows.js';
import {
  LINE_HEIGHT,
  cellText,
  columnWidth,
  formatOfKind,
  headerStyle,
  headerWidth,
  numberWidth,
  plain,
  textWidth,
  toneCell,
  toneOf,
  type CellStyle,
} from './style.js';

/** Columns whose values are classes or statuses: coloured, centred cells. */
const TONED = new Set(['abc', 'xyz', 'cell', 'status', 'abc_prev', 'xyz_prev']);

const DECIMALS: Record<string, number> = { money: 2, share: 1, ratio: 2, integer: 0, number: 2 };

/** 'YYYY-MM-DD' → a date cell value (UTC midnight: exceljs writes it as a whole serial day). */
export function dateCell(text: string): Date {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

interface Measured {
  width: number;
  wholeNumbers: boolean;
}

function measure(report: Report, columns: readonly ClientColumn[], t: Messages): Measured[] {
  const analysis = report.analysis;
  const measured: Measured[] = columns.map((c) => ({ width: headerWidth(columnHeader(c, analysis, t)), wholeNumbers: true }));
  for (const client of analysis.clients) {
    columns.forEach((column, i) => {
      const m = measured[i]!;
      const v = dataValue(column, client, report);
      if (v === null) return;
      let w: number;
      if (typeof v === 'number') {
        if (!Number.isInteger(v)) m.wholeNumbers = false;
        w = numberWidth(v, DECIMALS[column.kind] ?? 2, column.kind === 'share');
      } else w = column.kind === 'date' ? 10 : textWidth(columnText(column, v, t));
      if (w > m.width) m.width = w;
    });
  }
  return measured;
}

export const clientsSheet: WorkbookSheet = {
  id: 'clients',
  write(book, { report, t }) {
    const analysis = report.analysis;
    const F = t.numFmt;
    const columns = CLIENT_COLUMNS;
    const periods = analysis.window.labels.map((label) => t.period(label));
    const measured = measure(report, columns, t);
    let periodMax = 7;
    for (const c of analysis.clients) for (const v of c.series) periodMax = Math.max(periodMax, numberWidth(v, 0));
    const periodWidth = columnWidth(periodMax, { min: 9, filter: true });

    const widths = [
      ...columns.map((c, i) => columnWidth(measured[i]!.width, { filter: true, max: c.name === 'client' ? 48 : 40, min: TONED.has(c.name) ? 7 : 8 })),
      ...periods.map(() => periodWidth),
    ];
    const pagesWide = Math.max(1, Math.ceil(widths.reduce((s, w) => s + w, 0) / 230));
    const sheet = book.addSheet(t.workbook.sheets.clients, {
      freeze: { rows: 1, columns: 1 },
      printTitleRows: '1:1',
      printTitleColumns: 'A:A',
      pagesWide,
      gridLines: true,
    });
    sheet.columns = widths.map((width) => ({ width }));

    const styles: CellStyle[] = columns.map((c, i) =>
      plain(formatOfKind(c.kind, measured[i]!.wholeNumbers, F), {
        ruled: true,
        align: c.kind === 'date' ? 'center' : c.kind === 'text' ? 'left' : undefined,
        // Text after a right-aligned number (tags after P(alive)) needs a gap; the first column does not.
        indent: c.kind === 'text' && i > 0 ? 1 : undefined,
      }),
    );
    const periodStyle = plain(F.moneyRound, { ruled: true });

    const rows = new SheetRows(sheet);
    rows.write(
      1,
      [...columns.map((c) => columnHeader(c, analysis, t)), ...periods],
      [...columns.map((c) => headerStyle(TONED.has(c.name) ? 'tone' : c.kind)), ...periods.map(() => headerStyle('money'))],
      2 * LINE_HEIGHT + 2,
    );

    const rowStyles: CellStyle[] = [...styles, ...periods.map(() => periodStyle)];
    for (let r = 0; r < analysis.clients.length; r++) {
      const client = analysis.clients[r]!;
      const values: CellValue[] = columns.map((column) => {
        const v = dataValue(column, client, report);
        if (v === null) return null;
        if (column.kind === 'date' && typeof v === 'string') return dateCell(v);
        return typeof v === 'string' ? cellText(columnText(column, v, t)) : v;
      });
      for (const x of client.series) values.push(roundForTies(x));
      columns.forEach((column, i) => {
        // The tone comes from the value itself (lost, AX…), not from its words.
        if (!TONED.has(column.name)) return;
        const v = column.value(client, report);
        const tone = typeof v === 'string' ? toneOf(v) : undefined;
        rowStyles[i] = tone === undefined ? styles[i]! : toneCell(tone);
      });
      rows.write(r + 2, values, rowStyles);
    }
    const lastColumn = columns.length + periods.length;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: analysis.clients.length + 1, column: lastColumn } };
    sheet.commit();
  },
};
