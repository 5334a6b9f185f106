// Pareto: clients ranked by the ABC metric, as a native Excel chart — columns for the metric,
// a line for the cumulative share, dashed lines at the A/B and B/C cut-offs — over the table it
// is drawn from. Up to MAX_BARS clients get a column each; more are drawn in rank groups (each
// column the average per client of its group, groups never straddling a class boundary), so
// the curve keeps its shape and the cut-offs stay visible for 50,000 clients as for 40.
import type { AbcClass } from '../../core/abc.js';
import type { Analysis, ClientAnalysis } from '../../core/analyze.js';
import { en, type Messages } from '../../i18n/en.js';
import { comboChartXml, rangeRef } from './chart.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, classCell, columnWidth, numberWidth, plain, textWidth, wrappedLines, type CellStyle } from './style.js';

export const MAX_BARS = 40;

/** Rows the chart spans under the table. */
const CHART_ROWS = 26;

/** Title, subtitle, class line, a blank row, then the chart (when there is a curve), then the table's header (repeated on printed pages). */
const CHART_ROW = 5;

const BAR_COLOR: Record<AbcClass, string> = { A: '4E9A5B', B: 'E0A526', C: 'C9483F' };

export interface ParetoPoint {
  /** "7" or "1–108". */
  ranks: string;
  /** The client, or "108 clients". */
  label: string;
  abc: AbcClass;
  /** The metric of the client, or the average per client of the group. */
  value: number;
  /** Cumulative share at the last client of the point. */
  cumShare: number;
}

/** The points of the chart: one per ranked client, or rank groups when there are many. */
export function paretoPoints(clients: readonly ClientAnalysis[], maxBars = MAX_BARS, t: Messages = en): ParetoPoint[] {
  const ranked = clients.filter((c) => c.rank !== null && c.cumShare !== null);
  if (ranked.length <= maxBars) {
    return ranked.map((c) => ({ ranks: String(c.rank), label: c.client, abc: c.abc, value: c.total, cumShare: c.cumShare! }));
  }
  // Equal groups, cut again where the class changes (so at most maxBars + 2 columns).
  const size = Math.ceil(ranked.length / maxBars);
  const points: ParetoPoint[] = [];
  let start = 0;
  while (start < ranked.length) {
    let end = Math.min(start + size, ranked.length);
    const abc = ranked[start]!.abc;
    for (let i = start + 1; i < end; i++) {
      if (ranked[i]!.abc !== abc) {
        end = i;
        break;
      }
    }
    const group = ranked.slice(start, end);
    const sum = group.reduce((s, c) => s + c.total, 0);
    const first = group[0]!.rank!;
    const last = group[group.length - 1]!.rank!;
    points.push({
      ranks: first === last ? String(first) : `${t.human.integer(first)}–${t.human.integer(last)}`,
      label: t.workbook.pareto.groupLabel(group.length),
      abc,
      value: sum / group.length,
      cumShare: group[group.length - 1]!.cumShare!,
    });
    start = end;
  }
  return points;
}

function classLine(a: Analysis, t: Messages): string {
  const n = a.clients.length;
  const parts = (['A', 'B', 'C'] as const).map((abc) => {
    const members = a.clients.filter((c) => c.abc === abc);
    const share = members.reduce((s, c) => s + (c.share ?? 0), 0);
    return t.workbook.pareto.classLine(abc, members.length, t.human.percent(n === 0 ? 0 : members.length / n), t.human.percent(share));
  });
  return `${parts.join('; ')}${t.workbook.pareto.classLineEnd(a.settings.by)}`;
}

