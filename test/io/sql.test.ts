// `kam sql` (SPEC §12): one statement per dialect; the duckdb one run for real.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeClientName } from '../../src/core/ledger.js';
import { KamError } from '../../src/core/problems.js';
import { SQL_DIALECT_NAMES, daySql } from '../../src/io/sql/index.js';

const ROLES = { client: 'Client', date: 'Date', amount: 'Amount', quantity: 'Qty', profit: 'Profit', document: 'Invoice', product: 'SKU', direction: 'Region' };

describe('the statement', () => {
  it.each(SQL_DIALECT_NAMES)('%s: names every column of the contract and quotes the source columns', (dialect) => {
    const sql = daySql(dialect, { from: 'sales', roles: ROLES });
    for (const column of ['kam_day_ledger', 'client', 'date', 'amount', 'quantity', 'profit', 'purchase', 'documents', 'direction', 'product']) {
      expect(sql).toMatch(new RegExp(`AS ${column}\\b`));
    }
    for (const name of Object.values(ROLES)) expect(sql).toMatch(new RegExp(`["\`]${name}["\`]`));
    expect(sql).toContain("'direction' AS kam_day_ledger");
    expect(sql).toContain("'product' AS kam_day_ledger");
  });

  it.each(SQL_DIALECT_NAMES)('%s: leaves out what the lines do not have', (dialect) => {
    const sql = daySql(dialect, { from: 'sales', roles: { client: 'c', date: 'd', quantity: 'q', price: 'p' } });
    for (const column of ['profit', 'documents', 'direction', 'product']) expect(sql).not.toMatch(new RegExp(`AS ${column}\\b`));
    expect(sql).toMatch(/AS quantity\b/);
  });

  it('refuses a ledger without client, date or amount', () => {
    expect(() => daySql('duckdb', { from: 't', roles: { client: 'c', quantity: 'q' } })).toThrow(KamError);
    try {
      daySql('postgres', { from: 't', roles: { date: 'd', amount: 'a' } });
    } catch (error) {
      expect((error as KamError).problem).toMatchObject({ code: 'missing-column', details: { roles: ['client'] } });
    }
  });
});

describe('in DuckDB', () => {
  const spaces = [' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b'];
  const nameArb = fc.array(fc.oneof(fc.constantFrom(...spaces), fc.constantFrom('a', 'Б', 'Ω', '-', "'", '"', ',')), { minLength: 1, maxLength: 10 }).map((p) => p.join(''));

  /** The day ledger DuckDB makes of one line per value (client, date 2025-01-01, amount 1, region), with kam's statement. */
  async function dayLedgerOf(lines: readonly { client: string; region: string }[]): Promise<Record<string, unknown>[]> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run('CREATE TABLE t (c VARCHAR, d DATE, a DOUBLE, r VARCHAR)');
    const appender = await db.createAppender('t');
    for (const line of lines) {
      appender.appendVarchar(line.client);
      appender.appendVarchar('2025-01-01');
      appender.appendDouble(1);
      appender.appendVarchar(line.region);
      appender.endRow();
    }
    appender.closeSync();
    const sql = daySql('duckdb', { from: '(SELECT * FROM t) s', roles: { client: 'c', date: 'd', amount: 'a', direction: 'r' } });
    return (await db.runAndReadAll(sql)).getRowObjectsJS();
  }

  it('folds client names as kam does, for every Unicode space (property)', async () => {
    const names = fc.sample(nameArb, { numRuns: 300, seed: 18 });
    const rows = await dayLedgerOf(names.map((client) => ({ client, region: 'r' })));
    const folded = rows.filter((r) => r.kam_day_ledger === 'day').map((r) => String(r.client)).sort();
    const expected = [...new Set(names.map(normalizeClientName).filter((n) => n !== ''))].sort();
    expect(folded).toEqual(expected);
  });

  it('trims directions (and documents, products) as kam does, for every Unicode space (property)', async () => {
    const values = fc.sample(nameArb, { numRuns: 300, seed: 19 });
    const rows = await dayLedgerOf(values.map((region) => ({ client: 'x', region })));
    const trimmed = rows.filter((r) => r.kam_day_ledger === 'direction').map((r) => String(r.direction)).sort();
    const expected = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort();
    expect(trimmed).toEqual(expected);
  });
});
