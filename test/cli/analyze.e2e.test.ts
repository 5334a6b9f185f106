// `kam analyze` end to end: the built CLI (npm test builds first) on the sample ledger.
// Runs are started together (kam spends most of its time starting up), then checked.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ANSI, CONTRACT_COLUMNS, ROOT, SAMPLE_CSV, SAMPLE_XLSX, csvRecords, kamAsync, kamClosedEarly, type KamOptions, type KamRun } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-analyze-e2e-'));

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// A ledger whose per-client output is far larger than a pipe buffer (for the early-close tests).
function bigLedger(): string {
  const lines = ['Date,Client,Amount'];
  for (let c = 0; c < 3000; c++) {
    for (const [i, m] of ['01', '02', '03'].entries()) {
      lines.push(`2024-${m}-${String(1 + (c % 28)).padStart(2, '0')},client number ${c},${(c % 97) + 1 + ((c * (i + 1)) % 13) * 7}.5`);
    }
  }
  lines.push('2024-01-01,edge,1', '2024-03-31,edge,1');
  return write('big.csv', `${lines.join('\n')}\n`);
}
const BIG = bigLedger();
const SAMPLE_BYTES = readFileSync(SAMPLE_CSV);

/** Every run the tests look at, started at once in beforeAll. */
const RUNS = {
  csv: [['analyze', SAMPLE_CSV]],
  csvAgain: [['analyze', SAMPLE_CSV]],
  xlsx: [['analyze', SAMPLE_XLSX]],
  json: [['analyze', SAMPLE_CSV, '--format', 'json']],
  ndjson: [['analyze', SAMPLE_CSV, '--format', 'ndjson']],
  xlsxJson: [['analyze', SAMPLE_XLSX, '--format', 'json']],
  exclude: [['analyze', SAMPLE_CSV, '--abc-boundary', 'exclude']],
  partial: [['analyze', write('partial.csv', 'Date,Client,Amount\n2024-01-01,a,10\n2024-02-10,a,20\n2024-03-15,a,30\n2024-03-20,b,5\n')]],
  table: [['analyze', SAMPLE_CSV, '--format', 'table']],
  tableForced: [['analyze', SAMPLE_CSV, '--format', 'table'], { env: { FORCE_COLOR: '1' } }],
  tableNoColorEnv: [['analyze', SAMPLE_CSV, '--format', 'table'], { env: { NO_COLOR: '1', FORCE_COLOR: '3' } }],
  tableNoColorFlag: [['analyze', SAMPLE_CSV, '--format', 'table', '--no-color'], { env: { FORCE_COLOR: '3', COLORTERM: 'truecolor' } }],
  csvForced: [['analyze', SAMPLE_CSV], { env: { FORCE_COLOR: '3' } }],
  ndjsonForced: [['analyze', SAMPLE_CSV, '--format', 'ndjson'], { env: { FORCE_COLOR: '3' } }],
  stdinDash: [['analyze', '-'], { input: SAMPLE_BYTES }],
  stdinPipe: [['analyze'], { input: SAMPLE_BYTES }],
  stdinXlsx: [['analyze', '-'], { input: readFileSync(SAMPLE_XLSX) }],
  stdinGz: [['analyze'], { input: gzipSync(SAMPLE_BYTES) }],
  gzFile: [['analyze', write('sample-ledger.csv.gz', gzipSync(SAMPLE_BYTES))]],
  big: [['analyze', BIG]],
} satisfies Record<string, [string[]] | [string[], KamOptions]>;

const results = {} as Record<keyof typeof RUNS, KamRun>;
/** Runs of bin/kam.js in a real process; the rest run in-process (test/helpers/run.ts). */
const REAL_PROCESS: ReadonlySet<string> = new Set(['tableForced', 'tableNoColorEnv', 'tableNoColorFlag', 'csvForced', 'ndjsonForced', 'stdinDash', 'stdinPipe', 'stdinXlsx', 'stdinGz']);

