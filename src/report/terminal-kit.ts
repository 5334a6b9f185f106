// Shared pieces of every terminal view (analyze, lost, alive, client, config): colours by class and
// status, tables that stay plain when piped, aligned labels, note bullets. Views import this kit and
// never each other's tables.
import { visible } from './visible.js';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Problem } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { renderProblem } from './messages.js';

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

/** Pads labels to the longest of them (at least `min`), so the values of a block line up in any language. */
export function labeller(chalk: ChalkInstance, labels: readonly string[], min = 12): { label: (text: string) => string; width: number } {
  const width = Math.max(min, ...labels.map((l) => l.length + 1));
  return { label: (text: string) => chalk.bold(text.padEnd(width)), width };
}

/** The bullet lines of notes and warnings under a summary. */
export function noteLines(notes: readonly Problem[], chalk: ChalkInstance, t: Messages): string[] {
  if (notes.length === 0) return [];
  return [chalk.bold(t.notes), ...notes.map((n) => `  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n, t)}`)];
}

/** Text from a ledger for a table: made visible (see visible.ts), cut to `width` characters, the last one an ellipsis. */
export function truncate(text: string, width: number): string {
  const shown = visible(text);
  return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
}
