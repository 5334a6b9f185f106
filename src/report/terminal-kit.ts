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

/**
 * Colour means one thing: red is for lost and at-risk alone. Classes get a quieter palette (A and
 * X stand out, B and Y plain, C and Z recede), so a ledger of many C/Z clients is not a red screen.
 */
export function classPainter(chalk: ChalkInstance): Record<string, Paint> {
  const plain: Paint = (s) => s;
  return {
    A: chalk.green.bold,
    B: plain,
    C: chalk.dim,
    X: chalk.cyan,
    Y: plain,
    Z: chalk.dim,
    '-': chalk.dim,
    active: chalk.green,
    'at-risk': chalk.red,
    lost: chalk.red.bold,
  };
}

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

type Align = 'left' | 'right' | 'center';
type Cell = string | { content: string; colSpan?: number };

export interface TableOptions {
  compact?: boolean;
  /** Fixed widths (padding included); null leaves a column to its content. */
  colWidths?: (number | null)[];
  /** The terminal's width; undefined: no limit (output that is not a terminal, COLUMNS unset). */
  width?: number | undefined;
  /** Columns (indexes) to leave out, first to last, when the table is wider than `width`. */
  drop?: readonly number[];
  /** The line under the table naming the columns left out. */
  omitted?: (names: string) => string;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Characters a terminal shows (colour codes left out). */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

const MIN_COLUMN = 6;

/**
 * A table that fits the terminal: when its natural width is more than `width`, the `drop` columns
 * go first (in that order, named in a line under the table), then the widest columns wrap their
 * text inside the cell (never narrower than MIN_COLUMN). cli-table3 colours borders even when
 * piped: it gets no colours unless chalk has them.
 */
export class FitTable {
  private readonly rows: Cell[][] = [];

  constructor(
    private readonly chalk: ChalkInstance,
    private readonly head: string[],
    private readonly align: Align[] | undefined,
    private readonly options: TableOptions,
  ) {}

  push(...rows: Cell[][]): number {
    this.rows.push(...rows);
    return this.rows.length;
  }

  get length(): number {
    return this.rows.length;
  }

  toString(): string {
    const { chalk, options } = this;
    let keep = this.head.map((_, i) => i);
    const natural = this.naturalWidths();
    const fixed = options.colWidths ?? [];
    const widthOf = (i: number): number => Math.min(natural[i]!, fixed[i] ?? Number.POSITIVE_INFINITY);
    const total = (cols: readonly number[], w: (i: number) => number): number => cols.reduce((s, i) => s + w(i), 0) + cols.length + 1;
    const dropped: number[] = [];
    const limit = options.width;
    const figures = this.cellWidths();
    if (limit !== undefined) {
      // Dropping stops once the text columns can wrap into the rest (to half their width, at least 16).
      // A number column can go down to its widest figure or header word (the header wraps).
      const figures = this.cellWidths();
      const word = (i: number): number => Math.max(...this.head[i]!.split(/\s+/).map(visibleLength)) + 2;
      const squeezed = (i: number): number =>
        this.align?.[i] === 'left' ? Math.min(widthOf(i), Math.max(16, Math.ceil(widthOf(i) / 2))) : this.align?.[i] === 'right' ? Math.min(widthOf(i), Math.max(figures[i]!, word(i))) : widthOf(i);
      for (const i of options.drop ?? []) {
        if (total(keep, squeezed) <= limit) break;
        if (this.rows.some((r) => r.length !== this.head.length)) break; // spanning rows: keep every column
        keep = keep.filter((k) => k !== i);
        dropped.push(i);
      }
    }
    const widths = new Map(keep.map((i) => [i, widthOf(i)]));
    if (limit !== undefined) {
      let excess = total(keep, (i) => widths.get(i)!) - limit;
      // First a number column keeps its figures whole (its header wraps instead), then any column gives way.
      for (const floor of [(i: number): number => (this.align?.[i] === 'right' ? Math.max(MIN_COLUMN, figures[i]!) : MIN_COLUMN), () => MIN_COLUMN]) {
        while (excess > 0) {
          let widest = -1;
          for (const i of keep) if (widths.get(i)! > floor(i) && (widest < 0 || widths.get(i)! > widths.get(widest)!)) widest = i;
          if (widest < 0) break;
          widths.set(widest, widths.get(widest)! - 1);
          excess--;
        }
      }
    }
    const wraps = keep.some((i) => widths.get(i)! < natural[i]!) || options.colWidths !== undefined;
    const coloured = chalk.level > 0;
    const tbl = new Table({
      head: keep.map((i) => chalk.bold(this.head[i]!)),
      style: { head: [], border: coloured ? ['grey'] : [] },
      ...(options.compact === true ? { chars: COMPACT } : {}),
      ...(wraps ? { colWidths: keep.map((i) => widths.get(i)!), wordWrap: true, wrapOnWordBoundary: true } : {}),
      ...(this.align === undefined ? {} : { colAligns: keep.map((i) => this.align![i] ?? 'left') }),
    });
    for (const row of this.rows) tbl.push(row.length === this.head.length ? keep.map((i) => row[i]!) : row);
    const note = dropped.length > 0 && options.omitted !== undefined ? `\n${chalk.dim(fitLines(options.omitted(dropped.map((i) => this.head[i]!).join(', ')), limit))}` : '';
    return `${tbl.toString()}${note}`;
  }

  /** Each column's width with its padding: the longest line of its header and cells, plus 2. */
  private naturalWidths(): number[] {
    return this.cellWidths(this.head.map((h) => Math.max(...h.split('\n').map(visibleLength)) + 2));
  }