beforeAll(async () => {
  const names = Object.keys(RUNS) as (keyof typeof RUNS)[];
  // In-process, but for the runs that are about the process itself: colour from the environment, stdin.
  const runs = await Promise.all(names.map((n) => (REAL_PROCESS.has(n) ? kamAsync : runKam)(...(RUNS[n] as [string[], KamOptions?]))));
  names.forEach((n, i) => (results[n] = runs[i]!));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A usage or data error: the status, one line on stderr starting "kam:", nothing on stdout. */
function expectOneLineError(r: KamRun, status: number): void {
  expect(r.stdout).toBe('');
  expect(r.status).toBe(status);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, `stderr was:\n${r.stderr}`).toHaveLength(1);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(lines[0]).toMatch(/^kam: /);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('per-client CSV (SPEC §9)', () => {
  it('succeeds on the sample ledger, with nothing but data on stdout', () => {
    expect(results.csv.status).toBe(0);
    expect(results.csv.stdout.startsWith('client,')).toBe(true);
    expect(results.csv.stderr).not.toMatch(/client,abc/);
  });

  it('the header starts with exactly the contract columns, in order', () => {
    const header = results.csv.stdout.slice(0, results.csv.stdout.indexOf('\n')).split(',');
    expect(header.slice(0, CONTRACT_COLUMNS.length)).toEqual([...CONTRACT_COLUMNS]);
    expect(new Set(header).size).toBe(header.length);
  });

  it('one row per client: 40 clients, «ТОО Астана-Маркет» written three ways is one client', () => {
    const { records } = csvRecords(results.csv.stdout);
    expect(records).toHaveLength(40);
    expect(new Set(records.map((r) => r.client)).size).toBe(40);
    expect(records.filter((r) => (r.client ?? '').includes('Астана-Маркет')).map((r) => r.client)).toEqual(['ТОО Астана-Маркет']);
  });

  it('fields follow the contract formats: classes, fractions, YYYY-MM-DD dates, status words, empty where missing', () => {
    const { records } = csvRecords(results.csv.stdout);
    for (const r of records) {
      expect(r.abc).toMatch(/^[ABC]$/);
      expect(r.xyz).toMatch(/^[XYZ]?$/);
      expect(r.cell).toBe(`${r.abc}${r.xyz === '' ? '-' : r.xyz}`);
      if (r.share !== '') {
        expect(Number(r.share)).toBeGreaterThan(0);
        expect(Number(r.share)).toBeLessThanOrEqual(1);
        expect(Number(r.cum_share)).toBeLessThanOrEqual(1);
      }
      for (const k of ['first_purchase', 'last_purchase']) expect(r[k]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(r.status).toMatch(/^(active|at-risk|lost)?$/);
      expect(r.rank).toMatch(/^\d*$/);
      for (const k of ['total', 'share', 'cum_share', 'cv', 'recency_days', 'usual_interval_days', 'p_alive']) {
        expect(r[k]!, k).not.toMatch(/e/i); // plain decimals, no exponent
        expect(r[k]!, k).not.toMatch(/%/);
      }
      if (r.p_alive !== '') {
        expect(Number(r.p_alive)).toBeGreaterThanOrEqual(0);
        expect(Number(r.p_alive)).toBeLessThanOrEqual(1);
      }
      expect(r.tags).not.toMatch(/,/);
    }
    const last = records[records.length - 1]!;
    expect(Number(last.cum_share)).toBeCloseTo(1, 9);
  });

  it('figures the fixtures README checked independently: 9 A clients, the boundary client, XYZ counts', () => {
    const { records } = csvRecords(results.csv.stdout);
    const by = Object.fromEntries(records.map((r) => [r.client, r]));
    expect(records.filter((r) => r.abc === 'A')).toHaveLength(9);
    expect(records.filter((r) => r.abc === 'B')).toHaveLength(9);
    expect(records.filter((r) => r.abc === 'C')).toHaveLength(22);
    const xyz = (k: string): number => records.filter((r) => r.xyz === k).length;
    expect([xyz('X'), xyz('Y'), xyz('Z'), xyz('')]).toEqual([5, 1, 33, 1]);
    expect(by['ТОО «Алматы Строй Сервис»']).toMatchObject({ abc: 'A', xyz: 'X', cell: 'AX', rank: '1' });
    expect(Number(by['ТОО «Алматы Строй Сервис»']!.cv)).toBeCloseTo(0.02, 2);
    expect(Number(by['ТОО Астана-Маркет']!.cv)).toBeCloseTo(0.07, 2);
    expect(Number(by['ТОО «Агро-Сервис Юг»']!.cv)).toBeCloseTo(0.19, 2);
    expect(by['ИП Сейткали Н.Б.']).toMatchObject({ abc: 'A', cell: 'AZ' });
    expect(by['ТОО «Silk Way Trading»']).toMatchObject({ abc: 'B' });
    expect(Number(by['ТОО «Silk Way Trading»']!.cum_share) - Number(by['ТОО «Silk Way Trading»']!.share)).toBeCloseTo(0.945, 3);
    expect(by['ИП Омаров Т.К.']).toMatchObject({ abc: 'C', xyz: '', cell: 'C-', cv: '' });
    expect(by['ТОО «ЭнергоСтрой Астана»']).toMatchObject({ last_purchase: '2026-01-20', recency_days: '284', status: 'lost' });
    expect(by['ТОО «Павлодар Химпром»']).toMatchObject({ last_purchase: '2026-03-18', status: 'lost' });
  });

  it('--abc-boundary exclude: ИП Сейткали Н.Б. (the client crossing 80%) becomes B', () => {
    expect(results.exclude.status).toBe(0);
    const { records } = csvRecords(results.exclude.stdout);
    expect(records.filter((x) => x.abc === 'A')).toHaveLength(8);
    expect(records.find((x) => x.client === 'ИП Сейткали Н.Б.')).toMatchObject({ abc: 'B' });
  });

  it('the .xlsx (title rows, real date cells) gives the same bytes as the .csv', () => {
    expect(results.xlsx.status).toBe(0);
    expect(results.xlsx.stdout).toBe(results.csv.stdout);
  });

  it('is deterministic: the same run gives the same bytes', () => {
    expect(results.csvAgain.stdoutBytes.equals(results.csv.stdoutBytes)).toBe(true);
  });

  it('notes go to stderr, never stdout (a partial last month)', () => {
    const r = results.partial;
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]!.startsWith('client,abc,')).toBe(true);
    expect(r.stdout).not.toMatch(/partly covered|left out/);
    expect(r.stderr).toMatch(/2024-03/);
    expect(r.stderr).toMatch(/left out/);
    const { records } = csvRecords(r.stdout);
    expect(records.map((x) => [x.client, x.total])).toEqual([['a', '30']]); // March is out, b with it
  });
});

describe('JSON and NDJSON agree with CSV', () => {
  it('same names in the same order, numbers as numbers, null for missing', () => {
    expect(results.json.status).toBe(0);
    expect(results.ndjson.status).toBe(0);
    const fromJson = (JSON.parse(results.json.stdout) as { clients: Record<string, unknown>[] }).clients;
    const ndLines = results.ndjson.stdout.split('\n');
    expect(ndLines.pop()).toBe('');
    const fromNd = ndLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fromNd).toEqual(fromJson);

    const { header, records: csv } = csvRecords(results.csv.stdout);
    expect(fromJson).toHaveLength(csv.length);
    const numeric = new Set(['total', 'share', 'cum_share', 'rank', 'cv', 'active_periods', 'purchases', 'recency_days', 'usual_interval_days', 'p_alive']);
    fromJson.forEach((record, i) => {
      // JSON carries the unit of the expected columns too (SPEC §6): the horizon in weeks.
      expect(Object.keys(record)).toEqual([...header, 'horizon_weeks']);
      expect(record.horizon_weeks).toBe(52);
      for (const name of header) {
        const c = csv[i]![name]!;
        const j = record[name];
        const where = `${String(record.client)}.${name}`;
        if (c === '') expect(j, where).toBeNull();
        else if (numeric.has(name) || typeof j === 'number') {
          expect(typeof j, where).toBe('number');
          expect(j, where).toBe(Number(c));
        } else expect(j, where).toBe(c);
      }
    });
    // missing values really are there to check
    expect(fromJson.some((r) => r.xyz === null && r.cv === null)).toBe(true);
  });

  it('from the .xlsx too', () => {
    expect(results.xlsxJson.stdout).toBe(results.json.stdout);
  });
});

