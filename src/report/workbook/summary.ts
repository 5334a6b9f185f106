// Summary: what was analysed, the totals, the key clients against the reference band, the
// classes, and every note and warning of the run, in the words of the run's catalogue (src/i18n).
import type { Analysis } from '../../core/analyze.js';
import type { Problem } from '../../core/problems.js';
import type { InputReport } from '../../io/read-ledger.js';
import type { Messages } from '../../i18n/en.js';
import { capitalise } from '../../i18n/helpers.js';
import { renderProblem } from '../messages.js';
import { keyRuleText, tagName } from '../dossier-terminal.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { STYLE, classCell, dateValue, plain, toneText, type CellStyle } from './style.js';

const WIDTHS = [28, 20, 96];
const WIDE = WIDTHS[1]! + WIDTHS[2]!;

export function describeInput(input: InputReport, t: Messages): string {
  if (input.kind === 'parquet' || input.kind === 'duckdb' || input.kind === 'postgres') return t.input.engine[input.kind];
  if (input.dayLedger === true) return [input.kind === 'xlsx' ? `xlsx, ${t.input.sheet(input.sheet ?? '')}` : `${t.workbook.csv}${input.compressed ? t.input.gzip : ''}`, t.input.dayLedger].join(', ');
  const parts =
    input.kind === 'xlsx'
      ? [`xlsx, ${t.input.sheet(input.sheet ?? '')}`]
      : [
          `${t.workbook.csv}${input.compressed ? t.input.gzip : ''}`,
          input.encoding ?? '',
          input.delimiter === undefined ? '' : t.input.delimiter(input.delimiter === '\t' ? t.input.tab : `"${input.delimiter}"`),
        ];
  if (input.dateFormat !== undefined) parts.push(t.input.dates(input.dateFormat));
  if (input.decimal !== undefined) parts.push(t.input.decimal(input.decimal.decimal));
  return parts.filter((p) => p !== '').join(', ');
}

function revenueShareOf(a: Analysis, pick: (c: Analysis['clients'][number]) => boolean): number | null {
  if (a.totals.revenue <= 0) return null;
  return a.clients.filter(pick).reduce((s, c) => s + c.revenue, 0) / a.totals.revenue;
}

