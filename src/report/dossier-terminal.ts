// The terminal view of a client's card (`kam client`, SPEC §8), and the tag texts the analyze
// summary and its client table use.
import { clientAheadText } from './model-terminal.js';
import { visible } from './visible.js';
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
import type { Dossier, NamedAmount } from '../core/dossier.js';
import type { SegmentSummary } from '../core/segments.js';
import type { Messages } from '../i18n/en.js';
import { classPainter, labeller, table } from './terminal-kit.js';

/** A tag in the run's language; tags of an attributes file that kam does not know are shown as written. */
export function tagName(tag: string, t: Messages): string {
  return (t.tags as Record<string, string>)[tag] ?? tag;
}

/** Who the key clients are in this run (SPEC §5): "top 50% of revenue + breadwinners, image-makers". */
export function keyRuleText(a: Pick<Analysis, 'settings'>, t: Messages): string {
  return t.analyze.keyRule(`${t.human.number(Math.round(a.settings.keyShare * 1000) / 10)}%`, a.settings.by);
}

/** Tags shown in a table row: the status and key columns already say key, lost and at-risk. */
export function rowTagsText(tags: readonly string[], t: Messages): string {
  return tags
    .filter((tag) => tag !== 'key' && tag !== 'lost' && tag !== 'at-risk')
    .map((tag) => tagName(tag, t))
    .join(', ');
}

/** "key 10, breadwinner 1 (≥ 10% of profit), prospect 3 (new since 2026-04-30, on pace for A/B), …" for the summary. */
export function tagCountsText(s: SegmentSummary, chalk: ChalkInstance, t: Messages): string {
  const counts = new Map(s.counts);
  const parts: string[] = [];
  const pct = `${t.human.number(Math.round(s.breadwinnerShare * 1000) / 10)}%`;
  const explain: Record<string, string> = {
    breadwinner: t.analyze.tagExplain.breadwinner(pct, s.breadwinnerBasis),
    prospect: t.analyze.tagExplain.prospect(t.human.day(s.newSince)),
  };
  for (const [tag, n] of counts) parts.push(`${t.analyze.tagCount(tagName(tag, t), t.human.integer(n))}${explain[tag] === undefined ? '' : chalk.dim(` (${explain[tag]})`)}`);
  if (!counts.has('breadwinner')) parts.push(chalk.dim(t.analyze.noBreadwinner(pct, s.breadwinnerBasis)));
  return parts.length === 0 ? t.analyze.noTags : parts.join(', ');
}

export interface DossierTerminalOptions {
  chalk: ChalkInstance;
  /** The --direction column's header, for the label. */
  directionColumn: string | null;
  t: Messages;
  /** The terminal's width (terminalWidth); undefined: no limit. */
  width?: number | undefined;
  /** The ledger's currency (Report.currency): shown after the card's totals. */
  currency?: string | null;
}

function amounts(title: string, rows: readonly NamedAmount[], chalk: ChalkInstance, t: Messages, width = 50): string {
  const tbl = table(chalk, [title, ...t.dossier.amountHeaders], ['left', 'right', 'right'], { compact: true });
  for (const r of rows) tbl.push([r.name.length > width ? `${r.name.slice(0, width - 1)}…` : r.name, t.human.money(r.amount), t.human.percent(r.share)]);
  return tbl.toString();
}

