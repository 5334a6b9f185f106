// The terminal view of lost clients: the status line of the analyze summary, the win-back
// list, and `kam lost` (win-back list, churn per period, churn per direction).
import { winBackAheadText } from './model-terminal.js';
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
import type { BgNbdFit } from '../core/bgnbd.js';
import type { ChurnGrid, ChurnPeriod, DirectionChurn } from '../core/churn.js';
import type { PeriodKind } from '../core/periods.js';
import { LOST_FLOOR_DAYS, RISK_FLOOR_DAYS, type RecencyRules, type StatusCounts } from '../core/lost.js';
import type { Report } from '../core/report.js';
import type { LostReport, WinBackEntry } from '../core/win-back.js';
import type { Messages } from '../i18n/en.js';
import type { RunContext } from './run-context.js';
import { classPainter, labeller, nameList, noteLines, notPurchaseModel, table, truncate, withCurrency } from './terminal-kit.js';

/** "31 active, 2 at risk, 7 lost of 40 clients", coloured. */
export function statusCountsText(counts: StatusCounts, chalk: ChalkInstance, t: Messages): string {
  const paint = classPainter(chalk);
  const h = t.human;
  return t.lost.statusCounts(
    { active: h.integer(counts.active), atRisk: h.integer(counts.atRisk), lost: h.integer(counts.lost), clients: h.integer(counts.clients) },
    { active: paint.active!(t.statusWords.active), atRisk: paint['at-risk']!(t.statusWords.atRisk), lost: paint.lost!(t.statusWords.lost) },
  );
}

export function revenueAtStakeText(counts: StatusCounts, t: Messages): string {
  const h = t.human;
  return t.lost.atStake(h.money(counts.revenueAtStake), h.money(counts.lostRevenue), h.money(counts.atRiskRevenue));
}

export function rulesText(rules: RecencyRules, t: Messages): string {
  const h = t.human;
  return t.lost.rules(h.number(rules.lostFactor), h.number(rules.riskFactor), h.number(rules.lostAfter), h.number(rules.lostAfter / 2), h.integer(LOST_FLOOR_DAYS), h.integer(RISK_FLOOR_DAYS));
}

/** The fit's parameters, or "not fitted" when it could not run or stopped at a boundary (a limit, not an estimate: the notes say why). */
export function fitText(fit: BgNbdFit | null, t: Messages): string {
  if (fit === null || !fit.converged) return t.lost.notFitted;
  const p = fit.params;
  const f = (x: number): string => t.human.precision(x, 4);
  return t.lost.fit(t.human.integer(fit.customers), `r = ${f(p.r)}, α = ${f(p.alpha)}, a = ${f(p.a)}, b = ${f(p.b)}`, t.human.fixed(fit.logLikelihood, 1));
}

/** Lines for the analyze summary: status counts and the revenue at stake. */
export function lostSummaryLines(a: Analysis, chalk: ChalkInstance, label: (text: string) => string, t: Messages): string[] {
  const counts = a.lost.counts;
  return [`${label(t.analyze.labels.status)}${statusCountsText(counts, chalk, t)}`, `${label(t.analyze.labels.atStake)}${revenueAtStakeText(counts, t)}`];
}

/** Win-back columns left out first when the terminal is narrow: Usual int., Last purchase, P(alive), Recency, Revenue 12m. */
const WIN_BACK_DROP = [6, 4, 8, 5, 7];

