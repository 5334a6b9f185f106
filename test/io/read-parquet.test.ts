// SPEC §12: a Parquet ledger read through embedded DuckDB gives the CSV's bytes, at the edges of
// the form kam reads DuckDB's day ledger back in (sums as millionths below 2^53, their exact
// decimal beyond; the lines skipped counted only when the day rows account for fewer lines than
// the file has).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kamAsync } from '../helpers/kam.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-read-parquet-'));
type Connection = { run: (sql: string) => Promise<unknown> };
let db: Connection;
beforeAll(async () => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV ledger and the same lines as Parquet (every column text with `text`, else DuckDB's types). */
async function both(name: string, csv: string, text: boolean): Promise<[string, string]> {
  const csvPath = join(dir, `${name}.csv`);
  const parquetPath = join(dir, `${name}.parquet`);
  writeFileSync(csvPath, csv);
  await db.run(`COPY (SELECT * FROM read_csv('${csvPath}', header = true, all_varchar = ${text})) TO '${parquetPath}' (FORMAT parquet)`);
  return [csvPath, parquetPath];
}

async function same(csvPath: string, parquetPath: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [fromCsv, fromParquet] = await Promise.all([kamAsync([args[0]!, csvPath, ...args.slice(1)]), kamAsync([args[0]!, parquetPath, ...args.slice(1)])]);
  expect(fromCsv.status, fromCsv.stderr).toBe(0);
  expect(fromParquet.status, fromParquet.stderr).toBe(0);
  expect(fromParquet.stdout).toBe(fromCsv.stdout);
  // The same warnings and notes (a CSV's skipped lines are also shown by line: a Parquet file has none).
  const messages = (stderr: string, path: string): string[] => stderr.replaceAll(path, 'FILE').split('\n').filter((line) => !line.startsWith('kam: warning: FILE, line '));
  expect(messages(fromParquet.stderr, parquetPath)).toEqual(messages(fromCsv.stderr, csvPath));
  return fromParquet;
}

describe('a Parquet ledger, read through DuckDB', () => {
  it('sums beyond 2^53 millionths (over nine billion a day) are exact, as the CSV gives them', async () => {
    const lines = ['Client,Date,Amount,Quantity,Profit'];
    // A day of 9,007,199,254.740993 is 2^53 + 1 millionths; others well beyond, of both signs.
    lines.push('Big,2025-01-10,9007199254.740993,1,1000000000000.5');
    lines.push('Big,2025-02-10,9007199254.740992,1,-9007199254.740993');
    lines.push('Big,2025-03-10,4503599627.370496,2,0.25', 'Big,2025-03-10,4503599627.370497,2,0.25');
    lines.push('Huge,2025-01-15,123456789012.345678,1,1', 'Huge,2025-02-15,-98765432109.876543,1,1', 'Huge,2025-03-15,1,1,1');
    for (let c = 0; c < 12; c++) lines.push(`Small ${c},2025-0${1 + (c % 3)}-0${1 + (c % 9)},${(c + 1) * 10.5},1,${c}`);
    const [csvPath, parquetPath] = await both('big', lines.join('\n') + '\n', false);
    const run = await same(csvPath, parquetPath, ['analyze', '--format', 'csv', '--as-of', '2025-03-31']);
    // The sums are there to the millionth (not rounded to a double's 16 digits).
    expect(run.stdout).toMatch(/\nBig,.*,27021597764\.222977,/);
    await same(csvPath, parquetPath, ['analyze', '--format', 'csv', '--as-of', '2025-03-31', '--by', 'profit']);
  });

  it('lines without a client, a date (or one beyond the year 9999) or a number: skipped and counted as the CSV counts them; --strict refuses', async () => {
    const lines = ['Client,Date,Amount'];
    for (let c = 0; c < 20; c++) lines.push(`Client ${c % 7},2025-0${1 + (c % 6)}-1${c % 10},${100 + c}`);
    // A date DuckDB reads but kam does not (year 12000) is unreadable from Parquet too.
    lines.push(',2025-01-05,10', 'Client 1,not a date,10', 'Client 4,12000-02-05,10', 'Client 2,2025-01-05,ten', 'Client 3,2025-01-05,');
    const [csvPath, parquetPath] = await both('skipped', lines.join('\n') + '\n', true);
    const run = await same(csvPath, parquetPath, ['analyze', '--format', 'csv', '--as-of', '2025-06-30']);
    expect(run.stderr).toMatch(/^kam: warning: 5 rows skipped: 1 without a client, 2 with an unreadable date, 2 with an unreadable number\n/);
    const strict = await kamAsync(['analyze', parquetPath, '--strict', '--format', 'csv']);
    expect(strict.status).toBe(1);
    expect(strict.stderr.trim().split('\n')).toHaveLength(1);
    expect(strict.stdout).toBe('');
  });
});

describe('DuckDB out of its default memory cap', () => {
  /** A connection that runs out of memory on the first try of each statement at two threads. */
  function connection(failures: number) {
    const ran: string[] = [];
    let threads = 2;
    return {
      ran,
      run: async (sql: string) => {
        ran.push(sql);
        if (sql === 'SET threads = 1') threads = 1;
        else if (sql.startsWith('SET threads = ')) threads = Number(sql.slice(14));
        else if (sql.startsWith('COPY') && threads > 1 && failures-- > 0) throw new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (953.4 MiB/953.6 MiB used)');
      },
      runAndReadAll: async () => ({ getRowsJS: () => [[String(threads)]] }),
    };
  }

  it('runs the statement again on one thread, then gives the threads back', async () => {
    const { withinCap } = await import('../../src/io/read-parquet.js');
    const c = connection(1);
    await withinCap(c as never, 'COPY (SELECT 1) TO x', {});
    expect(c.ran).toEqual(['COPY (SELECT 1) TO x', 'SET threads = 1', 'COPY (SELECT 1) TO x', 'SET threads = 2']);
  });

  it('with --memory, the cap is the user\'s: running out of it is the error', async () => {
    const { withinCap } = await import('../../src/io/read-parquet.js');
    await expect(withinCap(connection(1) as never, 'COPY (SELECT 1) TO x', { memory: '1GB' })).rejects.toThrow(/^Out of Memory Error/);
  });
});
