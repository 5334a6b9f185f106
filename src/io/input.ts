// Opens one input (a path, `-` or a pipe) as a byte stream and tells CSV from xlsx by its
// first bytes rather than its name, so a misnamed or gzip-compressed file still reads.
import { open, stat } from 'node:fs/promises';
import { createReadStream, fstatSync, type ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { KamError, type FileReason } from '../core/problems.js';

import { CHUNK_BYTES, fileChunks } from './file-chunks.js';

export type InputKind = 'csv' | 'xlsx';

export interface OpenedInput {
  /** What messages call it: the path, or "<stdin>". */
  name: string;
  kind: InputKind;
  compressed: boolean;
  /** The file on disk when its bytes are the input as they are (not a pipe, not gzip): the xlsx reader reads it at random. */
  path?: string | undefined;
  /** Size on disk, for progress; undefined for pipes. */
  size: number | undefined;
  /** Counts bytes read from disk (before decompression), for progress. */
  bytesRead: () => number;
  /** The bytes, for CSV readers (a chunk is valid until the next is asked for). */
  chunks: AsyncIterable<Buffer>;
  /** The bytes as a stream, for the xlsx reader; a plain CSV file is read through `chunks` alone. */
  stream: Readable;
  /** Stops reading (after an error, or when another reader takes the file over). */
  close(): void;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

/** The file-system errors a reader meets, as reasons the catalogues word; the code itself for the rest. */
const READ_FAILURES: Readonly<Record<string, FileReason>> = {
  EISDIR: { code: 'folder-not-file' },
  EACCES: { code: 'permission-denied' },
  EPERM: { code: 'permission-denied' },
  ENOTDIR: { code: 'path-not-folder' },
  ELOOP: { code: 'symlink-loop' },
  ENAMETOOLONG: { code: 'name-too-long' },
  EIO: { code: 'io-error' },
  EMFILE: { code: 'too-many-open-files' },
};

export function fileProblem(error: unknown, name: string): KamError {
  if (error instanceof KamError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new KamError({ code: 'file-not-found', file: name });
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test(String((error as Error)?.message))) {
    return new KamError({ code: 'file-truncated', file: name, details: { format: 'gzip' } });
  }
  const reason: FileReason = (code === undefined ? undefined : READ_FAILURES[code]) ?? { code: 'system', text: code ?? (error as Error)?.message ?? String(error) };
  return new KamError({ code: 'file-unreadable', file: name, details: { reason } });
}

// Files that are not ledgers but are often taken for one: say what they are and what to do.
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument';

function notALedger(head: Buffer, name: string): KamError | undefined {
  const say = (reason: FileReason): KamError => new KamError({ code: 'file-unreadable', file: name, details: { reason } });
  if (startsWith(head, OLE2_MAGIC)) return say({ code: 'xls-workbook' });
  if (startsWith(head, ZIP_MAGIC) && head.subarray(30, 30 + 80).toString('latin1').startsWith(ODS_MIMETYPE)) return say({ code: 'ods-file' });
  return undefined;
}

/** Bytes enough to tell a file's kind by its first bytes (the .ods mimetype entry is the longest). */
const HEAD_BYTES = 512;

/**
 * Reads the first bytes of a stream (a pipe may hand them over a few at a time) and gives back
 * a stream that still starts with them.
 */
async function peek(stream: Readable, name: string): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const firsts: Buffer[] = [];
  let length = 0;
  try {
    while (length < HEAD_BYTES) {
      const next: IteratorResult<Buffer> = await iterator.next();
      if (next.done) break;
      firsts.push(Buffer.from(next.value));
      length += next.value.length;
    }
  } catch (error) {
    throw fileProblem(error, name);
  }
  const head = firsts.length === 1 ? firsts[0]! : Buffer.concat(firsts);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

export async function openInput(path: string, stdin: Readable): Promise<OpenedInput> {
  const fromStdin = path === '-';
  const name = fromStdin ? '<stdin>' : path;
  let size: number | undefined;
  let raw: Readable;
  if (fromStdin) raw = stdin;
  else {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      size = info.size;
      // Fail here, with a clear message, rather than later inside a stream.
      await (await open(path, 'r')).close();
    } catch (error) {
      throw fileProblem(error, name);
    }
    raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  }
  let { head, stream } = await peek(raw, name);
  let compressed = false;
  if (startsWith(head, GZIP_MAGIC)) {
    compressed = true;
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    stream.on('error', (e) => gunzip.destroy(e));
    ({ head, stream } = await peek(stream.pipe(gunzip), name));
  }
  // The peeked stream wraps the file's stream: closing one does not close the other.
  const closeAll = (): void => {
    stream.destroy();
    if (raw !== stdin) raw.destroy();
  };
  const problem = head.length === 0 ? new KamError({ code: 'file-empty', file: name }) : notALedger(head, name);
  if (problem !== undefined) {
    closeAll();
    throw problem;
  }
  const kind = startsWith(head, ZIP_MAGIC) ? 'xlsx' : 'csv';
  if (kind === 'csv' && !compressed && !fromStdin) {
    // A plain file on disk: read again from its start into reused buffers (see file-chunks).
    closeAll();
    const chunks = fileChunks(path);
    return { name, kind, compressed, size, bytesRead: () => chunks.bytesRead, chunks, stream, close: () => undefined };
  }
  return {
    name,
    kind,
    compressed,
    path: fromStdin || compressed ? undefined : path,
    size,
    bytesRead: () => (raw as Partial<ReadStream>).bytesRead ?? 0,
    chunks: stream,
    stream,
    close: closeAll,
  };
}

/**
 * SPEC §1: the same file named twice is refused (every amount would count twice), whether by
 * the same path, another path to it (a link, `./`), or `-` with the file as standard input.
 * Paths that cannot be looked at are left to openInput to report.
 */
export async function refuseRepeatedInputs(paths: readonly string[], stdinFd = 0): Promise<void> {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const name = path === '-' ? '<stdin>' : path;
    let key: string | undefined;
    if (path === '-') {
      key = 'stdin';
      try {
        const info = fstatSync(stdinFd);
        if (info.isFile()) key = `${info.dev}:${info.ino}`;
      } catch {
        // Not a file: only a second `-` repeats it.
      }
    } else {
      try {
        const info = await stat(path);
        if (info.isFile()) key = `${info.dev}:${info.ino}`;
      } catch {
        continue;
      }
    }
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first !== undefined) throw new KamError({ code: 'input-twice', file: name, value: first });
    seen.set(key, name);
  }
}
