// Lost: the win-back list (SPEC §6) — lost and at-risk clients, most valuable first (class, then
// revenue over the 12 months before the last purchase), with the action each one calls for.
import { revenueAtStakeText, rulesText } from '../lost-terminal.js';
import { winBackAheadText } from '../model-terminal.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, classCell, columnWidth, dateValue, numberWidth, plain, textWidth, toneCell, wrappedLines, type CellStyle } from './style.js';

/** The action's full text wraps in a column this wide; its short form stands before it. */
const ACTION_WIDTH = 30;
const MIN_ACTION_WIDTH = 20;
/** Characters of column width one landscape A4 page prints with text at about 7.4 pt (7 pt at 177). */
const PAGE_WIDTH = 167;
const CLIENT_MAX = 24;

const statusCells = new Map<string, CellStyle>();
/** A status cell, coloured as everywhere, wrapping at a word ("тәуекел аймағында" on two lines). */
function statusCell(status: string): CellStyle {
  let style = statusCells.get(status);
  if (style === undefined) {
    const base = classCell(status);
    statusCells.set(status, (style = { ...base, alignment: { ...base.alignment, wrapText: true } }));
  }
  return style;
}

/** Width a header needs on up to three lines: its longest word, or a third of it. */
function headerWidth3(header: string): number {
  return Math.max(...header.split(/\s+/).map(textWidth), textWidth(header) / 3);
}

