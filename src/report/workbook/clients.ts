// Clients: one row per client, every column of the CSV/JSON contract (the values are the JSON
// values: the same numbers the CSV prints), then the metric per window period. The columns a
// reader acts on come first (client, classes, revenue, share, status, tags), so the printed page
// carries them; the detail columns follow, in the contract's order.
import { roundForTies } from '../../core/order.js';
import type { Report } from '../../core/report.js';
import { CLIENT_COLUMNS, dataValue, type ClientColumn } from '../client-columns.js';
import type { Messages } from '../../i18n/en.js';
import { columnHeader, columnText } from './labels.js';
import type { WorkbookSheet } from './sheet.js';
import { SheetRows, columnLetter, type CellValue } from './sheet-rows.js';
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
  wrappedLines,
  toneOf,
  type CellStyle,
} from './style.js';

/** Columns whose values are classes or statuses: coloured, centred cells. */
const TONED = new Set(['abc', 'xyz', 'cell', 'status', 'abc_prev', 'xyz_prev']);

const DECIMALS: Record<string, number> = { money: 2, share: 1, ratio: 2, integer: 0, number: 2 };

/** Columns shown as percentages although the CSV holds them as ratios: P(alive) reads as 87%, as in every table. */
const PERCENT = new Set(['p_alive']);

/** The sheet's leading columns, in this order; every other column of the contract follows them in its own order. */
const LEADING = ['client', 'abc', 'xyz', 'total', 'share', 'status', 'tags', 'p_alive', 'last_purchase', 'recency_days', 'usual_interval_days'];

/** The Clients sheet's columns, left to right: all of CLIENT_COLUMNS, the leading ones first. */
export const CLIENTS_SHEET_COLUMNS: readonly ClientColumn[] = [
  ...LEADING.map((name) => CLIENT_COLUMNS.find((c) => c.name === name)!),
  ...CLIENT_COLUMNS.filter((c) => !LEADING.includes(c.name)),
];

/** Characters of column width printed on one landscape A4 page with text at 7.5 pt or more. */
const PRINT_WIDTH = 165;

