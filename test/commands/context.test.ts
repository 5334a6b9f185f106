// Long reads show progress on standard error when it is a terminal, and never otherwise.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter, type CommandIo } from '../../src/commands/context.js';

function ioWith(isTTY: boolean): { io: CommandIo; written: () => string } {
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean };
  stderr.isTTY = isTTY;
  let text = '';
  stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const io: CommandIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: {}, today: 0 };
  return { io, written: () => text };
}

const step = { input: 'big.csv', bytes: 24e6, size: 48e6, rows: 500_000 };

afterEach(() => vi.useRealTimers());

describe('progress while reading', () => {
  it('stays quiet for the first second, then shows bytes, percent and rows, and clears its line at the end', async () => {
    vi.useFakeTimers();
    const { io, written } = ioWith(true);
    const progress = progressReporter(io);
    progress(step);
    await vi.advanceTimersByTimeAsync(0);
    expect(written()).toBe('');
    vi.advanceTimersByTime(1500);
    progress(step);
    progress.done();
    await vi.advanceTimersByTimeAsync(0);
    expect(written()).toBe('\r\x1b[2Kreading big.csv: 24.0 MB of 48.0 MB (50%), 500,000 rows\r\x1b[2K');
  });

  it('writes nothing when standard error is not a terminal (a pipe, a cron log)', async () => {
    vi.useFakeTimers();
    const { io, written } = ioWith(false);
    const progress = progressReporter(io);
    vi.advanceTimersByTime(5000);
    progress(step);
    progress.done();
    await vi.advanceTimersByTimeAsync(0);
    expect(written()).toBe('');
  });
});
