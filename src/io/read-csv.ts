// CSV/TSV (plain or gzip) into records: encoding and delimiter sniffed from the head of the
// stream, then csv-parse as the parser of record, raw arrays only, handed to a sink in batches
// with no per-record promise.
import { parse } from 'csv-parse';
import { KamError } from '../core/problems.js';
import { createDecoder, looksBinary, sniffDelimiter, sniffEncoding, type Delimiter, type Encoding } from './dialect.js';
import { fileProblem, type OpenedInput } from './input.js';
import type { RecordSink } from './records.js';

export interface CsvOptions {
  encoding: Encoding | undefined;
  delimiter: Delimiter | undefined;
}

export interface CsvDialect {
  encoding: Encoding;
  delimiter: Delimiter;
}

/** Enough text to see a few dozen lines even below title rows. */
const SNIFF_BYTES = 64 * 1024;

function csvProblem(error: unknown, name: string): KamError {
  if (error instanceof KamError) return error;
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return new KamError({ code: 'file-unreadable', file: name, value: (error as Error).message });
  }
  return fileProblem(error, name);
}

/**
 * Reads a CSV input to the end, handing every record to `sink` with its line number (counted
 * from 1 at the start of this input). Resolves to the number of lines read.
 */
export async function readCsv(input: OpenedInput, options: CsvOptions, onDialect: (d: CsvDialect) => void, sink: RecordSink): Promise<number> {
  const chunks = input.stream[Symbol.asyncIterator]();
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
      head.push(next.value as Buffer);
      headBytes += (next.value as Buffer).length;
    }
  } catch (error) {
    throw fileProblem(error, input.name);
  }
  const headBuffer = Buffer.concat(head);
  const sniffBytes = headBuffer.subarray(0, SNIFF_BYTES);
  if (looksBinary(sniffBytes)) throw new KamError({ code: 'file-binary', file: input.name });
  // A head of plain ASCII settles nothing: the decoder picks at the first non-ASCII byte.
  const decoder = createDecoder(options.encoding ?? sniffEncoding(sniffBytes));
  const headText = decoder.write(headBuffer);
  const encoding = decoder.encoding ?? 'utf8';
  if (done && headText.trim() === '') throw new KamError({ code: 'file-empty', file: input.name });
  const delimiter = options.delimiter ?? sniffDelimiter(headText);
  onDialect({ encoding, delimiter });

  // Empty lines are kept (and skipped by the sink) so that record order gives line numbers
  // without csv-parse's `info`, which costs more than the parse itself.
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true });
  let line = 1;
  let failure: unknown;
  parser.on('readable', () => {
    try {
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        sink(record, line);
        line++;
        // A quoted field may hold line breaks: count them so later line numbers stay true.
        for (let i = 0; i < record.length; i++) {
          const field = record[i]!;
          if (field.length > 0 && field.includes('\n')) line += field.split('\n').length - 1;
        }
      }
    } catch (error) {
      failure = error;
      parser.destroy();
    }
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', reject);
  });
  const write = async (text: string): Promise<void> => {
    if (text === '' || parser.destroyed) return;
    if (!parser.write(text)) {
      await new Promise<void>((resolve) => {
        const go = (): void => {
          parser.off('drain', go);
          parser.off('close', go);
          resolve();
        };
        parser.once('drain', go);
        parser.once('close', go);
      });
    }
  };
  try {
    await write(headText);
    while (!done && !parser.destroyed) {
      const next = await chunks.next();
      if (next.done) break;
      await write(decoder.write(next.value as Buffer));
    }
    await write(decoder.end());
    if (!parser.destroyed) parser.end();
    await finished;
  } catch (error) {
    throw csvProblem(failure ?? error, input.name);
  } finally {
    if (!parser.destroyed) parser.destroy();
    input.stream.destroy();
  }
  if (failure !== undefined) throw csvProblem(failure, input.name);
  return line - 1;
}
