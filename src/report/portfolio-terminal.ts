// `kam portfolio` in the terminal: one row per portfolio, then the total.
import type { ChalkInstance } from 'chalk';
import type { Portfolios } from '../core/portfolio.js';
import type { Problem } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { classPainter, noteLines, table, truncate, withCurrency } from './terminal-kit.js';

/** Portfolio columns left out first when the terminal is narrow: Active, A, B, C, Churned, Key, Share. */
const PORTFOLIO_DROP = [8, 5, 6, 7, 12, 4, 3];

export function renderPortfolioTerminal(
  p: Portfolios,
  notes: readonly Problem[],
  options: { chalk: ChalkInstance; column: string; lastPeriod: string | null; t: Messages; width?: number | undefined; currency?: string | null },
): string[] {
  const { chalk, t } = options;
  const h = t.human;
  const paint = classPainter(chalk);
  const dimZero = (n: number): string => (n === 0 ? chalk.dim('·') : h.integer(n));
  const tbl = table(chalk, [options.column, ...t.portfolio.headers.map((x, i) => (i === 1 ? withCurrency(x, options.currency) : x))], ['left', ...t.portfolio.headers.map(() => 'right' as const)], {
    compact: true,
    width: options.width,
    drop: PORTFOLIO_DROP,
    omitted: t.columnsNotShown,
  });
  for (const r of p.rows) {
    tbl.push([
      r.direction === null ? t.noDirection : truncate(r.direction, 32),
      h.integer(r.clients),
      h.money(r.revenue),
      h.percent(r.share),
      dimZero(r.keyClients),
      r.a === 0 ? chalk.dim('·') : paint.A!(h.integer(r.a)),
      r.b === 0 ? chalk.dim('·') : paint.B!(h.integer(r.b)),
      r.c === 0 ? chalk.dim('·') : paint.C!(h.integer(r.c)),
      dimZero(r.statuses.active),
      r.statuses.atRisk === 0 ? chalk.dim('·') : paint['at-risk']!(h.integer(r.statuses.atRisk)),
      r.statuses.lost === 0 ? chalk.dim('·') : paint.lost!(h.integer(r.statuses.lost)),
      h.money(r.statuses.revenueAtStake),
      r.churnedLastPeriod === 0 ? chalk.dim('·') : chalk.red(h.money(r.churnedLastPeriod)),
    ]);
  }
  const sum = (f: (r: Portfolios['rows'][number]) => number): number => p.rows.reduce((s, r) => s + f(r), 0);
  const bold = (text: string): string => chalk.bold(text);
  tbl.push([
    bold(t.total),
    bold(h.integer(sum((r) => r.clients))),
    bold(h.money(p.revenue)),
    bold(h.percent(p.revenue > 0 ? 1 : null)),
    bold(h.integer(sum((r) => r.keyClients))),
    bold(h.integer(sum((r) => r.a))),
    bold(h.integer(sum((r) => r.b))),
    bold(h.integer(sum((r) => r.c))),
    bold(h.integer(sum((r) => r.statuses.active))),
    bold(h.integer(sum((r) => r.statuses.atRisk))),
    bold(h.integer(sum((r) => r.statuses.lost))),
    bold(h.money(sum((r) => r.statuses.revenueAtStake))),
    bold(h.money(sum((r) => r.churnedLastPeriod))),
  ]);
  const out = [`${chalk.bold(t.portfolio.title(options.column))} ${t.portfolio.subtitle}\n${tbl.toString()}\n`];
  if (options.lastPeriod !== null) out.push(`${chalk.dim(t.portfolio.churnedNote(t.period(options.lastPeriod)))}\n`);
  const noteText = noteLines(notes, chalk, t);
  if (noteText.length > 0) out.push(`\n${noteText.join('\n')}\n`);
  return out;
}
