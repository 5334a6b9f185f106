// The terminal view of lost clients: the status line of the analyze summary, the win-back
// list, and `kam lost` (win-back list, churn per period, churn per direction).
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
import type { BgNbdFit } from '../core/bgnbd.js';
import type { ChurnPeriod, DirectionChurn, StatusCounts } from '../core/churn.js';
import type { Problem } from '../core/problems.js';
import type { RecencyRules } from '../core/recency.js';
import type { LostReport, WinBackEntry } from '../core/win-back.js';
import { humanDay, humanInteger, humanMoney, humanNumber, humanPercent } from './human.js';
import { renderProblem } from './messages.js';
import type { RunContext } from './run-context.js';
import { classPainter, table } from './terminal.js';

const truncate = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** "31 active, 2 at risk, 7 lost of 40 clients", coloured. */
export function statusCountsText(counts: StatusCounts, chalk: ChalkInstance): string {
  const paint = classPainter(chalk);
  return `${humanInteger(counts.active)} ${paint.active!('active')}, ${humanInteger(counts.atRisk)} ${paint['at-risk']!('at risk')}, ${humanInteger(counts.lost)} ${paint.lost!('lost')} of ${humanInteger(counts.clients)} clients with a purchase`;
}

export function revenueAtStakeText(counts: StatusCounts): string {
  return `${humanMoney(counts.revenueAtStake)} (lost ${humanMoney(counts.lostRevenue)}, at risk ${humanMoney(counts.atRiskRevenue)}): their revenue over the 12 months before their last purchase`;
}

export function rulesText(rules: RecencyRules): string {
  return `lost after ${humanNumber(rules.lostFactor)} × the usual interval (at least 30 days), at risk after ${humanNumber(rules.riskFactor)} × (at least 15 days); any client lost after ${humanNumber(rules.lostAfter)} days, at risk after ${humanNumber(rules.lostAfter / 2)}`;
}

export function fitText(fit: BgNbdFit | null): string {
  if (fit === null) return 'not fitted (see the notes)';
  const p = fit.params;
  const f = (x: number): string => x.toPrecision(4);
  return `BG/NBD over ${humanInteger(fit.customers)} clients: r = ${f(p.r)}, α = ${f(p.alpha)}, a = ${f(p.a)}, b = ${f(p.b)}, log-likelihood ${fit.logLikelihood.toFixed(1)}`;
}

/** Lines for the analyze summary: status counts and the revenue at stake. */
export function lostSummaryLines(a: Analysis, chalk: ChalkInstance, label: (text: string) => string): string[] {
  const counts = a.lost.counts;
  return [`${label('Status')}${statusCountsText(counts, chalk)}`, `${label('At stake')}${revenueAtStakeText(counts)}`];
}

