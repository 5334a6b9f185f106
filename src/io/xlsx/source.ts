// Where a workbook's bytes are read from at random: the file itself, or, for standard input and
// .xlsx.gz (which have no random access), its compressed bytes spooled first — into memory when
// small, else into a temporary file that is always removed (after the read, on an error, on an
// interrupt, at exit).
import { mkdtempSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { cleanUpOnExit } from '../cleanup.js';
import type { ByteSource } from './zip.js';

/** Workbooks up to this size are spooled into memory; larger ones into a temporary file. */
export const SPOOL_IN_MEMORY = 32 * 1024 * 1024;

export function memorySource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    close: async () => undefined,
  };
}

/** A file read at any position; `onClose` runs after the handle is closed. */
export async function fileSource(path: string, onClose?: () => void): Promise<ByteSource> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    onClose?.();
    throw error;
  }
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    onClose?.();
    throw error;
  }
  return {
    size,
    read: async (position, length) => {
      const end = Math.min(size, position + length);
      const buffer = Buffer.allocUnsafe(Math.max(0, end - position));
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buffer.length ? buffer : buffer.subarray(0, done);
    },
    close: async () => {
      try {
        await handle.close();
      } finally {
        onClose?.();
      }
    },
  };
}

/**
 * Reads a stream to its end and gives its bytes back for random access. Errors of the stream
 * (a truncated .gz, say) are thrown as they are; no temporary file outlives the call's source.
 */
export async function spool(stream: Readable, inMemoryLimit = SPOOL_IN_MEMORY): Promise<ByteSource> {
  const chunks: Buffer[] = [];
  let inMemory = 0;
  let folder: string | undefined;
  let handle: FileHandle | undefined;
  let written = 0;
  const removeFolder = (): void => {
    if (folder === undefined) return;
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // already gone
    }
  };
  let detach = (): void => undefined;
  const cleanUp = (): void => {
    removeFolder();
    detach();
  };
  try {
    for await (const piece of stream) {
      const chunk = piece as Buffer;
      if (handle === undefined) {
        chunks.push(chunk);
        inMemory += chunk.length;
        if (inMemory <= inMemoryLimit) continue;
        // Too large for memory: on to a temporary file, removed whatever happens.
        folder = mkdtempSync(join(tmpdir(), 'kam-xlsx-'));
        detach = cleanUpOnExit(removeFolder);
        handle = await open(join(folder, 'workbook.xlsx'), 'w+');
        for (const c of chunks.splice(0)) written += (await handle.write(c, 0, c.length, written)).bytesWritten;
        continue;
      }
      written += (await handle.write(chunk, 0, chunk.length, written)).bytesWritten;
    }
  } catch (error) {
    await handle?.close().catch(() => undefined);
    cleanUp();
    throw error;
  }
  if (handle === undefined) return memorySource(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  await handle.close();
  return fileSource(join(folder!, 'workbook.xlsx'), cleanUp);
}
