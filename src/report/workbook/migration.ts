// Migration: the earlier window's classes → this window's (SPEC §9), as ABC and XYZ grids with
// "new" and "gone", the key clients that slipped, and the clients gone since.
import type { AbcClass } from '../../core/abc.js';
import type { Migration, MigrationMatrix } from '../../core/compare.js';
import type { XyzClass } from '../../core/xyz.js';
import { humanMoney } from '../human.js';
import { renderProblem } from '../messages.js';
import { comparedWindowText, windowText } from '../migration-terminal.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { FORMAT, STYLE, plain, toneCell, toneOf, totalCell, type CellStyle } from './style.js';

const WIDTHS = [44, 14, 14, 14, 14, 16, 16, 16, 10];

const classCell = (value: string, bold = true): CellStyle => toneCell(toneOf(value) ?? 'none', undefined, bold);

function grid<C extends string>(rows: Rows, heading: string, matrix: MigrationMatrix<C>, pick: (c: MigrationMatrix<C>['cells'][number]) => number, numFmt: string): void {
  const width = matrix.columns.length + 2;
  rows.section(heading, width);
  rows.add(
    ['before ↓   now →', ...matrix.columns, 'Total'],
    [STYLE.headerLeft, ...matrix.columns.map(() => STYLE.headerCenter), STYLE.headerRight],
    { height: 20 },
  );
  const columnTotals = matrix.columns.map(() => 0);
  for (const from of matrix.rows) {
    const cells = matrix.cells.filter((c) => c.from === from);
    const values = cells.map(pick);
    values.forEach((v, i) => (columnTotals[i]! += v));
    rows.add(
      [from, ...values, values.reduce((s, v) => s + v, 0)],
      [
        classCell(from),
        ...cells.map((c, i) => (values[i] === 0 ? plain(numFmt, { grey: true, align: 'center' }) : c.from === c.to ? plain(numFmt, { bold: true, align: 'center' }) : plain(numFmt, { align: 'center' }))),
        totalCell(numFmt),
      ],
      { height: 18 },
    );
  }
  rows.add(['Total', ...columnTotals, columnTotals.reduce((s, v) => s + v, 0)], [STYLE.total, ...columnTotals.map(() => totalCell(numFmt)), totalCell(numFmt)], { height: 18 });
}

function slippedTable(rows: Rows, m: Migration): void {
  rows.section(`Key clients that slipped: A → B, C or gone; X → Y or Z (${m.slipped.length})`, 9);
  if (m.slipped.length === 0) {
    rows.add(['None: no client that is key now or was A before lost its A or its X.'], [plain(undefined, { italic: true, grey: true })]);
    return;
  }
  rows.add(
    ['Client', 'ABC before', 'ABC now', 'XYZ before', 'XYZ now', 'Total before', 'Total now', 'Change', 'Key now'],
    [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerCenter],
    { height: 20 },
  );
  const xyz = (x: XyzClass | null): string => x ?? '-';
  for (const s of m.slipped) {
    const change = s.previousTotal > 0 ? s.total / s.previousTotal - 1 : null;
    rows.add(
      [s.client, s.abcPrev, s.abc ?? 'gone', xyz(s.xyzPrev), s.abc === null ? 'gone' : xyz(s.xyz), s.previousTotal, s.total, change, s.keyNow ? '★' : ''],
      [
        plain(undefined, { ruled: true }),
        classCell(s.abcPrev, false),
        classCell(s.abc ?? 'gone', false),
        classCell(xyz(s.xyzPrev), false),
        classCell(s.abc === null ? 'gone' : xyz(s.xyz), false),
        plain(FORMAT.money, { ruled: true }),
        plain(FORMAT.money, { ruled: true }),
        plain(FORMAT.percent, { ruled: true }),
        plain(undefined, { align: 'center', ruled: true }),
      ],
    );
  }
}

function goneTable(rows: Rows, m: Migration): void {
  rows.section(`Clients gone: a line in the earlier window, none in this one (${m.gone.length})`, 4);
  if (m.gone.length === 0) {
    rows.add(['None.'], [plain(undefined, { italic: true, grey: true })]);
    return;
  }
  rows.add(['Client', 'ABC before', 'XYZ before', 'Total before'], [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerRight], { height: 20 });
  for (const client of m.gone) {
    const p = m.previous.get(client)!;
    rows.add([client, p.abc, p.xyz ?? '-', p.total], [plain(undefined, { ruled: true }), classCell(p.abc, false), classCell(p.xyz ?? '-', false), plain(FORMAT.money, { ruled: true })]);
  }
}

export const migrationSheet: WorkbookSheet = {
  name: 'Migration',
  description: "the earlier window's classes → this window's (ABC and XYZ, with new and gone clients), key clients that slipped",
  write(book, { analysis: a }) {
    const sheet = book.addSheet('Migration', { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const m = a.migration;
    if (m === undefined) {
      rows.title('Class migration', 'No earlier window to compare with: run with --compare previous (or --compare FROM..TO).');
      sheet.commit();
      return;
    }
    rows.title(
      'Class migration',
      `From the ${comparedWindowText(m)} to this window ${windowText(a.window.labels)}, with the same settings (ABC by ${a.settings.by}, ${a.settings.period}ly XYZ). New: no line in the earlier window; gone: none in this one.`,
    );
    for (const note of m.notes) rows.add([renderProblem(note)], [note.severity === 'warning' ? STYLE.warning : STYLE.note]);
    const abc = m.abc as MigrationMatrix<AbcClass>;
    grid(rows, 'ABC: clients', abc, (c) => c.clients, '#,##0;-#,##0;"–"');
    grid(rows, 'ABC: net revenue in this window', abc, (c) => c.revenue, '#,##0;[Red]-#,##0;"–"');
    grid(rows, 'ABC: net revenue in the earlier window', abc, (c) => c.previousRevenue, '#,##0;[Red]-#,##0;"–"');
    grid(rows, 'XYZ: clients ("-": too few periods or no net purchases)', m.xyz, (c) => c.clients, '#,##0;-#,##0;"–"');
    rows.blank(6);
    rows.add(
      [`Earlier window: ${m.previousTotals.clients} clients, net revenue ${humanMoney(m.previousTotals.revenue)}; this window: ${a.totals.clients} clients, net revenue ${humanMoney(a.totals.revenue)}.`],
      [plain(undefined, { italic: true, grey: true })],
    );
    slippedTable(rows, m);
    goneTable(rows, m);
    sheet.commit();
  },
};
