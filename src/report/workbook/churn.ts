// Churn: clients that became lost and came back per period (SPEC §6), as a table and a native
// chart (columns: became lost, came back; line: lost clients at the end of each period), then the
// same per direction value when the ledger has a --direction column.
import type { ChurnPeriod } from '../../core/churn.js';
import { rangeRef } from './chart.js';
import { xmlText } from './package.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, columnWidth, dateValue, plain, textWidth, toneCell, totalCell, wrappedLines, type CellStyle } from './style.js';

const COLOR = { lost: 'C9483F', back: '4E9A5B', running: '1F4E78' };

interface ChartSeries {
  name: string;
  nameRef: string;
  ref: string;
  values: readonly number[];
  color: string;
}

export interface ChurnChart {
  title: string;
  categories: { ref: string; labels: readonly string[]; title: string };
  /** Clustered columns on the left axis. */
  columns: readonly ChartSeries[];
  /** One line on the right axis. */
  line: ChartSeries;
  leftTitle: string;
  rightTitle: string;
  /** Number format of the value axes. */
  numFmt?: string;
}

const AX = { cat: 600_100_01, val: 600_100_02, cat2: 600_100_03, val2: 600_100_04 };
const fill = (color: string): string => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
const axisLine = `<c:spPr><a:ln w="9525">${fill('8C8C8C')}</a:ln></c:spPr>`;
const gridLine = `<c:spPr><a:ln w="6350">${fill('D9D9D9')}</a:ln></c:spPr>`;

function rich(text: string, size: number, rotate = false): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${rotate ? ' rot="-5400000" vert="horz"' : ''}/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

function labels(size: number, slant: boolean): string {
  return `<c:txPr><a:bodyPr${slant ? ' rot="-2700000" vert="horz"' : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
}

function strRef(ref: string, values: readonly string[]): string {
  return `<c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: readonly number[]): string {
  return `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache></c:numRef>`;
}

/** DrawingML of the churn chart; elements in schema order (Excel refuses a chart part otherwise). */
export function churnChartXml(chart: ChurnChart): string {
  const slant = chart.categories.labels.length > 12;
  const cat = `<c:cat>${strRef(chart.categories.ref, chart.categories.labels)}</c:cat>`;
  const bars = chart.columns
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.nameRef, [s.name])}</c:tx><c:spPr>${fill(s.color)}</c:spPr><c:invertIfNegative val="0"/>${cat}<c:val>${numRef(s.ref, s.values)}</c:val></c:ser>`,
    )
    .join('');
  const l = chart.line;
  const n = chart.columns.length;
  const line =
    `<c:ser><c:idx val="${n}"/><c:order val="${n}"/><c:tx>${strRef(l.nameRef, [l.name])}</c:tx>` +
    `<c:spPr><a:ln w="28575" cap="rnd">${fill(l.color)}<a:prstDash val="solid"/><a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr>${fill(l.color)}<a:ln w="6350">${fill(l.color)}</a:ln></c:spPr></c:marker>` +
    `${cat}<c:val>${numRef(l.ref, l.values)}</c:val><c:smooth val="0"/></c:ser>`;
  const valAx = (id: number, cross: number, pos: 'l' | 'r', title: string, secondary: boolean): string =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>` +
    (secondary ? '' : `<c:majorGridlines>${gridLine}</c:majorGridlines>`) +
    rich(title, 1000, true) +
    `<c:numFmt formatCode="${xmlText(chart.numFmt ?? '#,##0')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    axisLine +
    labels(900, false) +
    `<c:crossAx val="${cross}"/><c:crosses val="${secondary ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    rich(chart.title, 1300) +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars}<c:gapWidth val="60"/><c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:barChart>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${line}<c:marker val="1"/><c:axId val="${AX.cat2}"/><c:axId val="${AX.val2}"/></c:lineChart>` +
    `<c:catAx><c:axId val="${AX.cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    rich(chart.categories.title, 1000) +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    axisLine +
    labels(slant ? 800 : 900, slant) +
    `<c:crossAx val="${AX.val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    valAx(AX.val, AX.cat, 'l', chart.leftTitle, false) +
    `<c:catAx><c:axId val="${AX.cat2}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${AX.val2}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    valAx(AX.val2, AX.cat2, 'r', chart.rightTitle, true) +
    '</c:plotArea>' +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${labels(900, false)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525">${fill('BFBFBF')}</a:ln></c:spPr>` +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

const COLUMNS = 8;

/** Rows the chart spans above the table. */
const CHART_ROWS = 22;

