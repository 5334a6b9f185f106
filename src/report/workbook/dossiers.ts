// Dossiers: the card of every key client (SPEC §8), one block under the other — the figures
// of `kam client`, the per-period series across the columns, top products, direction values
// and the attributes file's columns.
import type { Dossier, NamedAmount } from '../../core/dossier.js';
import { keyClientDossiers } from '../../core/dossier.js';
import { Rows, type CellValue } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { FORMAT, STYLE, dateValue, plain, toneCell, toneOf, type CellStyle } from './style.js';

/** Label, value, label, value, then the series runs on across the columns. */
const WIDTHS = [22, 20, 22, 20, 14];
const SERIES_WIDTH = 13;

const label = STYLE.label;
const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left' });
const tone = (x: string | null): CellStyle => toneCell(toneOf(x ?? '-') ?? 'none', undefined, true);
const text = (rows: readonly NamedAmount[] | null, n: number): string =>
  rows === null ? '' : rows.slice(0, n).map((r) => `${r.name}${r.share === null ? '' : ` (${Math.round(r.share * 1000) / 10}%)`}`).join('; ');

function card(rows: Rows, d: Dossier, directionColumn: string | null, width: number): void {
  rows.blank(10);
  rows.add([`${d.client}${d.tags.length > 0 ? `   —   ${d.tags.join(', ')}` : ''}`], Array<CellStyle>(width).fill(STYLE.section), { height: 22 });
  const pair = (a: string, av: CellValue, as: CellStyle, b: string, bv: CellValue, bs: CellStyle): void => {
    rows.add([a, av, b, bv], [label, as, label, bs]);
  };
  const p = d.previous;
  const before = p === null ? 'no comparison' : p.coverage === 'none' ? 'before the ledger' : p.abc === null ? 'new' : `${p.abc}${p.xyz ?? '-'}`;
  pair('Class now', d.cell ?? 'no line in the window', tone(d.abc), 'Class before', before, p === null || p.abc === null ? value() : tone(p.abc));
  if (p !== null) pair('', null, value(), 'Earlier window', `${p.from} … ${p.to}`, value());
  if (d.by === 'revenue') pair('Net revenue', d.revenue, value(FORMAT.money), 'Share of revenue', d.revenueShare, value(FORMAT.percent));
  else {
    pair(`Total ${d.by}`, d.total, value(d.by === 'quantity' ? FORMAT.decimal : FORMAT.money), 'Share', d.share, value(FORMAT.percent));
    pair('Net revenue', d.revenue, value(FORMAT.money), 'Share of revenue', d.revenueShare, value(FORMAT.percent));
  }
  if (d.profit !== null) pair('Profit', d.profit, value(FORMAT.money), 'Share of profit', d.profitShare, value(FORMAT.percent));
  pair('Rank', d.rank, value(FORMAT.integer), 'Cumulative share', d.cumShare, value(FORMAT.percent));
  pair('CV', d.cv, value(FORMAT.ratio), 'Purchases in the window', d.purchases, value(FORMAT.integer));
  pair('First purchase', dateValue(d.firstPurchase), value(FORMAT.date), 'Last purchase', dateValue(d.lastPurchase), value(FORMAT.date));
  pair('Usual interval, days', d.usualIntervalDays, value(FORMAT.decimal), 'Days since last purchase', d.recencyDays, value(FORMAT.integer));
  pair('Status', d.status ?? '', tone(d.status), 'P(alive)', d.pAlive, value(FORMAT.ratio));
  if (d.directions !== null) pair(directionColumn ?? 'Direction', d.direction ?? '', value(), 'All values', text(d.directions, 5), value());
  if (d.products !== null) rows.add(['Top products', text(d.products, 5)], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: 90 } });
  if (d.strategy !== null) rows.add(['Strategy', d.strategy], [label, plain(undefined, { wrap: true })], { merge: [2, width], fit: { col: 2, width: 90 } });
  if (d.attributes !== null) {
    const columns = d.attributes.columns;
    for (let i = 0; i < columns.length; i += 2) {
      const a = columns[i]!;
      const b = columns[i + 1];
      pair(a, d.attributes.row.values[a] ?? '', value(), b ?? '', b === undefined ? null : (d.attributes.row.values[b] ?? ''), value());
    }
  }
  rows.add(['Period', ...d.series.map((p) => p.label)], [label, ...d.series.map(() => STYLE.headerCenter)]);
  rows.add([d.by === 'revenue' ? 'Net revenue' : d.by, ...d.series.map((p) => p.value)], [label, ...d.series.map(() => plain('#,##0;[Red]-#,##0;"–"', { align: 'center' }))]);
  rows.add(['Purchases', ...d.series.map((p) => p.purchases)], [label, ...d.series.map(() => plain('#,##0;-#,##0;"–"', { align: 'center' }))]);
  rows.add(['Sparkline', d.sparkline], [label, plain(undefined, { align: 'left' })]);
}

export const dossiersSheet: WorkbookSheet = {
  name: 'Dossiers',
  description: 'the card of every key client: classes now and before, totals, rhythm, per-period series, products, directions, attributes',
  write(book, model) {
    const a = model.analysis;
    const sheet = book.addSheet('Dossiers', { pagesWide: 1 });
    const periods = a.window.periods;
    sheet.columns = [...WIDTHS, ...Array<number>(Math.max(0, periods + 1 - WIDTHS.length)).fill(SERIES_WIDTH)].map((width) => ({ width }));
    const rows = new Rows(sheet);
    const dossiers = model.ledger === undefined ? [] : keyClientDossiers(model.ledger, a);
    rows.title(
      'Key client dossiers',
      `${dossiers.length} key client${dossiers.length === 1 ? '' : 's'} (class A, breadwinners, image-makers), in ranking order; window ${a.window.labels[0]} … ${a.window.labels[a.window.labels.length - 1]}. Products and direction values are net amounts over the whole ledger.`,
    );
    const directionColumn = model.directionColumn ?? null;
    for (const d of dossiers) card(rows, d, directionColumn, Math.max(4, Math.min(periods + 1, 12)));
    sheet.commit();
  },
};
