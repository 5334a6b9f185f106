// CSV/TSV (plain or gzip) into records: encoding and delimiter sniffed from the head of the
// stream, then the text into records (csv-lines: csv-parse as the parser of record), raw arrays
// only, handed to a sink with no per-record promise.
import { KamError, type FileReason } from '../core/problems.js';
import { createDecoder, DecodeError, looksBinary, sniffDelimiter, sniffEncoding, type Delimiter, type Encoding } from './dialect.js';
import { CsvLines, CsvSyntaxError, lineEndings } from './csv-lines.js';
import { fileProblem, type OpenedInput } from './input.js';
import type { RecordSink, SpanSink } from './records.js';

export interface CsvOptions {
  encoding: Encoding | undefined;
  delimiter: Delimiter | undefined;
}

export interface CsvDialect {
  encoding: Encoding;
  delimiter: Delimiter;
}

/** Bytes decoded at a time: a megabyte string is an external or large-object one, freed late. */
const TEXT_PIECE_BYTES = 64 * 1024;

/** Enough text to see a few dozen lines even below title rows. */
const SNIFF_BYTES = 64 * 1024;

function csvProblem(error: unknown, name: string): KamError {
  if (error instanceof KamError) return error;
  if (error instanceof CsvSyntaxError) {
    if (error.code === 'CSV_LINE_TOO_LONG') return new KamError({ code: 'line-too-long', file: name, line: error.line, details: { limit: error.lines ?? 0 } });
    if (error.code === 'CSV_STRAY_QUOTE') return new KamError({ code: 'stray-quote', file: name, line: error.line, details: { lines: error.lines ?? 0 } });
    const reason: FileReason =
      error.code === 'CSV_QUOTE_NOT_CLOSED' ? { code: 'csv-quote-not-closed', line: error.line } : { code: 'csv-syntax', csvCode: error.code, line: error.line, column: error.column };
    return new KamError({ code: 'file-unreadable', file: name, details: { reason } });
  }
  return fileProblem(error, name);
}

/** SPEC §1: a byte not valid in the encoding is an error naming its line, never a silent U+FFFD. */
function badByte(error: DecodeError, name: string, line: number): KamError {
  const hex = `0x${error.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return new KamError({ code: 'bad-encoding', file: name, line, value: hex, details: { encoding: error.encoding === 'utf8' ? 'UTF-8' : 'Windows-1251' } });
}

/**
 * Reads a CSV input to the end, handing every record to `sink` with its line number (counted
 * from 1 at the start of this input), plain lines to `spans` first where given. Resolves to
 * the number of lines read.
 */
/** What a read has settled so far, read live (the parallel reader hands it to its workers). */
export interface CsvReading {
  /** undefined while every byte so far has been ASCII (and no encoding was forced). */
  readonly encoding: Encoding | undefined;
}

export interface CsvHooks {
  /** Offered each plain line in place first (see SpanSink). */
  spans?: SpanSink | undefined;
  /** Called once the reading starts, with a live view of what it has settled. */
  reading?: (reading: CsvReading) => void;
}

export async function readCsv(input: Pick<OpenedInput, 'name' | 'chunks' | 'close'>, options: CsvOptions, onDialect: (d: CsvDialect) => void, sink: RecordSink, hooks: CsvHooks = {}): Promise<number> {
  const chunks = input.chunks[Symbol.asyncIterator]();
  try {
    return await readChunks(chunks, input.name, options, onDialect, sink, hooks);
  } finally {
    // Ends the reading early after an error (a generator's finally closes its file).
    await chunks.return?.();
    input.close();
  }
}

async function readChunks(chunks: AsyncIterator<Buffer>, name: string, options: CsvOptions, onDialect: (d: CsvDialect) => void, sink: RecordSink, hooks: CsvHooks): Promise<number> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  try {
    while (headBytes < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        done = true;
        break;
      }
      // A copy: the reader may reuse the chunk's buffer for the next one.
      head.push(Buffer.from(next.value));
      headBytes += next.value.length;
    }
  } catch (error) {
    throw fileProblem(error, name);
  }
  const headBuffer = Buffer.concat(head);
  const sniffBytes = headBuffer.subarray(0, SNIFF_BYTES);
  if (looksBinary(sniffBytes)) throw new KamError({ code: 'file-binary', file: name });
  // A head of plain ASCII settles nothing: the decoder picks at the first non-ASCII byte.
  const decoder = createDecoder(options.encoding ?? sniffEncoding(sniffBytes));
  let headText: string;
  try {
    headText = decoder.write(headBuffer);
  } catch (error) {
    if (error instanceof DecodeError) throw badByte(error, name, 1 + lineEndings(error.textBefore));
    throw error;
  }
  const encoding = decoder.encoding ?? 'utf8';
  if (done && headText.trim() === '') throw new KamError({ code: 'file-empty', file: name });
  const delimiter = options.delimiter ?? sniffDelimiter(headText);
  onDialect({ encoding, delimiter });

  // Empty lines are kept (and skipped by the sink) so that record order gives line numbers.
  const lines = new CsvLines(delimiter, sink, { spans: hooks.spans });
  hooks.reading?.({
    get encoding() {
      return decoder.encoding;
    },
  });
  try {
    lines.write(headText);
    while (!done) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = next.value;
      // Text in pieces that die young in V8's nursery, whatever the size of the read.
      for (let at = 0; at < chunk.length; at += TEXT_PIECE_BYTES) lines.write(decoder.write(chunk.subarray(at, at + TEXT_PIECE_BYTES)));
    }
    lines.write(decoder.end());
    lines.end();
  } catch (error) {
    if (error instanceof DecodeError) throw badByte(error, name, lines.lineAfter(error.textBefore));
    throw csvProblem(error, name);
  }
  return lines.lines;
}