describe('terminal output and colour', () => {
  it('on a non-terminal, the default is CSV; the table only with --format table', () => {
    expect(results.csv.stdout.split('\n')[0]!.startsWith('client,abc,xyz,')).toBe(true);
    const t = results.table;
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/^kam analyze/);
    expect(t.stdout).not.toMatch(/^client,abc,/m);
    expect(t.stdout).toMatch(/ABC-XYZ matrix/);
    expect(ANSI.test(t.stdout)).toBe(false); // not a terminal, no FORCE_COLOR: no colour
  });

  it('FORCE_COLOR colours the table (so the checks below can fail)', () => {
    expect(ANSI.test(results.tableForced.stdout)).toBe(true);
  });

  it('NO_COLOR=1 and --no-color give no ANSI escapes, even with FORCE_COLOR set', () => {
    for (const run of [results.tableNoColorEnv, results.tableNoColorFlag]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^kam analyze/);
      expect(ANSI.test(run.stdout)).toBe(false);
      expect(ANSI.test(run.stderr)).toBe(false);
    }
  });

  it('CSV and NDJSON never carry colour, even with FORCE_COLOR', () => {
    expect(results.csvForced.stdout).toBe(results.csv.stdout);
    expect(results.ndjsonForced.stdout).toBe(results.ndjson.stdout);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a terminal the default is the table (run under script(1))', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" bin/kam.js analyze fixtures/sample-ledger.csv --top 3`, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kam analyze/);
    expect(r.stdout).not.toMatch(/client,abc,xyz/);
    expect(ANSI.test(r.stdout)).toBe(false);
  });
});