export const paretoSheet: WorkbookSheet = {
  id: 'pareto',
  write(book, { report, t }) {
    const a = report.analysis;
    const T = t.workbook.pareto;
    const F = t.numFmt;
    const NAME = t.workbook.sheets.pareto;
    const s = a.settings;
    const metric = t.metricTitle[s.by];
    const points = paretoPoints(a.clients, MAX_BARS, t);
    const grouped = points.length > 0 && points.length < a.clients.filter((c) => c.rank !== null).length;
    const [cutA, cutB] = s.abcCutoffs;
    const valueFormat = s.by === 'quantity' ? F.integer : F.moneyRound;
    const headers = [
      grouped ? T.ranks : T.rank,
      grouped ? T.clients : T.client,
      T.class,
      grouped ? T.perClient(metric) : metric,
      T.cumShare,
      T.cutAB(t.human.percent(cutA, 0)),
      T.cutBC(t.human.percent(cutB, 0)),
    ];
    const widths = [
      columnWidth(Math.max(5, ...points.map((p) => textWidth(p.ranks)))),
      columnWidth(Math.max(8, ...points.map((p) => textWidth(p.label))), { max: 34 }),
      7,
      columnWidth(Math.max(12, ...points.map((p) => numberWidth(p.value, 0)))),
      12,
      12,
      12,
    ];
    // The chart first, on the first page, over the table's width; the table from the second page
    // (text or a chart running on to the right would widen the printed page and shrink its text).
    const headerRow = points.length === 0 ? CHART_ROW : CHART_ROW + CHART_ROWS + 1;
    const sheet = book.addSheet(NAME, { pagesWide: 1, printTitleRows: `${headerRow}:${headerRow}` });
    sheet.columns = widths.map((width) => ({ width }));
    const across = { across: widths.length, width: widths.reduce((x, y) => x + y, 0) };
    const rows = new Rows(sheet);
    rows.title(T.title, T.subtitle(s.by, grouped), across);
    rows.note(classLine(a, t), { grey: true }, across);
    rows.blank();
    if (points.length > 0) {
      for (let i = 0; i <= CHART_ROWS; i++) rows.blank();
      rows.pageBreak();
    }
    const written = rows.add(headers, [STYLE.headerCenter, STYLE.headerLeft, STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight], {
      height: Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]! - 1.5))) * LINE_HEIGHT + 4,
    });
    if (written !== headerRow) throw new Error(`Pareto: the header is on row ${written}, not ${headerRow}`);
    const first = headerRow + 1;
    const ruled = (numFmt?: string, align?: 'left' | 'right' | 'center'): CellStyle => plain(numFmt, { ruled: true, align });
    for (const p of points) {
      rows.add(
        [grouped ? p.ranks : Number(p.ranks), p.label, p.abc, p.value, p.cumShare, cutA, cutB],
        [ruled(undefined, 'center'), ruled(), classCell(p.abc), ruled(valueFormat), ruled(F.percent), ruled(F.percent), ruled(F.percent)],
      );
    }
    const last = first + points.length - 1;
    const left = a.clients.length - a.clients.filter((c) => c.rank !== null).length;
    if (left > 0) {
      rows.blank();
      rows.note(T.notOnCurve(left, s.by), { italic: true, grey: true }, across);
    }
    if (points.length === 0) {
      rows.blank();
      rows.note(T.noCurve(s.by), { italic: true }, across);
      sheet.commit();
      return;
    }

    const col = (i: number): string => String.fromCharCode(65 + i);
    const ref = (c: number): string => rangeRef(NAME, col(c), first, col(c), last);
    const headerRef = (c: number): string => rangeRef(NAME, col(c), headerRow, col(c), headerRow);
    const chartXml = comboChartXml({
      title: T.chartTitle(s.by),
      categories: { ref: ref(grouped ? 0 : 1), labels: points.map((p) => (grouped ? p.ranks : p.label)), title: grouped ? T.categoriesGrouped : T.categories },
      columns: {
        name: headers[3]!,
        nameRef: headerRef(3),
        ref: ref(3),
        values: points.map((p) => p.value),
        color: BAR_COLOR.A,
        pointColors: points.map((p) => BAR_COLOR[p.abc]),
      },
      lines: [
        { name: headers[4]!, nameRef: headerRef(4), ref: ref(4), values: points.map((p) => p.cumShare), color: '1F4E78', width: 2.25, markers: points.length <= MAX_BARS },
        { name: headers[5]!, nameRef: headerRef(5), ref: ref(5), values: points.map(() => cutA), color: '7F7F7F', width: 1.25, dash: 'dash' },
        { name: headers[6]!, nameRef: headerRef(6), ref: ref(6), values: points.map(() => cutB), color: 'A5A5A5', width: 1.25, dash: 'sysDash' },
      ],
      leftAxis: { title: grouped ? T.leftAxisGrouped(metric) : metric, numFmt: F.axisInteger },
      rightAxis: { title: T.cumShare, numFmt: F.axisPercent, min: 0, max: 1, majorUnit: 0.2 },
      slantLabels: !grouped || points.length > 16,
    });
    book.addChart(sheet, { name: T.chartName, chartXml, from: { col: 0, row: CHART_ROW - 1 }, to: { col: widths.length, row: CHART_ROW - 1 + CHART_ROWS } });
    sheet.commit();
  },
};
