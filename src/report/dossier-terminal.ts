// The terminal view of a client's card (`kam client`, SPEC §8), and the tag texts the analyze
// summary and its client table use.
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
import type { Dossier, NamedAmount } from '../core/dossier.js';
import { humanDay, humanInteger, humanMoney, humanNumber, humanPercent } from './human.js';
import { classPainter, table } from './terminal.js';

/** Tags shown in a table row: the status and key columns already say key, lost and at-risk. */
export function rowTagsText(tags: readonly string[]): string {
  return tags.filter((t) => t !== 'key' && t !== 'lost' && t !== 'at-risk').join(', ');
}

/** "key 10, breadwinner 1 (≥ 10% of profit), prospect 3 (new since 2026-04-30, on pace for A/B), …" for the summary. */
export function tagCountsText(a: Analysis, chalk: ChalkInstance): string {
  const s = a.segments;
  if (s === undefined) return '';
  const counts = new Map(s.counts);
  const parts: string[] = [];
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const explain: Record<string, string> = {
    breadwinner: `≥ ${pct(s.breadwinnerShare)} of ${s.breadwinnerBasis}`,
    prospect: `first purchase since ${humanDay(s.newSince)}, on pace for A/B`,
  };
  for (const [tag, n] of counts) parts.push(`${tag} ${humanInteger(n)}${explain[tag] === undefined ? '' : chalk.dim(` (${explain[tag]})`)}`);
  if (!counts.has('breadwinner')) parts.push(chalk.dim(`no breadwinner (≥ ${pct(s.breadwinnerShare)} of ${s.breadwinnerBasis})`));
  return parts.length === 0 ? 'none' : parts.join(', ');
}

export interface DossierTerminalOptions {
  chalk: ChalkInstance;
  /** The --direction column's header, for the label. */
  directionColumn: string | null;
}

const metricLabel = (by: Dossier['by']): string => (by === 'revenue' ? 'Revenue' : by === 'profit' ? 'Profit' : 'Quantity');

function amounts(title: string, rows: readonly NamedAmount[], chalk: ChalkInstance, width = 50): string {
  const t = table(chalk, [title, 'Net amount', 'Share'], ['left', 'right', 'right'], { compact: true });
  for (const r of rows) t.push([r.name.length > width ? `${r.name.slice(0, width - 1)}…` : r.name, humanMoney(r.amount), humanPercent(r.share)]);
  return t.toString();
}

