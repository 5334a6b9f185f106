// Series: clients × periods, the ABC metric per period, heat-coloured by one colour scale over
// the whole block (white at zero, full green from the 95th percentile up, so one giant
// client does not wash out the rest). Gaps and rhythm — what XYZ measures — show at a glance.
import { roundForTies } from '../../core/order.js';
import type { WorkbookSheet } from './sheet.js';
import { SheetRows, type CellValue } from './sheet-rows.js';
import { columnWidth, headerStyle, numberWidth, plain, textWidth, toneCell, toneOf } from './style.js';

/** Characters of column width one landscape A4 page prints with text at about 7.5 pt. */
const PAGE_WIDTH = 165;

/** Pages across for a grid whose first `titles` columns repeat on every page: each page holds the titles and as many whole columns after them as fit. */
export function pagesAcross(widths: readonly number[], titles: number): number {
  const title = widths.slice(0, titles).reduce((s, w) => s + w, 0);
  let pages = 1;
  let used = title;
  for (const w of widths.slice(titles)) {
    if (used + w > PAGE_WIDTH && used > title) {
      pages++;
      used = title;
    }
    used += w;
  }
  return pages;
}

export const seriesSheet: WorkbookSheet = {
  id: 'series',
  async write(book, { report, t }) {
    const a = report.analysis;
    const T = t.workbook.series;
    const F = t.numFmt;
    const periods = a.window.labels.map((label) => t.period(label));
    let nameWidth = textWidth(T.client);
    let valueWidth = 7;
    let totalWidth = textWidth(t.total);
    const series = report.series;
    for (const [i, c] of a.clients.entries()) {
      nameWidth = Math.max(nameWidth, textWidth(c.client));
      for (let p = 0; p < series.periods; p++) valueWidth = Math.max(valueWidth, numberWidth(series.at(i, p), 0));
      totalWidth = Math.max(totalWidth, numberWidth(c.total, 0));
    }
    const widths = [columnWidth(nameWidth, { max: 40, filter: true }), 8, 8, ...periods.map(() => columnWidth(valueWidth, { min: 9 })), columnWidth(totalWidth, { filter: true })];
    const sheet = book.addSheet(t.workbook.sheets.series, {
      freeze: { rows: 1, columns: 3 },
      printTitleRows: '1:1',
      printTitleColumns: 'A:C',
      // As many pages across as keep the text at 7 pt or more, the title columns repeated on each.
      pagesWide: pagesAcross(widths, 3),
      gridLines: true,
    });
    sheet.columns = widths.map((width) => ({ width }));

    const rows = new SheetRows(sheet);
    rows.write(1, [T.client, T.cell, T.cv, ...periods, T.total(a.settings.by)], [headerStyle('text'), headerStyle('tone'), headerStyle('ratio'), ...periods.map(() => headerStyle('money')), headerStyle('money')], 20);

    const name = plain(undefined, { ruled: true });
    const cv = plain(F.ratio, { ruled: true });
    const value = plain(F.seriesValue, { ruled: true, align: 'right' });
    const total = plain(F.moneyRound, { ruled: true, bold: true });
    const styles = [name, name, cv, ...periods.map(() => value), total];
    const values: CellValue[] = [];
    for (let i = 0; i < a.clients.length; i++) {
      const c = a.clients[i]!;
      values[0] = c.client;
      values[1] = c.cell;
      values[2] = c.cv === null ? null : Math.round(c.cv * 1e10) / 1e10;
      let k = 3;
      for (let p = 0; p < series.periods; p++) values[k++] = roundForTies(series.at(i, p));
      values[k++] = roundForTies(c.total);
      values.length = k;
      styles[1] = toneCell(toneOf(c.cell) ?? 'none');
      rows.write(i + 2, values, styles);
      await rows.breathe();
    }

    const lastRow = a.clients.length + 1;
    if (a.clients.length > 0 && periods.length > 0) {
      const from = sheet.getColumn(4).letter;
      const to = sheet.getColumn(3 + periods.length).letter;
      sheet.addConditionalFormatting({
        ref: `${from}2:${to}${lastRow}`,
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            cfvo: [
              { type: 'num', value: 0 },
              { type: 'percentile', value: 60 },
              { type: 'percentile', value: 95 },
            ],
            color: [{ argb: 'FFFFFFFF' }, { argb: 'FFC6E6C8' }, { argb: 'FF63BE7B' }],
          },
        ],
      });
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: 4 + periods.length } };
    sheet.commit();
  },
};