export function renderWinBack(entries: readonly WinBackEntry[], chalk: ChalkInstance, top: number, t: Messages, width?: number, currency: string | null = null): string {
  const paint = classPainter(chalk);
  const h = t.human;
  if (entries.length === 0) return `${chalk.bold(t.lost.winBackTitle)}: ${t.lost.winBackNone}\n`;
  // P(alive) is left out when no client has one (no sound fit: the notes say why).
  const P_ALIVE = 8;
  const withPAlive = entries.some((e) => e.pAlive !== null);
  const columns = <T>(cells: T[]): T[] => (withPAlive ? cells : cells.filter((_, i) => i !== P_ALIVE));
  const tbl = table(chalk, columns(t.lost.winBackHeaders.map((x, i) => (i === 7 ? withCurrency(x, currency) : x))), columns(['right', 'left', 'center', 'left', 'left', 'right', 'right', 'right', 'right', 'left']), {
    compact: true,
    colWidths: columns([null, null, null, null, null, null, null, null, null, 50]),
    width,
    // Indices before P(alive) stay put when it is left out; P(alive) itself is then not there to drop.
    drop: withPAlive ? WIN_BACK_DROP : WIN_BACK_DROP.filter((i) => i !== P_ALIVE),
    omitted: t.columnsNotShown,
  });
  entries.slice(0, top).forEach((e, i) => {
    tbl.push(columns([
      String(i + 1),
      `${truncate(e.client, 36)}${e.key ? chalk.bold(' ★') : ''}`,
      e.abc === null ? chalk.dim('-') : paint[e.abc]!(e.abc),
      paint[e.status]!(t.status[e.status]),
      h.day(e.lastPurchase),
      t.daysShort(h.integer(e.recencyDays)),
      e.usualIntervalDays === null ? '' : t.daysShort(h.number(e.usualIntervalDays)),
      h.money(e.revenue12m),
      h.percent(e.pAlive, 0),
      t.action[e.action],
    ]));
  });
  const more = entries.length > top ? chalk.dim(`${t.more(entries.length - top, t.moreHint.topOrLostCsv)}\n`) : '';
  return `${chalk.bold(t.lost.winBackTitle)} ${t.lost.winBackSubtitle(entries.length)}\n${tbl.toString()}\n${more}`;
}

/** Skips the leading periods in which nothing happened; the rest, partial ones marked with *. */
function eventfulPeriods(periods: readonly ChurnPeriod[]): ChurnPeriod[] {
  const firstEvent = periods.findIndex((p) => p.becameLost > 0 || p.cameBack > 0);
  return firstEvent < 0 ? [] : periods.slice(firstEvent);
}

export function renderChurn(report: LostReport, chalk: ChalkInstance, periodKind: PeriodKind, t: Messages): string {
  const h = t.human;
  const shown = eventfulPeriods(report.churn.periods);
  const title = chalk.bold(t.lost.churnTitle(periodKind));
  if (shown.length === 0) return `${title}: ${t.lost.churnNone}\n`;
  const tbl = table(chalk, [t.periodTitle[periodKind], ...t.lost.churnHeaders], ['left', 'right', 'right', 'right', 'right'], { compact: true });
  for (const p of shown) {
    tbl.push([`${t.period(p.period)}${p.partial ? '*' : ''}`, dimZero(p.becameLost, chalk, t), p.becameLost === 0 ? '' : h.money(p.lostRevenue), dimZero(p.cameBack, chalk, t), dimZero(p.stillLost, chalk, t)]);
  }
  const tot = report.churn.totals;
  tbl.push([chalk.bold(t.total), chalk.bold(h.integer(tot.becameLost)), chalk.bold(h.money(tot.lostRevenue)), chalk.bold(h.integer(tot.cameBack)), chalk.bold(h.integer(tot.stillLost))]);
  const partial = shown.some((p) => p.partial) ? chalk.dim(`${t.lost.churnPartial}\n`) : '';
  return `${title} ${t.lost.churnSubtitle}\n${tbl.toString()}\n${partial}`;
}

function dimZero(n: number, chalk: ChalkInstance, t: Messages): string {
  return n === 0 ? chalk.dim('·') : t.human.integer(n);
}

