// Pareto: clients ranked by the ABC metric, as a native Excel chart — columns for the metric,
// a line for the cumulative share, dashed lines at the A/B and B/C cut-offs — over the table it
// is drawn from. Up to MAX_BARS clients get a column each; more are drawn in rank groups (each
// column the average per client of its group, groups never straddling a class boundary), so
// the curve keeps its shape and the cut-offs stay visible for 50,000 clients as for 40.
import type { AbcClass } from '../../core/abc.js';
import type { Analysis, ClientAnalysis } from '../../core/analyze.js';
import { humanInteger, humanPercent } from '../human.js';
import { comboChartXml, rangeRef } from './chart.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { FORMAT, LINE_HEIGHT, STYLE, classCell, columnWidth, numberWidth, plain, textWidth, wrappedLines, type CellStyle } from './style.js';

export const MAX_BARS = 40;

const NAME = 'Pareto';
/** Title, subtitle, class line, a blank row, then the table's header (repeated on printed pages). */
const HEADER_ROW = 5;

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
export function paretoPoints(clients: readonly ClientAnalysis[], maxBars = MAX_BARS): ParetoPoint[] {
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
      ranks: first === last ? String(first) : `${humanInteger(first)}–${humanInteger(last)}`,
      label: `${humanInteger(group.length)} client${group.length === 1 ? '' : 's'}`,
      abc,
      value: sum / group.length,
      cumShare: group[group.length - 1]!.cumShare!,
    });
    start = end;
  }
  return points;
}

function classLine(a: Analysis): string {
  const n = a.clients.length;
  const parts = (['A', 'B', 'C'] as const).map((abc) => {
    const members = a.clients.filter((c) => c.abc === abc);
    const share = members.reduce((s, c) => s + (c.share ?? 0), 0);
    return `${abc}: ${humanInteger(members.length)} client${members.length === 1 ? '' : 's'} (${humanPercent(n === 0 ? 0 : members.length / n)} of clients) bring ${humanPercent(share)}`;
  });
  return `${parts.join('; ')} of the ${a.settings.by}.`;
}

export const paretoSheet: WorkbookSheet = {
  name: NAME,
  description: 'the Pareto curve: clients ranked by the ABC metric, cumulative share and the A/B and B/C cut-offs, as a chart',
  write(book, { analysis: a }) {
    const s = a.settings;
    const metric = s.by === 'revenue' ? 'Revenue' : s.by === 'profit' ? 'Profit' : 'Quantity';
    const points = paretoPoints(a.clients);
    const grouped = points.length > 0 && points.length < a.clients.filter((c) => c.rank !== null).length;
    const [cutA, cutB] = s.abcCutoffs;
    const valueFormat = s.by === 'quantity' ? FORMAT.integer : FORMAT.moneyRound;
    const headers = [
      grouped ? 'Ranks' : 'Rank',
      grouped ? 'Clients' : 'Client',
      'Class',
      grouped ? `${metric} per client (group average)` : metric,
      'Cumulative share',
      `A/B cut-off (${humanPercent(cutA, 0)})`,
      `B/C cut-off (${humanPercent(cutB, 0)})`,
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
    const chartColumns = 15;
    const sheet = book.addSheet(NAME, { pagesWide: 1, printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` });
    sheet.columns = [...widths, 3, ...Array<number>(chartColumns).fill(9)].map((width) => ({ width }));
    const rows = new Rows(sheet);
    rows.title(
      'Pareto curve',
      `Clients ranked by ${s.by}, largest first: ${grouped ? `columns show the average per client in each rank group` : 'columns show each client'}, coloured by class (A green, B amber, C red); the line is the cumulative share, dashed lines mark the cut-offs.`,
    );
    rows.add([classLine(a)], [plain(undefined, { grey: true })]);
    rows.blank();
    const headerRow = rows.add(headers, [STYLE.headerCenter, STYLE.headerLeft, STYLE.headerCenter, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight], {
      height: Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]! - 1.5))) * LINE_HEIGHT + 4,
    });
    if (headerRow !== HEADER_ROW) throw new Error(`Pareto: the header is on row ${headerRow}, not ${HEADER_ROW}`);
    const first = headerRow + 1;
    const ruled = (numFmt?: string, align?: 'left' | 'right' | 'center'): CellStyle => plain(numFmt, { ruled: true, align });
    for (const p of points) {
      rows.add(
        [grouped ? p.ranks : Number(p.ranks), p.label, p.abc, p.value, p.cumShare, cutA, cutB],
        [ruled(undefined, 'center'), ruled(), classCell(p.abc), ruled(valueFormat), ruled(FORMAT.percent), ruled(FORMAT.percent), ruled(FORMAT.percent)],
      );
    }
    const last = first + points.length - 1;
    const left = a.clients.length - a.clients.filter((c) => c.rank !== null).length;
    if (left > 0) {
      rows.blank();
      rows.add([`${humanInteger(left)} client${left === 1 ? '' : 's'} with a zero or negative ${s.by} ${left === 1 ? 'is' : 'are'} not on the curve (class C, flagged on the Clients sheet).`], [plain(undefined, { italic: true, grey: true })]);
    }
    if (points.length === 0) {
      rows.blank();
      rows.add([`No client has a positive ${s.by} in the window: there is no curve to draw.`], [plain(undefined, { italic: true })]);
      sheet.commit();
      return;
    }

    const col = (i: number): string => String.fromCharCode(65 + i);
    const ref = (c: number): string => rangeRef(NAME, col(c), first, col(c), last);
    const headerRef = (c: number): string => rangeRef(NAME, col(c), headerRow, col(c), headerRow);
    const chartXml = comboChartXml({
      title: `Pareto curve: ${s.by} by client`,
      categories: { ref: ref(grouped ? 0 : 1), labels: points.map((p) => (grouped ? p.ranks : p.label)), title: grouped ? 'Clients by rank (groups)' : 'Clients, largest first' },
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
      leftAxis: { title: grouped ? `${metric} per client` : metric, numFmt: '#,##0' },
      rightAxis: { title: 'Cumulative share', numFmt: '0%', min: 0, max: 1, majorUnit: 0.2 },
      slantLabels: !grouped || points.length > 16,
    });
    book.addChart(sheet, { name: 'Pareto chart', chartXml, from: { col: widths.length + 1, row: headerRow - 1 }, to: { col: widths.length + 1 + chartColumns, row: headerRow - 1 + 30 } });
    sheet.commit();
  },
};