export function* renderDossierTerminal(d: Dossier, options: DossierTerminalOptions): Generator<string> {
  const { chalk } = options;
  const paint = classPainter(chalk);
  const cls = (x: string | null): string => (x === null ? chalk.dim('-') : (paint[x] ?? chalk.dim)(x));
  const label = (text: string): string => chalk.bold(text.padEnd(14));
  const lines: string[] = [];
  const tags = d.tags.length === 0 ? '' : `  ${d.tags.map((t) => (t === 'key' ? chalk.bold.green('key ★') : t === 'lost' || t === 'at-risk' ? paint[t]!(t) : chalk.cyan(t))).join(' ')}`;
  lines.push(`${chalk.bold.underline(d.client)}${tags}`);
  const w = d.window;
  lines.push(`${label('Window')}${w.from} … ${w.to} (${w.periods} ${w.period}${w.periods === 1 ? '' : 's'}, ${humanDay(w.startDay)} … ${humanDay(w.endDay)}), as of ${humanDay(w.asOf)}`);
  if (!d.inWindow) lines.push(`${label('Classes')}${chalk.yellow('no line in the window: no class')}`);
  else {
    lines.push(`${label('Classes')}${cls(d.abc)}${cls(d.xyz ?? '-')}${d.cv === null ? '' : ` (CV ${d.cv.toFixed(2)})`} — ${d.strategy ?? ''}`);
  }
  if (d.previous !== null) {
    const before =
      d.previous.coverage === 'none'
        ? chalk.dim('the ledger does not reach back that far')
        : d.previous.abc === null
          ? chalk.dim('new (no line then)')
          : `${cls(d.previous.abc)}${cls(d.previous.xyz ?? '-')}, ${d.by} ${humanMoney(d.previous.total)}`;
    const partly = d.previous.coverage === 'partial' ? chalk.dim(' (the ledger covers it only in part)') : '';
    lines.push(`${label('Before')}${d.previous.from} … ${d.previous.to}: ${before}${partly}`);
  }
  const rank = d.rank === null ? '' : `; rank ${d.rank}, cumulative share ${humanPercent(d.cumShare)}`;
  lines.push(`${label(metricLabel(d.by))}${d.by === 'quantity' ? humanNumber(d.total) : humanMoney(d.total)} (${humanPercent(d.share)} of all${rank})`);
  if (d.by !== 'revenue') lines.push(`${label('Revenue')}${humanMoney(d.revenue)} (${humanPercent(d.revenueShare)} of revenue)`);
  if (d.profit !== null && d.by !== 'profit') lines.push(`${label('Profit')}${humanMoney(d.profit)} (${humanPercent(d.profitShare)} of profit)`);
  if (d.quantity !== null && d.by !== 'quantity') lines.push(`${label('Quantity')}${humanNumber(d.quantity)}`);
  lines.push(`${label('Purchases')}${humanInteger(d.purchases)} in the window, in ${d.activePeriods} of ${w.periods} periods; ${humanInteger(d.purchaseDays)} purchase days up to the as-of date`);
  lines.push(
    `${label('First / last')}${humanDay(d.firstPurchase)} … ${humanDay(d.lastPurchase)}${d.recencyDays === null ? '' : ` (${humanInteger(d.recencyDays)} days ago)`}`,
  );
  lines.push(
    `${label('Rhythm')}usual interval ${d.usualIntervalDays === null ? '-' : `${humanNumber(d.usualIntervalDays)} days`}; status ${d.status === null ? '-' : paint[d.status]!(d.status)}${
      d.pAlive === null ? '' : `; P(alive) ${d.pAlive.toFixed(2)}`
    }`,
  );
  if (d.breadwinnerShare !== null && d.breadwinnerBasis !== null) {
    lines.push(`${label('Breadwinner')}${humanPercent(d.breadwinnerShare)} of total ${d.breadwinnerBasis} ${chalk.dim(`(a breadwinner from ${humanPercent(d.breadwinnerThreshold)})`)}`);
  }
  if (d.prospect !== null) {
    const p = d.prospect;
    lines.push(
      `${label('Prospect')}new since ${humanDay(p.firstPurchase)}: ${humanMoney(p.metricSince)} in ${humanNumber(p.elapsedDays)} days = ${humanMoney(p.pace)} a month → ${humanMoney(p.projected)} over the window's ${humanNumber(d.prospectRule?.windowMonths ?? null)} months: class ${cls(p.projectedClass)}`,
    );
    const rule = d.prospectRule;
    if (rule !== null) lines.push(`${label('')}${chalk.dim(`(A from ${humanMoney(rule.thresholdA)}, B from ${humanMoney(rule.thresholdB)}: the smallest A and B totals of the window)`)}`);
  }
  lines.push(`${label('Series')}${w.from} ${chalk.cyan(`▕${d.sparkline}▏`)} ${w.to}  (${d.by} per period)`);
  yield `${lines.join('\n')}\n`;

  const t = table(chalk, ['Period', metricLabel(d.by), 'Purchases', ''], ['left', 'right', 'right', 'left'], { compact: true });
  // Periods before its first line in the window say nothing; the sparkline above shows them.
  const firstLine = d.series.findIndex((p) => p.value !== 0 || p.purchases !== 0);
  d.series.forEach((p, i) => i >= firstLine && firstLine >= 0 && t.push([p.label, d.by === 'quantity' ? humanNumber(p.value) : humanMoney(p.value), humanInteger(p.purchases), chalk.cyan(d.sparkline[i] ?? '')]));
  yield `\n${t.toString()}\n`;

  if (d.products !== null && d.products.length > 0) {
    yield `\n${chalk.bold(`Top products`)} (net amount over the whole ledger; ${humanInteger(d.productCount)} products in all)\n${amounts('Product', d.products, chalk)}\n`;
  }
  if (d.directions !== null && d.directions.length > 0) {
    const name = options.directionColumn ?? 'Direction';
    yield `\n${chalk.bold(name)}: ${d.direction ?? '-'} (where it bought the most; net amount over the whole ledger)\n${amounts(name, d.directions, chalk)}\n`;
  }
  if (d.attributes !== null) {
    const a = d.attributes;
    const at = table(chalk, ['Attribute', 'Value'], ['left', 'left'], { compact: true });
    for (const column of a.columns) at.push([column, a.row.values[column] ?? '']);
    yield `\n${chalk.bold('From the attributes file')} (line ${a.row.line}, "${a.row.name}")${a.row.tags.length > 0 ? `, tags: ${a.row.tags.join(', ')}` : ''}\n${at.toString()}\n`;
  }
}
