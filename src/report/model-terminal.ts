// The terminal view of the spend model, the expected revenue and the holdout check (SPEC §6): the
// spend lines of kam alive, the plain sentence when the purchase model does not fit, and the
// holdout table with its totals, error and a small text chart of cumulative actual vs expected.
import type { ChalkInstance } from 'chalk';
import type { BgNbdFit } from '../core/bgnbd.js';
import type { Dossier } from '../core/dossier.js';
import type { ValueAssessment } from '../core/expected-revenue.js';
import type { Report } from '../core/report.js';
import type { HoldoutCheck, HoldoutWeek } from '../core/holdout.js';
import type { SpendAssessment } from '../core/spend.js';
import { MIN_CLIENTS_FOR_GAMMA_GAMMA } from '../core/spend.js';
import type { Messages } from '../i18n/en.js';
import { table } from './terminal-kit.js';

/** "r = 2.4774, α = 16.822, a = 43149, b = 6.9648e+6". */
export function bgNbdParamsText(fit: BgNbdFit, t: Messages, digits = 5): string {
  const p = fit.params;
  const f = (x: number): string => t.human.precision(x, digits);
  return `r = ${f(p.r)}, α = ${f(p.alpha)}, a = ${f(p.a)}, b = ${f(p.b)}`;
}

/** The horizon as people say it, and the discount, for the revenue lines. */
export function horizonText(horizonWeeks: number, annualDiscount: number | null, t: Messages): { horizon: string; discount: string } {
  return {
    horizon: t.model.horizon(horizonWeeks, t.human.number(horizonWeeks)),
    discount: annualDiscount === null ? '' : t.model.discounted(t.human.percent(annualDiscount)),
  };
}

/** The Spend and Mean spend lines of kam alive. */
export function spendLines(spend: SpendAssessment, label: (text: string) => string, t: Messages): string[] {
  const h = t.human;
  const L = t.model.labels;
  const fit = spend.fit;
  if (fit === null) {
    const status = spend.status === 'no-mean' ? 'no-mean' : 'too-few-clients';
    return [`${label(L.spend)}${t.model.spendNotFitted(status, h.integer(spend.judged), h.integer(MIN_CLIENTS_FOR_GAMMA_GAMMA))}`];
  }
  const f = (x: number): string => h.precision(x, 5);
  const lines = [
    `${label(L.spend)}${t.model.spendParams(f(fit.params.p), f(fit.params.q), f(fit.params.gamma), h.fixed(fit.logLikelihood, 2))}`,
    `${label('')}${t.model.spendClients(h.integer(fit.customers), spend.nonPositive, h.integer(spend.nonPositive))}`,
  ];
  if (spend.status === 'no-convergence') lines.push(`${label('')}${t.model.spendNotConverged}`);
  if (spend.populationMean !== null) lines.push(`${label(L.spendMean)}${t.model.spendMean(h.money(spend.populationMean))}`);
  return lines;
}

const CHART_HEIGHT = 8;
const CHART_WIDTH = 60;

/** The weeks shown: all of them up to CHART_WIDTH, else evenly spaced ones, always the last. */
function chartWeeks(weekly: readonly HoldoutWeek[]): HoldoutWeek[] {
  if (weekly.length <= CHART_WIDTH) return [...weekly];
  const out: HoldoutWeek[] = [];
  for (let i = 0; i < CHART_WIDTH; i++) out.push(weekly[Math.round(((weekly.length - 1) * i) / (CHART_WIDTH - 1))] as HoldoutWeek);
  return out;
}

/**
 * A small text chart of the cumulative actual (●) and expected (○) repeat purchase days by week:
 * one column per week, CHART_HEIGHT rows from 0 to the largest value.
 */
export function holdoutChart(weekly: readonly HoldoutWeek[], chalk: ChalkInstance, t: Messages): string[] {
  const weeks = chartWeeks(weekly);
  if (weeks.length === 0) return [];
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.actualCumulative, w.predictedCumulative ?? 0)));
  const level = (v: number): number => Math.round((v / top) * (CHART_HEIGHT - 1));
  const grid: string[][] = Array.from({ length: CHART_HEIGHT }, () => Array<string>(weeks.length).fill(' '));
  weeks.forEach((w, i) => {
    const actual = level(w.actualCumulative);
    const expected = w.predictedCumulative === null ? null : level(w.predictedCumulative);
    if (expected !== null) (grid[expected] as string[])[i] = chalk.dim('○');
    (grid[actual] as string[])[i] = expected === actual ? chalk.bold('◉') : chalk.bold('●');
  });
  const h = t.human;
  const topLabel = h.integer(Math.round(top));
  const width = Math.max(topLabel.length, 1);
  const lines: string[] = [chalk.bold(t.model.chartTitle)];
  for (let row = CHART_HEIGHT - 1; row >= 0; row--) {
    const axis = row === CHART_HEIGHT - 1 ? topLabel : row === 0 ? '0' : '';
    lines.push(`${axis.padStart(width)} ${row === CHART_HEIGHT - 1 || row === 0 ? '┤' : '│'}${(grid[row] as string[]).join('')}`);
  }
  lines.push(`${' '.repeat(width)} └${'─'.repeat(weeks.length)}`);
  const first = String(weeks[0]!.week);
  const last = String(weeks[weeks.length - 1]!.week);
  const gap = Math.max(1, weeks.length - first.length - last.length);
  lines.push(`${' '.repeat(width + 2)}${first}${' '.repeat(gap)}${last} (${t.model.week.toLowerCase()})`);
  lines.push(`${' '.repeat(width + 2)}${chalk.bold('●')} ${t.model.actual}  ${chalk.dim('○')} ${t.model.expected}`);
  return lines;
}

