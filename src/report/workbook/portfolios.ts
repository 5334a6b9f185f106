// Portfolios: one row per direction value (SPEC §11), then the total.
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, classCell, columnWidth, numberWidth, plain, textWidth, totalCell } from './style.js';

export const portfoliosSheet: WorkbookSheet = {
  id: 'portfolios',
  applies: (model) => model.report.portfolios !== null,
  write(book, { report, directionColumn, t }) {
    const p = report.portfolios!;
    const T = t.workbook.portfolios;
    const F = t.numFmt;
    const column = directionColumn ?? t.workbook.churn.direction;
    const headers = T.headers(column);
    const name = (d: string | null): string => d ?? t.noDirection;
    const money = columnWidth(Math.max(12, ...p.rows.map((r) => numberWidth(Math.max(Math.abs(r.revenue), Math.abs(r.statuses.revenueAtStake)), 2) + 1)));
    const sheet = book.addSheet(t.workbook.sheets.portfolios, { freeze: { rows: 4, columns: 1 }, printTitleRows: '4:4', pagesWide: 1, gridLines: true, tabColor: '1F4E78' });
    const widths = [columnWidth(Math.max(12, ...p.rows.map((r) => textWidth(name(r.direction)))), { max: 40, filter: true }), 9, money, 8, 10, 6, 6, 6, 9, 9, 9, money, money];
    sheet.columns = widths.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const w = report.analysis.window;
    // The subtitle wraps over the table (run on to the right, it would shrink the printed page).
    rows.title(T.title(column), T.subtitle(`${t.period(w.labels[0] ?? '')} … ${t.period(w.labels[w.labels.length - 1] ?? '')}`, column), {
      across: widths.length,
      width: widths.reduce((x, y) => x + y, 0),
    });
    rows.blank();
    const headerRow = rows.add(headers, headers.map((_, i) => (i === 0 ? STYLE.headerLeft : i >= 5 && i <= 7 ? STYLE.headerCenter : STYLE.headerRight)), { height: 2 * LINE_HEIGHT + 4 });
    const r = (numFmt?: string) => plain(numFmt, { ruled: true, align: 'right' });
    const text = plain(undefined, { ruled: true });
    for (const row of p.rows) {
      rows.add(
        [name(row.direction), row.clients, row.revenue, row.share, row.keyClients, row.a, row.b, row.c, row.statuses.active, row.statuses.atRisk, row.statuses.lost, row.statuses.revenueAtStake, row.churnedLastPeriod],
        [text, r(F.integer), r(F.money), r(F.percent), r(F.integer), classCell('A', F.integer), classCell('B', F.integer), classCell('C', F.integer), r(F.integer), r(F.integer), r(F.integer), r(F.money), r(F.money)],
      );
    }
    const sum = (f: (x: (typeof p.rows)[number]) => number): number => p.rows.reduce((s, x) => s + f(x), 0);
    rows.add(
      [t.total, sum((x) => x.clients), p.revenue, p.revenue > 0 ? 1 : null, sum((x) => x.keyClients), sum((x) => x.a), sum((x) => x.b), sum((x) => x.c), sum((x) => x.statuses.active), sum((x) => x.statuses.atRisk), sum((x) => x.statuses.lost), sum((x) => x.statuses.revenueAtStake), sum((x) => x.churnedLastPeriod)],
      [totalCell(), totalCell(F.integer), totalCell(F.money), totalCell(F.percent), ...Array(7).fill(totalCell(F.integer)), totalCell(F.money), totalCell(F.money)],
    );
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + p.rows.length, column: headers.length } };
    sheet.commit();
  },
};
