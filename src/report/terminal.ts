// The terminal view of `kam analyze`: summary, matrix with strategies, top clients, in the
// run's language (every word from the catalogue `t`).
import { revenueAheadText } from './model-terminal.js';
import type { ChalkInstance } from 'chalk';
import type { Analysis, ClientAnalysis } from '../core/analyze.js';
import type { Report } from '../core/report.js';
import { ABC_CLASSES, MATRIX_COLUMNS, type MatrixCell } from '../core/matrix.js';
import type { Messages } from '../i18n/en.js';
import type { RunContext } from './run-context.js';
import { lostSummaryLines, renderWinBack } from './lost-terminal.js';
import { classPainter, labeller, noteLines, notPurchaseModel, table, truncate, withCurrency } from './terminal-kit.js';
import { renderMigration } from './migration-terminal.js';
import { keyRuleText, rowTagsText, tagCountsText, tagName } from './dossier-terminal.js';

/** For src/cli (kam config's table). */
export { table } from './terminal-kit.js';

export interface TerminalOptions {
  chalk: ChalkInstance;
  top: number;
  /** The run's language. */
  t: Messages;
  /** The terminal's width (terminalWidth); undefined: no limit. */
  width?: number | undefined;
}

function settingsLine(a: Analysis, t: Messages, indent: number): string {
  const s = a.settings;
  return [
    t.analyze.settingsAbc(s.by, s.abcCutoffs[0], s.abcCutoffs[1], s.abcBoundary),
    t.analyze.settingsXyz(s.period, s.xyzCutoffs[0], s.xyzCutoffs[1], s.sd, s.xyzStart, s.minPeriods),
  ].join(`\n${' '.repeat(indent)}`);
}

/** "2025-01 … 2026-10 (22 months, 2025-01-01 … 2026-10-31), as of 2026-10-31" in the run's language. */
export function windowText(w: Analysis['window'], t: Messages): string {
  const h = t.human;
  return t.windowLine(t.period(w.labels[0] ?? ''), t.period(w.labels[w.labels.length - 1] ?? ''), t.periodCount(w.period, w.periods), h.day(w.startDay), h.day(w.endDay), h.day(w.asOf));
}

/** How an input was read: "csv, utf8, delimiter ",", dates yyyy-mm-dd". */
function dialectText(input: RunContext['inputs'][number], t: Messages): string {
  if (input.kind === 'parquet' || input.kind === 'duckdb' || input.kind === 'postgres') return t.input.engine[input.kind];
  if (input.dayLedger === true) return [input.kind === 'xlsx' ? `xlsx, ${t.input.sheet(input.sheet ?? '')}` : `csv${input.compressed ? '.gz' : ''}`, t.input.dayLedger].join(', ');
  return [
    input.kind === 'xlsx' ? `xlsx, ${t.input.sheet(input.sheet ?? '')}` : `csv${input.compressed ? '.gz' : ''}, ${input.encoding ?? ''}, ${t.input.delimiter(JSON.stringify(input.delimiter ?? ','))}`,
    input.dateFormat !== undefined ? t.input.dates(input.dateFormat) : '',
    input.decimal !== undefined ? t.input.decimal(input.decimal.decimal) : '',
  ]
    .filter((x) => x !== '')
    .join(', ');
}

export function renderSummary(report: Report, context: RunContext, chalk: ChalkInstance, t: Messages): string {
  const a = report.analysis;
  const L = t.analyze.labels;
  const h = t.human;
  const lines: string[] = [];
  const { label, width } = labeller(chalk, [...Object.values(L), t.lost.labels.atStake, t.model.labels.expected]);
  lines.push(chalk.bold.underline(`kam analyze — ${context.inputs.map((i) => i.name).join(', ')}`));
  for (const input of context.inputs) lines.push(`${label(L.ledger)}${input.name} (${dialectText(input, t)})`);
  lines.push(`${label(L.window)}${windowText(a.window, t)}`);
  const c = context.counts;
  lines.push(`${label(L.rows)}${t.analyze.rows({ ...c, skipped: c.noClient + c.badDate + c.badNumber + c.badFields })}`);
  lines.push(`${label(L.clients)}${t.analyze.clients(a.totals.clients, a.totals.clientsInLedger)}`);
  const money = (x: number): string => (report.currency === null ? h.money(x) : `${h.money(x)} ${report.currency}`);
  const totals = [t.analyze.totals.revenue(money(a.totals.revenue))];
  if (a.totals.profit !== null) totals.push(t.analyze.totals.profit(money(a.totals.profit)));
  if (a.totals.quantity !== null) totals.push(t.analyze.totals.quantity(h.number(a.totals.quantity)));
  lines.push(`${label(L.totals)}${totals.join(', ')}`);
  const k = a.key;
  const band = t.analyze.band(Math.round(k.band[0] * 100), Math.round(k.band[1] * 100));
  const position = k.position === null ? '' : k.position === 'within' ? chalk.green(t.analyze.position.within(band)) : chalk.yellow(t.analyze.position[k.position](band));
  const keyShares = [t.analyze.keyShares.revenue(h.percent(k.revenueShare))];
  if (k.profitShare !== null) keyShares.push(t.analyze.keyShares.profit(h.percent(k.profitShare)));
  const pushed = k.pushedBy.length === 0 ? '' : t.analyze.keyPushed(k.pushedBy.map((tag) => tagName(tag, t)).join(', '), `${Math.round(k.band[1] * 100)}%`);
  lines.push(`${label(L.key)}${t.analyze.key(k.clients, keyRuleText(a, t), keyShares.join(', '), `${position}${pushed}`)}`);
  lines.push(`${label(L.tags)}${tagCountsText(report.segments, chalk, t)}`);
  lines.push(...lostSummaryLines(a, chalk, label, t));
  // The purchase model is spoken of where P(alive) is shown (kam alive, the win-back list): a
  // summary without an estimate says nothing of it.
  if (report.value.total !== null) lines.push(`${label(t.model.labels.expected)}${revenueAheadText(report, t)}`);
  lines.push(`${label(L.settings)}${settingsLine(a, t, width)}`);
  lines.push(...noteLines([...context.notes, ...report.notes.filter(notPurchaseModel)], chalk, t));
  return `${lines.join('\n')}\n`;
}

