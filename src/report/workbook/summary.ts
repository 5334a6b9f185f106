// Summary: what was analysed, the totals, the key clients against the reference band, the
// classes, and every note and warning of the run, in the words of the run's catalogue (src/i18n).
import type { Analysis } from '../../core/analyze.js';
import type { Problem } from '../../core/problems.js';
import type { InputReport } from '../../io/read-ledger.js';
import type { Messages } from '../../i18n/en.js';
import { capitalise } from '../../i18n/helpers.js';
import { renderProblem } from '../messages.js';
import { keyRuleText, tagName } from '../dossier-terminal.js';
import { Rows, type CellValue } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { STYLE, TONE, classCell, columnWidth, dateValue, plain, textWidth, type CellStyle } from './style.js';

/** The value and comment columns; the label column is as wide as the run's longest label. A4 portrait. */
const VALUE_WIDTH = 16;
const COMMENT_WIDTH = 64;

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
    // One portrait page: the labels sized for the run's language (wrapping at a word if longer),
    // comments and notes wrapped inside their columns.
    const labels = [T.file, T.rowsRead, T.periods, T.from, T.to, T.asOf, T.clients, T.revenue, T.profit, T.quantity, T.keyClients, T.revenueShare, T.profitShare, T.band, T.noXyz, T.none];
    const labelWidth = columnWidth(Math.max(...labels.map(textWidth), ...book.contents.map((c) => textWidth(c.name)), ...Object.values(t.statusTitle).map(textWidth)), { min: 16, max: 30 });
    const WIDE = VALUE_WIDTH + COMMENT_WIDTH;
    const sheet = book.addSheet(t.workbook.sheets.summary, { pagesWide: 1, pagesTall: 1, portrait: true });
    sheet.columns = [labelWidth, VALUE_WIDTH, COMMENT_WIDTH].map((width) => ({ width }));
    const rows = new Rows(sheet);
    const label = plain(undefined, { bold: true, wrap: true });
    const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left', valign: 'top', indent: 1 });
    const comment = plain(undefined, { grey: true, valign: 'top', wrap: true });
    /** A label, a value and a comment wrapped in its column. */
    const line = (values: CellValue[], styles: CellStyle[]): number => rows.add(values, styles, { fit: { col: 3, width: COMMENT_WIDTH - 4 } });
    const w = a.window;
    const from = t.period(w.labels[0] ?? '');
    const to = t.period(w.labels[w.labels.length - 1] ?? '');

    rows.title(T.title, T.subtitle(context.inputs.map((i) => i.name).join(', '), from, to, h.day(w.asOf)), { across: 3, width: labelWidth + WIDE });

    rows.section(T.sections.ledger, 3);
    for (const input of context.inputs) rows.add([T.file, `${input.name}  (${describeInput(input, t)})`], [label, plain(undefined, { wrap: true, valign: 'top', indent: 1 })], { merge: [2, 3], fit: { col: 2, width: WIDE - 2 } });
    const c = context.counts;
    const skipped = c.noClient + c.badDate + c.badNumber + c.badFields;
    line([T.rowsRead, c.rows, T.rowsComment({ ...c, skipped })], [label, value(F.integer), comment]);

    rows.section(T.sections.window, 3);
    line([T.periods, w.periods, T.periodsComment(w.period, w.periods, from, to)], [label, value(F.integer), comment]);
    line([T.from, dateValue(w.startDay), T.fromComment], [label, value(F.date), comment]);
    line([T.to, dateValue(w.endDay), T.toComment], [label, value(F.date), comment]);
    line([T.asOf, dateValue(w.asOf), T.asOfComment], [label, value(F.date), comment]);

    rows.section(T.sections.totals, 3);
    line([T.clients, a.totals.clients, T.clientsComment(h.integer(a.totals.clientsInLedger))], [label, value(F.integer), comment]);
    line([T.revenue, a.totals.revenue, T.revenueComment], [label, value(F.money), comment]);
    if (a.totals.profit !== null) line([T.profit, a.totals.profit, T.inWindow], [label, value(F.money), comment]);
    if (a.totals.quantity !== null) line([T.quantity, a.totals.quantity, T.inWindow], [label, value(Number.isInteger(a.totals.quantity) ? F.integer : F.decimal), comment]);

    rows.section(T.sections.key, 3);
    const k = a.key;
    const band = `${Math.round(k.band[0] * 100)}–${Math.round(k.band[1] * 100)}%`;
    line([T.keyClients, k.clients, keyRuleText(a, t)], [label, value(F.integer), comment]);
    const pushed = k.pushedBy.length === 0 ? '' : t.analyze.keyPushed(k.pushedBy.map((tag) => tagName(tag, t)).join(', '), `${Math.round(k.band[1] * 100)}%`);
    const verdict = k.position === null ? T.verdictNone : `${T.verdict[k.position](band)}${pushed}`;
    const verdictStyle = k.position === null ? comment : plain(undefined, { bold: true, wrap: true, valign: 'top', colour: TONE[k.position === 'within' ? 'good' : 'watch'].font });
    line([T.revenueShare, k.revenueShare, verdict], [label, value(F.percent), verdictStyle]);
    if (k.profitShare !== null) line([T.profitShare, k.profitShare, T.profitShareComment(h.percent(k.profitShare))], [label, value(F.percent), comment]);
    line([T.band, band, T.bandComment], [label, value(), comment]);

    rows.section(T.sections.classes, 3);
    for (const abc of ['A', 'B', 'C'] as const) {
      const n = a.clients.filter((x) => x.abc === abc).length;
      const share = revenueShareOf(a, (x) => x.abc === abc);
      line(
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
    for (const [text, tone, n, note] of xyzRows) line([text, n, note], [classCell(tone, undefined, true), value(F.integer), comment]);
    for (const status of ['active', 'at-risk', 'lost'] as const) {
      const n = a.clients.filter((x) => x.status === status).length;
      line([t.statusTitle[status], n, T.ofRevenue(h.percent(revenueShareOf(a, (x) => x.status === status)))], [classCell(status, undefined, true), value(F.integer), comment]);
    }

    rows.section(T.sections.notes, 3);
    // The purchase model's notes are said once, on the Model sheet beside the fit, not here.
    const notes: Problem[] = [...context.notes, ...report.notes].filter((p) => !MODEL_NOTES.has(p.code)).sort((x, y) => rank(x) - rank(y));
    if (notes.length === 0) rows.add([T.none, T.noneComment], [label, comment], { merge: [2, 3], fit: { col: 2, width: WIDE - 6 } });
    for (const note of notes) {
      const text = renderProblem(note, t);
      rows.add([t.severityTitle[note.severity], text], [note.severity === 'note' ? STYLE.note : STYLE.warning, STYLE.wrap], { merge: [2, 3], fit: { col: 2, width: WIDE - 6 } });
    }

    rows.section(T.sections.contents, 3);
    for (const entry of book.contents) rows.add([entry.name, capitalise(entry.description)], [label, STYLE.wrap], { merge: [2, 3], fit: { col: 2, width: WIDE - 6 } });
    sheet.commit();
  },
};

/** Notes about the BG/NBD fit: shown on the Model sheet, where P(alive) comes from. */
export const MODEL_NOTES: ReadonlySet<Problem['code']> = new Set(['bgnbd-not-fitted', 'bgnbd-not-sound']);

function rank(p: Problem): number {
  return p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2;
}