export function renderChurnByDirection(directions: readonly DirectionChurn[], grid: ChurnGrid, column: string | null, chalk: ChalkInstance, t: Messages, width?: number): string {
  const h = t.human;
  const name = (d: DirectionChurn): string => (d.direction === null ? t.noDirection : truncate(d.direction, 28));
  const totals = table(chalk, [column ?? t.lost.directionTitle, ...t.lost.directionHeaders], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'], {
    compact: true,
    width,
  });
  for (const d of directions) {
    const c = d.counts;
    totals.push([
      name(d),
      h.integer(d.clients),
      h.integer(c.active),
      dimZero(c.atRisk, chalk, t),
      dimZero(c.lost, chalk, t),
      h.money(c.revenueAtStake),
      dimZero(d.churn.totals.becameLost, chalk, t),
      dimZero(d.churn.totals.cameBack, chalk, t),
    ]);
  }
  let out = `${chalk.bold(t.lost.churnByDirection(column))} ${t.lost.churnByDirectionSubtitle}\n${totals.toString()}\n`;
  // The grid: the values core/churn.ts chose (every one, or those with the most churn and "other").
  const shown = grid.directions;
  const other = grid.other;
  if (shown.length > 0) {
    const periods = shown[0]!.churn.periods;
    const cells = (i: number): { becameLost: number; cameBack: number }[] => [...shown.map((d) => d.churn.periods[i]!), ...(other === null ? [] : [other.periods[i]!])];
    const firstEvent = periods.findIndex((_, i) => cells(i).some((p) => p.becameLost > 0 || p.cameBack > 0));
    if (firstEvent >= 0) {
      const heads = [...shown.map(name), ...(other === null ? [] : [t.lost.gridOther])];
      // A narrow terminal leaves out the values with the least churn first (named under the grid); "other" stays.
      const drop = grid.leastFirst.map((i) => i + 1);
      const tbl = table(chalk, [t.lost.periodHeader, ...heads], ['left', ...heads.map(() => 'right' as const)], { compact: true, width, drop, omitted: t.columnsNotShown });
      for (let i = firstEvent; i < periods.length; i++) {
        tbl.push([
          `${t.period(periods[i]!.period)}${periods[i]!.partial ? '*' : ''}`,
          ...cells(i).map((p) => (p.becameLost === 0 && p.cameBack === 0 ? chalk.dim('·') : `${h.integer(p.becameLost)} / ${h.integer(p.cameBack)}`)),
        ]);
      }
      const note = other === null ? t.lost.gridNote : `${t.lost.gridNote}; ${t.lost.gridOtherNote(h.integer(other.values), shown.length)}`;
      out += `${chalk.dim(note)}\n${tbl.toString()}\n`;
    }
  }
  return out;
}

export interface LostTerminalOptions {
  chalk: ChalkInstance;
  top: number;
  directionColumn: string | null;
  t: Messages;
  /** The terminal's width (terminalWidth); undefined: no limit. */
  width?: number | undefined;
}

export function* renderLostTerminal(report: Report, context: RunContext, options: LostTerminalOptions): Generator<string> {
  const a = report.analysis;
  const lost = report.lost;
  const { chalk, t } = options;
  const L = t.lost.labels;
  const { label, width: labelWidth } = labeller(chalk, [...Object.values(L), t.model.labels.expected]);
  const lines: string[] = [chalk.bold.underline(`kam lost — ${context.inputs.map((i) => i.name).join(', ')}`)];
  lines.push(`${label(L.asOf)}${t.human.day(lost.asOf)}`);
  lines.push(`${label(L.clients)}${statusCountsText(lost.counts, chalk, t)}`);
  lines.push(`${label(L.atStake)}${revenueAtStakeText(lost.counts, t)}`);
  if (report.value.total !== null) lines.push(`${label(t.model.labels.expected)}${winBackAheadText(report, t)}`);
  if (lost.lostKeys.length > 0) lines.push(`${label(L.keyLost)}${chalk.red.bold(nameList(lost.lostKeys, options.width === undefined ? undefined : options.width - labelWidth, t))}`);
  lines.push(`${label(L.rules)}${rulesText(a.lost.rules, t)}`);
  // The model's line only where the win-back list has a P(alive) column; kam alive says why not.
  if (lost.winBack.some((e) => e.pAlive !== null)) lines.push(`${label(L.pAlive)}${fitText(lost.fit, t)}`);
  lines.push(...noteLines([...context.notes, ...report.notes.filter((n) => n.severity === 'warning' && notPurchaseModel(n))], chalk, t));
  yield `${lines.join('\n')}\n\n`;
  yield renderWinBack(lost.winBack, chalk, options.top, t, options.width, report.currency);
  yield '\n';
  yield renderChurn(lost, chalk, a.settings.period, t);
  if (lost.byDirection !== null) {
    yield '\n';
    yield renderChurnByDirection(lost.byDirection, lost.grid!, options.directionColumn, chalk, t, options.width);
  }
}
