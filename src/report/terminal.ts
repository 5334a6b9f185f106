// The terminal view of `kam analyze`: summary, matrix with strategies, top clients.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Analysis, ClientAnalysis } from '../core/analyze.js';
import { ABC_CLASSES, MATRIX_COLUMNS, type MatrixCell } from '../core/matrix.js';
import type { Problem } from '../core/problems.js';
import { humanDay, humanInteger, humanMoney, humanNumber, humanPercent } from './human.js';
import { renderProblem } from './messages.js';
import type { RunContext } from './run-context.js';
import { lostSummaryLines, renderWinBack } from './lost-terminal.js';
import { winBackList } from '../core/win-back.js';
import { renderMigration } from './migration-terminal.js';
import { rowTagsText, tagCountsText } from './dossier-terminal.js';

export interface TerminalOptions {
  chalk: ChalkInstance;
  top: number;
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

function settingsLine(a: Analysis): string {
  const s = a.settings;
  const pct = (x: number): string => String(Math.round(x * 1000) / 10);
  return [
    `ABC by ${s.by}, cut-offs ${pct(s.abcCutoffs[0])}/${pct(s.abcCutoffs[1])}% (${s.abcBoundary} boundary)`,
    `XYZ by ${s.period}ly CV, cut-offs ${pct(s.xyzCutoffs[0])}/${pct(s.xyzCutoffs[1])}% (${s.sd} sd, series from ${s.xyzStart === 'first' ? 'first purchase' : 'window start'}, at least ${s.minPeriods} periods)`,
  ].join('\n            ');
}

export function renderSummary(a: Analysis, context: RunContext, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const label = (text: string): string => chalk.bold(text.padEnd(12));
  const w = a.window;
  lines.push(chalk.bold.underline(`kam analyze — ${context.inputs.map((i) => i.name).join(', ')}`));
  for (const input of context.inputs) {
    const dialect = [
      input.kind === 'xlsx' ? `xlsx, sheet "${input.sheet ?? ''}"` : `csv${input.compressed ? '.gz' : ''}, ${input.encoding ?? ''}, delimiter ${JSON.stringify(input.delimiter ?? ',')}`,
      input.dateFormat !== undefined ? `dates ${input.dateFormat}` : '',
      input.decimal !== undefined ? `decimal "${input.decimal.decimal}"` : '',
    ].filter((x) => x !== '');
    lines.push(`${label('Ledger')}${input.name} (${dialect.join(', ')})`);
  }
  lines.push(
    `${label('Window')}${w.labels[0]} … ${w.labels[w.labels.length - 1]} (${w.periods} ${w.period}${w.periods === 1 ? '' : 's'}, ${humanDay(w.startDay)} … ${humanDay(w.endDay)}), as of ${humanDay(w.asOf)}`,
  );
  const c = context.counts;
  const skipped = c.noClient + c.badDate + c.badNumber;
  lines.push(
    `${label('Rows')}${humanInteger(c.rows)} read, ${humanInteger(c.accepted)} used, ${humanInteger(skipped)} skipped` +
      (skipped > 0 ? ` (${humanInteger(c.noClient)} without a client, ${humanInteger(c.badDate)} bad date, ${humanInteger(c.badNumber)} bad number)` : ''),
  );
  lines.push(`${label('Clients')}${humanInteger(a.totals.clients)} in the window, ${humanInteger(a.totals.clientsInLedger)} in the ledger`);
  const totals = [`revenue ${humanMoney(a.totals.revenue)}`];
  if (a.totals.profit !== null) totals.push(`profit ${humanMoney(a.totals.profit)}`);
  if (a.totals.quantity !== null) totals.push(`quantity ${humanNumber(a.totals.quantity)}`);
  lines.push(`${label('Totals')}${totals.join(', ')}`);
  const k = a.key;
  const band = `${Math.round(k.band[0] * 100)}–${Math.round(k.band[1] * 100)}% band`;
  const position =
    k.position === null ? '' : k.position === 'within' ? chalk.green(`within the ${band}`) : chalk.yellow(`${k.position} the ${band}`);
  const keyShares = [`${humanPercent(k.revenueShare)} of revenue`];
  if (k.profitShare !== null) keyShares.push(`${humanPercent(k.profitShare)} of profit`);
  lines.push(`${label('Key clients')}${k.clients} (class A, breadwinners, image-makers): ${keyShares.join(', ')} — ${position}`);
  if (a.segments !== undefined) lines.push(`${label('Tags')}${tagCountsText(a, chalk)}`);
  lines.push(...lostSummaryLines(a, chalk, label));
  lines.push(`${label('Settings')}${settingsLine(a)}`);
  const notes: Problem[] = [...context.notes, ...a.notes];
  if (notes.length > 0) {
    lines.push(chalk.bold('Notes'));
    for (const n of notes) lines.push(`  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderMatrix(a: Analysis, chalk: ChalkInstance): string {
  const paint = classPainter(chalk);
  const byCell = new Map<string, MatrixCell>(a.matrix.map((m) => [m.cell, m]));
  const grid = table(chalk, ['', ...MATRIX_COLUMNS.map((x) => paint[x]!(x)), 'Total'], ['left', 'right', 'right', 'right', 'right', 'right']);
  for (const abc of ABC_CLASSES) {
    const cells = MATRIX_COLUMNS.map((x) => byCell.get(`${abc}${x}`)!);
    const clients = cells.reduce((s, m) => s + m.clients, 0);
    const share = cells.reduce((s, m) => s + m.revenueShare, 0);
    grid.push([
      paint[abc]!(abc),
      ...cells.map((m) => (m.clients === 0 ? chalk.dim('·') : `${m.clients}\n${humanPercent(m.revenueShare)}`)),
      `${clients}\n${humanPercent(share)}`,
    ]);
  }
  const strategies = table(chalk, ['Cell', 'Clients', 'Revenue', 'Share', 'Strategy'], ['left', 'right', 'right', 'right', 'left'], {
    compact: true,
    colWidths: [null, null, null, null, 62],
  });
  for (const m of a.matrix) {
    if (m.clients === 0) continue;
    strategies.push([`${paint[m.abc]!(m.abc)}${paint[m.xyz]!(m.xyz)}`, String(m.clients), humanMoney(m.revenue), humanPercent(m.revenueShare), m.strategy]);
  }
  return `${chalk.bold('ABC-XYZ matrix')} (clients and share of revenue)\n${grid.toString()}\n${strategies.toString()}\n`;
}

export function renderTopClients(a: Analysis, chalk: ChalkInstance, top: number): string {
  const paint = classPainter(chalk);
  const shown: ClientAnalysis[] = a.clients.slice(0, top);
  const t = table(
    chalk,
    ['#', 'Client', 'ABC', 'XYZ', a.settings.by === 'revenue' ? 'Revenue' : a.settings.by === 'profit' ? 'Profit' : 'Quantity', 'Share', 'Cum.', 'CV', 'Active', 'Purch.', 'Last purchase', 'Status', 'Tags'],
    ['right', 'left', 'center', 'center', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
    { compact: true },
  );
  for (const c of shown) {
    t.push([
      c.rank === null ? '' : String(c.rank),
      `${c.client.length > 40 ? `${c.client.slice(0, 39)}…` : c.client}${c.tags.includes('key') ? chalk.bold(' ★') : ''}`,
      paint[c.abc]!(c.abc),
      c.xyz === null ? chalk.dim('-') : paint[c.xyz]!(c.xyz),
      a.settings.by === 'quantity' ? humanNumber(c.total) : humanMoney(c.total),
      humanPercent(c.share),
      humanPercent(c.cumShare),
      c.cv === null ? '' : c.cv.toFixed(2),
      `${c.activePeriods}/${a.window.periods}`,
      String(c.purchases),
      humanDay(c.lastPurchase),
      c.status === null ? '' : paint[c.status]!(c.status),
      rowTagsText(c.tags),
    ]);
  }
  const more = a.clients.length > top ? chalk.dim(`… and ${a.clients.length - top} more (--top N, or --format csv for all)\n`) : '';
  return `${chalk.bold(`Top ${Math.min(top, a.clients.length)} clients`)}\n${t.toString()}\n${more}`;
}

export function* renderTerminal(a: Analysis, context: RunContext, options: TerminalOptions): Generator<string> {
  yield renderSummary(a, context, options.chalk);
  yield '\n';
  yield renderMatrix(a, options.chalk);
  yield '\n';
  yield renderTopClients(a, options.chalk, options.top);
  yield '\n';
  yield renderWinBack(winBackList(a), options.chalk, options.top);
  if (a.migration !== undefined) {
    yield '\n';
    yield renderMigration(a, options.chalk, options.top);
  }
}