/** The holdout block of kam alive: title, the table per calibration frequency with totals, the error line, the chart. */
export function renderHoldout(check: HoldoutCheck, chalk: ChalkInstance, t: Messages): string {
  const h = t.human;
  const M = t.model;
  const lines: string[] = [chalk.bold(M.holdoutTitle(h.day(check.calibrationEnd), h.day(check.end), h.number(Math.round(check.weeks * 100) / 100)))];
  const tbl = table(chalk, [...M.holdoutHeaders], ['left', 'right', 'right', 'right'], { compact: true });
  const mean = (x: number | null): string => (x === null ? '' : h.fixed(x, 3));
  for (const g of check.byFrequency) tbl.push([g.frequency, h.integer(g.clients), mean(g.actual), mean(g.predicted)]);
  const n = check.total.clients;
  tbl.push([chalk.bold(M.total), chalk.bold(h.integer(n)), chalk.bold(mean(n === 0 ? null : check.total.actual / n)), chalk.bold(mean(n === 0 || check.total.predicted === null ? null : check.total.predicted / n))]);
  lines.push(tbl.toString());
  const expected = check.total.predicted === null ? '–' : h.number(Math.round(check.total.predicted * 10) / 10);
  lines.push(M.holdoutTotals(h.integer(check.total.actual), expected));
  if (check.total.predicted === null) lines.push(M.holdoutNoFit);
  else lines.push(M.holdoutError(check.error.mae === null ? '–' : h.fixed(check.error.mae, 3), check.error.correlation === null ? '–' : h.fixed(check.error.correlation, 3)));
  if (check.newClients > 0) lines.push(M.holdoutNew(h.integer(check.newClients)));
  lines.push('', ...holdoutChart(check.weekly, chalk, t));
  return `${lines.join('\n')}\n`;
}

/** Why there is no expected revenue: the purchase model does not fit, or a model could not be fitted. */
function notEstimated(value: ValueAssessment, t: Messages): string {
  return value.alive.fit !== null && !value.purchasesSound ? t.model.notSoundShort : t.model.notFittedShort;
}

/** The analyze summary's line: the revenue expected over the horizon from the key clients and the win-back list. */
export function revenueAheadText(report: Pick<Report, 'value' | 'revenueAhead'>, t: Messages): string {
  const value = report.value;
  if (value.total === null) return notEstimated(value, t);
  const { horizon, discount } = horizonText(value.settings.horizonWeeks, value.settings.annualDiscount, t);
  const ahead = report.revenueAhead;
  return t.model.revenueLine(t.human.money(ahead.key ?? 0), t.human.money(ahead.winBack ?? 0), horizon, discount);
}

/** kam lost and the Lost sheet: the win-back list's revenue expected over the horizon, lost and at risk apart. */
export function winBackAheadText(report: Pick<Report, 'value' | 'revenueAhead'>, t: Messages): string {
  const value = report.value;
  if (value.total === null) return notEstimated(value, t);
  const { horizon, discount } = horizonText(value.settings.horizonWeeks, value.settings.annualDiscount, t);
  const a = report.revenueAhead;
  const m = (x: number | null): string => t.human.money(x ?? 0);
  return t.model.winBackLine(m(a.winBack), m(a.lost), m(a.atRisk), horizon, discount);
}

/** A client's card: its expected revenue over the horizon, as purchase days × spend. */
export function clientAheadText(expected: NonNullable<Dossier['expected']>, t: Messages): string {
  if (expected.expectedRevenue === null || expected.expectedPurchases === null || expected.expectedSpend === null) {
    return expected.purchasesSound ? t.model.notFittedShort : t.model.notSoundShort;
  }
  const { horizon, discount } = horizonText(expected.horizonWeeks, expected.annualDiscount, t);
  return t.model.clientLine(t.human.money(expected.expectedRevenue), t.human.fixed(expected.expectedPurchases, 2), t.human.money(expected.expectedSpend), horizon, discount);
}
