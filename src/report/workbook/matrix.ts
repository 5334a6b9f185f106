// Matrix: the 3×3 ABC-XYZ grid plus the "-" column, as three small tables (clients, net revenue,
// share of revenue) coloured by cell, then each cell's standing strategy.
import { ABC_CLASSES, MATRIX_COLUMNS, type MatrixCell } from '../../core/matrix.js';
import { humanMoney } from '../human.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { FORMAT, LINE_HEIGHT, STYLE, classCell, plain, totalCell, wrappedLines, type CellStyle } from './style.js';

const WIDTHS = [16, 16, 16, 16, 16, 16, 16, 16];
const STRATEGY_WIDTH = WIDTHS[4]! + WIDTHS[5]! + WIDTHS[6]! + WIDTHS[7]!;
const pct = (x: number): number => Math.round(x * 1000) / 10;

export const matrixSheet: WorkbookSheet = {
  name: 'Matrix',
  description: 'the ABC-XYZ matrix: clients, revenue and share per cell, and the strategy each cell calls for',
  write(book, { analysis: a }) {
    const sheet = book.addSheet('Matrix', { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const s = a.settings;
    rows.title(
      'ABC-XYZ matrix',
      `ABC by ${s.by} (cut-offs ${pct(s.abcCutoffs[0])}/${pct(s.abcCutoffs[1])}%), XYZ by ${s.period}ly CV (cut-offs ${pct(s.xyzCutoffs[0])}/${pct(s.xyzCutoffs[1])}%); ${a.totals.clients} clients, net revenue ${humanMoney(a.totals.revenue)}`,
    );

    const byCell = new Map<string, MatrixCell>(a.matrix.map((m) => [m.cell, m]));
    const grid = (heading: string, pick: (m: MatrixCell) => number, numFmt: string, totalOf: (cells: MatrixCell[]) => number): void => {
      rows.section(heading, 6);
      rows.add(
        ['ABC \\ XYZ', 'X', 'Y', 'Z', 'no XYZ', 'Total'],
        [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter],
        { height: 20 },
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
      rows.add(['Total', ...columns.map(totalOf), totalOf(a.matrix)], [STYLE.total, ...columns.map(() => total), total], { height: 20 });
    };
    const sum = (f: (m: MatrixCell) => number) => (cells: MatrixCell[]): number => cells.reduce((t, m) => t + f(m), 0);
    grid('Clients', (m) => m.clients, '#,##0;-#,##0;"–"', sum((m) => m.clients));
    grid('Net revenue', (m) => m.revenue, '#,##0;[Red]-#,##0;"–"', sum((m) => m.revenue));
    grid('Share of net revenue', (m) => m.revenueShare, '0.0%;[Red]-0.0%;"–"', sum((m) => m.revenueShare));
    rows.blank(6);
    rows.add(
      ['Colours: green — valuable and steady (AX, AY, BX); amber — AZ, BY, CX; red — small or erratic (BZ, CY, CZ); grey — no XYZ class yet (too new, or no net purchases).'],
      [plain(undefined, { italic: true, grey: true })],
    );

    rows.pageBreak();
    rows.section('Strategy per cell', 8);
    const headers = ['Cell', 'Clients', 'Net revenue', 'Share', 'Strategy'];
    const strategyHeader: CellStyle = { ...STYLE.headerLeft, alignment: { ...STYLE.headerLeft.alignment, indent: 1 } };
    const headerStyles: CellStyle[] = [STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, strategyHeader, strategyHeader, strategyHeader, strategyHeader];
    rows.add(headers, headerStyles, { merge: [5, 8], height: 20 });
    for (const m of a.matrix) {
      const empty = m.clients === 0;
      const text = (numFmt?: string): CellStyle => plain(numFmt, { grey: empty, italic: empty, ruled: true });
      const strategy = plain(undefined, { grey: empty, italic: empty, wrap: true, ruled: true, valign: 'middle', indent: 1, align: 'left' });
      rows.add(
        [m.cell, m.clients, m.revenue, m.revenueShare, m.strategy],
        [classCell(m.cell, undefined, true), text(FORMAT.integer), text(FORMAT.money), text(FORMAT.percent), strategy],
        { merge: [5, 8], height: Math.max(20, wrappedLines(m.strategy, STRATEGY_WIDTH - 4) * LINE_HEIGHT + 5) },
      );
    }
    sheet.commit();
  },
};
