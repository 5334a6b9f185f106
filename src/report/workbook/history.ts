// History: every client's class in each snapshot (SPEC §11), its stability mark and how often it was A.
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, classCell, columnWidth, plain, textWidth } from './style.js';

export const historySheet: WorkbookSheet = {
  id: 'history',
  applies: (model) => model.history !== undefined,
  write(book, { history, t }) {
    const hist = history!;
    const T = t.workbook.history;
    const h = t.human;
    const F = t.numFmt;
    const snaps = hist.snapshots.map((s) => h.day(s.day));
    const headers = T.headers(snaps);
    const sheet = book.addSheet(t.workbook.sheets.history, { freeze: { rows: 5, columns: 1 }, printTitleRows: '5:5', pagesWide: 1, gridLines: true, tabColor: '7F7F7F' });
    sheet.columns = [columnWidth(Math.max(10, ...hist.clients.map((c) => textWidth(c.client))), { max: 44, filter: true }), ...snaps.map(() => 11), 13, 9].map((width) => ({ width }));
    const rows = new Rows(sheet);
    rows.title(T.title, T.subtitle(h.integer(snaps.length), hist.options.every, h.integer(hist.options.windowMonths)));
    rows.add([T.stayedA(h.integer(hist.stayedA.stayed), h.integer(hist.stayedA.wereA))], [plain(undefined, { italic: true, grey: true })]);
    rows.blank();
    const headerRow = rows.add(headers, headers.map((_, i) => (i === 0 ? STYLE.headerLeft : i === headers.length - 1 ? STYLE.headerRight : STYLE.headerCenter)), { height: 2 * LINE_HEIGHT + 4 });
    const text = plain(undefined, { ruled: true });
    const absent = plain(undefined, { ruled: true, align: 'center', grey: true });
    for (const c of hist.clients) {
      rows.add(
        [c.client, ...c.classes.map((x) => x ?? '-'), t.history.marks[c.mark], c.timesA],
        [text, ...c.classes.map((x) => (x === null ? absent : classCell(x))), text, plain(F.integer, { ruled: true, align: 'right' })],
      );
    }
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + hist.clients.length, column: headers.length } };
    sheet.commit();
  },
};
