// Series: clients × periods, the ABC metric per period, heat-coloured by one colour scale over
// the whole block (white at zero, full green from the 95th percentile up, so one giant
// client does not wash out the rest). Gaps and rhythm — what XYZ measures — show at a glance.
import { roundForTies } from '../../core/order.js';
import type { WorkbookSheet } from './sheet.js';
import { columnWidth, headerStyle, numberWidth, plain, textWidth, toneCell, toneOf } from './style.js';

export const seriesSheet: WorkbookSheet = {
  id: 'series',
  write(book, { report, t }) {
    const a = report.analysis;
    const T = t.workbook.series;
    const F = t.numFmt;
    const periods = a.window.labels.map((label) => t.period(label));
    let nameWidth = textWidth(T.client);
    let valueWidth = 7;
    let totalWidth = textWidth(t.total);
    for (const c of a.clients) {
      nameWidth = Math.max(nameWidth, textWidth(c.client));
      for (const v of c.series) valueWidth = Math.max(valueWidth, numberWidth(v, 0));
      totalWidth = Math.max(totalWidth, numberWidth(c.total, 0));
    }
    const widths = [columnWidth(nameWidth, { max: 40, filter: true }), 8, 8, ...periods.map(() => columnWidth(valueWidth, { min: 9 })), columnWidth(totalWidth, { filter: true })];
    const sheet = book.addSheet(t.workbook.sheets.series, {
      freeze: { rows: 1, columns: 3 },
      printTitleRows: '1:1',
      printTitleColumns: 'A:C',
      pagesWide: Math.max(1, Math.ceil(widths.reduce((s, w) => s + w, 0) / 230)),
      gridLines: true,
    });
    sheet.columns = widths.map((width) => ({ width }));

    const header = sheet.addRow([T.client, T.cell, T.cv, ...periods, T.total(a.settings.by)]);
    header.height = 20;
    header.getCell(1).style = headerStyle('text');
    header.getCell(2).style = headerStyle('tone');
    header.getCell(3).style = headerStyle('ratio');
    for (let i = 0; i < periods.length; i++) header.getCell(4 + i).style = headerStyle('money');
    header.getCell(4 + periods.length).style = headerStyle('money');
    header.commit();

    const name = plain(undefined, { ruled: true });
    const cv = plain(F.ratio, { ruled: true });
    const value = plain(F.seriesValue, { ruled: true, align: 'right' });
    const total = plain(F.moneyRound, { ruled: true, bold: true });
    for (const c of a.clients) {
      const row = sheet.addRow([c.client, c.cell, c.cv === null ? null : Math.round(c.cv * 1e10) / 1e10, ...c.series.map((x) => roundForTies(x)), roundForTies(c.total)]);
      row.getCell(1).style = name;
      row.getCell(2).style = toneCell(toneOf(c.cell) ?? 'none');
      row.getCell(3).style = cv;
      for (let i = 0; i < periods.length; i++) row.getCell(4 + i).style = value;
      row.getCell(4 + periods.length).style = total;
      row.commit();
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
