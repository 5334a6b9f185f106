// Migration: the earlier window's classes → this window's (SPEC §9), as ABC and XYZ grids with
// "new" and "gone", the key clients that slipped, and the clients gone since.
import type { AbcClass } from '../../core/abc.js';
import type { Migration, MigrationMatrix } from '../../core/compare.js';
import type { XyzClass } from '../../core/xyz.js';
import type { Messages } from '../../i18n/en.js';
import { renderProblem } from '../messages.js';
import { comparedWindowText, migrationLabel, windowText } from '../migration-terminal.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { STYLE, plain, toneCell, toneOf, totalCell, type CellStyle } from './style.js';

const WIDTHS = [44, 14, 14, 14, 14, 16, 16, 16, 10];

const classCell = (value: string, bold = true): CellStyle => toneCell(toneOf(value) ?? 'none', undefined, bold);

function grid<C extends string>(rows: Rows, heading: string, matrix: MigrationMatrix<C>, pick: (c: MigrationMatrix<C>['cells'][number]) => number, numFmt: string, t: Messages): void {
  const width = matrix.columns.length + 2;
  rows.section(heading, width);
  rows.add(
    [t.workbook.migration.corner, ...matrix.columns.map((c) => migrationLabel(c, t)), t.total],
    [STYLE.headerLeft, ...matrix.columns.map(() => STYLE.headerCenter), STYLE.headerRight],
    { height: 20 },
  );
  const columnTotals = matrix.columns.map(() => 0);
  for (const from of matrix.rows) {
    const cells = matrix.cells.filter((c) => c.from === from);
    const values = cells.map(pick);
    values.forEach((v, i) => (columnTotals[i]! += v));
    rows.add(
      [migrationLabel(from, t), ...values, values.reduce((s, v) => s + v, 0)],
      [
        classCell(from),
        ...cells.map((c, i) => (values[i] === 0 ? plain(numFmt, { grey: true, align: 'center' }) : c.from === c.to ? plain(numFmt, { bold: true, align: 'center' }) : plain(numFmt, { align: 'center' }))),
        totalCell(numFmt),
      ],
      { height: 18 },
    );
  }
  rows.add([t.total, ...columnTotals, columnTotals.reduce((s, v) => s + v, 0)], [STYLE.total, ...columnTotals.map(() => totalCell(numFmt)), totalCell(numFmt)], { height: 18 });
}

function slippedTable(rows: Rows, m: Migration, t: Messages): void {
  const T = t.workbook.migration;
  const F = t.numFmt;
  rows.section(T.slippedSection(m.slipped.length), 9);
  if (m.slipped.length === 0) {
    rows.add([T.slippedNone], [plain(undefined, { italic: true, grey: true })]);
    return;
  }
  rows.add(
    [...T.slippedHeaders],
    [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerCenter],
    { height: 20 },
  );
  const xyz = (x: XyzClass | null): string => x ?? '-';
  for (const s of m.slipped) {
    const change = s.previousTotal > 0 ? s.total / s.previousTotal - 1 : null;
    rows.add(
      [s.client, s.abcPrev, s.abc ?? t.migrationGone, xyz(s.xyzPrev), s.abc === null ? t.migrationGone : xyz(s.xyz), s.previousTotal, s.total, change, s.keyNow ? '★' : ''],
      [
        plain(undefined, { ruled: true }),
        classCell(s.abcPrev, false),
        classCell(s.abc ?? 'gone', false),
        classCell(xyz(s.xyzPrev), false),
        classCell(s.abc === null ? 'gone' : xyz(s.xyz), false),
        plain(F.money, { ruled: true }),
        plain(F.money, { ruled: true }),
        plain(F.percent, { ruled: true }),
        plain(undefined, { align: 'center', ruled: true }),
      ],
    );
  }
}

function goneTable(rows: Rows, m: Migration, t: Messages): void {
  const T = t.workbook.migration;
  rows.section(T.goneSection(m.gone.length), 4);
  if (m.gone.length === 0) {
    rows.add([T.goneNone], [plain(undefined, { italic: true, grey: true })]);
    return;
  }
  rows.add([...T.goneHeaders], [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerRight], { height: 20 });
  for (const client of m.gone) {
    const p = m.previous.get(client)!;
    rows.add([client, p.abc, p.xyz ?? '-', p.total], [plain(undefined, { ruled: true }), classCell(p.abc, false), classCell(p.xyz ?? '-', false), plain(t.numFmt.money, { ruled: true })]);
  }
}

export const migrationSheet: WorkbookSheet = {
  id: 'migration',
  write(book, { report, t }) {
    const a = report.analysis;
    const T = t.workbook.migration;
    const F = t.numFmt;
    const sheet = book.addSheet(t.workbook.sheets.migration, { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const m = report.migration;
    if (m === null) {
      rows.title(T.title, T.noCompare);
      sheet.commit();
      return;
    }
    rows.title(T.title, T.subtitle(comparedWindowText(m, t), windowText(a.window.labels, t), a.settings.by, a.settings.period));
    for (const note of m.notes) rows.add([renderProblem(note, t)], [note.severity === 'warning' ? STYLE.warning : STYLE.note]);
    const abc = m.abc as MigrationMatrix<AbcClass>;
    grid(rows, T.grids.abcClients, abc, (c) => c.clients, F.countDash, t);
    grid(rows, T.grids.abcRevenue, abc, (c) => c.revenue, F.moneyDash, t);
    grid(rows, T.grids.abcPrevious, abc, (c) => c.previousRevenue, F.moneyDash, t);
    grid(rows, T.grids.xyzClients, m.xyz, (c) => c.clients, F.countDash, t);
    rows.blank(6);
    rows.add([T.totals(m.previousTotals.clients, t.human.money(m.previousTotals.revenue), a.totals.clients, t.human.money(a.totals.revenue))], [plain(undefined, { italic: true, grey: true })]);
    slippedTable(rows, m, t);
    goneTable(rows, m, t);
    sheet.commit();
  },
};
