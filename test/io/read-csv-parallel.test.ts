// Large plain CSV files are parsed by worker threads: the result must be the same bytes as one
// pass, with the same skipped-row line numbers. Runs the built CLI (the worker is compiled JS).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES, parallelThreads } from '../../src/io/read-csv-parallel.js';
import { kamAsync } from '../helpers/kam.js';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-parallel-'));
  file = join(dir, 'big.csv');
  // Deterministic ledger just above the threshold, with quoted fields (some holding the
  // delimiter and a line break), returns, and a few unreadable rows scattered through it.
  const lines = ['Date,Invoice,Client,Note,Quantity,Price,Amount'];
  let i = 0;
  let size = lines[0]!.length;
  while (size < PARALLEL_MIN_BYTES * 1.5) {
    const client = `Client ${String((i * 7919) % 997).padStart(4, '0')}`;
    const month = 1 + (i % 12);
    const day = 1 + ((i * 13) % 28);
    const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const qty = i % 50 === 0 ? -2 : 1 + (i % 9);
    const note = i % 101 === 0 ? '"multi\nline, quoted"' : i % 7 === 0 ? '"a, b"' : 'plain';
    const price = (10 + (i % 300) / 7).toFixed(2);
    // Past the head the main thread reads, so the workers must find and number them.
    const bad = i === 120_000 || i === 180_000;
    const row = `${bad ? 'not-a-date' : date},INV${Math.floor(i / 3)},${client},${note},${qty},${price},${(qty * Number(price)).toFixed(2)}`;
    lines.push(row);
    size += row.length + 1;
    i++;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallel CSV reading', () => {
  it('gives the same bytes and the same skipped-row messages as one pass', async () => {
    const [single, threaded] = await Promise.all([
      kamAsync(['analyze', file, '--format', 'csv'], { env: { KAM_THREADS: '1' } }),
      kamAsync(['analyze', file, '--format', 'csv'], { env: { KAM_THREADS: '2' } }),
    ]);
    expect(single.status).toBe(0);
    expect(threaded.status).toBe(0);
    expect(threaded.stdoutBytes.equals(single.stdoutBytes)).toBe(true);
    expect(threaded.stderr).toBe(single.stderr);
    expect(single.stderr).toMatch(/line \d+/);
  });

  it('--strict stops at the same line either way', async () => {
    const [single, threaded] = await Promise.all([
      kamAsync(['analyze', file, '--strict', '--format', 'csv'], { env: { KAM_THREADS: '1' } }),
      kamAsync(['analyze', file, '--strict', '--format', 'csv'], { env: { KAM_THREADS: '3' } }),
    ]);
    expect(single.status).toBe(1);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).toBe(single.stderr);
  });
});

describe('the parallel path is really taken', () => {
  it('splits this file across workers (no silent fallback to one pass)', async () => {
    // The compiled module: its worker is compiled JS beside it.
    const compiled = '../../dist/io/read-csv-parallel.js';
    const { readCsvParallel } = (await import(compiled)) as typeof import('../../src/io/read-csv-parallel.js');
    const { statSync } = await import('node:fs');
    const result = await readCsvParallel(file, file, statSync(file).size, { encoding: undefined, delimiter: undefined }, { map: {}, strict: false, dateFormat: undefined, decimal: undefined }, 2, () => undefined);
    expect(result).toBeDefined();
    expect(result!.counts.badDate).toBe(2);
    expect(result!.examples.map((e) => e.line)).toHaveLength(2);
  });
});

describe('parallel reading of files whose split points fall in awkward places', () => {
  /**
   * A CRLF export (Excel's kind) of six equal blocks of plain rows, with a row whose note holds
   * bare LFs (40 KB) at a third and at two thirds of the file, and a row whose quoted note holds
   * CRLF line breaks (20 KB) at the half: the split points of 2 threads (½) and of 3 (⅓, ⅔)
   * fall inside them.
   */
  function awkwardFile(file: string): void {
    const block: string[] = [];
    let size = 0;
    for (let i = 0; size < (PARALLEL_MIN_BYTES * 1.2) / 6; i++) {
      const row = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},C${(i * 31) % 503},plain ${i},${1 + (i % 40)}.${i % 100}`;
      block.push(row);
      size += row.length + 2;
    }
    const bareLf = `2024-06-15,CLF,${'bare line feed\n'.repeat(2700)},1.50`;
    const quoted = `2024-06-15,CQ,"${'quoted line\r\n'.repeat(1500)}",2.50`;
    const rows = ['Date,Client,Note,Amount', ...block, ...block, bareLf, ...block, quoted, ...block, bareLf, ...block, ...block];
    writeFileSync(file, `${rows.join('\r\n')}\r\n`);
  }

  it('give one pass\'s bytes when a split point falls inside a quoted field or after a bare LF', async () => {
    // (A bare LF ends a line, CRLF file or not (SPEC §1): the CLF row's lines are rows of their own, bad ones.)
    const awkward = join(dir, 'awkward.csv');
    awkwardFile(awkward);
    const runs = await Promise.all(['1', '2', '3'].map((threads) => kamAsync(['analyze', awkward, '--format', 'csv'], { env: { KAM_THREADS: threads } })));
    for (const run of runs) {
      expect(run.stderr).toBe(runs[0]!.stderr);
      expect(run.status).toBe(0);
      expect(run.stdoutBytes.equals(runs[0]!.stdoutBytes)).toBe(true);
    }
    // The quoted trap row is read whole: its client is in the output.
    expect(runs[0]!.stdout).toMatch(/^CQ,/m);
    expect(runs[0]!.stderr).toMatch(/rows? skipped/);
  });
});

describe('a worker that runs out of memory', () => {
  it('ends the parallel attempt, not the run: the reader hands back to one pass', async () => {
    // 200,000 one-off clients: the worker's half fits its usual heap, not one capped at 48 MB.
    const file = join(dir, 'many-clients.csv');
    const rows = ['Date,Client,Amount'];
    for (let i = 0; i < 200_000; i++) rows.push(`2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},Customer number ${i},${1 + (i % 40)}.5`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const compiled = '../../dist/io/read-csv-parallel.js';
    const { readCsvParallel } = (await import(compiled)) as typeof import('../../src/io/read-csv-parallel.js');
    const { statSync } = await import('node:fs');
    const read = (heapMb?: number) =>
      readCsvParallel(file, file, statSync(file).size, { encoding: undefined, delimiter: undefined }, { map: {}, strict: false, dateFormat: undefined, decimal: undefined }, 2, () => undefined, heapMb);
    expect((await read())?.ledger.clients.size).toBe(200_000);
    expect(await read(48)).toBeUndefined();
  });
});

describe('how many threads', () => {
  it('reads on one thread below 4 cores, on up to 8 above, and as KAM_THREADS says when set', () => {
    expect(parallelThreads({}, 2)).toBe(1);
    expect(parallelThreads({}, 4)).toBe(4);
    expect(parallelThreads({}, 32)).toBe(8);
    expect(parallelThreads({ KAM_THREADS: '3' }, 2)).toBe(3);
    expect(parallelThreads({ KAM_THREADS: 'many' }, 2)).toBe(1);
  });
});
