// SPEC §12: reading a day ledger, and the DuckDB sources that make one; a bad day ledger is an
// error naming its line, never a silently different number.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_LEDGER_COLUMNS, dayLedgerRows, type DayLedgerRow } from '../../src/core/day-ledger.js';
import { dayLedgerCells } from '../../src/report/day-ledger-csv.js';
import { readLedger } from '../../src/io/read-ledger.js';
import { SAMPLE_CSV, kam } from '../helpers/kam.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-day-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const options = { map: {}, sheets: undefined, encoding: undefined, delimiter: undefined, decimal: undefined, dateFormat: undefined, strict: false };

describe('a day ledger in CSV', () => {
  it('is read by its header, in any column order, with days in any order', () => {
    const path = file(
      'ok.csv',
      'client,amount,date,purchase,kam_day_ledger\n"A  B",10.5,2025-02-01,1,day\nA B,-0.5,2025-01-01,0,day\nC,3,2025-01-15,1,day\nA B,1,2025-03-01,1,day\n',
    );
    const run = kam(['analyze', path, '--format', 'csv', '--as-of', '2025-03-31']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^A B,A,/);
    expect(run.stdout.split('\n')[1]).toContain(',11,');
  });

  it('a missing column: one line naming it and the headers found', () => {
    const run = kam(['analyze', file('missing.csv', 'kam_day_ledger,client,date\nday,A,2025-01-01\n')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^kam: .*missing\.csv: a day ledger \(header "kam_day_ledger"\) needs the columns "amount", "purchase"; headers: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unreadable date or number: an error naming the line, not a skipped row', () => {
    const base = 'kam_day_ledger,client,date,amount,purchase\nday,A,2025-01-01,1,1\n';
    let run = kam(['analyze', file('bad-date.csv', `${base}day,A,01.02.2025,1,1\n`)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('line 3');
    expect(run.stderr).toContain('01.02.2025');
    run = kam(['analyze', file('bad-number.csv', `${base}day,B,2025-01-02,"1,5",1\n`)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('line 3');
    run = kam(['analyze', file('bad-kind.csv', `${base}week,B,2025-01-02,1,1\n`)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('week');
  });

  it('--direction on a day ledger made without one says how to make one with it', () => {
    const run = kam(['lost', file('nodir.csv', 'kam_day_ledger,client,date,amount,purchase\nday,A,2025-01-01,1,1\n'), '--direction', 'Region']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--direction');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a DuckDB database file', () => {
  it('--table: the same ledger as the CSV its table came from', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const path = join(dir, 'sales.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${SAMPLE_CSV}')`);
    connection.closeSync();
    instance.closeSync();
    const fromCsv = await readLedger([SAMPLE_CSV], { ...options, map: { direction: 'Region' } }, Readable.from([]));
    const fromDuckDb = await readLedger([path], { ...options, map: { direction: 'Region' }, table: 'sales' }, Readable.from([]));
    const text = (rows: Iterable<DayLedgerRow>): string[][] => [...rows].map((row) => dayLedgerCells(row, DAY_LEDGER_COLUMNS.slice()));
    expect(text(dayLedgerRows(fromDuckDb.ledger))).toEqual(text(dayLedgerRows(fromCsv.ledger)));
    expect(fromDuckDb.counts).toEqual(fromCsv.counts);
    await expect(readLedger([path], { ...options, table: 'nope' }, Readable.from([]))).rejects.toMatchObject({ problem: { code: 'source-failed', details: { reason: 'no-table' } } });
  });
});