export function* renderDossierTerminal(d: Dossier, options: DossierTerminalOptions): Generator<string> {
  const { chalk, t } = options;
  const h = t.human;
  const L = t.dossier.labels;
  const money = (x: number): string => (options.currency === null || options.currency === undefined ? h.money(x) : `${h.money(x)} ${options.currency}`);
  const paint = classPainter(chalk);
  const cls = (x: string | null): string => (x === null ? chalk.dim('-') : (paint[x] ?? chalk.dim)(x));
  const { label } = labeller(chalk, [...Object.values(L), t.model.labels.expected], 14);
  const lines: string[] = [];
  const tags =
    d.tags.length === 0
      ? ''
      : `  ${d.tags.map((tag) => (tag === 'key' ? chalk.bold.green(`${tagName(tag, t)} ★`) : tag === 'lost' || tag === 'at-risk' ? paint[tag]!(tagName(tag, t)) : chalk.cyan(tagName(tag, t)))).join(' ')}`;
  lines.push(`${chalk.bold.underline(visible(d.client))}${tags}`);
  const w = d.window;
  lines.push(`${label(L.window)}${t.windowLine(t.period(w.from), t.period(w.to), t.periodCount(w.period, w.periods), h.day(w.startDay), h.day(w.endDay), h.day(w.asOf))}`);
  if (!d.inWindow) lines.push(`${label(L.classes)}${chalk.yellow(t.dossier.noClass)}`);
  else {
    lines.push(`${label(L.classes)}${cls(d.abc)}${cls(d.xyz ?? '-')}${d.cv === null ? '' : ` (${t.cv} ${h.fixed(d.cv, 2)})`} — ${d.cell === null ? '' : t.strategy[d.cell]}`);
  }
  if (d.previous !== null) {
    const before =
      d.previous.coverage === 'none'
        ? chalk.dim(t.dossier.notReached)
        : d.previous.abc === null
          ? chalk.dim(t.dossier.newThen)
          : t.dossier.beforeTotal(`${cls(d.previous.abc)}${cls(d.previous.xyz ?? '-')}`, d.by, h.money(d.previous.total));
    const partly = d.previous.coverage === 'partial' ? chalk.dim(t.dossier.partly) : '';
    lines.push(`${label(L.before)}${t.period(d.previous.from)} … ${t.period(d.previous.to)}: ${before}${partly}`);
  }
  const rank = d.rank === null ? '' : t.dossier.rank(d.rank, h.percent(d.cumShare));
  lines.push(`${label(t.metricTitle[d.by])}${t.dossier.ofAll(d.by === 'quantity' ? h.number(d.total) : money(d.total), h.percent(d.share), rank)}`);
  if (d.by !== 'revenue') lines.push(`${label(L.revenue)}${t.dossier.ofRevenue(money(d.revenue), h.percent(d.revenueShare))}`);
  if (d.profit !== null && d.by !== 'profit') lines.push(`${label(L.profit)}${t.dossier.ofProfit(money(d.profit), h.percent(d.profitShare))}`);
  if (d.quantity !== null && d.by !== 'quantity') lines.push(`${label(L.quantity)}${h.number(d.quantity)}`);
  lines.push(`${label(L.purchases)}${t.dossier.purchases(h.integer(d.purchases), d.activePeriods, w.periods, h.integer(d.purchaseDays))}`);
  lines.push(`${label(L.firstLast)}${h.day(d.firstPurchase)} … ${h.day(d.lastPurchase)}${d.recencyDays === null ? '' : t.dossier.daysAgo(h.integer(d.recencyDays))}`);
  lines.push(
    `${label(L.rhythm)}${t.dossier.rhythm(
      d.usualIntervalDays === null ? null : h.number(d.usualIntervalDays),
      d.status === null ? '-' : paint[d.status]!(t.status[d.status]),
      d.pAlive === null ? null : h.percent(d.pAlive, 0),
    )}`,
  );
  if (d.breadwinnerShare !== null && d.breadwinnerBasis !== null) {
    lines.push(`${label(L.breadwinner)}${t.dossier.breadwinner(h.percent(d.breadwinnerShare), d.breadwinnerBasis)} ${chalk.dim(t.dossier.breadwinnerFrom(h.percent(d.breadwinnerThreshold)))}`);
  }
  if (d.prospect !== null) {
    const p = d.prospect;
    lines.push(
      `${label(L.prospect)}${t.dossier.prospect(h.day(p.firstPurchase), h.money(p.metricSince), h.number(p.elapsedDays), h.money(p.pace), h.money(p.projected), h.number(d.prospectRule?.windowMonths ?? null), cls(p.projectedClass))}`,
    );
    const rule = d.prospectRule;
    if (rule !== null) lines.push(`${label('')}${chalk.dim(t.dossier.prospectRule(h.money(rule.thresholdA), h.money(rule.thresholdB)))}`);
  }
  if (d.expected !== null && d.expected.expectedRevenue !== null) lines.push(`${label(t.model.labels.expected)}${clientAheadText(d.expected, t)}`);
  lines.push(`${label(L.series)}${t.period(w.from)} ${chalk.cyan(`▕${d.sparkline}▏`)} ${t.period(w.to)}  ${t.dossier.perPeriod(d.by)}`);
  yield `${lines.join('\n')}\n`;

  const tbl = table(chalk, t.dossier.seriesHeaders(t.metricTitle[d.by]), ['left', 'right', 'right', 'left'], { compact: true });
  // Periods before its first line in the window say nothing; the sparkline above shows them.
  const firstLine = d.series.findIndex((p) => p.value !== 0 || p.purchases !== 0);
  d.series.forEach(
    (p, i) =>
      i >= firstLine && firstLine >= 0 && tbl.push([t.period(p.label), d.by === 'quantity' ? h.number(p.value) : h.money(p.value), h.integer(p.purchases), chalk.cyan(d.sparkline[i] ?? '')]),
  );
  yield `\n${tbl.toString()}\n`;

  if (d.products !== null && d.products.length > 0) {
    yield `\n${chalk.bold(t.dossier.productsTitle)} ${t.dossier.productsSubtitle(h.integer(d.productCount))}\n${amounts(t.dossier.product, d.products, chalk, t)}\n`;
  }
  if (d.directions !== null && d.directions.length > 0) {
    const name = options.directionColumn ?? t.lost.directionTitle;
    yield `\n${chalk.bold(name)}: ${d.direction ?? '-'} ${t.dossier.directionSubtitle}\n${amounts(name, d.directions, chalk, t)}\n`;
  }
  if (d.attributes !== null) {
    const a = d.attributes;
    const at = table(chalk, [...t.dossier.attributeHeaders], ['left', 'left'], { compact: true });
    for (const column of a.columns) at.push([column, a.row.values[column] ?? '']);
    yield `\n${chalk.bold(t.dossier.attributesTitle)} ${t.dossier.attributesSubtitle(a.row.line, a.row.name, a.row.tags.map((tag) => tagName(tag, t)).join(', '))}\n${at.toString()}\n`;
  }
}
