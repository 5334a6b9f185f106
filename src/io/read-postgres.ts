// A PostgreSQL table or query as a ledger (SPEC §12): `kam analyze postgres://user@host/db
// --table sales` or `--query "SELECT …"`. The columns are found from the result's names by the
// CSV header rules (and --map); the aggregation to a day ledger runs on the server (kam sql's
// postgres statement) and its rows stream back through a cursor, as text. Credentials come from
// the URL, the PG* variables or ~/.pgpass (pg reads them) and are never written in a message:
// the source is named by its URL without the password.
import type { Ledger } from '../core/ledger.js';
import { KamError } from '../core/problems.js';
import { tableRoles } from './table-roles.js';
import { DayLedgerReader } from './day-ledger.js';
import type { ReadCounts, RecordOptions } from './records.js';
import { dayLedgerSql, type SqlRoles } from './sql/dialect.js';
import { postgres } from './sql/postgres.js';

const FETCH_ROWS = 20_000;

export function isPostgresUrl(path: string): boolean {
  return /^postgres(ql)?:\/\//i.test(path);
}

/** The URL as messages show it: no password, no query string (which may hold one). */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//').replace(/\?.*$/, '');
  }
}

export interface PostgresSource {
  /** --table: a table (or view) name, schema-qualified or not. */
  table?: string | undefined;
  /** --query: a SELECT whose result is the table of sale lines. */
  query?: string | undefined;
}

function quotedName(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

/** Why a database said no, in kam's words; the server's own text rides along as the value. */
function sourceFailure(label: string, error: unknown, source: PostgresSource): KamError {
  const e = error as { code?: string; message?: string };
  const message = String(e.message ?? error).split('\n')[0]!;
  const reason =
    e.code === '28P01' || e.code === '28000'
      ? 'auth'
      : e.code === '3D000'
        ? 'no-database'
        : e.code === '42P01'
          ? source.table !== undefined
            ? 'no-table'
            : 'query'
          : ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET'].includes(e.code ?? '') || /timeout/i.test(message)
            ? 'unreachable'
            : e.code !== undefined && /^[0-9A-Z]{5}$/.test(e.code)
              ? 'query'
              : 'other';
  return new KamError({ code: 'source-failed', file: label, value: message, details: { reason, ...(source.table !== undefined ? { table: source.table } : {}) } });
}

export async function readPostgres(ledger: Ledger, url: string, source: PostgresSource, options: RecordOptions): Promise<{ name: string; counts: ReadCounts }> {
  const label = redactedUrl(url);
  if ((source.table === undefined) === (source.query === undefined)) {
    throw new KamError({ code: 'source-failed', file: label, details: { reason: 'no-source' } });
  }
  const from = source.table !== undefined ? quotedName(source.table) : `(${source.query}) AS kam_source`;
  const name = source.table !== undefined ? `${label} ${source.table}` : label;
  const pg = (await import('pg')).default;
  // Every value as the server's own text: exact numerics, ISO dates (DateStyle below).
  const types = { getTypeParser: () => (value: string) => value };
  const client = new pg.Client({ connectionString: url, types, connectionTimeoutMillis: 15_000, application_name: 'kam' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query("SET DateStyle = 'ISO, YMD'");
    const probe = await client.query({ text: `SELECT * FROM ${from} LIMIT 0`, rowMode: 'array' });
    const headers = probe.fields.map((f) => f.name);
    const roles = tableRoles(ledger, headers, name, options);

    const tally = await client.query({ text: dayLedgerSql(postgres, { from, roles }, true), rowMode: 'array' });
    const [lines, noClient, badDate, badNumber] = ((tally.rows[0] as unknown[] | undefined) ?? []).map((v) => Number(v ?? 0));
    const counts: ReadCounts = { rows: lines!, accepted: lines! - noClient! - badDate! - badNumber!, noClient: noClient!, badDate: badDate!, badNumber: badNumber!, badFields: 0 };
    if (counts.rows === 0) throw new KamError({ code: 'no-rows', file: name });
    if (options.strict && counts.accepted < counts.rows) {
      const [role, kind] = noClient! > 0 ? (['client', 'client'] as const) : badDate! > 0 ? (['date', 'date'] as const) : (['amount', 'number'] as const);
      throw new KamError({ code: 'bad-row', file: name, column: roles[role], value: '', details: { kind } });
    }
    const reader = new DayLedgerReader(ledger, name, options);
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE kam_day NO SCROLL CURSOR FOR ${dayLedgerSql(postgres, { from, roles }).replace(/^--.*\n/, '')}`);
    let line = 1;
    let header = false;
    for (;;) {
      const batch = await client.query({ text: `FETCH ${FETCH_ROWS} FROM kam_day`, rowMode: 'array' });
      if (!header) {
        reader.push(
          batch.fields.map((f) => f.name),
          1,
        );
        header = true;
      }
      for (const row of batch.rows as (string | null)[][]) reader.push(row.map((v) => v ?? ''), ++line);
      if (batch.rows.length < FETCH_ROWS) break;
    }
    await client.query('COMMIT');
    if (counts.accepted > 0) reader.finish();
    return { name, counts };
  } catch (error) {
    if (error instanceof KamError) throw error;
    throw sourceFailure(label, error, source);
  } finally {
    await client.end().catch(() => undefined);
  }
}
