// Lost: the win-back list (SPEC §6) — lost and at-risk clients, most valuable first (class, then
// revenue over the 12 months before the last purchase), with the action each one calls for.
import { revenueAtStakeText, rulesText } from '../lost-terminal.js';
import { winBackAheadText } from '../model-terminal.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, classCell, columnWidth, dateValue, numberWidth, plain, textWidth, toneCell, wrappedLines, type CellStyle } from './style.js';

const ACTION_WIDTH = 60;

export const lostSheet: WorkbookSheet = {
  id: 'lost',
  write(book, { report, directionColumn, t }) {
    const a = report.analysis;
    const T = t.workbook.lost;
    const F = t.numFmt;
    const h = t.human;
    const entries = report.lost.winBack;
    const counts = a.lost.counts;
    const hasDirection = a.columns.direction;
    const headers = T.headers(hasDirection ? (directionColumn ?? T.direction) : null);
    const actions = entries.map((e) => t.action[e.action]);
    const widths = [
      5,
      columnWidth(Math.max(8, ...entries.map((e) => textWidth(e.client))), { max: 44, filter: true }),
      7,
      9,
      8,
      12,
      11,
      10,
      9,
      columnWidth(Math.max(14, ...entries.map((e) => numberWidth(e.revenue12m, 2)))),
      9,
      ...(hasDirection ? [columnWidth(Math.max(10, ...entries.map((e) => textWidth(e.direction ?? ''))), { max: 28, filter: true })] : []),
      ACTION_WIDTH,
    ];
    const sheet = book.addSheet(t.workbook.sheets.lost, { freeze: { rows: 4, columns: 2 }, printTitleRows: '4:4', pagesWide: 1, gridLines: true, tabColor: 'C9483F' });
    sheet.columns = widths.map((width) => ({ width }));
    const rows = new Rows(sheet);
    rows.title(T.title, T.subtitle(h.day(a.lost.asOf), h.integer(counts.lost), h.integer(counts.atRisk), h.integer(counts.clients), revenueAtStakeText(counts, t), rulesText(a.lost.rules, t)));
    rows.blank();
    const right = (numFmt?: string): CellStyle => plain(numFmt, { ruled: true, align: 'right' });
    const headerStyles = headers.map((_, i) => (i === 1 || i === headers.length - 1 || (hasDirection && i === headers.length - 2) ? STYLE.headerLeft : i === 2 || i === 3 || i === 4 || i === 5 ? STYLE.headerCenter : STYLE.headerRight));
    const headerRow = rows.add(headers, headerStyles, { height: 3 * LINE_HEIGHT + 2 });
    if (entries.length === 0) {
      rows.add(['', T.none], [undefined, plain(undefined, { italic: true })]);
      sheet.commit();
      return;
    }
    const text = plain(undefined, { ruled: true });
    const wrap = plain(undefined, { ruled: true, wrap: true });
    entries.forEach((e, i) => {
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
          actions[i]!,
        ],
        [
          right(F.integer),
          text,
          classCell(e.abc ?? '-'),
          classCell(e.status),
          e.key ? toneCell('weak', undefined, true) : text,
          plain(F.date, { ruled: true, align: 'center' }),
          right(F.integer),
          right(F.decimal),
          right(F.decimal),
          right(F.money),
          right(F.percent),
          ...(hasDirection ? [text] : []),
          wrap,
        ],
        { height: Math.max(1, wrappedLines(actions[i]!, ACTION_WIDTH - 2)) * LINE_HEIGHT + 3 },
      );
    });
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + entries.length, column: headers.length } };
    // The revenue ahead, beside the revenue at stake of the subtitle.
    rows.blank();
    rows.add([`${t.model.labels.expected}: ${winBackAheadText(report, t)}`], [plain(undefined, { grey: true })]);
    sheet.commit();
  },
};
