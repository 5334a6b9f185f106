// The terminal view of --compare: ABC and XYZ migration matrices (earlier window → this one, with
// "new" and "gone") and the key clients that slipped.
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
import type { Migration, MigrationMatrix } from '../core/compare.js';
import type { Messages } from '../i18n/en.js';
import { classPainter, table, truncate } from './terminal-kit.js';

/** "2010-12 … 2011-05", the labels as the run's language writes them. */
export function windowText(labels: readonly string[], t: Messages): string {
  return labels.length === 0 ? '' : labels.length === 1 ? t.period(labels[0]!) : `${t.period(labels[0]!)} … ${t.period(labels[labels.length - 1]!)}`;
}

/** The earlier window's name in headings: "previous window" or "FROM..TO window". */
export function comparedWindowText(m: Migration, t: Messages): string {
  const w = windowText(m.previousWindow.labels, t);
  return m.spec.kind === 'previous' ? t.migration.previousWindow(w) : t.migration.window(w);
}

/** A migration row or column: a class, or new / gone in the run's language. */
export function migrationLabel(x: string, t: Messages): string {
  return x === 'new' ? t.migrationNew : x === 'gone' ? t.migrationGone : x;
}

function matrixTable<C extends string>(title: string, matrix: MigrationMatrix<C>, chalk: ChalkInstance, t: Messages): string {
  const paint = classPainter(chalk);
  const h = t.human;
  const label = (x: string): string => (paint[x] ?? chalk.dim)(migrationLabel(x, t));
  const tbl = table(chalk, [t.migration.corner(title), ...matrix.columns.map(label), t.total], ['left', ...matrix.columns.map(() => 'right' as const), 'right']);
  const columnTotals = matrix.columns.map(() => 0);
  for (const from of matrix.rows) {
    const cells = matrix.cells.filter((c) => c.from === from);
    const total = cells.reduce((s, c) => s + c.clients, 0);
    cells.forEach((c, i) => (columnTotals[i]! += c.clients));
    tbl.push([
      label(from),
      ...cells.map((c) => (c.clients === 0 ? chalk.dim('·') : c.from === c.to ? chalk.bold(h.integer(c.clients)) : h.integer(c.clients))),
      h.integer(total),
    ]);
  }
  tbl.push([chalk.bold(t.total), ...columnTotals.map((n) => h.integer(n)), h.integer(columnTotals.reduce((s, n) => s + n, 0))]);
  return tbl.toString();
}

export function renderMigration(m: Migration, a: Analysis, chalk: ChalkInstance, top: number, t: Messages): string {
  const paint = classPainter(chalk);
  const h = t.human;
  const cls = (x: string | null): string => (x === null ? chalk.dim(t.migrationGone) : (paint[x] ?? chalk.dim)(x));
  const out: string[] = [];
  out.push(`${chalk.bold(t.migration.title)} ${t.migration.subtitle(comparedWindowText(m, t), windowText(a.window.labels, t))}`);
  out.push(matrixTable('ABC', m.abc, chalk, t));
  out.push(matrixTable('XYZ', m.xyz, chalk, t));
  if (m.slipped.length === 0) {
    out.push(`${chalk.bold(t.migration.slippedTitle)}: ${t.migration.slippedNone}`);
  } else {
    const tbl = table(chalk, [...t.migration.slippedHeaders], ['left', 'center', 'center', 'right', 'right', 'center'], { compact: true });
    for (const s of m.slipped.slice(0, top)) {
      tbl.push([
        truncate(s.client, 40),
        `${cls(s.abcPrev)}→${cls(s.abc)}`,
        s.abc === null ? '' : `${cls(s.xyzPrev ?? '-')}→${cls(s.xyz ?? '-')}`,
        h.money(s.previousTotal),
        h.money(s.total),
        s.keyNow ? '★' : '',
      ]);
    }
    const more = m.slipped.length > top ? chalk.dim(`\n${t.more(m.slipped.length - top, t.moreHint.top)}`) : '';
    out.push(`${chalk.bold(t.migration.slippedCount(m.slipped.length))}: ${t.migration.slippedRule}\n${tbl.toString()}${more}`);
  }
  return `${out.join('\n')}\n`;
}