export const summarySheet: WorkbookSheet = {
  id: 'summary',
  write(book, { report, context, t }) {
    const a = report.analysis;
    const T = t.workbook.summary;
    const F = t.numFmt;
    const h = t.human;
    const sheet = book.addSheet(t.workbook.sheets.summary, { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const label = STYLE.label;
    const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left', valign: 'top', indent: 1 });
    const comment = plain(undefined, { grey: true, valign: 'top' });
    const w = a.window;
    const from = t.period(w.labels[0] ?? '');
    const to = t.period(w.labels[w.labels.length - 1] ?? '');

    rows.title(T.title, T.subtitle(context.inputs.map((i) => i.name).join(', '), from, to, h.day(w.asOf)));

    rows.section(T.sections.ledger, 3);
    for (const input of context.inputs) rows.add([T.file, `${input.name}  (${describeInput(input, t)})`], [label, value()], { merge: [2, 3] });
    const c = context.counts;
    const skipped = c.noClient + c.badDate + c.badNumber + c.badFields;
    rows.add([T.rowsRead, c.rows, T.rowsComment({ ...c, skipped })], [label, value(F.integer), comment]);

    rows.section(T.sections.window, 3);
    rows.add([T.periods, w.periods, T.periodsComment(w.period, w.periods, from, to)], [label, value(F.integer), comment]);
    rows.add([T.from, dateValue(w.startDay), T.fromComment], [label, value(F.date), comment]);
    rows.add([T.to, dateValue(w.endDay), T.toComment], [label, value(F.date), comment]);
    rows.add([T.asOf, dateValue(w.asOf), T.asOfComment], [label, value(F.date), comment]);

    rows.section(T.sections.totals, 3);
    rows.add([T.clients, a.totals.clients, T.clientsComment(h.integer(a.totals.clientsInLedger))], [label, value(F.integer), comment]);
    rows.add([T.revenue, a.totals.revenue, T.revenueComment], [label, value(F.money), comment]);
    if (a.totals.profit !== null) rows.add([T.profit, a.totals.profit, T.inWindow], [label, value(F.money), comment]);
    if (a.totals.quantity !== null) rows.add([T.quantity, a.totals.quantity, T.inWindow], [label, value(Number.isInteger(a.totals.quantity) ? F.integer : F.decimal), comment]);

    rows.section(T.sections.key, 3);
    const k = a.key;
    const band = `${Math.round(k.band[0] * 100)}–${Math.round(k.band[1] * 100)}%`;
    rows.add([T.keyClients, k.clients, keyRuleText(a, t)], [label, value(F.integer), comment]);
    const pushed = k.pushedBy.length === 0 ? '' : t.analyze.keyPushed(k.pushedBy.map((tag) => tagName(tag, t)).join(', '), `${Math.round(k.band[1] * 100)}%`);
    const verdict = k.position === null ? T.verdictNone : `${T.verdict[k.position](band)}${pushed}`;
    const verdictStyle = k.position === 'within' ? toneText('good') : k.position === null ? comment : toneText('watch');
    rows.add([T.revenueShare, k.revenueShare, verdict], [label, value(F.percent), verdictStyle]);
    if (k.profitShare !== null) rows.add([T.profitShare, k.profitShare, T.profitShareComment(h.percent(k.profitShare))], [label, value(F.percent), comment]);
    rows.add([T.band, band, T.bandComment], [label, value(), comment]);

    rows.section(T.sections.classes, 3);
    for (const abc of ['A', 'B', 'C'] as const) {
      const n = a.clients.filter((x) => x.abc === abc).length;
      const share = revenueShareOf(a, (x) => x.abc === abc);
      rows.add(
        [T.classRow(abc), n, `${T.ofRevenue(h.percent(share))}${abc === 'A' ? T.topClients(Math.round(a.settings.abcCutoffs[0] * 100), a.settings.by) : ''}`],
        [classCell(abc, undefined, true), value(F.integer), comment],
      );
    }
    const xyzRows: [string, 'X' | 'Y' | 'Z' | '-', number, string][] = [
      [T.classRow('X'), 'X', a.xyzSpread.X, T.xRow(w.period, Math.round(a.settings.xyzCutoffs[0] * 100))],
      [T.classRow('Y'), 'Y', a.xyzSpread.Y, T.yRow(Math.round(a.settings.xyzCutoffs[1] * 100))],
      [T.classRow('Z'), 'Z', a.xyzSpread.Z, T.zRow],
      [T.noXyz, '-', a.xyzSpread.none, T.noXyzRow(a.settings.minPeriods, w.period)],
    ];
    for (const [text, tone, n, note] of xyzRows) rows.add([text, n, note], [classCell(tone, undefined, true), value(F.integer), comment]);
    for (const status of ['active', 'at-risk', 'lost'] as const) {
      const n = a.clients.filter((x) => x.status === status).length;
      rows.add([t.statusTitle[status], n, T.ofRevenue(h.percent(revenueShareOf(a, (x) => x.status === status)))], [classCell(status, undefined, true), value(F.integer), comment]);
    }

    rows.section(T.sections.notes, 3);
    const notes: Problem[] = [...context.notes, ...report.notes].sort((x, y) => rank(x) - rank(y));
    if (notes.length === 0) rows.add([T.none, T.noneComment], [label, comment], { merge: [2, 3] });
    for (const note of notes) {
      const text = renderProblem(note, t);
      rows.add([t.severityTitle[note.severity], text], [note.severity === 'note' ? STYLE.note : STYLE.warning, STYLE.wrap], { merge: [2, 3], fit: { col: 2, width: WIDE } });
    }

    rows.section(T.sections.contents, 3);
    for (const entry of book.contents) rows.add([entry.name, capitalise(entry.description)], [label, STYLE.wrap], { merge: [2, 3], fit: { col: 2, width: WIDE } });
    sheet.commit();
  },
};

function rank(p: Problem): number {
  return p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2;
}
