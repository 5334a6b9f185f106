// Matrix: the 3×3 ABC-XYZ grid plus the "-" column, as three small tables (clients, net revenue,
// share of revenue) coloured by cell, then each cell's standing strategy.
import { ABC_CLASSES, MATRIX_COLUMNS, type MatrixCell } from '../../core/matrix.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, classCell, plain, totalCell, wrappedLines, type CellStyle } from './style.js';

/** Eight columns on one portrait A4 page: the grids, then the strategies across columns 5–8. */
const WIDTHS = [14, 14, 14, 14, 14, 14, 14, 14];
const STRATEGY_WIDTH = WIDTHS[4]! + WIDTHS[5]! + WIDTHS[6]! + WIDTHS[7]!;

export const matrixSheet: WorkbookSheet = {
  id: 'matrix',
  write(book, { report, t }) {
    const a = report.analysis;
    const T = t.workbook.matrix;
    const F = t.numFmt;
    const sheet = book.addSheet(t.workbook.sheets.matrix, { pagesWide: 1, pagesTall: 1, portrait: true });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const s = a.settings;
    rows.title(T.title, T.subtitle(s.by, s.abcCutoffs[0], s.abcCutoffs[1], s.period, s.xyzCutoffs[0], s.xyzCutoffs[1], a.totals.clients, t.human.money(a.totals.revenue)), { across: WIDTHS.length, width: WIDTHS.reduce((x, y) => x + y, 0) });

    const byCell = new Map<string, MatrixCell>(a.matrix.map((m) => [m.cell, m]));
    const grid = (heading: string, pick: (m: MatrixCell) => number, numFmt: string, totalOf: (cells: MatrixCell[]) => number): void => {
      rows.section(heading, 6);
      rows.add(
        [T.corner, 'X', 'Y', 'Z', T.noXyz, t.total],
        [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter],
        // Headers wrap at a word in the longer languages: as many lines as the longest needs.
        { height: Math.max(20, Math.max(...[T.corner, T.noXyz, t.total].map((x) => wrappedLines(x, WIDTHS[0]! - 2))) * LINE_HEIGHT + 5) },
      );
      for (const abc of ABC_CLASSES) {
        const cells = MATRIX_COLUMNS.map((x) => byCell.get(`${abc}${x}`)!);
        rows.add(
          [abc, ...cells.map(pick), totalOf(cells)],
          [classCell(abc, undefined, true), ...cells.map((m) => (m.clients === 0 ? plain(numFmt, { grey: true, align: 'center' }) : classCell(m.cell, numFmt))), plain(numFmt, { bold: true, align: 'center' })],
          { height: 20 },
        );
      }
      const columns = MATRIX_COLUMNS.map((x) => a.matrix.filter((m) => m.xyz === x));
      const total: CellStyle = { ...totalCell(numFmt), alignment: { horizontal: 'center', vertical: 'middle' } };
      rows.add([t.total, ...columns.map(totalOf), totalOf(a.matrix)], [STYLE.total, ...columns.map(() => total), total], { height: 20 });
    };
    const sum = (f: (m: MatrixCell) => number) => (cells: MatrixCell[]): number => cells.reduce((total, m) => total + f(m), 0);
    grid(T.grids.clients, (m) => m.clients, F.countDash, sum((m) => m.clients));
    grid(T.grids.revenue, (m) => m.revenue, F.moneyDash, sum((m) => m.revenue));
    grid(T.grids.share, (m) => m.revenueShare, F.percentDash, sum((m) => m.revenueShare));
    rows.blank(6);
    rows.add([T.colours], [plain(undefined, { italic: true, grey: true, wrap: true })], { merge: [1, WIDTHS.length], fit: { col: 1, width: WIDTHS.reduce((x, y) => x + y, 0) - 2 } });

    rows.section(T.strategyTitle, 8);
    const strategyHeader: CellStyle = { ...STYLE.headerLeft, alignment: { ...STYLE.headerLeft.alignment, indent: 1 } };
    const headerStyles: CellStyle[] = [STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, strategyHeader, strategyHeader, strategyHeader, strategyHeader];
    rows.add([...T.strategyHeaders], headerStyles, { merge: [5, 8], height: 20 });
    for (const m of a.matrix) {
      const empty = m.clients === 0;
      const text = (numFmt?: string): CellStyle => plain(numFmt, { grey: empty, italic: empty, ruled: true });
      const strategy = plain(undefined, { grey: empty, italic: empty, wrap: true, ruled: true, valign: 'middle', indent: 1, align: 'left' });
      const words = t.strategy[m.cell];
      rows.add(
        [m.cell, m.clients, m.revenue, m.revenueShare, words],
        [classCell(m.cell, undefined, true), text(F.integer), text(F.money), text(F.percent), strategy],
        { merge: [5, 8], height: Math.max(20, wrappedLines(words, STRATEGY_WIDTH - 4) * LINE_HEIGHT + 5) },
      );
    }
    sheet.commit();
  },
};
