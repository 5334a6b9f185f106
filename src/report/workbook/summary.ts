// Summary: what was analysed, the totals, the key clients against the reference band, the
// classes, and every note and warning of the run, in the words of src/report/messages.ts.
import type { Analysis } from '../../core/analyze.js';
import { formatDay } from '../../core/calendar.js';
import type { Problem } from '../../core/problems.js';
import type { InputReport } from '../../io/read-ledger.js';
import { humanInteger, humanPercent } from '../human.js';
import { renderProblem } from '../messages.js';
import { capitalise } from './labels.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { FORMAT, STYLE, classCell, dateValue, plain, toneText, type CellStyle } from './style.js';

const WIDTHS = [28, 20, 96];
const WIDE = WIDTHS[1]! + WIDTHS[2]!;

export function describeInput(input: InputReport): string {
  const parts =
    input.kind === 'xlsx'
      ? [`xlsx, sheet "${input.sheet ?? ''}"`]
      : [`CSV${input.compressed ? ' (gzip)' : ''}`, input.encoding ?? '', input.delimiter === undefined ? '' : `delimiter ${input.delimiter === '\t' ? 'tab' : `"${input.delimiter}"`}`];
  if (input.dateFormat !== undefined) parts.push(`dates ${input.dateFormat}`);
  if (input.decimal !== undefined) parts.push(`decimal "${input.decimal.decimal}"`);
  return parts.filter((p) => p !== '').join(', ');
}

function revenueShareOf(a: Analysis, pick: (c: Analysis['clients'][number]) => boolean): number | null {
  if (a.totals.revenue <= 0) return null;
  return a.clients.filter(pick).reduce((s, c) => s + c.revenue, 0) / a.totals.revenue;
}

