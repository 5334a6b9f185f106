// Issue 15: --quiet on every command with notes (analyze, lost, alive, client, bridge, portfolio,
// history): notes off, so a clean run leaves standard error empty; warnings and errors stay.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKam } from '../helpers/run.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const XLSX = join(ROOT, 'fixtures/sample-ledger.xlsx');
const CSV = join(ROOT, 'fixtures/sample-ledger.csv');

describe('--quiet', () => {
  // Each run has a note without --quiet: the sheet read, or the partial last quarter left out.
  const runs: string[][] = [
    ['analyze', XLSX, '--period', 'quarter', '--format', 'csv'],
    ['lost', XLSX, '--format', 'csv'],
    ['alive', XLSX, '--format', 'csv'],
    ['bridge', XLSX, '--period', 'quarter', '--format', 'csv'],
    ['portfolio', XLSX, '--by', 'Region', '--period', 'quarter', '--format', 'json'],
    ['bridge', CSV, '--period', 'quarter', '--format', 'ndjson'],
  ];
  for (const args of runs) {
    it(`kam ${args[0]} ${args.slice(2).join(' ')}: a note without it, an empty stderr with it, the same stdout`, async () => {
      const loud = await runKam(args);
      const quiet = await runKam([...args, '--quiet']);
      expect(loud.stderr).toMatch(/^kam: note: /m);
      expect(quiet.stderr).toBe('');
      expect(quiet.status).toBe(loud.status);
      expect(quiet.stdout).toBe(loud.stdout);
    });
  }
  it('kam history and kam client take it (a clean run: stderr empty)', async () => {
    for (const args of [['history', CSV, '--every', 'quarter', '--window', '6', '--format', 'csv'], ['client', CSV, 'Magnum Cash&Carry', '--format', 'json']]) {
      const r = await runKam([...args, '--quiet']);
      expect(r.status, args[0]).toBe(0);
      expect(r.stderr, args[0]).toBe('');
    }
  });
  it('kam aggregate takes it: the skipped-rows note goes, the day ledger is the same', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kam-quiet-'));
    try {
      const input = 'Date,Client,Amount\n2025-01-01,A,100\n2025-01-02,,5\n';
      const loud = await runKam(['aggregate', '-', '-o', join(dir, 'loud.csv')], { input });
      const quiet = await runKam(['aggregate', '-', '-o', join(dir, 'quiet.csv'), '--quiet'], { input });
      expect(loud.stderr).toMatch(/^kam: note: /m);
      expect([quiet.status, quiet.stderr]).toEqual([0, '']);
      expect(readFileSync(join(dir, 'quiet.csv'), 'utf8')).toBe(readFileSync(join(dir, 'loud.csv'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a warning stays: a row skipped is said even with --quiet', async () => {
    const r = await runKam(['bridge', '-', '--format', 'csv', '--quiet'], { input: 'Date,Client,Amount\n2025-01-01,A,100\n2025-01-31,B,5\nnot a date,B,5\n2025-03-31,B,120\n' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^kam: warning: .*unreadable date/m);
  });
});
