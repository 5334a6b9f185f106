// Dossiers: the card of every key client (SPEC §8), one block under the other — the figures
// of `kam client`, the per-period series across the columns, top products, direction values
// and the attributes file's columns.
import type { Dossier, NamedAmount } from '../../core/dossier.js';
import type { Messages } from '../../i18n/en.js';
import { keyRuleText, tagName } from '../dossier-terminal.js';
import { clientAheadText } from '../model-terminal.js';
import { Rows, type CellValue } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { LINE_HEIGHT, STYLE, columnWidth, dateValue, numberWidth, plain, textWidth, toneCell, toneOf, wrappedLines, type CellStyle } from './style.js';

/** Label, value, label, value, then the series runs on across the columns: the labels as wide as
 * the run's language needs (up to LABEL_MAX, then wrapped), the rest as wide as the numbers. */
const LABEL_MAX = 26;
const VALUE_WIDTH = 18;
/** Periods of the series on one row of a card (half a year of months); a longer window continues on the rows below. */
const SERIES_PER_ROW = 6;

const label = plain(undefined, { bold: true, wrap: true, valign: 'top' });
// A card asks for a dozen styles and there is a card per key client: each is looked up once.
const values = new Map<string, CellStyle>();
const value = (numFmt?: string): CellStyle => {
  let style = values.get(numFmt ?? '');
  if (style === undefined) values.set(numFmt ?? '', (style = plain(numFmt, { align: 'left' })));
  return style;
};
const tones = new Map<string, CellStyle>();
const tone = (x: string | null): CellStyle => {
  let style = tones.get(x ?? '-');
  if (style === undefined) tones.set(x ?? '-', (style = toneCell(toneOf(x ?? '-') ?? 'none', undefined, true)));
  return style;
};

function card(rows: Rows, d: Dossier, directionColumn: string | null, width: number, labelWidth: number, wide: number, t: Messages): void {
  const T = t.workbook.dossiers;
  const F = t.numFmt;
  const h = t.human;
  const text = (list: readonly NamedAmount[] | null, n: number): string =>
    list === null ? '' : list.slice(0, n).map((r) => `${r.name}${r.share === null ? '' : ` (${h.number(Math.round(r.share * 1000) / 10)}%)`}`).join('; ');
  rows.blank(10);
  rows.add([`${d.client}${d.tags.length > 0 ? `   —   ${d.tags.map((tag) => tagName(tag, t)).join(', ')}` : ''}`], Array<CellStyle>(width).fill(STYLE.section), { height: 22 });
  const pair = (a: string, av: CellValue, as: CellStyle, b: string, bv: CellValue, bs: CellStyle): void => {
    // Labels are bold, about a tenth wider than the plain text wrappedLines measures.
    const lines = Math.max(wrappedLines(a, (labelWidth - 2) / 1.1), wrappedLines(b, (labelWidth - 2) / 1.1));
    rows.add([a, av, b, bv], [label, as, label, bs], lines > 1 ? { height: lines * LINE_HEIGHT + 3 } : {});
  };
  const p = d.previous;
  const before = p === null ? T.noComparison : p.coverage === 'none' ? T.beforeLedger : p.abc === null ? T.new : `${p.abc}${p.xyz ?? '-'}`;
  pair(T.classNow, d.cell ?? T.noLine, tone(d.abc), T.classBefore, before, p === null || p.abc === null ? value() : tone(p.abc));
  if (p !== null) pair('', null, value(), T.earlierWindow, `${t.period(p.from)} … ${t.period(p.to)}`, value());
  if (d.by === 'revenue') pair(T.revenue, d.revenue, value(F.money), T.revenueShare, d.revenueShare, value(F.percent));
  else {
    pair(T.total(d.by), d.total, value(d.by === 'quantity' ? F.decimal : F.money), T.share, d.share, value(F.percent));
    pair(T.revenue, d.revenue, value(F.money), T.revenueShare, d.revenueShare, value(F.percent));
  }
  if (d.profit !== null) pair(T.profit, d.profit, value(F.money), T.profitShare, d.profitShare, value(F.percent));
  pair(T.rank, d.rank, value(F.integer), T.cumShare, d.cumShare, value(F.percent));
  pair(T.cv, d.cv, value(F.ratio), T.purchases, d.purchases, value(F.integer));
  pair(T.firstPurchase, dateValue(d.firstPurchase), value(F.date), T.lastPurchase, dateValue(d.lastPurchase), value(F.date));
  pair(T.interval, d.usualIntervalDays, value(F.decimal), T.recency, d.recencyDays, value(F.integer));
  pair(T.status, d.status === null ? '' : t.status[d.status], tone(d.status), T.pAlive, d.pAlive, value(F.percent));
  if (d.expected !== null) rows.add([t.model.labels.expected, clientAheadText(d.expected, t)], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: wide - 2 } });
  if (d.directions !== null) pair(directionColumn ?? T.direction, d.direction ?? '', value(), T.allValues, text(d.directions, 5), value());
  if (d.products !== null) rows.add([T.products, text(d.products, 5)], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: wide - 2 } });
  if (d.cell !== null) rows.add([T.strategy, t.strategy[d.cell]], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: wide - 2 } });
  if (d.attributes !== null) {
    const columns = d.attributes.columns;
    for (let i = 0; i < columns.length; i += 2) {
      const a = columns[i]!;
      const b = columns[i + 1];
      pair(a, d.attributes.row.values[a] ?? '', value(), b ?? '', b === undefined ? null : (d.attributes.row.values[b] ?? ''), value());
    }
  }
  // The series in blocks of SERIES_PER_ROW periods, so that a long window keeps the page readable.
  for (let from = 0; from < d.series.length || from === 0; from += SERIES_PER_ROW) {
    const part = d.series.slice(from, from + SERIES_PER_ROW);
    rows.add([T.period, ...part.map((s) => t.period(s.label))], [label, ...part.map(() => STYLE.headerCenter)]);
    rows.add([T.metricRow(d.by), ...part.map((s) => s.value)], [label, ...part.map(() => plain(F.moneyDash, { align: 'center' }))]);
    rows.add([T.purchasesRow, ...part.map((s) => s.purchases)], [label, ...part.map(() => plain(F.countDash, { align: 'center' }))]);
  }
  rows.add([T.sparkline, d.sparkline], [label, plain(undefined, { align: 'left' })]);
}

