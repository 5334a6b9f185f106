// The terminal view of `kam analyze`: summary, matrix with strategies, top clients, in the
// run's language (every word from the catalogue `t`).
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Analysis, ClientAnalysis } from '../core/analyze.js';
import { ABC_CLASSES, MATRIX_COLUMNS, type MatrixCell } from '../core/matrix.js';
import type { Problem } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { renderProblem } from './messages.js';
import type { RunContext } from './run-context.js';
import { lostSummaryLines, renderWinBack } from './lost-terminal.js';
import { winBackList } from '../core/win-back.js';
import { renderMigration } from './migration-terminal.js';
import { rowTagsText, tagCountsText } from './dossier-terminal.js';

export interface TerminalOptions {
  chalk: ChalkInstance;
  top: number;
  /** The run's language. */
  t: Messages;
}

type Paint = (text: string) => string;

export function classPainter(chalk: ChalkInstance): Record<string, Paint> {
  return {
    A: chalk.green.bold,
    B: chalk.yellow,
    C: chalk.red,
    X: chalk.green,
    Y: chalk.yellow,
    Z: chalk.red,
    '-': chalk.dim,
    active: chalk.green,
    'at-risk': chalk.yellow,
    lost: chalk.red.bold,
  };
}

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function table(
  chalk: ChalkInstance,
  head: string[],
  align?: ('left' | 'right' | 'center')[],
  extra: { compact?: boolean; colWidths?: (number | null)[] } = {},
): Table.Table {
  // cli-table3 colours borders even when piped: give it no colours unless chalk has them.
  const coloured = chalk.level > 0;
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: coloured ? ['grey'] : [] },
    ...(extra.compact === true ? { chars: COMPACT } : {}),
    ...(extra.colWidths === undefined ? {} : { colWidths: extra.colWidths, wordWrap: true }),
    ...(align === undefined ? {} : { colAligns: align }),
  });
}

function settingsLine(a: Analysis, t: Messages, indent: number): string {
  const s = a.settings;
  return [
    t.analyze.settingsAbc(s.by, s.abcCutoffs[0], s.abcCutoffs[1], s.abcBoundary),
    t.analyze.settingsXyz(s.period, s.xyzCutoffs[0], s.xyzCutoffs[1], s.sd, s.xyzStart, s.minPeriods),
  ].join(`\n${' '.repeat(indent)}`);
}

/** Pads labels to the longest of them (at least `min`), so the values of a block line up in any language. */
export function labeller(chalk: ChalkInstance, labels: readonly string[], min = 12): { label: (text: string) => string; width: number } {
  const width = Math.max(min, ...labels.map((l) => l.length + 1));
  return { label: (text: string) => chalk.bold(text.padEnd(width)), width };
}

/** "2025-01 … 2026-10 (22 months, 2025-01-01 … 2026-10-31), as of 2026-10-31" in the run's language. */
export function windowText(w: Analysis['window'], t: Messages): string {
  const h = t.human;
  return t.windowLine(t.period(w.labels[0] ?? ''), t.period(w.labels[w.labels.length - 1] ?? ''), t.periodCount(w.period, w.periods), h.day(w.startDay), h.day(w.endDay), h.day(w.asOf));
}

/** How an input was read: "csv, utf8, delimiter ",", dates yyyy-mm-dd". */
function dialectText(input: RunContext['inputs'][number], t: Messages): string {
  return [
    input.kind === 'xlsx' ? `xlsx, ${t.input.sheet(input.sheet ?? '')}` : `csv${input.compressed ? '.gz' : ''}, ${input.encoding ?? ''}, ${t.input.delimiter(JSON.stringify(input.delimiter ?? ','))}`,
    input.dateFormat !== undefined ? t.input.dates(input.dateFormat) : '',
    input.decimal !== undefined ? t.input.decimal(input.decimal.decimal) : '',
  ]
    .filter((x) => x !== '')
    .join(', ');
}

/** The bullet lines of notes and warnings under a summary. */
export function noteLines(notes: readonly Problem[], chalk: ChalkInstance, t: Messages): string[] {
  if (notes.length === 0) return [];
  return [chalk.bold(t.notes), ...notes.map((n) => `  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n, t)}`)];
}