  /** Each column's widest cell (header left out unless given as `start`), padding included. */
  private cellWidths(start: number[] = this.head.map(() => 0)): number[] {
    const widths = [...start];
    for (const row of this.rows) {
      if (row.length !== this.head.length) continue;
      row.forEach((cell, i) => {
        const text = typeof cell === 'string' ? cell : cell.content;
        widths[i] = Math.max(widths[i]!, ...text.split('\n').map(visibleLength).map((n) => n + 2));
      });
    }
    return widths;
  }
}

export function table(chalk: ChalkInstance, head: string[], align?: Align[], extra: TableOptions = {}): FitTable {
  return new FitTable(chalk, head, align, extra);
}

/** Names cut to what fits in `width` characters: "14646, 18102, … and 79 more". */
export function nameList(names: readonly string[], width: number | undefined, t: Messages): string {
  const all = names.join(', ');
  if (width === undefined || visibleLength(all) <= width) return all;
  let shown = 1;
  while (shown < names.length && visibleLength(t.andMore(names.slice(0, shown + 1).join(', '), names.length - shown - 1)) <= width) shown++;
  return t.andMore(names.slice(0, shown).join(', '), names.length - shown);
}

/** The width tables and text are fitted to: the terminal's, COLUMNS, else 80 on a terminal; none when piped without COLUMNS. */
export function terminalWidth(stdout: { isTTY?: boolean }, env: Record<string, string | undefined>): number | undefined {
  const own = (stdout as { columns?: unknown }).columns;
  if (typeof own === 'number' && own > 0) return own;
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stdout.isTTY === true ? 80 : undefined;
}

const BOX = /[│┌└├┬┴┼┐┘┤─]/;

/**
 * Lines of text wrapped to `width` at spaces, continuation lines indented under the value of a
 * "Label   value" line (or the text of a bullet). Table lines are fitted by FitTable; one that is
 * still too wide (a table that cannot shrink further) is cut with an ellipsis.
 */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const lines = text.split('\n');
  // The value column of "Label   value" lines: the widest label padding among the block's lines.
  let labelWidth = 0;
  for (const line of lines) {
    if (BOX.test(line)) continue;
    const m = /^(\S(?:.{0,22}?\S)?\s{2,})\S/.exec(line.replace(ANSI, ''));
    if (m !== null) labelWidth = Math.max(labelWidth, m[1]!.length);
  }
  return lines
    .map((line) => {
      if (visibleLength(line) <= width) return line;
      if (BOX.test(line)) return cutVisible(line, width);
      const plain = line.replace(ANSI, '');
      const lead = /^\s*/.exec(plain)![0];
      const bullet = /^\s*[•!] /.test(plain) ? 2 : 0;
      const labelled = lead === '' && labelWidth > 0 && plain[labelWidth - 1] === ' ' && plain[labelWidth] !== ' ';
      const indent = Math.min(labelled ? labelWidth : lead.length + bullet, Math.floor(width / 3));
      const words = line.slice(line.indexOf(lead) + lead.length).split(' ');
      const out: string[] = [];
      let current = lead;
      for (const word of words) {
        const next = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
        if (current.trim() !== '' && visibleLength(next) > width) {
          out.push(current);
          current = `${' '.repeat(indent)}${word}`;
        } else current = next;
      }
      out.push(current);
      return out.map((l) => (visibleLength(l) > width ? cutVisible(l, width) : l)).join('\n');
    })
    .join('\n');
}

/** A line cut to `width` visible characters, the last one an ellipsis; colour reset after. */
function cutVisible(line: string, width: number): string {
  let shown = 0;
  let out = '';
  for (let i = 0; i < line.length; ) {
    const m = /^\u001b\[[0-9;]*m/.exec(line.slice(i));
    if (m !== null) {
      out += m[0];
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    if (shown === width - 1) return `${out}…\u001b[0m`.replace(/\u001b\[0m$/, line.includes('\u001b') ? '\u001b[0m' : '');
    out += ch;
    shown++;
    i += ch.length;
  }
  return out;
}

/** Pads labels to the longest of them (at least `min`), so the values of a block line up in any language. */
export function labeller(chalk: ChalkInstance, labels: readonly string[], min = 12): { label: (text: string) => string; width: number } {
  const width = Math.max(min, ...labels.map((l) => l.length + 1));
  return { label: (text: string) => chalk.bold(text.padEnd(width)), width };
}

/**
 * The BG/NBD note (a fit that stopped short, too few clients) is said once, where P(alive) is
 * shown: kam alive, and a table with a P(alive) column. Other summaries leave it out.
 */
export const notPurchaseModel = (note: Problem): boolean => note.code !== 'bgnbd-not-fitted';

/** The bullet lines of notes and warnings under a summary. */
export function noteLines(notes: readonly Problem[], chalk: ChalkInstance, t: Messages): string[] {
  if (notes.length === 0) return [];
  return [chalk.bold(t.notes), ...notes.map((n) => `  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n, t)}`)];
}

/** An amount column's header with the ledger's currency ("Revenue, KZT"); as it is when none is known. */
export function withCurrency(header: string, currency: string | null | undefined): string {
  return currency === null || currency === undefined ? header : `${header}, ${currency}`;
}

/** Text from a ledger for a table: made visible (see visible.ts), cut to `width` characters, the last one an ellipsis. */
export function truncate(text: string, width: number): string {
  const shown = visible(text);
  return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
}