export const summarySheet: WorkbookSheet = {
  name: 'Summary',
  description: 'the ledger, the window, totals, key clients against the 30–55% band, notes and warnings',
  write(book, { analysis: a, context }) {
    const sheet = book.addSheet('Summary', { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const label = STYLE.label;
    const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left', valign: 'top', indent: 1 });
    const comment = plain(undefined, { grey: true, valign: 'top' });
    const w = a.window;
    const periodWord = `${w.period}${w.periods === 1 ? '' : 's'}`;

    rows.title('Key-account analysis', `${context.inputs.map((i) => i.name).join(', ')} — ${w.labels[0]} … ${w.labels[w.labels.length - 1]}, as of ${formatDay(w.asOf)}`);

    rows.section('Ledger', 3);
    for (const input of context.inputs) rows.add(['File', `${input.name}  (${describeInput(input)})`], [label, value()], { merge: [2, 3] });
    const c = context.counts;
    const skipped = c.noClient + c.badDate + c.badNumber;
    rows.add(
      ['Rows read', c.rows, `${humanInteger(c.accepted)} used, ${humanInteger(skipped)} skipped${skipped > 0 ? ` (${humanInteger(c.noClient)} without a client, ${humanInteger(c.badDate)} with an unreadable date, ${humanInteger(c.badNumber)} with an unreadable number)` : ''}`],
      [label, value(FORMAT.integer), comment],
    );

    rows.section('Window', 3);
    rows.add(['Periods', w.periods, `whole ${periodWord}, ${w.labels[0]} … ${w.labels[w.labels.length - 1]}`], [label, value(FORMAT.integer), comment]);
    rows.add(['From', dateValue(w.startDay), 'first day of the window'], [label, value(FORMAT.date), comment]);
    rows.add(['To', dateValue(w.endDay), 'last day of the window'], [label, value(FORMAT.date), comment]);
    rows.add(['As of', dateValue(w.asOf), 'the day recency and lost clients are judged from'], [label, value(FORMAT.date), comment]);

    rows.section('Clients and totals', 3);
    rows.add(['Clients', a.totals.clients, `with a line in the window; ${humanInteger(a.totals.clientsInLedger)} in the ledger up to the as-of date`], [label, value(FORMAT.integer), comment]);
    rows.add(['Net revenue', a.totals.revenue, 'sales less returns, in the window'], [label, value(FORMAT.money), comment]);
    if (a.totals.profit !== null) rows.add(['Profit', a.totals.profit, 'in the window'], [label, value(FORMAT.money), comment]);
    if (a.totals.quantity !== null) rows.add(['Quantity', a.totals.quantity, 'in the window'], [label, value(Number.isInteger(a.totals.quantity) ? FORMAT.integer : FORMAT.decimal), comment]);

    rows.section('Key clients', 3);
    const k = a.key;
    const band = `${Math.round(k.band[0] * 100)}–${Math.round(k.band[1] * 100)}%`;
    rows.add(['Key clients', k.clients, 'class A, plus clients tagged breadwinner or image-maker'], [label, value(FORMAT.integer), comment]);
    const verdict =
      k.position === null ? 'no positive revenue to share' : k.position === 'within' ? `within the ${band} reference band` : `${k.position} the ${band} reference band`;
    const verdictStyle = k.position === 'within' ? toneText('good') : k.position === null ? comment : toneText('watch');
    rows.add(['Share of revenue', k.revenueShare, verdict], [label, value(FORMAT.percent), verdictStyle]);
    if (k.profitShare !== null) rows.add(['Share of profit', k.profitShare, `key clients' profit: ${humanPercent(k.profitShare)} of the total`], [label, value(FORMAT.percent), comment]);
    rows.add(['Reference band', band, 'the share of sales key clients typically make up'], [label, value(), comment]);

    rows.section('Classes', 3);
    for (const abc of ['A', 'B', 'C'] as const) {
      const n = a.clients.filter((x) => x.abc === abc).length;
      const share = revenueShareOf(a, (x) => x.abc === abc);
      rows.add([`Class ${abc}`, n, `${humanPercent(share)} of revenue${abc === 'A' ? ` — the top clients that make up ${Math.round(a.settings.abcCutoffs[0] * 100)}% of the ${a.settings.by}` : ''}`], [classCell(abc, undefined, true), value(FORMAT.integer), comment]);
    }
    const xyzRows: [string, 'X' | 'Y' | 'Z' | '-', number, string][] = [
      ['Class X', 'X', a.xyzSpread.X, `steady: ${w.period}ly CV up to ${Math.round(a.settings.xyzCutoffs[0] * 100)}%`],
      ['Class Y', 'Y', a.xyzSpread.Y, `seasonal or drifting: CV up to ${Math.round(a.settings.xyzCutoffs[1] * 100)}%`],
      ['Class Z', 'Z', a.xyzSpread.Z, 'irregular'],
      ['No XYZ class', '-', a.xyzSpread.none, `fewer than ${a.settings.minPeriods} ${w.period}s of history, or no net purchases`],
    ];
    for (const [text, tone, n, note] of xyzRows) rows.add([text, n, note], [classCell(tone, undefined, true), value(FORMAT.integer), comment]);
    for (const status of ['active', 'at-risk', 'lost'] as const) {
      const n = a.clients.filter((x) => x.status === status).length;
      rows.add([capitalise(status.replace('-', ' ')), n, `${humanPercent(revenueShareOf(a, (x) => x.status === status))} of revenue`], [classCell(status, undefined, true), value(FORMAT.integer), comment]);
    }

    rows.section('Notes and warnings', 3);
    const notes: Problem[] = [...context.notes, ...a.notes].sort((x, y) => rank(x) - rank(y));
    if (notes.length === 0) rows.add(['None', 'nothing unusual was found while reading and analysing the ledger'], [label, comment], { merge: [2, 3] });
    for (const note of notes) {
      const text = renderProblem(note);
      rows.add([capitalise(note.severity), text], [note.severity === 'note' ? STYLE.note : STYLE.warning, STYLE.wrap], { merge: [2, 3], fit: { col: 2, width: WIDE } });
    }

    rows.section('In this workbook', 3);
    for (const entry of book.contents) rows.add([entry.name, capitalise(entry.description)], [label, STYLE.wrap], { merge: [2, 3], fit: { col: 2, width: WIDE } });
    sheet.commit();
  },
};

function rank(p: Problem): number {
  return p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2;
}

