// SPEC §12: a PostgreSQL table as a ledger; what goes wrong is one line that never shows a password.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { KamError } from '../../src/core/problems.js';
import { readLedger } from '../../src/io/read-ledger.js';
import { redactedUrl } from '../../src/io/read-postgres.js';
import { renderProblem } from '../../src/report/messages.js';
import { en } from '../../src/i18n/en.js';
import { SAMPLE_CSV, kamAsync } from '../helpers/kam.js';
import { loadIntoPostgres, testPostgresUrl } from '../helpers/sql-sources.js';

const url = testPostgresUrl();

function read(source: string, extra: { table?: string; query?: string }): Promise<unknown> {
  return readLedger(
    [source],
    { map: {}, sheets: undefined, encoding: undefined, delimiter: undefined, decimal: undefined, dateFormat: undefined, strict: false, ...extra },
    Readable.from([]),
  );
}

async function failure(source: string, extra: { table?: string; query?: string }): Promise<{ reason: unknown; message: string }> {
  try {
    await read(source, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(KamError);
    const problem = (error as KamError).problem;
    return { reason: problem.details?.reason, message: renderProblem(problem, en) };
  }
  throw new Error('no error');
}

describe('the source named in messages', () => {
  it('loses its password and query string', () => {
    expect(redactedUrl('postgres://kam:s3cret@db.example:5433/sales?sslmode=require&password=x')).toBe('postgres://kam@db.example:5433/sales');
    expect(redactedUrl('postgresql://db/sales')).toBe('postgresql://db/sales');
  });
});

describe.skipIf(url === undefined)('on a real server', () => {
  const secret = url === undefined ? '' : new URL(url).password;

  it('a wrong password is one line, without the password', async () => {
    const wrong = new URL(url!);
    wrong.password = 'not-the-password';
    const { reason, message } = await failure(wrong.toString(), { table: 'x' });
    expect(reason).toBe('auth');
    expect(message).not.toContain('not-the-password');
    expect(message).not.toContain(secret);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('an unreachable server is one line', async () => {
    const closed = new URL(url!);
    closed.port = '1';
    const { reason, message } = await failure(closed.toString(), { table: 'x' });
    expect(reason).toBe('unreachable');
    expect(message).not.toContain(secret);
  });

  it('a missing table is one line naming it', async () => {
    const { reason, message } = await failure(url!, { table: 'no_such_table' });
    expect(reason).toBe('no-table');
    expect(message).toContain('"no_such_table"');
    expect(message).not.toContain(secret);
  });

  it('neither --table nor --query: says which to give', async () => {
    const { reason } = await failure(url!, {});
    expect(reason).toBe('no-source');
  });

  it('a query is read as a table', async () => {
    const result = (await read(url!, {
      query: "SELECT * FROM (VALUES ('A  B', DATE '2025-01-02', 10.5), ('A B', DATE '2025-01-02', -0.5), ('', DATE '2025-01-03', 1)) AS t(client, date, amount)",
    })) as { ledger: { clients: Map<string, { days: { size: number; amount: (i: number) => number } }> }; counts: { rows: number; noClient: number } };
    expect([...result.ledger.clients.keys()]).toEqual(['A B']);
    expect(result.ledger.clients.get('A B')!.days.amount(0)).toBe(10);
    expect(result.counts).toMatchObject({ rows: 3, noClient: 1 });
  });

  it("kam analyze URL --table and kam lost URL --from-table: the CSV's bytes", async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await loadIntoPostgres(client, 'cli_sales', SAMPLE_CSV, { client: 'Client', date: 'Date', amount: 'Amount', quantity: 'Quantity', price: 'Price', profit: 'Profit' }, true);
    } finally {
      await client.end();
    }
    const pairs = [
      [['analyze', SAMPLE_CSV, '--format', 'csv'], ['analyze', url!, '--table', 'cli_sales', '--format', 'csv']],
      [['lost', SAMPLE_CSV, '--format', 'csv', '--table', 'churn', '--direction', 'Region'], ['lost', url!, '--from-table', 'cli_sales', '--format', 'csv', '--table', 'churn', '--direction', 'Region']],
      [['client', SAMPLE_CSV, 'Magnum Cash&Carry', '--format', 'json'], ['client', url!, 'Magnum Cash&Carry', '--query', 'SELECT * FROM cli_sales', '--format', 'json']],
    ];
    for (const [csv, db] of pairs) {
      const [a, b] = await Promise.all([kamAsync(csv!), kamAsync(db!)]);
      expect(b.status, b.stderr).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).not.toContain(secret);
    }
  });
});
