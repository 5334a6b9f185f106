// Atomic output (SPEC §10): whole or not at all, never over an input, one-line reasons.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { KamError } from '../../src/core/problems.js';
import { checkOutputPath, writeFileAtomically } from '../../src/io/write-file.js';
import { renderProblem } from '../../src/report/messages.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const leftovers = (): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

async function problemOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KamError) return { code: error.problem.code, message: renderProblem(error.problem) };
    throw error;
  }
  throw new Error('expected a KamError');
}

describe('writeFileAtomically', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    const path = join(dir, 'out.xlsx');
    await writeFileAtomically(path, (tmp) => writeFile(tmp, 'new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(leftovers()).toEqual([]);
  });

  it('replaces an existing file only on success', async () => {
    const path = join(dir, 'out.xlsx');
    writeFileSync(path, 'old');
    await expect(
      writeFileAtomically(path, async (tmp) => {
        await writeFile(tmp, 'half');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(leftovers()).toEqual([]);
    await writeFileAtomically(path, (tmp) => writeFile(tmp, 'new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('creates nothing when the write fails', async () => {
    const path = join(dir, 'out.xlsx');
    await expect(writeFileAtomically(path, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the mode of the file it replaces, and a symbolic link stays a link', async () => {
    const real = join(dir, 'real.xlsx');
    writeFileSync(real, 'old');
    chmodSync(real, 0o640);
    const link = join(dir, 'link.xlsx');
    symlinkSync(real, link);
    await writeFileAtomically(link, (tmp) => writeFile(tmp, 'new'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(statSync(real).mode & 0o777).toBe(0o640);
  });

  it('a folder that does not exist is an output-unwritable problem', async () => {
    const p = await problemOf(writeFileAtomically(join(dir, 'nope', 'out.xlsx'), (tmp) => writeFile(tmp, 'x')));
    expect(p.code).toBe('output-unwritable');
    expect(p.message).not.toContain('\n');
  });
});

describe('checkOutputPath', () => {
  it('accepts a new file in a writable folder, and an existing file, and leaves no probe behind', async () => {
    await checkOutputPath(join(dir, 'new.xlsx'), []);
    writeFileSync(join(dir, 'old.xlsx'), 'x');
    await checkOutputPath(join(dir, 'old.xlsx'), []);
    expect(readdirSync(dir)).toEqual(['old.xlsx']);
  });

  it('names the missing folder', async () => {
    const p = await problemOf(checkOutputPath(join(dir, 'missing', 'out.xlsx'), []));
    expect(p).toEqual({ code: 'output-unwritable', message: `${join(dir, 'missing', 'out.xlsx')}: cannot write the output (no folder ${join(dir, 'missing')})` });
  });

  it('refuses a folder, a path through a file, and a device', async () => {
    mkdirSync(join(dir, 'folder.xlsx'));
    writeFileSync(join(dir, 'file'), 'x');
    expect((await problemOf(checkOutputPath(join(dir, 'folder.xlsx'), []))).message).toContain('it is a folder');
    expect((await problemOf(checkOutputPath(join(dir, 'file', 'out.xlsx'), []))).message).toContain('is not a folder');
    expect((await problemOf(checkOutputPath('/dev/null', []))).message).toContain('not a regular file');
  });

  it('refuses an input, by any name: relative, absolute, through a link, a hard link', async () => {
    const input = join(dir, 'ledger.xlsx');
    writeFileSync(input, 'ledger');
    symlinkSync(input, join(dir, 'alias.xlsx'));
    linkSync(input, join(dir, 'hard.xlsx'));
    const relativeInput = relative(process.cwd(), input);
    for (const output of [input, relativeInput, join(dir, 'alias.xlsx'), join(dir, 'hard.xlsx')]) {
      const p = await problemOf(checkOutputPath(output, [relativeInput]));
      expect(p.code).toBe('output-is-input');
      expect(p.message).toContain('kam never writes over its input');
    }
    await checkOutputPath(join(dir, 'other.xlsx'), [input, '-']);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission, a read-only file', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(dir, 'ro.xlsx'), 'x');
    chmodSync(join(dir, 'ro.xlsx'), 0o444);
    chmodSync(locked, 0o555);
    try {
      expect((await problemOf(checkOutputPath(join(locked, 'out.xlsx'), []))).message).toContain('permission denied');
      expect((await problemOf(checkOutputPath(join(dir, 'ro.xlsx'), []))).message).toContain('read-only');
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
