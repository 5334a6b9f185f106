// kam sql and kam aggregate on the command line: statements per dialect, usage errors (exit 2).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_DIALECT_NAMES } from '../../src/io/sql/index.js';
import { ROOT } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';

const ROLES = ['--map', 'client=customer', '--map', 'date=sold_on', '--map', 'amount=total'];

describe('kam sql', () => {
  it.each(SQL_DIALECT_NAMES)('prints a %s statement reading the table', async (dialect) => {
    const r = await runKam(['sql', '--dialect', dialect, '--from', 'sales', ...ROLES]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`-- kam day ledger (SPEC §12), dialect ${dialect}`);
    expect(r.stdout).toMatch(/\bFROM sales\b/);
    expect(r.stdout).toContain('customer');
  });

  it('a required role without a column is a usage error naming the role and --map', async () => {
    const r = await runKam(['sql', '--dialect', 'postgres', '--from', 'sales', '--map', 'client=customer', '--map', 'amount=total']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kam: .*\bdate\b.*--map date=COLUMN/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('speaks Russian and Kazakh', async () => {
    for (const lang of ['ru', 'kk']) {
      const r = await runKam(['sql', '--dialect', 'spark', '--from', 'sales', '--map', 'date=d', '--map', 'amount=a', '--lang', lang]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(lang === 'ru' ? /--map client=СТОЛБЕЦ/ : /--map client=БАҒАН/);
    }
  });

  it('carries the currency the amount column names, or --currency, as a currency column on every row', async () => {
    const named = await runKam(['sql', '--dialect', 'postgres', '--from', 'sales', '--map', 'client=c', '--map', 'date=d', '--map', 'amount=Сумма, тг', '--map', 'direction=r']);
    expect(named.status, named.stderr).toBe(0);
    // The day rows and the direction rows alike.
    expect(named.stdout.match(/'KZT' AS currency/g)).toHaveLength(2);
    const given = await runKam(['sql', '--dialect', 'duckdb', '--from', 'sales', ...ROLES, '--currency', 'usd']);
    expect(given.stdout).toContain("'USD' AS currency");
    const none = await runKam(['sql', '--dialect', 'duckdb', '--from', 'sales', ...ROLES]);
    expect(none.stdout).not.toContain('currency');
  });

  it('refuses an unknown dialect and a missing --dialect (exit 2)', async () => {
    expect((await runKam(['sql', '--dialect', 'oracle', '--from', 'sales', ...ROLES])).status).toBe(2);
    expect((await runKam(['sql', '--from', 'sales', ...ROLES])).status).toBe(2);
  });
});

describe('kam aggregate', () => {
  const ledger = join(ROOT, 'fixtures', 'sample-ledger.csv');

  it('an -o that is neither .csv nor .parquet is a usage error, and nothing is written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kam-aggregate-')), 'day.xlsx');
    const r = await runKam(['aggregate', ledger, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kam: --output takes a \.csv or \.parquet file, not ".*day\.xlsx"\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the day ledger as CSV', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kam-aggregate-')), 'day.csv');
    const r = await runKam(['aggregate', ledger, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('a database source without --table or --query is a usage error (exit 2)', async () => {
    const r = await runKam(['aggregate', 'postgres://127.0.0.1:1/none', '-o', '/tmp/never.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--table NAME/);
  });

  it('--table with --query is a usage error', async () => {
    const r = await runKam(['analyze', ledger, '--table', 'sales', '--query', 'SELECT 1']);
    expect(r.status).toBe(2);
  });
});

describe('the movement commands read a day ledger as they read its sale lines', () => {
  const ledger = join(ROOT, 'fixtures', 'sample-ledger.csv');

  it.each([
    ['bridge', ['--direction', 'Region']],
    ['portfolio', ['--by', 'Region']],
    ['history', ['--every', 'quarter', '--window', '6', '--direction', 'Region']],
  ])('kam %s: the same CSV from the day ledger', async (command, options) => {
    const day = join(mkdtempSync(join(tmpdir(), 'kam-aggregate-')), 'day.csv');
    expect((await runKam(['aggregate', ledger, '--direction', 'Region', '-o', day])).status).toBe(0);
    const lines = await runKam([command, ledger, ...options, '--format', 'csv']);
    const days = await runKam([command, day, ...options, '--format', 'csv']);
    expect(lines.status).toBe(0);
    expect(days.stdout.length).toBeGreaterThan(0);
    expect(days.stdout).toBe(lines.stdout);
  });

  it.each(['bridge', 'portfolio', 'history'])('kam %s takes --table: a server that is not there is one line and exit 1', async (command) => {
    const r = await runKam([command, 'postgres://kam@127.0.0.1:1/none', '--table', 'sales', ...(command === 'portfolio' ? ['--by', 'Region'] : [])]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kam: .*127\.0\.0\.1/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
