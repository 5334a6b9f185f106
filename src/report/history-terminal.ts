// `kam history` in the terminal: the snapshots, the marks, how many A clients stayed A, and the
// perennial and one-off A clients with their class paths.
import type { ChalkInstance } from 'chalk';
import { STABILITY_MARKS, type ClassHistory, type ClientPath, type StabilityMark } from '../core/history.js';
import type { Problem } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { classPainter, labeller, noteLines, table, truncate } from './terminal-kit.js';

export function renderHistoryTerminal(history: ClassHistory, notes: readonly Problem[], options: { chalk: ChalkInstance; top: number; t: Messages; width?: number | undefined }): string[] {
  const { chalk, t, top } = options;
  const h = t.human;
  const paint = classPainter(chalk);
  const snaps = history.snapshots;
  const first = h.day(snaps[0]!.day);
  const last = h.day(snaps[snaps.length - 1]!.day);
  const L = t.history.labels;
  const { label } = labeller(chalk, Object.values(L));
  const markPaint: Record<StabilityMark, (s: string) => string> = { stable: (s) => s, rising: chalk.green, falling: chalk.yellow, new: chalk.cyan, gone: chalk.dim };
  const marks = STABILITY_MARKS.map((m) => `${h.integer(history.marks[m])} ${markPaint[m](t.history.marks[m])}`).join(', ');
  const out = [
    `${chalk.bold(t.history.title(snaps.length, history.options.every, history.options.windowMonths))}\n`,
    `${label(L.snapshots)}${t.history.span(first, last)}\n`,
    `${label(L.clients)}${t.history.clients(h.integer(history.clients.length))}\n`,
    `${label(L.marks)}${marks}\n`,
    `${label(L.stayedA)}${t.history.stayedA(h.integer(history.stayedA.stayed), h.integer(history.stayedA.wereA), first, last)}\n`,
    `${chalk.dim(t.history.markRule)}\n`,
  ];
  const byName = new Map(history.clients.map((p) => [p.client, p]));
  const pathCell = (p: ClientPath): string => p.classes.map((c) => (c === null ? chalk.dim('-') : paint[c]!(c))).join(' ');
  const list = (title: string, names: readonly string[]): void => {
    if (names.length === 0) {
      out.push(`\n${chalk.bold(title)} — ${t.history.none}\n`);
      return;
    }
    const tbl = table(chalk, [...t.history.headers], ['right', 'left', 'left', 'left'], { compact: true, width: options.width });
    names.slice(0, top).forEach((name, i) => {
      const p = byName.get(name)!;
      tbl.push([String(i + 1), truncate(name, 36), pathCell(p), markPaint[p.mark](t.history.marks[p.mark])]);
    });
    const more = names.length > top ? `${chalk.dim(t.more(names.length - top, t.moreHint.topOrCsv))}\n` : '';
    out.push(`\n${chalk.bold(title)}\n${tbl.toString()}\n${more}`);
  };
  list(t.history.perennial(h.integer(history.perennialA.length)), history.perennialA);
  if (snaps.length >= 2) list(t.history.oneOff(h.integer(history.oneOffA.length)), history.oneOffA);
  const noteText = noteLines(notes, chalk, t);
  if (noteText.length > 0) out.push(`\n${noteText.join('\n')}\n`);
  return out;
}
