// Dossiers: the card of every key client (SPEC §8), one block under the other — the figures
// of `kam client`, the per-period series across the columns, top products, direction values
// and the attributes file's columns.
import type { Dossier, NamedAmount } from '../../core/dossier.js';
import type { Messages } from '../../i18n/en.js';
import { keyRuleText, tagName } from '../dossier-terminal.js';
import { clientAheadText } from '../model-terminal.js';
import { Rows, type CellValue } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { STYLE, dateValue, plain, toneCell, toneOf, type CellStyle } from './style.js';

/** Label, value, label, value, then the series runs on across the columns. */
const WIDTHS = [22, 20, 22, 20, 14];
const SERIES_WIDTH = 13;

const label = STYLE.label;
const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left' });
const tone = (x: string | null): CellStyle => toneCell(toneOf(x ?? '-') ?? 'none', undefined, true);

function card(rows: Rows, d: Dossier, directionColumn: string | null, width: number, t: Messages): void {
  const T = t.workbook.dossiers;
  const F = t.numFmt;
  const h = t.human;
  const text = (list: readonly NamedAmount[] | null, n: number): string =>
    list === null ? '' : list.slice(0, n).map((r) => `${r.name}${r.share === null ? '' : ` (${h.number(Math.round(r.share * 1000) / 10)}%)`}`).join('; ');
  rows.blank(10);
  rows.add([`${d.client}${d.tags.length > 0 ? `   —   ${d.tags.map((tag) => tagName(tag, t)).join(', ')}` : ''}`], Array<CellStyle>(width).fill(STYLE.section), { height: 22 });
  const pair = (a: string, av: CellValue, as: CellStyle, b: string, bv: CellValue, bs: CellStyle): void => {
    rows.add([a, av, b, bv], [label, as, label, bs]);
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
  pair(T.status, d.status === null ? '' : t.status[d.status], tone(d.status), T.pAlive, d.pAlive, value(F.ratio));
  if (d.expected !== null) rows.add([t.model.labels.expected, clientAheadText(d.expected, t)], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: 90 } });
  if (d.directions !== null) pair(directionColumn ?? T.direction, d.direction ?? '', value(), T.allValues, text(d.directions, 5), value());
  if (d.products !== null) rows.add([T.products, text(d.products, 5)], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: 90 } });
  if (d.cell !== null) rows.add([T.strategy, t.strategy[d.cell]], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: 90 } });
  if (d.attributes !== null) {
    const columns = d.attributes.columns;
    for (let i = 0; i < columns.length; i += 2) {
      const a = columns[i]!;
      const b = columns[i + 1];
      pair(a, d.attributes.row.values[a] ?? '', value(), b ?? '', b === undefined ? null : (d.attributes.row.values[b] ?? ''), value());
    }
  }
  rows.add([T.period, ...d.series.map((s) => t.period(s.label))], [label, ...d.series.map(() => STYLE.headerCenter)]);
  rows.add([T.metricRow(d.by), ...d.series.map((s) => s.value)], [label, ...d.series.map(() => plain(F.moneyDash, { align: 'center' }))]);
  rows.add([T.purchasesRow, ...d.series.map((s) => s.purchases)], [label, ...d.series.map(() => plain(F.countDash, { align: 'center' }))]);
  rows.add([T.sparkline, d.sparkline], [label, plain(undefined, { align: 'left' })]);
}

export const dossiersSheet: WorkbookSheet = {
  id: 'dossiers',
  write(book, model) {
    const a = model.report.analysis;
    const t = model.t;
    const sheet = book.addSheet(t.workbook.sheets.dossiers, { pagesWide: 1 });
    const periods = a.window.periods;
    sheet.columns = [...WIDTHS, ...Array<number>(Math.max(0, periods + 1 - WIDTHS.length)).fill(SERIES_WIDTH)].map((width) => ({ width }));
    const rows = new Rows(sheet);
    const dossiers = model.report.keyDossiers;
    rows.title(t.workbook.dossiers.title, t.workbook.dossiers.subtitle(dossiers.length, t.period(a.window.labels[0] ?? ''), t.period(a.window.labels[a.window.labels.length - 1] ?? ''), keyRuleText(a, t)));
    const directionColumn = model.directionColumn ?? null;
    for (const d of dossiers) card(rows, d, directionColumn, Math.max(4, Math.min(periods + 1, 12)), t);
    sheet.commit();
  },
};
