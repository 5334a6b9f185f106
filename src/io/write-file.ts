// Output files are written whole or not at all (SPEC §10): into a temporary file beside the
// target, flushed to disk, then renamed over it. A failed or interrupted run leaves the old file
// (if any) as it was and no half-written one; an input ledger is never an output.
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { access, chmod, lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KamError, type FileReason } from '../core/problems.js';
import { cleanUpOnExit } from './cleanup.js';

/** The reason a file-system error gives for the one-line "cannot write the output (…)" message. */
export function writeFailureReason(error: unknown, target: string): FileReason {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { code: 'no-folder', folder: dirname(target) };
    case 'ENOTDIR':
      return { code: 'folder-path-not-folder', folder: dirname(target) };
    case 'EISDIR':
      return { code: 'is-folder' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'permission-denied' };
    case 'EROFS':
      return { code: 'read-only-file-system' };
    case 'ENOSPC':
      return { code: 'no-space' };
    case 'EDQUOT':
      return { code: 'quota-exceeded' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { code: 'file-in-use' };
    case 'ENAMETOOLONG':
      return { code: 'name-too-long' };
    default:
      return { code: 'system', text: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}

function unwritable(file: string, reason: FileReason): KamError {
  return new KamError({ code: 'output-unwritable', file, details: { reason } });
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

async function statOrUndefined(path: string, link = false): Promise<import('node:fs').Stats | undefined> {
  try {
    return link ? await lstat(path) : await stat(path);
  } catch (error) {
    if (isErrno(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** The file a write to `path` lands on: a symlink's target, so the link survives the rename. */
async function landingPath(path: string): Promise<string> {
  const absolute = resolve(path);
  const link = await statOrUndefined(absolute, true);
  if (link?.isSymbolicLink() === true) {
    try {
      return await realpath(absolute);
    } catch {
      return absolute; // a dangling link: replace the link itself
    }
  }
  return absolute;
}

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Checks, before any long work, that `path` can be written as an output: its folder exists and
 * takes new files, it is not a folder or a device, and it is not one of the `inputs` (compared
 * after resolving links, and by inode, so `./a.csv`, `a.csv` and a hard link are one file).
 * Throws a KamError (`output-unwritable`, `output-is-input`) with one line of explanation.
 */
export async function checkOutputPath(path: string, inputs: readonly string[]): Promise<void> {
  let target: string;
  try {
    target = await landingPath(path);
    const existing = await statOrUndefined(target);
    if (existing?.isDirectory() === true) throw unwritable(path, { code: 'is-folder' });
    if (existing !== undefined && !existing.isFile()) throw unwritable(path, { code: 'not-regular-file' });
    for (const input of inputs) {
      if (input === '-') continue;
      const inputStat = await statOrUndefined(input);
      const sameInode = existing !== undefined && inputStat !== undefined && inputStat.dev === existing.dev && inputStat.ino === existing.ino;
      if (sameInode || resolve(input) === target || resolve(input) === resolve(path)) {
        throw new KamError({ code: 'output-is-input', file: path, value: input });
      }
    }
    const folder = dirname(target);
    const folderStat = await statOrUndefined(folder);
    if (folderStat === undefined) throw unwritable(path, { code: 'no-folder', folder: dirname(path) });
    if (!folderStat.isDirectory()) throw unwritable(path, { code: 'not-a-folder', folder: dirname(path) });
    if (existing !== undefined) {
      try {
        await access(target, constants.W_OK);
      } catch {
        throw unwritable(path, { code: 'read-only-file' });
      }
    }
    // The only sure test of a folder (permissions, ACLs, read-only mounts, quotas): make a file.
    const probe = temporaryName(target);
    const handle = await open(probe, 'wx');
    await handle.close();
    await unlink(probe);
  } catch (error) {
    if (error instanceof KamError) throw error;
    throw unwritable(path, writeFailureReason(error, resolve(path)));
  }
}

/**
 * Writes `path` whole or not at all. `write` fills the temporary file it is given (and closes
 * it); the file is then flushed to disk and renamed over `path`. Any failure, and an interrupt
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT) or exit while writing, removes the temporary file; an existing `path` keeps
 * its old content. File-system failures become an `output-unwritable` KamError.
 */
export async function writeFileAtomically(path: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  let target: string;
  try {
    target = await landingPath(path);
  } catch (error) {
    throw unwritable(path, writeFailureReason(error, resolve(path)));
  }
  const temporary = temporaryName(target);
  let renamed = false;
  const cleanUp = (): void => {
    if (renamed) return;
    try {
      unlinkSync(temporary);
    } catch {
      // not created yet, or already gone
    }
  };
  const detach = cleanUpOnExit(cleanUp);
  try {
    await write(temporary);
    const existing = await statOrUndefined(target);
    if (existing !== undefined) await chmod(temporary, existing.mode & 0o7777).catch(() => undefined);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    renamed = true;
    await syncFolder(dirname(target));
  } catch (error) {
    cleanUp();
    if (error instanceof KamError) throw error;
    if (isErrno(error) && error.syscall !== undefined) throw unwritable(path, writeFailureReason(error, target));
    throw error;
  } finally {
    detach();
  }
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