export function renderMatrix(a: Analysis, chalk: ChalkInstance, t: Messages, width?: number, currency: string | null = null): string {
  const paint = classPainter(chalk);
  const h = t.human;
  const byCell = new Map<string, MatrixCell>(a.matrix.map((m) => [m.cell, m]));
  const grid = table(chalk, ['', ...MATRIX_COLUMNS.map((x) => paint[x]!(x)), t.total], ['left', 'right', 'right', 'right', 'right', 'right']);
  for (const abc of ABC_CLASSES) {
    const cells = MATRIX_COLUMNS.map((x) => byCell.get(`${abc}${x}`)!);
    const clients = cells.reduce((s, m) => s + m.clients, 0);
    const share = cells.reduce((s, m) => s + m.revenueShare, 0);
    grid.push([
      paint[abc]!(abc),
      ...cells.map((m) => (m.clients === 0 ? chalk.dim('·') : `${m.clients}\n${h.percent(m.revenueShare)}`)),
      `${clients}\n${h.percent(share)}`,
    ]);
  }
  const strategies = table(chalk, t.analyze.strategyHeaders.map((x, i) => (i === 2 ? withCurrency(x, currency) : x)), ['left', 'right', 'right', 'right', 'left'], {
    compact: true,
    colWidths: [null, null, null, null, 62],
    width,
  });
  for (const m of a.matrix) {
    if (m.clients === 0) continue;
    strategies.push([`${paint[m.abc]!(m.abc)}${paint[m.xyz]!(m.xyz)}`, String(m.clients), h.money(m.revenue), h.percent(m.revenueShare), t.strategy[m.cell]]);
  }
  return `${chalk.bold(t.analyze.matrixTitle)} ${t.analyze.matrixSubtitle}\n${grid.toString()}\n${strategies.toString()}\n`;
}

/** Top clients' columns left out first when the terminal is narrow: Cum., CV, Purch., Active, Share, Last purchase. */
const TOP_DROP = [6, 7, 9, 8, 5, 10];

export function renderTopClients(a: Analysis, chalk: ChalkInstance, top: number, t: Messages, width?: number, currency: string | null = null): string {
  const paint = classPainter(chalk);
  const h = t.human;
  const shown: ClientAnalysis[] = a.clients.slice(0, top);
  const tbl = table(
    chalk,
    t.analyze.topHeaders(a.settings.by === 'quantity' ? t.metricTitle[a.settings.by] : withCurrency(t.metricTitle[a.settings.by], currency)),
    ['right', 'left', 'center', 'center', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
    { compact: true, width, drop: TOP_DROP, omitted: t.columnsNotShown },
  );
  for (const c of shown) {
    tbl.push([
      c.rank === null ? '' : String(c.rank),
      `${truncate(c.client, 40)}${c.tags.includes('key') ? chalk.bold(' ★') : ''}`,
      paint[c.abc]!(c.abc),
      c.xyz === null ? chalk.dim('-') : paint[c.xyz]!(c.xyz),
      a.settings.by === 'quantity' ? h.number(c.total) : h.money(c.total),
      h.percent(c.share),
      h.percent(c.cumShare),
      c.cv === null ? '' : h.fixed(c.cv, 2),
      `${c.activePeriods}/${a.window.periods}`,
      String(c.purchases),
      h.day(c.lastPurchase),
      c.status === null ? '' : paint[c.status]!(t.status[c.status]),
      rowTagsText(c.tags, t),
    ]);
  }
  const more = a.clients.length > top ? chalk.dim(`${t.more(a.clients.length - top, t.moreHint.topOrCsv)}\n`) : '';
  return `${chalk.bold(t.analyze.topTitle(Math.min(top, a.clients.length)))}\n${tbl.toString()}\n${more}`;
}

export function* renderTerminal(report: Report, context: RunContext, options: TerminalOptions): Generator<string> {
  const { chalk, top, t, width } = options;
  const a = report.analysis;
  yield renderSummary(report, context, chalk, t);
  yield '\n';
  yield renderMatrix(a, chalk, t, width, report.currency);
  yield '\n';
  yield renderTopClients(a, chalk, top, t, width, report.currency);
  yield '\n';
  yield renderWinBack(report.lost.winBack, chalk, top, t, width, report.currency);
  if (report.migration !== null) {
    yield '\n';
    yield renderMigration(report.migration, a, chalk, top, t);
  }
}
