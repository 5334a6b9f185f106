// What a command needs from the outside world, injected so tests can run commands in-process.
import type { Readable, Writable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import { en, type Messages } from '../i18n/en.js';
import { fitLines, terminalWidth } from '../report/terminal-kit.js';

export interface CommandIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Today as a day number, for `--as-of today`. */
  today: number;
  /** Where kam.config.json is looked for; process.cwd() when not given. */
  cwd?: string;
}

/** Writes text chunks with backpressure, so a slow pipe never makes output pile up in memory. */
export async function writeAll(out: Writable, chunks: Iterable<string>): Promise<void> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 1 << 16) {
      const ok = out.write(buffer);
      buffer = '';
      if (!ok) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
  }
  if (buffer !== '') out.write(buffer);
}

/** A terminal view's chunks with every line fitted to the terminal's width (fitLines); other output untouched. */
export function* tableFitted(isTable: boolean, io: CommandIo, chunks: Iterable<string>): Generator<string> {
  const width = isTable ? terminalWidth(io.stdout, io.env) : undefined;
  for (const chunk of chunks) yield fitLines(chunk, width);
}

/**
 * chalk 5 ignores NO_COLOR, so the level is decided here: off for --no-color, NO_COLOR,
 * TERM=dumb and anything that is not a terminal; FORCE_COLOR wins over "not a terminal".
 */
export function chalkFor(io: CommandIo, colorOption: boolean): ChalkInstance {
  const env = io.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (!colorOption || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb') level = 0;
  else if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') level = Math.min(3, Math.max(1, Number(env.FORCE_COLOR) || 1)) as 1 | 2 | 3;
  else if (io.stdout.isTTY === true) level = /truecolor|24bit/.test(env.COLORTERM ?? '') ? 3 : /256/.test(env.TERM ?? '') ? 2 : 1;
  return new Chalk({ level });
}

/** Progress on standard error, only when it is a terminal, and only for reads that take a while. */
export function progressReporter(io: CommandIo, t: Messages = en): ((p: { input: string; bytes: number; size: number | undefined; rows: number }) => void) & { done(): void } {
  const started = Date.now();
  let shown = false;
  const report = (p: { input: string; bytes: number; size: number | undefined; rows: number }): void => {
    if (io.stderr.isTTY !== true || Date.now() - started < 1000) return;
    const mb = (n: number): string => t.human.fixed(n / 1e6, 1);
    const size = p.size !== undefined && p.size > 0 ? t.cli.readingOf(mb(p.size), String(Math.min(100, Math.round((p.bytes / p.size) * 100)))) : '';
    // One row of the terminal: a longer line would wrap, and \r would rewrite only its last row.
    const width = terminalWidth(io.stderr, io.env) ?? 80;
    const line = [...t.cli.reading(p.input, mb(p.bytes), size, t.human.integer(p.rows))];
    io.stderr.write(`\r\x1b[2K${line.length < width ? line.join('') : `${line.slice(0, width - 2).join('')}…`}`);
    shown = true;
  };
  return Object.assign(report, {
    done: () => {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  });
}
