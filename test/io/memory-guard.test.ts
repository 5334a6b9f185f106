// Issue 18: when memory would run out, kam stops with one line naming the clients read so far and
// what to do (exit 1), never V8's fatal report.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addLine, emptyLedger } from '../../src/core/ledger.js';
import { ANALYSIS_BYTES_PER_CLIENT, STOP_SHARE, checkMemory, checkRoomForAnalysis, checkWorkbookMemory } from '../../src/io/memory-guard.js';
import { problemLine } from '../../src/report/messages.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { kk } from '../../src/i18n/kk.js';
import { KAM, cleanEnv } from '../helpers/kam.js';
import { kamErrorOf } from '../helpers/kam-error.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-memory-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ledgerOf(clients: number) {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
  for (let i = 0; i < clients; i++) addLine(ledger, { client: `Client ${i}`, day: 19000, amount: 10 });
  return ledger;
}

describe('the memory guard', () => {
  const MB = 2 ** 20;
  it('lets a read go on below its share of the heap limit and stops it above, naming the clients', () => {
    const ledger = ledgerOf(3);
    expect(() => checkMemory(ledger, 'big.csv', 0, { used: 80 * MB, limit: 100 * MB })).not.toThrow();
    const problem = kamErrorOf(() => checkMemory(ledger, 'big.csv', 0, { used: (STOP_SHARE * 100 + 1) * MB, limit: 100 * MB })).problem;
    expect(problem).toMatchObject({ code: 'out-of-memory', file: 'big.csv', details: { clients: 3, limitMb: 100 } });
  });

  it('stops after a read when the analysis of its clients would not fit', () => {
    const ledger = ledgerOf(1000);
    const room = 1000 * ANALYSIS_BYTES_PER_CLIENT;
    // Heap nearly free: room. Heap at the stop share less a little less than the analysis needs: no room.
    expect(() => checkRoomForAnalysis(ledger, 'x.csv')).not.toThrow();
    expect(() => checkMemory(ledger, 'x.csv', room, { used: STOP_SHARE * 100 * MB - room - 1, limit: 100 * MB })).not.toThrow();
    expect(kamErrorOf(() => checkMemory(ledger, 'x.csv', room, { used: STOP_SHARE * 100 * MB - room + 1, limit: 100 * MB })).problem.code).toBe('out-of-memory');
  });

  it('says what to do in every language, on one line', () => {
    const problem = kamErrorOf(() => checkMemory(ledgerOf(21), 'big.csv', 0, { used: 99 * MB, limit: 100 * MB })).problem;
    const lines = [en, ru, kk].map((t) => problemLine(problem, t, false));
    for (const line of lines) {
      expect(line).toMatch(/^kam: big\.csv: [^\n]*--max-old-space-size[^\n]*kam aggregate[^\n]*--memory[^\n]*\n$/);
      expect(line).toMatch(/21/);
    }
    expect(lines[0]).toContain('after 21 clients (heap limit 100 MB)');
    expect(lines[1]).toContain('после 21 клиента');
    expect(lines[2]).toContain('21 клиенттен кейін');
  });

  it('while the workbook is written: near the limit, the workbook problem (no --memory or kam aggregate advice)', () => {
    expect(() => checkWorkbookMemory({ used: 80 * MB, limit: 100 * MB })).not.toThrow();
    const problem = kamErrorOf(() => checkWorkbookMemory({ used: 90 * MB, limit: 100 * MB })).problem;
    expect(problem).toMatchObject({ code: 'out-of-memory', details: { limitMb: 100, engine: 'workbook' } });
    // The writer names the file and the clients (report/workbook/index.ts).
    const named = { ...problem, file: 'book.xlsx', details: { ...(problem.details as object), clients: 50_000 } } as typeof problem;
    const lines = [en, ru, kk].map((t) => problemLine(named, t, false));
    for (const line of lines) {
      expect(line).toMatch(/^kam: book\.xlsx: [^\n]*--max-old-space-size[^\n]*--format csv[^\n]*\n$/);
      expect(line).not.toMatch(/kam aggregate|--memory/);
    }
    expect(lines[0]).toContain('writing the workbook of 50,000 clients (heap limit 100 MB)');
    expect(lines[1]).toMatch(/книги на 50\s000 клиентов/);
    expect(lines[2]).toMatch(/50\s000 клиенттің кітабын/);
  });

  it('a ledger too large for a small heap: one line and exit 1, not V8 out-of-memory report', () => {
    // 150,000 clients of one line each: the ledger alone outgrows a 40 MB heap.
    const path = join(dir, 'many.csv');
    const rows = ['Date,Client,Amount'];
    for (let i = 0; i < 150_000; i++) rows.push(`2024-01-${String(1 + (i % 28)).padStart(2, '0')},Client ${i},${(i % 997) + 1}.50`);
    writeFileSync(path, `${rows.join('\n')}\n`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=40', KAM, 'analyze', path, '--format', 'csv'], { env: cleanEnv(), encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/FATAL|heap out of memory|stack/i);
    expect(r.stderr).toMatch(/^kam: [^\n]*many\.csv: memory ran short after [\d,]+ clients \(heap limit 40 MB\)[^\n]*\n$/);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  }, 60_000);
});

describe('DuckDB out of memory (Parquet)', () => {
  it('DuckDB reaching its --memory cap: one line naming the cap and what to do, exit 1', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const path = join(dir, 'lines.parquet');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(
      `COPY (SELECT DATE '2024-01-01' + CAST(i % 700 AS INTEGER) AS "Date", 'D' || (i // 3) AS "Invoice", 'Client ' || ((i // 3) % 50000) AS "Client", CAST(1 + i % 97 AS DECIMAL(12, 2)) AS "Amount" FROM range(600000) t(i)) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    const r = spawnSync(process.execPath, [KAM, 'analyze', path, '--format', 'csv', '--memory', '20MB'], { env: cleanEnv(), encoding: 'utf8' });
    expect(r.stderr).toMatch(/^kam: [^\n]*lines\.parquet: DuckDB ran out of memory \(limit \d+ MB\) after [\d,]+ clients: [^\n]*--memory[^\n]*\n$/);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  }, 120_000);
});

describe('DuckDB errors about the machine', () => {
  it('a full disk under its temp folder: one coded problem naming the folder; other errors pass through', async () => {
    const { duckDbProblem } = await import('../../src/io/read-parquet.js');
    const ledger = { clients: new Map() };
    const full = duckDbProblem(new Error('IO Error: Could not write file "/tmp/x/kam-day-ledger.parquet": No space left on device'), ledger, 'sales.parquet');
    expect(full).toMatchObject({ problem: { code: 'source-failed', file: 'sales.parquet', details: { reason: 'no-space' } } });
    expect((full as { problem: { value: string } }).problem.value).toBe(tmpdir());
    const oom = duckDbProblem(new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (488.1 MiB/488.2 MiB used)'), ledger, 'sales.parquet');
    expect(oom).toMatchObject({ problem: { code: 'out-of-memory', details: { limitMb: 488, engine: 'duckdb' } } });
    const other = new Error('Binder Error: no such column');
    expect(duckDbProblem(other, ledger, 'sales.parquet')).toBe(other);
  });
});
