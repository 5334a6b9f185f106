// A zip archive read by random access: the end record (Zip64 too), the central directory, and
// each entry through its local header. Deflate and stored entries; every entry's size and CRC-32
// are checked as it is read, so a damaged or cut-off workbook is refused, never read as
// different numbers.
import { createInflateRaw } from 'node:zlib';
import * as zlib from 'node:zlib';
import { crc32 as crc32Js } from './crc32.js';

/** Bytes that can be read at any position: a file on disk, or a buffer in memory. */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `position` (fewer only at the end of the source). */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * What is wrong with an archive, for the reader to put in words: `truncated` (an end record
 * missing, an entry running past the end, a size or CRC that does not match: the file is cut
 * off or damaged), `encrypted`, `method` (a compression other than deflate or stored).
 */
export class ZipProblem extends Error {
  constructor(
    readonly kind: 'truncated' | 'encrypted' | 'method',
    /** The entry concerned, when there is one. */
    readonly entry?: string,
  ) {
    super(`${kind}${entry === undefined ? '' : ` (${entry})`}`);
    this.name = 'ZipProblem';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65535. */
const TAIL = 22 + 0xffff;
/** Compressed bytes read at a time, and the inflater's output chunks. */
const READ_BYTES = 1 << 20;
const INFLATE_CHUNK = 1 << 20;

const crc32: (data: Uint8Array, value?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32 : crc32Js;

/** The central directory: every entry, by name. */
export async function readDirectory(source: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(source.size, TAIL);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  // The end record whose comment runs exactly to the last byte: anything else means the file
  // was cut off (or something was appended, which no producer of workbooks does).
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && tail.readUInt16LE(i + 20) === tail.length - i - 22) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipProblem('truncated');
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  const endAt = tailStart + at;
  let cdEnd = endAt;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: a locator just before the end record points at the Zip64 end record.
    if (at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR) throw new ZipProblem('truncated');
    const recordAt = readUInt64(tail, at - 20 + 8);
    if (recordAt + 56 > endAt) throw new ZipProblem('truncated');
    const record = await source.read(recordAt, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipProblem('truncated');
    count = readUInt64(record, 32);
    cdSize = readUInt64(record, 40);
    cdOffset = readUInt64(record, 48);
    cdEnd = recordAt;
  }
  if (cdOffset + cdSize > cdEnd) throw new ZipProblem('truncated');
  const cd = await source.read(cdOffset, cdSize);
  if (cd.length < cdSize) throw new ZipProblem('truncated');
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipProblem('truncated');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const nameEnd = p + 46 + nameLength;
    const extraEnd = nameEnd + extraLength;
    if (extraEnd + commentLength > cd.length) throw new ZipProblem('truncated');
    const name = cd.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, nameEnd);
    // Zip64 sizes and offset, in this order, for the fields that are all ones.
    for (let e = nameEnd; e + 4 <= extraEnd; ) {
      const id = cd.readUInt16LE(e);
      const length = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = Math.min(q + length, extraEnd);
        if (size === 0xffffffff && q + 8 <= end) (size = readUInt64(cd, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= end) (compressedSize = readUInt64(cd, q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= end) localOffset = readUInt64(cd, q);
      }
      e += 4 + length;
    }
    if (localOffset + 30 + compressedSize > cdOffset) throw new ZipProblem('truncated', name);
    entries.set(name, { name, method, flags, crc, compressedSize, size, localOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

function readUInt64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipProblem('truncated');
  return Number(value);
}

/** Where an entry's data starts, from its local header. */
async function dataStart(source: ByteSource, entry: ZipEntry): Promise<number> {
  const header = await source.read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipProblem('truncated', entry.name);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > source.size) throw new ZipProblem('truncated', entry.name);
  return start;
}

/** The compressed bytes of an entry, a megabyte at a time. */
async function* compressedChunks(source: ByteSource, start: number, length: number, entry: string): AsyncGenerator<Buffer> {
  for (let done = 0; done < length; ) {
    const n = Math.min(READ_BYTES, length - done);
    const chunk = await source.read(start + done, n);
    if (chunk.length < n) throw new ZipProblem('truncated', entry);
    done += n;
    yield chunk;
  }
}

/**
 * An entry's bytes, inflated, in chunks of up to a megabyte. Inflating runs on the thread pool
 * while the caller works on the chunk before. The last chunk is handed over only after the size
 * and CRC-32 of the whole have been checked (a ZipProblem otherwise): nothing read from a
 * damaged entry is ever final.
 */
export async function* entryChunks(source: ByteSource, entry: ZipEntry): AsyncGenerator<Buffer> {
  if ((entry.flags & 1) !== 0) throw new ZipProblem('encrypted', entry.name);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipProblem('method', entry.name);
  const start = await dataStart(source, entry);
  let crc = 0;
  let size = 0;
  let held: Buffer | undefined;
  const take = (chunk: Buffer): Buffer | undefined => {
    size += chunk.length;
    // More bytes than the directory says: damaged (and no inflating on and on).
    if (size > entry.size) throw new ZipProblem('truncated', entry.name);
    crc = crc32(chunk, crc);
    const previous = held;
    held = chunk;
    return previous;
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipProblem('truncated', entry.name);
    for await (const chunk of compressedChunks(source, start, entry.compressedSize, entry.name)) {
      const previous = take(chunk);
      if (previous !== undefined) yield previous;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    const input = compressedChunks(source, start, entry.compressedSize, entry.name);
    let inputError: unknown;
    // Feed the inflater with backpressure; its output is read below.
    const feeding = (async () => {
      try {
        for await (const chunk of input) {
          if (!inflate.write(chunk)) await drainedOrClosed(inflate);
          if (inflate.destroyed) return;
        }
        inflate.end();
      } catch (error) {
        inputError = error;
        inflate.destroy(error as Error);
      }
    })();
    try {
      for await (const chunk of inflate) {
        const previous = take(chunk as Buffer);
        if (previous !== undefined) yield previous;
      }
    } catch (error) {
      if (inputError !== undefined) throw inputError;
      if (error instanceof ZipProblem) throw error;
      // zlib: "unexpected end of file", "invalid block type"…: the data is damaged.
      throw new ZipProblem('truncated', entry.name);
    } finally {
      if (!inflate.destroyed) inflate.destroy();
      await feeding;
    }
    if (inputError !== undefined) throw inputError;
  }
  if (size !== entry.size || (crc >>> 0) !== entry.crc >>> 0) throw new ZipProblem('truncated', entry.name);
  if (held !== undefined) yield held;
}

/** Resolves when a writable may take more, or is gone. */
function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** A whole (small) entry, checked. */
export async function readEntry(source: ByteSource, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(source, entry)) chunks.push(chunk);
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
