// The terminal view of --compare: ABC and XYZ migration matrices (earlier window → this one, with
// "new" and "gone") and the key clients that slipped.
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
import type { Migration, MigrationMatrix } from '../core/compare.js';
import { humanInteger, humanMoney } from './human.js';
import { classPainter, table } from './terminal.js';

const truncate = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** "2010-12 … 2011-05" */
export function windowText(labels: readonly string[]): string {
  return labels.length === 0 ? '' : labels.length === 1 ? labels[0]! : `${labels[0]} … ${labels[labels.length - 1]}`;
}

/** The earlier window's name in headings: "previous window" or "FROM..TO window". */
export function comparedWindowText(m: Migration): string {
  return `${m.spec.kind === 'previous' ? 'previous window' : 'window'} ${windowText(m.previousWindow.labels)}`;
}

function matrixTable<C extends string>(title: string, matrix: MigrationMatrix<C>, chalk: ChalkInstance): string {
  const paint = classPainter(chalk);
  const label = (x: string): string => (paint[x] ?? chalk.dim)(x);
  const t = table(chalk, [`${title} before ↓ now →`, ...matrix.columns.map(label), 'Total'], ['left', ...matrix.columns.map(() => 'right' as const), 'right']);
  const columnTotals = matrix.columns.map(() => 0);
  for (const from of matrix.rows) {
    const cells = matrix.cells.filter((c) => c.from === from);
    const total = cells.reduce((s, c) => s + c.clients, 0);
    cells.forEach((c, i) => (columnTotals[i]! += c.clients));
    t.push([
      label(from),
      ...cells.map((c) => (c.clients === 0 ? chalk.dim('·') : c.from === c.to ? chalk.bold(humanInteger(c.clients)) : humanInteger(c.clients))),
      humanInteger(total),
    ]);
  }
  t.push([chalk.bold('Total'), ...columnTotals.map((n) => humanInteger(n)), humanInteger(columnTotals.reduce((s, n) => s + n, 0))]);
  return t.toString();
}

export function renderMigration(a: Analysis, chalk: ChalkInstance, top: number): string {
  const m = a.migration;
  if (m === undefined) return '';
  const paint = classPainter(chalk);
  const cls = (x: string | null): string => (x === null ? chalk.dim('gone') : (paint[x] ?? chalk.dim)(x));
  const out: string[] = [];
  out.push(`${chalk.bold('Class migration')} from the ${comparedWindowText(m)} to this window ${windowText(a.window.labels)} (clients)`);
  out.push(matrixTable('ABC', m.abc, chalk));
  out.push(matrixTable('XYZ', m.xyz, chalk));
  if (m.slipped.length === 0) {
    out.push(`${chalk.bold('Key clients that slipped')}: none (no A client fell to B, C or gone, no key X client to Y or Z)`);
  } else {
    const t = table(chalk, ['Client', 'ABC', 'XYZ', 'Total before', 'Total now', 'Key now'], ['left', 'center', 'center', 'right', 'right', 'center'], { compact: true });
    for (const s of m.slipped.slice(0, top)) {
      t.push([
        truncate(s.client, 40),
        `${cls(s.abcPrev)}→${cls(s.abc)}`,
        s.abc === null ? '' : `${cls(s.xyzPrev ?? '-')}→${cls(s.xyz ?? '-')}`,
        humanMoney(s.previousTotal),
        humanMoney(s.total),
        s.keyNow ? '★' : '',
      ]);
    }
    const more = m.slipped.length > top ? chalk.dim(`\n… and ${m.slipped.length - top} more (--top N)`) : '';
    out.push(`${chalk.bold(`Key clients that slipped (${m.slipped.length})`)}: A → B, C or gone; X → Y or Z\n${t.toString()}${more}`);
  }
  return `${out.join('\n')}\n`;
}