export function renderSummary(a: Analysis, context: RunContext, chalk: ChalkInstance, t: Messages): string {
  const L = t.analyze.labels;
  const h = t.human;
  const lines: string[] = [];
  const { label, width } = labeller(chalk, [...Object.values(L), t.lost.labels.atStake]);
  lines.push(chalk.bold.underline(`kam analyze — ${context.inputs.map((i) => i.name).join(', ')}`));
  for (const input of context.inputs) lines.push(`${label(L.ledger)}${input.name} (${dialectText(input, t)})`);
  lines.push(`${label(L.window)}${windowText(a.window, t)}`);
  const c = context.counts;
  lines.push(`${label(L.rows)}${t.analyze.rows({ ...c, skipped: c.noClient + c.badDate + c.badNumber })}`);
  lines.push(`${label(L.clients)}${t.analyze.clients(a.totals.clients, a.totals.clientsInLedger)}`);
  const totals = [t.analyze.totals.revenue(h.money(a.totals.revenue))];
  if (a.totals.profit !== null) totals.push(t.analyze.totals.profit(h.money(a.totals.profit)));
  if (a.totals.quantity !== null) totals.push(t.analyze.totals.quantity(h.number(a.totals.quantity)));
  lines.push(`${label(L.totals)}${totals.join(', ')}`);
  const k = a.key;
  const band = t.analyze.band(Math.round(k.band[0] * 100), Math.round(k.band[1] * 100));
  const position = k.position === null ? '' : k.position === 'within' ? chalk.green(t.analyze.position.within(band)) : chalk.yellow(t.analyze.position[k.position](band));
  const keyShares = [t.analyze.keyShares.revenue(h.percent(k.revenueShare))];
  if (k.profitShare !== null) keyShares.push(t.analyze.keyShares.profit(h.percent(k.profitShare)));
  lines.push(`${label(L.key)}${t.analyze.key(k.clients, keyShares.join(', '), position)}`);
  if (a.segments !== undefined) lines.push(`${label(L.tags)}${tagCountsText(a, chalk, t)}`);
  lines.push(...lostSummaryLines(a, chalk, label, t));
  lines.push(`${label(L.settings)}${settingsLine(a, t, width)}`);
  lines.push(...noteLines([...context.notes, ...a.notes], chalk, t));
  return `${lines.join('\n')}\n`;
}

export function renderMatrix(a: Analysis, chalk: ChalkInstance, t: Messages): string {
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
  const strategies = table(chalk, [...t.analyze.strategyHeaders], ['left', 'right', 'right', 'right', 'left'], {
    compact: true,
    colWidths: [null, null, null, null, 62],
  });
  for (const m of a.matrix) {
    if (m.clients === 0) continue;
    strategies.push([`${paint[m.abc]!(m.abc)}${paint[m.xyz]!(m.xyz)}`, String(m.clients), h.money(m.revenue), h.percent(m.revenueShare), t.strategy[m.cell]]);
  }
  return `${chalk.bold(t.analyze.matrixTitle)} ${t.analyze.matrixSubtitle}\n${grid.toString()}\n${strategies.toString()}\n`;
}

export function renderTopClients(a: Analysis, chalk: ChalkInstance, top: number, t: Messages): string {
  const paint = classPainter(chalk);
  const h = t.human;
  const shown: ClientAnalysis[] = a.clients.slice(0, top);
  const tbl = table(
    chalk,
    t.analyze.topHeaders(t.metricTitle[a.settings.by]),
    ['right', 'left', 'center', 'center', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
    { compact: true },
  );
  for (const c of shown) {
    tbl.push([
      c.rank === null ? '' : String(c.rank),
      `${c.client.length > 40 ? `${c.client.slice(0, 39)}…` : c.client}${c.tags.includes('key') ? chalk.bold(' ★') : ''}`,
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

export function* renderTerminal(a: Analysis, context: RunContext, options: TerminalOptions): Generator<string> {
  const { chalk, top, t } = options;
  yield renderSummary(a, context, chalk, t);
  yield '\n';
  yield renderMatrix(a, chalk, t);
  yield '\n';
  yield renderTopClients(a, chalk, top, t);
  yield '\n';
  yield renderWinBack(winBackList(a), chalk, top, t);
  if (a.migration !== undefined) {
    yield '\n';
    yield renderMigration(a, chalk, top, t);
  }
}