/** 'YYYY-MM-DD' → a date cell value (UTC midnight: exceljs writes it as a whole serial day). */
export function dateCell(text: string): Date {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The sheet's values, each computed once: the column widths and number formats must be known
 * before the first row is written (they precede the rows in the sheet's XML), so every value is
 * worked out and measured first, kept in a compact column store, and the rows are written from
 * it. (Working them out twice, to measure and to write, cost 0.6 s on 50,000 clients.)
 */
interface ColumnValues {
  /** Number and date columns (a date as its UTC milliseconds); NaN where `missing`. */
  numbers: Float64Array | null;
  /** Text columns: the contract's value (its tone comes from it; its words from columnText). */
  texts: (string | null)[] | null;
  /** 1 where the value is null (an empty cell). */
  missing: Uint8Array;
  width: number;
  wholeNumbers: boolean;
}

function columnValues(report: Report, columns: readonly ClientColumn[], t: Messages): ColumnValues[] {
  const analysis = report.analysis;
  const n = analysis.clients.length;
  return columns.map((column) => {
    const text = column.kind === 'text';
    const store: ColumnValues = {
      numbers: text ? null : new Float64Array(n),
      texts: text ? new Array<string | null>(n) : null,
      missing: new Uint8Array(n),
      width: headerWidth(columnHeader(column, analysis, t)),
      wholeNumbers: true,
    };
    const decimals = PERCENT.has(column.name) ? 1 : (DECIMALS[column.kind] ?? 2);
    const percent = column.kind === 'share' || PERCENT.has(column.name);
    for (let r = 0; r < n; r++) {
      const v = dataValue(column, analysis.clients[r]!, report);
      if (v === null) {
        store.missing[r] = 1;
        if (store.texts !== null) store.texts[r] = null;
        else store.numbers![r] = NaN;
        continue;
      }
      let w: number;
      if (store.texts !== null && typeof v === 'string') {
        w = textWidth(columnText(column, v, t));
        store.texts[r] = v;
      } else if (store.numbers !== null && column.kind === 'date' && typeof v === 'string') {
        w = 10;
        store.numbers[r] = dateCell(v).getTime();
      } else if (store.numbers !== null && column.kind !== 'date' && typeof v === 'number') {
        if (!Number.isInteger(v)) store.wholeNumbers = false;
        w = numberWidth(v, decimals, percent);
        store.numbers[r] = v;
      } else throw new Error(`kam: the ${column.name} column (${column.kind}) gave ${typeof v} ${String(v)}`);
      if (w > store.width) store.width = w;
    }
    return store;
  });
}

export const clientsSheet: WorkbookSheet = {
  id: 'clients',
  async write(book, { report, t }) {
    const analysis = report.analysis;
    const F = t.numFmt;
    const columns = CLIENTS_SHEET_COLUMNS;
    const periods = analysis.window.labels.map((label) => t.period(label));
    const stores = columnValues(report, columns, t);
    let periodMax = 7;
    const series = report.series;
    for (let i = 0; i < analysis.clients.length; i++) for (let p = 0; p < series.periods; p++) periodMax = Math.max(periodMax, numberWidth(series.at(i, p), 0));
    const periodWidth = columnWidth(periodMax, { min: 9, filter: true });

    const widths = [
      ...columns.map((c, i) => columnWidth(stores[i]!.width, { filter: true, max: c.name === 'client' ? 48 : 40, min: TONED.has(c.name) ? 7 : 8 })),
      ...periods.map(() => periodWidth),
    ];
    // Printed: the leading columns that fit one landscape page at a readable size — the client,
    // classes, revenue, share, status and tags at least (the whole table stays on screen; the
    // per-period figures print on the Series sheet).
    let printed = 0;
    for (let used = 0; printed < columns.length && used + widths[printed]! <= PRINT_WIDTH; printed++) used += widths[printed]!;
    const sheet = book.addSheet(t.workbook.sheets.clients, {
      freeze: { rows: 1, columns: 1 },
      printTitleRows: '1:1',
      pagesWide: 1,
      printColumns: `A:${columnLetter(Math.max(1, printed))}`,
      gridLines: true,
    });
    sheet.columns = widths.map((width) => ({ width }));

    const styles: CellStyle[] = columns.map((c, i) =>
      plain(PERCENT.has(c.name) ? F.percent : formatOfKind(c.kind, stores[i]!.wholeNumbers, F), {
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
      // Headers wrap at words: as many lines as the longest needs in the run's language.
      Math.max(2, ...columns.map((c, i) => wrappedLines(columnHeader(c, analysis, t), widths[i]! / 1.15 - 3))) * LINE_HEIGHT + 2,
    );

    const rowStyles: CellStyle[] = [...styles, ...periods.map(() => periodStyle)];
    const toned = columns.map((c) => TONED.has(c.name));
    const dates = columns.map((c) => c.kind === 'date');
    const values: CellValue[] = [];
    for (let r = 0; r < analysis.clients.length; r++) {
      const client = analysis.clients[r]!;
      for (let i = 0; i < columns.length; i++) {
        const store = stores[i]!;
        if (store.missing[r] === 1) {
          values[i] = null;
          if (toned[i]) rowStyles[i] = styles[i]!;
        } else if (store.texts !== null) {
          const v = store.texts[r]!;
          values[i] = cellText(columnText(columns[i]!, v, t));
          // The tone comes from the value itself (lost, AX…), not from its words.
          if (toned[i]) {
            const tone = toneOf(v);
            rowStyles[i] = tone === undefined ? styles[i]! : toneCell(tone);
          }
        } else values[i] = dates[i] ? new Date(store.numbers![r]!) : store.numbers![r]!;
      }
      let k = columns.length;
      for (let p = 0; p < series.periods; p++) values[k++] = roundForTies(series.at(r, p));
      values.length = k;
      rows.write(r + 2, values, rowStyles);
      await rows.breathe();
    }
    const lastColumn = columns.length + periods.length;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: analysis.clients.length + 1, column: lastColumn } };
    sheet.commit();
  },
};
