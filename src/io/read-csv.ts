// CSV/TSV (plain or gzip) into records: encoding and delimiter sniffed from the head of the
// stream, then csv-parse as the parser of record, raw arrays only.
import { parse } from 'csv-parse';
import { KamError } from '../core/problems.js';
import { createDecoder, detectEncoding, looksBinary, sniffDelimiter, type Delimiter, type Encoding } from './dialect.js';
import { fileProblem, type OpenedInput } from './input.js';
import type { RawRecord } from './records.js';

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

/** Streams the records of a CSV input; `onDialect` learns what was detected before the first record. */
export async function* readCsvRecords(input: OpenedInput, options: CsvOptions, onDialect: (d: CsvDialect) => void): AsyncGenerator<RawRecord> {
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
  if (looksBinary(headBuffer.subarray(0, SNIFF_BYTES))) throw new KamError({ code: 'file-binary', file: input.name });
  const encoding = options.encoding ?? detectEncoding(headBuffer.subarray(0, SNIFF_BYTES));
  const decoder = createDecoder(encoding);
  const headText = decoder.write(headBuffer);
  if (headText.trim() === '') {
    if (done) throw new KamError({ code: 'file-empty', file: input.name });
  }
  const delimiter = options.delimiter ?? sniffDelimiter(headText);
  onDialect({ encoding, delimiter });

  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const feed = async (): Promise<void> => {
    try {
      const write = async (text: string): Promise<void> => {
        if (parser.destroyed) throw new Error('stopped');
        if (text !== '' && !parser.write(text)) {
          // Resolve on close too: a consumer that stops early destroys the parser mid-wait.
          await new Promise<void>((resolve) => {
            const done = (): void => {
              parser.off('drain', done);
              parser.off('close', done);
              resolve();
            };
            parser.once('drain', done);
            parser.once('close', done);
          });
        }
      };
      await write(headText);
      if (!done) {
        for (;;) {
          const next = await chunks.next();
          if (next.done) break;
          await write(decoder.write(next.value as Buffer));
        }
      }
      await write(decoder.end());
      parser.end();
    } catch (error) {
      if (!parser.destroyed) parser.destroy(fileProblem(error, input.name));
    }
  };
  const feeding = feed();
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { cells: item.record, line: item.info.lines };
    }
  } catch (error) {
    if (error instanceof KamError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      throw new KamError({ code: 'file-unreadable', file: input.name, value: (error as Error).message });
    }
    throw fileProblem(error, input.name);
  } finally {
    parser.destroy();
    input.stream.destroy();
    await feeding;
  }
}
