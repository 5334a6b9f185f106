// Running a kam command in-process: src/cli/main.ts's run(argv, io) with injected streams, as
// bin/kam.js runs it but without starting node. Most command tests use this; the few that need a
// real process (exit codes from bin/kam.js, EPIPE, signals, stdin pipes) use kam() in ./kam.ts.
import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/commands/context.js';
import { dayFromYmd } from '../../src/core/calendar.js';
import { ROOT, type KamOptions, type KamRun } from './kam.js';

/** A stream that keeps what is written to it. */
function sink(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { bytes: () => Buffer.concat(chunks) });
}

export interface InProcessOptions extends KamOptions {
  /** Today for `--as-of today`, as YYYY-MM-DD (default 2026-11-01, a fixed day). */
  today?: string;
  /** Standard input as a stream (chunks of chosen sizes, say), instead of `input`. */
  stdin?: Readable;
}

/**
 * Runs `kam ARGS` in this process, as a plain non-terminal run in English (as kam() does): the
 * same statuses, standard output and standard error. Paths in `args` are best absolute (the
 * readers resolve them against this process's folder, not `cwd`, which only places kam.config.json).
 */
export async function runKam(args: readonly string[], options: InProcessOptions = {}): Promise<KamRun> {
  const stdout = sink();
  const stderr = sink();
  const env: Record<string, string | undefined> = { LANG: 'C.UTF-8', TERM: 'xterm-256color' };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const [y, m, d] = (options.today ?? '2026-11-01').split('-').map(Number);
  const io: CommandIo = {
    stdin: options.stdin ?? Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdout,
    stderr,
    env,
    today: dayFromYmd(y!, m!, d!)!,
    cwd: options.cwd ?? ROOT,
  };
  const status = await run([...args], io);
  const stdoutBytes = stdout.bytes();
  return { status, signal: null, stdout: stdoutBytes.toString('utf8'), stderr: stderr.bytes().toString('utf8'), stdoutBytes };
}
