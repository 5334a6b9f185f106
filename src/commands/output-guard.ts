// Standard error and standard output under failure (SPEC §10: one line for a fatal error, never
// a stack trace). Messages a run writes to standard error are held until it ends: kept when it
// succeeds, dropped when a fatal error takes their place. A write error on standard output is
// one line and exit 1, but EPIPE (`kam … | head` closed the pipe: the reader's choice) ends
// the run quietly with its status so far.
import { Writable } from 'node:stream';
import type { FileReason } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { writeFailureReason } from '../io/write-file.js';
import { renderProblem } from '../report/messages.js';

export interface HeldStderr {
  /** Writes here are held (progress, which redraws a terminal line, passes straight through). */
  stream: Writable & { isTTY?: boolean };
  /** The run succeeded (or ended with a status of its own): what it wrote goes out. */
  release(): void;
  /** The run failed: `line` alone goes out, in place of anything held. */
  fail(line: string): void;
}

export function holdStderr(stderr: Writable & { isTTY?: boolean }): HeldStderr {
  let held: (string | Uint8Array)[] = [];
  const stream = new Writable({
    write(chunk: string | Uint8Array, _encoding, done) {
      if (typeof chunk === 'string' ? chunk.startsWith('\r') : chunk[0] === 0x0d) stderr.write(chunk);
      else held.push(chunk);
      done();
    },
    decodeStrings: false,
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = stderr.isTTY;
  return {
    stream,
    release() {
      for (const chunk of held) stderr.write(chunk);
      held = [];
    },
    fail(line) {
      held = [];
      stderr.write(line);
    },
  };
}


/**
 * What to do when standard output fails: a status to exit with at once, and a line to say first
 * (none for EPIPE, whose status is the run's so far).
 */
export function stdoutFailure(error: NodeJS.ErrnoException, t: Messages, statusSoFar: number): { status: number; line: string | undefined } {
  if (error.code === 'EPIPE') return { status: statusSoFar, line: undefined };
  const reason: FileReason = error.code === 'EIO' ? { code: 'io-error' } : writeFailureReason(error, '-');
  return { status: 1, line: `kam: ${renderProblem({ code: 'output-failed', severity: 'error', details: { reason } }, t)}\n` };
}

/**
 * Standard output's errors end the process as stdoutFailure says (a stack trace otherwise, from
 * any write, help text included). Standard error's own failure leaves nothing to say it on.
 */
export function guardStandardStreams(t: () => Messages, held: () => HeldStderr | undefined): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const { status, line } = stdoutFailure(error, t(), typeof process.exitCode === 'number' ? process.exitCode : 0);
    try {
      // A closed pipe ends the output, not the messages; a failed write ends both.
      if (line === undefined) held()?.release();
      else if (held() !== undefined) held()!.fail(line);
      else process.stderr.write(line);
    } catch {
      // nowhere left to say it
    }
    process.exit(status);
  });
  process.stderr.on('error', () => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 1));
}
