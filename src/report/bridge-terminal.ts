// `kam bridge` in the terminal: the bridge table (overall, then per direction value), and a
// waterfall per period for the overall rows — start, each movement as a bar that starts where the
// one before ended (green up, red down), end.
import type { ChalkInstance } from 'chalk';
import { BRIDGE_MONEY, type BridgeMoney, type BridgeRow, type RevenueBridge } from '../core/bridge.js';
import type { PeriodKind } from '../core/periods.js';
import type { Problem } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { noteLines, table, truncate, withCurrency } from './terminal-kit.js';

const BAR_WIDTH = 40;

/** Bridge columns left out first when the terminal is narrow: the client counts, Start (the row before's End), Reactivated, Expansion, Contraction. */
const BRIDGE_DROP = [8, 9, 10, 1, 3, 4, 5];

function bridgeTable(rows: readonly BridgeRow[], kind: PeriodKind, chalk: ChalkInstance, t: Messages, width: number | undefined): string {
  const h = t.human;
  const tbl = table(chalk, [t.periodTitle[kind], ...t.bridge.headers], ['left', ...t.bridge.headers.map(() => 'right' as const)], { compact: true, width, drop: BRIDGE_DROP, omitted: t.columnsNotShown });
  // Red is for lost clients alone: churned revenue; a contraction is yellow.
  const signed = (x: number, down = chalk.yellow): string => (x === 0 ? chalk.dim('·') : x > 0 ? chalk.green(`+${h.money(x)}`) : down(h.money(x)));
  const count = (n: number, sign: string): string => (n === 0 ? chalk.dim('·') : `${sign}${h.integer(n)}`);
  for (const r of rows) {
    tbl.push([
      t.period(r.period),
      h.money(r.revenueStart),
      signed(r.new),
      signed(r.reactivated),
      signed(r.expansion),
      signed(r.contraction),
      signed(r.churned, chalk.red),
      chalk.bold(h.money(r.revenueEnd)),
      count(r.clientsNew, '+'),
      count(r.clientsReactivated, '+'),
      count(r.clientsChurned, '−'),
    ]);
  }
  return tbl.toString();
}

/** One period's waterfall: a line per step, each bar drawn from where the running total stood. */
export function waterfallLines(row: BridgeRow, chalk: ChalkInstance, t: Messages, width = BAR_WIDTH): string[] {
  const h = t.human;
  // The running total after each step; the scale covers every level the waterfall reaches.
  const levels: number[] = [0, row.revenueStart];
  let running = row.revenueStart;
  for (const key of BRIDGE_MONEY.slice(1, -1)) {
    running += row[key];
    levels.push(running);
  }
  const low = Math.min(...levels);
  const high = Math.max(...levels, row.revenueEnd);
  const span = high - low || 1;
  const at = (x: number): number => Math.round(((x - low) / span) * width);
  const labels = BRIDGE_MONEY.map((k) => t.bridge.steps[k]);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const lines: string[] = [];
  let level = 0;
  for (const key of BRIDGE_MONEY) {
    const value = row[key as BridgeMoney];
    const total = key === 'revenueStart' || key === 'revenueEnd';
    const [from, to] = total ? [0, value] : [level, level + value];
    const a = at(Math.min(from, to));
    const b = at(Math.max(from, to));
    const length = Math.max(value === 0 ? 0 : 1, b - a);
    const paint = total ? chalk.bold : value >= 0 ? chalk.green : key === 'churned' ? chalk.red : chalk.yellow;
    const bar = `${' '.repeat(a)}${paint('█'.repeat(length))}${' '.repeat(Math.max(0, width - a - length))}`;
    const text = total ? h.money(value) : value === 0 ? chalk.dim('·') : value > 0 ? `+${h.money(value)}` : h.money(value);
    lines.push(`  ${t.bridge.steps[key].padEnd(labelWidth)} ${bar} ${text}`);
    level = total ? value : level + value;
  }
  return lines;
}

export function renderBridgeTerminal(
  bridge: RevenueBridge,
  notes: readonly Problem[],
  options: { chalk: ChalkInstance; directionColumn: string | null; t: Messages; width?: number | undefined; currency?: string | null },
): string[] {
  const { chalk, t } = options;
  const kind = bridge.window.period;
  const out: string[] = [];
  if (bridge.overall.length === 0) return [`${chalk.bold(t.bridge.title(kind, null))}: ${t.bridge.none}\n`];
  // The amounts' currency after the title: every figure of the bridge is money.
  out.push(`${chalk.bold(withCurrency(t.bridge.title(kind, null), options.currency))} ${t.bridge.subtitle}\n${bridgeTable(bridge.overall, kind, chalk, t, options.width)}\n`);
  for (const g of bridge.byDirection ?? []) {
    const name = g.direction === null ? t.noDirection : truncate(g.direction, 40);
    out.push(`\n${chalk.bold(t.bridge.title(kind, `${options.directionColumn ?? t.lost.directionTitle}: ${name}`))}\n${bridgeTable(g.rows, kind, chalk, t, options.width)}\n`);
  }
  for (const row of bridge.overall) out.push(`\n${chalk.bold(t.bridge.waterfall(t.period(row.period)))}\n${waterfallLines(row, chalk, t).join('\n')}\n`);
  const noteText = noteLines(notes, chalk, t);
  if (noteText.length > 0) out.push(`\n${noteText.join('\n')}\n`);
  return out;
}