export function renderWinBack(entries: readonly WinBackEntry[], chalk: ChalkInstance, top: number): string {
  const paint = classPainter(chalk);
  if (entries.length === 0) return `${chalk.bold('Win-back list')}: no lost or at-risk clients\n`;
  const t = table(
    chalk,
    ['#', 'Client', 'ABC', 'Status', 'Last purchase', 'Recency', 'Usual int.', 'Revenue 12m', 'P(alive)', 'Action'],
    ['right', 'left', 'center', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
    { compact: true, colWidths: [null, null, null, null, null, null, null, null, null, 50] },
  );
  entries.slice(0, top).forEach((e, i) => {
    t.push([
      String(i + 1),
      `${truncate(e.client, 36)}${e.key ? chalk.bold(' ★') : ''}`,
      e.abc === null ? chalk.dim('-') : paint[e.abc]!(e.abc),
      paint[e.status]!(e.status),
      humanDay(e.lastPurchase),
      `${humanInteger(e.recencyDays)} d`,
      e.usualIntervalDays === null ? '' : `${humanNumber(e.usualIntervalDays)} d`,
      humanMoney(e.revenue12m),
      humanPercent(e.pAlive, 0),
      e.action,
    ]);
  });
  const more = entries.length > top ? chalk.dim(`… and ${entries.length - top} more (--top N, or kam lost --format csv for all)\n`) : '';
  return `${chalk.bold(`Win-back list`)} (${entries.length} lost or at risk, most valuable first; ★ key client)\n${t.toString()}\n${more}`;
}

/** Skips the leading periods in which nothing happened; the rest, partial ones marked with *. */
function eventfulPeriods(periods: readonly ChurnPeriod[]): ChurnPeriod[] {
  const firstEvent = periods.findIndex((p) => p.becameLost > 0 || p.cameBack > 0);
  return firstEvent < 0 ? [] : periods.slice(firstEvent);
}

export function renderChurn(report: LostReport, chalk: ChalkInstance, periodKind: string): string {
  const shown = eventfulPeriods(report.churn.periods);
  const title = chalk.bold(`Churn by ${periodKind}`);
  if (shown.length === 0) return `${title}: no client has been lost yet\n`;
  const t = table(chalk, [periodKind[0]!.toUpperCase() + periodKind.slice(1), 'Became lost', 'Their revenue 12m', 'Came back', 'Still lost'], ['left', 'right', 'right', 'right', 'right'], { compact: true });
  for (const p of shown) {
    t.push([`${p.period}${p.partial ? '*' : ''}`, dimZero(p.becameLost, chalk), p.becameLost === 0 ? '' : humanMoney(p.lostRevenue), dimZero(p.cameBack, chalk), dimZero(p.stillLost, chalk)]);
  }
  const tot = report.churn.totals;
  t.push([chalk.bold('Total'), chalk.bold(humanInteger(tot.becameLost)), chalk.bold(humanMoney(tot.lostRevenue)), chalk.bold(humanInteger(tot.cameBack)), chalk.bold(humanInteger(tot.stillLost))]);
  const partial = shown.some((p) => p.partial) ? chalk.dim('* the period is covered only in part (the as-of day or the first purchase falls inside it)\n') : '';
  return `${title} (a client becomes lost the day its silence exceeds its lost threshold; came back = bought again after that)\n${t.toString()}\n${partial}`;
}

function dimZero(n: number, chalk: ChalkInstance): string {
  return n === 0 ? chalk.dim('·') : humanInteger(n);
}

const GRID_MAX_DIRECTIONS = 8;

export function renderChurnByDirection(directions: readonly DirectionChurn[], column: string | null, chalk: ChalkInstance): string {
  const name = (d: DirectionChurn): string => (d.direction === null ? '(none)' : truncate(d.direction, 28));
  const totals = table(chalk, [column ?? 'Direction', 'Clients', 'Active', 'At risk', 'Lost now', 'At stake', 'Became lost', 'Came back'], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'], {
    compact: true,
  });
  for (const d of directions) {
    const c = d.counts;
    totals.push([name(d), humanInteger(d.clients), humanInteger(c.active), dimZero(c.atRisk, chalk), dimZero(c.lost, chalk), humanMoney(c.revenueAtStake), dimZero(d.churn.totals.becameLost, chalk), dimZero(d.churn.totals.cameBack, chalk)]);
  }
  let out = `${chalk.bold(`Churn by ${column ?? 'direction'}`)} (a client's direction is the value under which it bought the most)\n${totals.toString()}\n`;
  if (directions.length > 0 && directions.length <= GRID_MAX_DIRECTIONS) {
    const periods = directions[0]!.churn.periods;
    const firstEvent = periods.findIndex((_, i) => directions.some((d) => d.churn.periods[i]!.becameLost > 0 || d.churn.periods[i]!.cameBack > 0));
    if (firstEvent >= 0) {
      const grid = table(chalk, ['Period', ...directions.map(name)], ['left', ...directions.map(() => 'right' as const)], { compact: true });
      for (let i = firstEvent; i < periods.length; i++) {
        grid.push([
          `${periods[i]!.period}${periods[i]!.partial ? '*' : ''}`,
          ...directions.map((d) => {
            const p = d.churn.periods[i]!;
            return p.becameLost === 0 && p.cameBack === 0 ? chalk.dim('·') : `${p.becameLost} / ${p.cameBack}`;
          }),
        ]);
      }
      out += `${chalk.dim('became lost / came back per period')}\n${grid.toString()}\n`;
    }
  }
  return out;
}

export interface LostTerminalOptions {
  chalk: ChalkInstance;
  top: number;
  directionColumn: string | null;
}

export function* renderLostTerminal(a: Analysis, report: LostReport, context: RunContext, options: LostTerminalOptions): Generator<string> {
  const { chalk } = options;
  const label = (text: string): string => chalk.bold(text.padEnd(12));
  const lines: string[] = [chalk.bold.underline(`kam lost — ${context.inputs.map((i) => i.name).join(', ')}`)];
  lines.push(`${label('As of')}${humanDay(report.asOf)}`);
  lines.push(`${label('Clients')}${statusCountsText(report.counts, chalk)}`);
  lines.push(`${label('At stake')}${revenueAtStakeText(report.counts)}`);
  if (report.lostKeys.length > 0) lines.push(`${label('Key lost')}${chalk.red.bold(report.lostKeys.join(', '))}`);
  lines.push(`${label('Rules')}${rulesText(a.lost.rules)}`);
  lines.push(`${label('P(alive)')}${fitText(report.fit)}`);
  const notes: Problem[] = [...context.notes, ...a.notes.filter((n) => n.severity === 'warning' || n.code === 'bgnbd-not-fitted')];
  if (notes.length > 0) {
    lines.push(chalk.bold('Notes'));
    for (const n of notes) lines.push(`  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n)}`);
  }
  yield `${lines.join('\n')}\n\n`;
  yield renderWinBack(report.winBack, chalk, options.top);
  yield '\n';
  yield renderChurn(report, chalk, a.settings.period);
  if (report.byDirection !== null) {
    yield '\n';
    yield renderChurnByDirection(report.byDirection, options.directionColumn, chalk);
  }
}