export const lostSheet: WorkbookSheet = {
  id: 'lost',
  async write(book, { report, directionColumn, t }) {
    const a = report.analysis;
    const T = t.workbook.lost;
    const F = t.numFmt;
    const h = t.human;
    const entries = report.lost.winBack;
    const counts = a.lost.counts;
    const hasDirection = a.columns.direction;
    const headers = T.headers(hasDirection ? (directionColumn ?? T.direction) : null);
    const actions = entries.map((e) => t.action[e.action]);
    const shorts = entries.map((e) => T.actionShort[e.action]);
    // Every column as wide as its values and its header on up to three lines, in the run's
    // language; long names, the action and its short form wrap inside their columns.
    const fit = (i: number, content: number, max = 40): number => columnWidth(Math.max(content, headerWidth3(headers[i] ?? '')), { max, min: 5 });
    const statuses = [...new Set(entries.map((e) => t.status[e.status]))];
    const widths = [
      fit(0, numberWidth(entries.length, 0)),
      fit(1, Math.max(8, ...entries.map((e) => textWidth(e.client))) + 2, CLIENT_MAX),
      fit(2, 3),
      fit(3, Math.max(0, ...statuses.map((x) => Math.max(...x.split(' ').map(textWidth))))),
      fit(4, textWidth(T.key)),
      fit(5, 10),
      fit(6, Math.max(0, ...entries.map((e) => numberWidth(e.recencyDays, 0)))),
      fit(7, Math.max(0, ...entries.map((e) => (e.usualIntervalDays === null ? 0 : numberWidth(e.usualIntervalDays, 1))))),
      fit(8, Math.max(0, ...entries.map((e) => (e.lostThreshold === null ? 0 : numberWidth(e.lostThreshold, 1))))),
      fit(9, Math.max(0, ...entries.map((e) => numberWidth(e.revenue12m, 2)))),
      fit(10, 6),
      ...(hasDirection ? [fit(11, Math.max(10, ...entries.map((e) => textWidth(e.direction ?? ''))) + 2, 28)] : []),
      // Bold: a tenth wider than plain text.
      fit(headers.length - 2, 1.1 * Math.max(0, ...Object.values(T.actionShort).map((x) => Math.max(...x.split(' ').map(textWidth)))) + 1, 22),
    ];
    // The action's text takes what is left of a page printed at 7 pt or more (a direction column
    // leaves it less: it wraps to more lines), never under MIN_ACTION_WIDTH.
    widths.push(Math.max(MIN_ACTION_WIDTH, Math.min(ACTION_WIDTH, PAGE_WIDTH - widths.reduce((x, y) => x + y, 0))));
    const sheet = book.addSheet(t.workbook.sheets.lost, { freeze: { rows: 4, columns: 2 }, printTitleRows: '4:4', pagesWide: 1, gridLines: true, tabColor: 'C9483F' });
    sheet.columns = widths.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const total = widths.reduce((x, y) => x + y, 0);
    rows.title(T.title, T.subtitle(h.day(a.lost.asOf), h.integer(counts.lost), h.integer(counts.atRisk), h.integer(counts.clients), revenueAtStakeText(counts, t), rulesText(a.lost.rules, t)), { across: widths.length, width: total });
    rows.blank();
    const last = headers.length - 1;
    const headerStyles = headers.map((_, i) => (i === 1 || i >= last - 1 || (hasDirection && i === last - 2) ? STYLE.headerLeft : i === 2 || i === 3 || i === 4 || i === 5 ? STYLE.headerCenter : STYLE.headerRight));
    // Bold white header text runs about a seventh wider than plain text.
    const headerLines = Math.max(...headers.map((x, i) => wrappedLines(x, widths[i]! / 1.15 - 2)));
    const headerRow = rows.add(headers, headerStyles, { height: Math.max(3, headerLines) * LINE_HEIGHT + 2 });
    if (entries.length === 0) {
      rows.add(['', T.none], [undefined, plain(undefined, { italic: true })]);
      sheet.commit();
      return;
    }
    // Rows are as tall as their wrapped text: every plain cell reads from the top line.
    const text = plain(undefined, { ruled: true, valign: 'top' });
    const wrap = plain(undefined, { ruled: true, wrap: true });
    const shortStyle = plain(undefined, { ruled: true, wrap: true, bold: true });
    const right = (numFmt?: string): CellStyle => plain(numFmt, { ruled: true, align: 'right', valign: 'top' });
    const styles: CellStyle[] = [
      right(F.integer),
      wrap,
      text,
      text,
      text,
      plain(F.date, { ruled: true, align: 'center', valign: 'top' }),
      right(F.integer),
      right(F.decimal),
      right(F.decimal),
      right(F.money),
      right(F.percent),
      ...(hasDirection ? [text] : []),
      shortStyle,
      wrap,
    ];
    // Row heights: the most lines any wrapped cell needs (an action's text is one of six).
    const linesOf = new Map<string, number>();
    const lines = (value: string, width: number): number => {
      const key = `${width}|${value}`;
      let n = linesOf.get(key);
      if (n === undefined) linesOf.set(key, (n = wrappedLines(value, width - 2)));
      return n;
    };
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      styles[2] = classCell(e.abc ?? '-');
      styles[3] = statusCell(e.status);
      styles[4] = e.key ? toneCell('weak', undefined, true) : text;
      const clientLines = textWidth(e.client) + 2 > widths[1]! ? wrappedLines(e.client, widths[1]! - 2) : 1;
      rows.add(
        [
          i + 1,
          e.client,
          e.abc ?? '-',
          t.status[e.status],
          e.key ? T.key : '',
          dateValue(e.lastPurchase),
          e.recencyDays,
          e.usualIntervalDays,
          e.lostThreshold,
          Math.round(e.revenue12m * 100) / 100,
          e.pAlive === null ? null : Math.round(e.pAlive * 1e4) / 1e4,
          ...(hasDirection ? [e.direction ?? ''] : []),
          shorts[i]!,
          actions[i]!,
        ],
        styles,
        { height: Math.max(1, clientLines, lines(t.status[e.status], widths[3]!), lines(shorts[i]!, widths[last - 1]!), lines(actions[i]!, widths[last]!)) * LINE_HEIGHT + 3 },
      );
      await rows.breathe();
    }
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + entries.length, column: headers.length } };
    // The revenue ahead, beside the revenue at stake of the subtitle.
    rows.blank();
    const ahead = `${t.model.labels.expected}: ${winBackAheadText(report, t)}`;
    rows.add([ahead], [plain(undefined, { grey: true, wrap: true })], { merge: [1, widths.length], fit: { col: 1, width: total - 2 } });
    sheet.commit();
  },
};