export const churnSheet: WorkbookSheet = {
  id: 'churn',
  write(book, { report, directionColumn, t }) {
    const a = report.analysis;
    const T = t.workbook.churn;
    const F = t.numFmt;
    const h = t.human;
    const SHEET = t.workbook.sheets.churn;
    const lost = report.lost;
    const periods = lost.churn.periods;
    const kind = a.settings.period;
    const running = periods.map((p) => p.lostAtEnd);
    const directions = lost.byDirection;
    const directionName = directionColumn ?? T.direction;
    const firstWidth = columnWidth(Math.max(10, textWidth(directionName), ...(directions ?? []).map((d) => textWidth(d.direction ?? t.noDirection))), { max: 30 });
    const headers = T.headers(kind);
    // Each column at least as wide as the longest word of its header, bold (a tenth wider).
    const longestWord = (x: string | undefined): number => columnWidth(1.1 * Math.max(0, ...(x ?? '').split(/\s+/).map(textWidth)));
    const widths = [firstWidth, directions === null ? 12 : Math.max(12, firstWidth), 12, 11, 16, 11, 11, 12].map((w, i) => Math.max(w, longestWord(headers[i])));
    const sheet = book.addSheet(SHEET, { pagesWide: 1, tabColor: 'C9483F' });
    sheet.columns = widths.map((width) => ({ width }));
    // Prose wraps over the table, and the chart sits above it, as wide: text or a chart running on
    // to the right would widen the printed page (and shrink its text).
    const across = { across: COLUMNS, width: widths.reduce((x, y) => x + y, 0) };
    const rows = new Rows(sheet);
    rows.title(T.title, T.subtitle(h.day(lost.asOf)), across);
    rows.note(T.totals(h.integer(lost.churn.totals.becameLost), h.integer(lost.churn.totals.cameBack), h.integer(lost.counts.lost)), { grey: true }, across);
    rows.blank();
    const chartRow = rows.row;
    if (periods.length > 0) for (let i = 0; i <= CHART_ROWS; i++) rows.blank();

    const periodText = (p: ChurnPeriod): string => (p.partial ? T.part(t.period(p.period)) : t.period(p.period));
    const headerStyles = [STYLE.headerLeft, STYLE.headerCenter, STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight];
    // Headers wrap at words: as many lines as the longest needs in the run's language.
    const headerHeight = (list: readonly string[]): number => Math.max(2, ...list.map((x, i) => wrappedLines(x, widths[i]! - 1.5))) * LINE_HEIGHT + 2;
    const headerRow = rows.add(headers, headerStyles, { height: headerHeight(headers) });
    const ruled = (numFmt?: string, align?: 'left' | 'center' | 'right'): CellStyle => plain(numFmt, { ruled: true, align });
    const count = (n: number): CellStyle => (n > 0 ? toneCell('weak', F.integer) : ruled(F.integer));
    const backCount = (n: number): CellStyle => (n > 0 ? toneCell('good', F.integer) : ruled(F.integer));
    periods.forEach((p, i) => {
      rows.add(
        [periodText(p), dateValue(p.start), dateValue(p.end), p.becameLost, Math.round(p.lostRevenue * 100) / 100, p.cameBack, p.stillLost, running[i]!],
        [ruled(), ruled(F.date, 'center'), ruled(F.date, 'center'), count(p.becameLost), ruled(F.money), backCount(p.cameBack), ruled(F.integer), ruled(F.integer)],
      );
    });
    const tot = lost.churn.totals;
    rows.add([t.total, null, null, tot.becameLost, Math.round(tot.lostRevenue * 100) / 100, tot.cameBack, tot.stillLost, lost.counts.lost], [
      totalCell(),
      totalCell(),
      totalCell(),
      totalCell(F.integer),
      totalCell(F.money),
      totalCell(F.integer),
      totalCell(F.integer),
      totalCell(F.integer),
    ]);
    const first = headerRow + 1;
    const last = headerRow + periods.length;

    if (periods.length > 0) {
      const ref = (col: string): string => rangeRef(SHEET, col, first, col, last);
      const head = (col: string): string => rangeRef(SHEET, col, headerRow, col, headerRow);
      book.addChart(sheet, {
        name: T.chartName,
        chartXml: churnChartXml({
          title: T.chartTitle(kind),
          categories: { ref: ref('A'), labels: periods.map(periodText), title: t.periodTitle[kind] },
          columns: [
            { name: headers[3]!, nameRef: head('D'), ref: ref('D'), values: periods.map((p) => p.becameLost), color: COLOR.lost },
            { name: headers[5]!, nameRef: head('F'), ref: ref('F'), values: periods.map((p) => p.cameBack), color: COLOR.back },
          ],
          line: { name: headers[7]!, nameRef: head('H'), ref: ref('H'), values: running, color: COLOR.running },
          leftTitle: T.leftTitle(kind),
          rightTitle: T.rightTitle,
          numFmt: F.axisInteger,
        }),
        from: { col: 0, row: chartRow - 1 },
        to: { col: COLUMNS, row: chartRow - 1 + CHART_ROWS },
      });
    }

    if (directions !== null) {
      rows.section(T.bySection(directionName), COLUMNS);
      rows.note(T.byNote(directionName), { grey: true }, across);
      rows.add(T.byHeaders(directionName), [STYLE.headerLeft, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight], {
        height: headerHeight(T.byHeaders(directionName)),
      });
      for (const d of directions) {
        const c = d.counts;
        rows.add(
          [d.direction ?? t.noDirection, d.clients, c.active, c.atRisk, Math.round(c.revenueAtStake * 100) / 100, c.lost, d.churn.totals.becameLost, d.churn.totals.cameBack],
          [ruled(), ruled(F.integer), ruled(F.integer), ruled(F.integer), ruled(F.money), count(c.lost), ruled(F.integer), ruled(F.integer)],
        );
      }

      rows.section(T.perSection(kind, directionName), COLUMNS);
      rows.note(T.perNote(kind, directionName), { grey: true }, across);
      const tableHead = rows.add(
        T.perHeaders(kind, directionName),
        [STYLE.headerLeft, STYLE.headerLeft, STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, undefined],
        { height: headerHeight(T.perHeaders(kind, directionName)) },
      );
      let n = 0;
      for (let i = 0; i < periods.length; i++) {
        for (const d of directions) {
          const p = d.churn.periods[i]!;
          if (p.becameLost === 0 && p.cameBack === 0) continue;
          rows.add(
            [periodText(p), d.direction ?? t.noDirection, dateValue(p.start), p.becameLost, Math.round(p.lostRevenue * 100) / 100, p.cameBack, p.stillLost],
            [ruled(), ruled(), ruled(F.date, 'center'), count(p.becameLost), ruled(F.money), backCount(p.cameBack), ruled(F.integer)],
          );
          n++;
        }
      }
      if (n > 0) sheet.autoFilter = { from: { row: tableHead, column: 1 }, to: { row: tableHead + n, column: 7 } };
    }
    sheet.commit();
  },
};
