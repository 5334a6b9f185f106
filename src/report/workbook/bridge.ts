// Bridge: the revenue bridge per period (SPEC §11) — overall, then per direction value — and the
// whole window as a waterfall: a table of the steps and a native stacked-column chart drawn from
// it (an invisible base under each movement, so each bar floats from where the one before ended).
import { BRIDGE_MONEY, type BridgeRow } from '../../core/bridge.js';
import { rangeRef, waterfallChartXml } from './chart.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, columnWidth, headerWidth, numberWidth, plain, textWidth, totalCell, wrappedLines, type CellStyle } from './style.js';

const COLOR = { total: '1F4E78', up: '4E9A5B', down: 'C9483F' };


export const bridgeSheet: WorkbookSheet = {
  id: 'bridge',
  write(book, { report, directionColumn, t }) {
    const b = report.bridge;
    const T = t.workbook.bridge;
    const F = t.numFmt;
    const kind = b.window.period;
    const rowsOfAll = [...b.overall, ...(b.byDirection ?? []).flatMap((g) => g.rows)];
    // Whole money units (the cells hold the exact amounts): cents on a revenue bridge are noise, and
    // seven money columns with them printed under 7 pt. Wide enough for every period's amount and
    // for the window's sums and levels (bounded by the start plus every movement).
    const windowBound = (b.overall[0]?.revenueStart ?? 0) + b.overall.reduce((sum, r) => sum + BRIDGE_MONEY.reduce((x, k) => x + (k === 'revenueStart' || k === 'revenueEnd' ? 0 : Math.abs(r[k])), 0), 0);
    const moneyWidth = columnWidth(Math.max(12, numberWidth(-windowBound, 0) + 1, ...rowsOfAll.flatMap((r) => BRIDGE_MONEY.map((k) => numberWidth(r[k], 0) + 1))));
    const headers = T.headers(kind);
    const NAME = t.workbook.sheets.bridge;
    // No repeated print title: the window's steps and each direction's table have headers of their
    // own, and the period header repeated over the waterfall's page misread it.
    const sheet = book.addSheet(NAME, { freeze: { rows: 4, columns: 1 }, pagesWide: 1, gridLines: true, tabColor: '4E9A5B' });
    // The first column as wide as its periods and the window's steps; the client counts as their headers on up to three lines.
    const periodWidth = columnWidth(Math.max(8, headerWidth(headers[0]!), ...rowsOfAll.map((r) => textWidth(t.period(r.period))), ...BRIDGE_MONEY.map((k) => textWidth(t.bridge.steps[k]))));
    const countWidth = (i: number): number => columnWidth(Math.max(6, ...headers[i]!.split(/\s+/).map(textWidth), textWidth(headers[i]!) / 3), { max: 11 });
    const counts = [BRIDGE_MONEY.length + 1, BRIDGE_MONEY.length + 2, BRIDGE_MONEY.length + 3].map(countWidth);
    const widths = [periodWidth, ...BRIDGE_MONEY.map(() => moneyWidth), ...counts];
    sheet.columns = widths.map((width) => ({ width }));
    // Prose wraps over the table, and the chart stays within its columns: text or a chart running
    // on to the right would widen the printed page (and shrink its text).
    const across = { across: widths.length, width: widths.reduce((x, y) => x + y, 0) };
    const rows = new Rows(sheet);
    const w = b.window;
    const windowText = `${t.period(w.labels[0] ?? '')} … ${t.period(w.labels[w.labels.length - 1] ?? '')}`;
    rows.title(T.title(kind), T.subtitle(windowText), across);
    rows.blank();
    const headerStyles = headers.map((_, i) => (i === 0 ? STYLE.headerLeft : STYLE.headerRight));
    const money = plain(F.moneyRound, { ruled: true, align: 'right' });
    const integer = plain(F.integer, { ruled: true, align: 'right' });
    const text = plain(undefined, { ruled: true });
    const table = (list: readonly BridgeRow[]): void => {
      rows.add(headers, headerStyles, { height: Math.max(2, ...headers.map((x, i) => wrappedLines(x, widths[i]! - 1.5))) * LINE_HEIGHT + 4 });
      for (const r of list) {
        rows.add(
          [t.period(r.period), ...BRIDGE_MONEY.map((k) => r[k]), r.clientsNew, r.clientsReactivated, r.clientsChurned],
          [text, ...BRIDGE_MONEY.map((k) => (k === 'revenueEnd' ? totalCell(F.moneyRound) : money)), integer, integer, integer],
        );
      }
    };
    table(b.overall);

    // The whole window as one waterfall: start of the first period, each movement summed, end of the last.
    const first = b.overall[0];
    const last = b.overall[b.overall.length - 1];
    if (first !== undefined && last !== undefined) {
      // The whole window on a page of its own: its chart never splits across two pages.
      rows.pageBreak();
      rows.section(T.windowSection, 6);
      // Within the steps' six columns: the chart stands beside them.
      rows.note(T.windowNote, { italic: true, grey: true }, { across: 6, width: widths.slice(0, 6).reduce((x, y) => x + y, 0) });
      const headerRow = rows.add([...T.windowHeaders], T.windowHeaders.map((_, i) => (i === 0 ? STYLE.headerLeft : STYLE.headerRight)));
      const steps = BRIDGE_MONEY.map((k) => ({
        key: k,
        value: k === 'revenueStart' ? first.revenueStart : k === 'revenueEnd' ? last.revenueEnd : b.overall.reduce((s, r) => s + r[k], 0),
      }));
      let level = 0;
      const bars = steps.map(({ key, value }) => {
        const total = key === 'revenueStart' || key === 'revenueEnd';
        const bar = total
          ? { base: 0, up: 0, down: 0, total: value }
          : { base: value >= 0 ? level : level + value, up: value >= 0 ? value : 0, down: value < 0 ? -value : 0, total: 0 };
        level = total ? value : level + value;
        return bar;
      });
      const firstData = headerRow + 1;
      steps.forEach((s, i) => {
        const bar = bars[i]!;
        const style: CellStyle = s.key === 'revenueStart' || s.key === 'revenueEnd' ? totalCell(F.moneyRound) : money;
        rows.add([t.bridge.steps[s.key], s.value, bar.base, bar.up, bar.down, bar.total], [text, style, money, money, money, money]);
      });
      const lastData = firstData + steps.length - 1;
      const col = (i: number): string => String.fromCharCode(65 + i);
      const ref = (c: number): string => rangeRef(NAME, col(c), firstData, col(c), lastData);
      const head = (c: number): string => rangeRef(NAME, col(c), headerRow, col(c), headerRow);
      const series = (c: number, color: string | null, values: readonly number[]) => ({ name: T.windowHeaders[c]!, nameRef: head(c), ref: ref(c), values, color });
      const chartXml = waterfallChartXml({
        title: T.chartTitle(t.period(first.period), t.period(last.period)),
        categories: { ref: ref(0), labels: steps.map((s) => t.bridge.steps[s.key]), title: '' },
        series: [
          series(2, null, bars.map((x) => x.base)),
          series(3, COLOR.up, bars.map((x) => x.up)),
          series(4, COLOR.down, bars.map((x) => x.down)),
          series(5, COLOR.total, bars.map((x) => x.total)),
        ],
        axis: { title: T.axisTitle, numFmt: F.axisInteger },
      });
      // Beside the steps, over the columns right of their table up to the sheet's last one.
      book.addChart(sheet, { name: T.chartName, chartXml, from: { col: 6, row: headerRow - 2 }, to: { col: widths.length, row: headerRow + 18 } });
      // What follows starts under the chart, not behind it.
      while (rows.row <= headerRow + 19) rows.blank();
    }

    for (const g of b.byDirection ?? []) {
      const column = directionColumn ?? t.workbook.churn.direction;
      rows.section(`${T.bySection(column)}: ${g.direction ?? t.noDirection}`, headers.length);
      table(g.rows);
    }
    if ((b.byDirection ?? []).length > 0) rows.note(T.byNote(directionColumn ?? t.workbook.churn.direction), { italic: true, grey: true }, across);
    sheet.commit();
  },
};