export const dossiersSheet: WorkbookSheet = {
  id: 'dossiers',
  async write(book, model) {
    const a = model.report.analysis;
    const t = model.t;
    const sheet = book.addSheet(t.workbook.sheets.dossiers, { pagesWide: 1 });
    const periods = Math.min(a.window.periods, SERIES_PER_ROW);
    const dossiers = model.report.keyDossiers;
    const T = t.workbook.dossiers;
    const labels = [T.classNow, T.classBefore, T.earlierWindow, T.revenue, T.revenueShare, T.profit, T.profitShare, T.rank, T.cumShare, T.cv, T.purchases, T.firstPurchase, T.lastPurchase, T.interval, T.recency, T.status, T.pAlive, T.products, T.strategy, T.period, T.purchasesRow, T.sparkline, T.allValues];
    const labelWidth = columnWidth(Math.max(...labels.map((x) => Math.max(...x.split(' ').map(textWidth), Math.min(textWidth(x), LABEL_MAX - 2)))), { min: 14, max: LABEL_MAX });
    let seriesMax = 7;
    for (const d of dossiers) for (const x of d.series) seriesMax = Math.max(seriesMax, numberWidth(x.value, 0));
    const seriesWidth = columnWidth(seriesMax, { min: 9, max: 16 });
    const fixed = [labelWidth, VALUE_WIDTH, labelWidth, VALUE_WIDTH];
    sheet.columns = [...fixed, ...Array<number>(Math.max(0, periods + 1 - fixed.length)).fill(seriesWidth)].map((width) => ({ width }));
    const rows = new Rows(sheet);
    rows.title(T.title, T.subtitle(dossiers.length, t.period(a.window.labels[0] ?? ''), t.period(a.window.labels[a.window.labels.length - 1] ?? ''), keyRuleText(a, t)), {
      across: Math.max(4, periods + 1),
      width: labelWidth * 2 + VALUE_WIDTH * 2 + Math.max(0, periods + 1 - 4) * seriesWidth,
    });
    const directionColumn = model.directionColumn ?? null;
    const width = Math.max(4, Math.min(periods + 1, 12));
    const columnWidths = sheet.columns.map((c) => c.width ?? seriesWidth);
    const wide = columnWidths.slice(1, width).reduce((x, y) => x + y, 0);
    // One card a page: a break before every card but the first (which follows the title).
    for (let i = 0; i < dossiers.length; i++) {
      if (i > 0) rows.pageBreak();
      card(rows, dossiers[i]!, directionColumn, width, labelWidth, wide, t);
      await rows.breathe();
    }
    sheet.commit();
  },
};