describe('standard input', () => {
  it('`-` gives the same bytes as the file', () => {
    expect(results.stdinDash.status).toBe(0);
    expect(results.stdinDash.stdoutBytes.equals(results.csv.stdoutBytes)).toBe(true);
  });

  it('a pipe with no file argument gives the same bytes as the file', () => {
    expect(results.stdinPipe.status).toBe(0);
    expect(results.stdinPipe.stdoutBytes.equals(results.csv.stdoutBytes)).toBe(true);
  });

  it('an .xlsx and a gzip-compressed CSV through the pipe too', () => {
    expect(results.stdinXlsx.stdout).toBe(results.csv.stdout);
    expect(results.stdinGz.stdout).toBe(results.csv.stdout);
  });

  it('a .csv.gz file gives the same bytes as the plain file', () => {
    expect(results.gzFile.stdout).toBe(results.csv.stdout);
  });
});

describe.concurrent('`| head -1`: standard output closed early', () => {
  it('the big ledger really is larger than a pipe buffer', () => {
    expect(results.big.status).toBe(0);
    expect(results.big.stdoutBytes.length).toBeGreaterThan(1 << 18);
    expect(results.table.stdoutBytes.length).toBeGreaterThan(0);
  });

  // the table of 700 clients is still more than a pipe buffer
  it.for(['csv', 'json', 'ndjson', 'table'])('%s: exits 0, no stack trace, no error message', async (format, { expect }) => {
    const r = await kamClosedEarly(['analyze', BIG, '--format', format, '--top', '700']);
    expect(r.firstChunk.length).toBeGreaterThan(0);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;
  it.skipIf(!hasBash)('through a shell pipe into head -1 (set -o pipefail: the pipeline fails if kam does)', ({ expect }) => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/kam.js analyze "${BIG}" | head -1`], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/^client,abc,xyz,[^\n]*\n$/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.status).toBe(0);
  });
});

describe.concurrent('exit status 1: a data or file problem, one line on stderr, nothing on stdout', () => {
  const fails = (name: string, args: () => string[], check?: (r: KamRun) => void): void => {
    it(name, async () => {
      const r = await runKam(['analyze', ...args()]);
      expectOneLineError(r, 1);
      check?.(r);
    });
  };
  fails('a missing file', () => [join(dir, 'no-such-ledger.csv')], (r) => expect(r.stderr).toMatch(/no-such-ledger\.csv/));
  fails('a directory', () => [dir]);
  fails('an empty file', () => [write('empty.csv', '')]);
  fails('a header without rows', () => [write('header.csv', 'Date,Client,Amount\n')]);
  fails('no recognisable header', () => [write('nohead.csv', 'foo,bar\n1,2\n')]);
  fails(
    'a missing required column names the headers found and the --map flag',
    () => [write('noclient.csv', 'Date,Amount,Region\n2024-01-01,10,x\n2024-02-29,5,y\n')],
    (r) => {
      expect(r.stderr).toMatch(/Region/);
      expect(r.stderr).toMatch(/--map client=/);
    },
  );
  fails('--strict with an unreadable number', () => [write('badnum.csv', 'Date,Client,Amount\n2024-01-01,a,10\n2024-01-15,a,oops\n2024-01-31,a,5\n'), '--strict'], (r) =>
    expect(r.stderr).toMatch(/line 3/),
  );
  fails('a truncated .csv.gz', () => {
    const gz = gzipSync(SAMPLE_BYTES);
    return [write('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)))];
  });
  fails('a ledger with no whole month', () => [write('short.csv', 'Date,Client,Amount\n2024-01-05,a,1\n2024-01-09,a,2\n')]);
  fails('--by profit on a ledger without a profit column', () => [write('noprofit.csv', 'Date,Client,Amount\n2024-01-01,a,1\n2024-01-31,a,2\n'), '--by', 'profit']);
  fails('a sheet that does not exist', () => [SAMPLE_XLSX, '--sheet', 'Nope']);

  it('without --strict an unreadable row is skipped, counted on stderr, and the run succeeds', async ({ expect }) => {
    const r = await kamAsync(['analyze', write('badnum2.csv', 'Date,Client,Amount\n2024-01-01,a,10\n2024-01-15,a,oops\n2024-01-31,a,5\n')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 rows? skipped/);
    expect(r.stderr).toMatch(/line 3/);
    expect(csvRecords(r.stdout).records.map((x) => x.total)).toEqual(['15']);
  });
});

describe.concurrent('exit status 2: a usage error, one line on stderr, nothing on stdout', () => {
  const cases: [string, string[]][] = [
    ['--abc with decreasing cut-offs', ['--abc', '95,80']],
    ['--abc with one number', ['--abc', '80']],
    ['--xyz not numbers', ['--xyz', 'a,b']],
    ['--min-periods 0', ['--min-periods', '0']],
    ['--min-periods 2.5', ['--min-periods', '2.5']],
    ['--as-of not a date', ['--as-of', 'yesterday-ish']],
    ['--to before --from', ['--from', '2026-01-01', '--to', '2025-01-01']],
    ['--format xml', ['--format', 'xml']],
    ['--top 0', ['--top', '0']],
    ['--period year (a choice)', ['--period', 'year']],
    ['--sd median (a choice)', ['--sd', 'median']],
    ['--abc-boundary maybe (a choice)', ['--abc-boundary', 'maybe']],
    ['an unknown option', ['--bogus']],
  ];
  it.each(cases)('%s', async (_name, args) => {
    expectOneLineError(await runKam(['analyze', SAMPLE_CSV, ...args]), 2);
  });

  it('an unknown command', async () => {
    expectOneLineError(await kamAsync(['analyse-this', SAMPLE_CSV]), 2);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('no file and standard input a terminal (run under script(1))', ({ expect }) => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" bin/kam.js analyze`, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1); // script(1) merges stdout and stderr
    expect(r.stdout).toMatch(/^kam: .*pipe/);
  });
});
