// `kam aggregate LEDGER... -o day.csv|day.parquet`: the day ledger (SPEC §12) of any source,
// written whole or not at all — the cache for a ledger analysed many times.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CommandIo } from './context.js';
import { progressReporter } from './context.js';
import { readLedger, type LedgerReadOptions } from '../io/read-ledger.js';
import { sqlString, withDuckDb } from '../io/duckdb.js';
import { checkOutputPath, writeFileAtomically } from '../io/write-file.js';
import { renderDayLedgerCsv } from '../report/day-ledger-csv.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';

export interface AggregateRequest {
  files: string[];
  read: LedgerReadOptions;
  output: string;
  /** --quiet: no note on standard error. */
  quiet?: boolean;
  t: Messages;
}

/** Parquet column types of the day ledger: exact decimals, dates, integers. */
const PARQUET_TYPES: Record<string, string> = {
  kam_day_ledger: 'VARCHAR',
  client: 'VARCHAR',
  date: 'DATE',
  amount: 'DECIMAL(38,6)',
  quantity: 'DECIMAL(38,6)',
  profit: 'DECIMAL(38,6)',
  purchase: 'INTEGER',
  documents: 'BIGINT',
  direction: 'VARCHAR',
  product: 'VARCHAR',
  currency: 'VARCHAR',
};

export async function runAggregate(request: AggregateRequest, io: CommandIo): Promise<number> {
  await checkOutputPath(request.output, request.files);
  const progress = progressReporter(io, request.t);
  const read = await readLedger(request.files, { ...request.read, trackProducts: true }, io.stdin, progress);
  progress.done();
  if (request.quiet !== true && read.counts.noClient + read.counts.badDate + read.counts.badNumber > 0) {
    io.stderr.write(
      problemLine(
        { code: 'rows-skipped', severity: 'note', details: { total: read.counts.noClient + read.counts.badDate + read.counts.badNumber, ...read.counts } },
        request.t,
      ),
    );
  }
  const csv = (): Readable => Readable.from(renderDayLedgerCsv(read.ledger));
  if (!/\.parquet$/i.test(request.output)) {
    await writeFileAtomically(request.output, (temporary) => pipeline(csv(), createWriteStream(temporary)));
    return 0;
  }
  await writeFileAtomically(request.output, async (temporary) => {
    const text = `${temporary}.csv`;
    try {
      await pipeline(csv(), createWriteStream(text));
      await withDuckDb({ memory: request.read.memory }, async (connection) => {
        const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${sqlString(text)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`);
        const columns = described.getRowObjectsJS().map((row) => String(row.column_name));
        const select = columns.map((c) => `CAST(NULLIF("${c}", '') AS ${PARQUET_TYPES[c] ?? 'VARCHAR'}) AS "${c}"`).join(', ');
        await connection.run(
          `COPY (SELECT ${select} FROM read_csv(${sqlString(text)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')) TO ${sqlString(temporary)} (FORMAT parquet)`,
        );
      });
    } finally {
      await rm(text, { force: true });
    }
  });
  return 0;
}
