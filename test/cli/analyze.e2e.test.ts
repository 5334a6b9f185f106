// `kam analyze` end to end: the built CLI (npm test builds first) on the sample ledger.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ANSI, CONTRACT_COLUMNS, SAMPLE_CSV, SAMPLE_XLSX, csvRecords, kamAsync, kamClosedEarly, type KamRun } from '../helpers/kam.js';

let dir: string;
let csvRun: KamRun;
let bigLedger: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-e2e-'));
  csvRun = await kamAsync(['analyze', SAMPLE_CSV]);
  // A ledger whose per-client output is far larger than a pipe buffer (for the early-close tests).
  const lines = ['Date,Client,Amount'];
  for (let c = 0; c < 6000; c++) {
    for (const [i, m] of ['01', '02', '03'].entries()) {
      lines.push(`2024-${m}-${String(1 + (c % 28)).padStart(2, '0')},client number ${c},${(c % 97) + 1 + ((c * (i + 1)) % 13) * 7}.5`);
    }
  }
  lines.push('2024-01-01,edge,1', '2024-03-31,edge,1');
  bigLedger = join(dir, 'big.csv');
  writeFileSync(bigLedger, `${lines.join('\n')}\n`);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

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
    expect(csvRun.status).toBe(0);
    expect(csvRun.stdout.startsWith('client,')).toBe(true);
    expect(csvRun.stderr).not.toMatch(/client,abc/);
  });

  it('the header starts with exactly the contract columns, in order', () => {
    const header = csvRun.stdout.slice(0, csvRun.stdout.indexOf('\n')).split(',');
    expect(header.slice(0, CONTRACT_COLUMNS.length)).toEqual([...CONTRACT_COLUMNS]);
    expect(new Set(header).size).toBe(header.length);
  });

  it('one row per client: 40 clients, «ТОО Астана-Маркет» written three ways is one client', () => {
    const { records } = csvRecords(csvRun.stdout);
    expect(records).toHaveLength(40);
    expect(new Set(records.map((r) => r.client)).size).toBe(40);
    expect(records.filter((r) => r.client.includes('Астана-Маркет')).map((r) => r.client)).toEqual(['ТОО Астана-Маркет']);
  });

  it('fields follow the contract formats: classes, fractions, YYYY-MM-DD dates, status words, empty where missing', () => {
    const { records } = csvRecords(csvRun.stdout);
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
    const { records } = csvRecords(csvRun.stdout);
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
    const r = await kamAsync(['analyze', SAMPLE_CSV, '--abc-boundary', 'exclude']);
    expect(r.status).toBe(0);
    const { records } = csvRecords(r.stdout);
    expect(records.filter((x) => x.abc === 'A')).toHaveLength(8);
    expect(records.find((x) => x.client === 'ИП Сейткали Н.Б.')).toMatchObject({ abc: 'B' });
  });

  it('the .xlsx (title rows, real date cells) gives the same bytes as the .csv', () => {
    const x = await kamAsync(['analyze', SAMPLE_XLSX]);
    expect(x.status).toBe(0);
    expect(x.stdout).toBe(csvRun.stdout);
  });

  it('is deterministic: the same run gives the same bytes', () => {
    expect(await kamAsync(['analyze', SAMPLE_CSV]).stdoutBytes.equals(csvRun.stdoutBytes)).toBe(true);
  });

  it('notes go to stderr, never stdout (a partial last month)', () => {
    const path = write('partial.csv', 'Date,Client,Amount\n2024-01-01,a,10\n2024-02-10,a,20\n2024-03-15,a,30\n2024-03-20,b,5\n');
    const r = await kamAsync(['analyze', path]);
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
  function fromCsv(text: string): Record<string, string | number | null>[] {
    const { records } = csvRecords(text);
    return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v])));
  }

  it('same names in the same order, numbers as numbers, null for missing', () => {
    const json = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'json']);
    const ndjson = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'ndjson']);
    expect(json.status).toBe(0);
    expect(ndjson.status).toBe(0);
    const fromJson = JSON.parse(json.stdout) as Record<string, unknown>[];
    const ndLines = ndjson.stdout.split('\n');
    expect(ndLines.pop()).toBe('');
    const fromNd = ndLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fromNd).toEqual(fromJson);

    const { header } = csvRecords(csvRun.stdout);
    const csv = fromCsv(csvRun.stdout);
    expect(fromJson).toHaveLength(csv.length);
    const numeric = new Set(['total', 'share', 'cum_share', 'rank', 'cv', 'active_periods', 'purchases', 'recency_days', 'usual_interval_days', 'p_alive']);
    fromJson.forEach((record, i) => {
      expect(Object.keys(record)).toEqual(header);
      for (const name of header) {
        const c = csv[i]![name] as string;
        const j = record[name];
        if (c === '') {
          expect(j, `${String(record.client)}.${name}`).toBeNull();
        } else if (numeric.has(name)) {
          expect(typeof j, `${String(record.client)}.${name}`).toBe('number');
          expect(j).toBe(Number(c));
        } else if (typeof j === 'number') {
          expect(j).toBe(Number(c));
        } else {
          expect(j, `${String(record.client)}.${name}`).toBe(c);
        }
      }
    });
    // missing values really are there to check
    expect(fromJson.some((r) => r.xyz === null && r.cv === null)).toBe(true);
  });

  it('from the .xlsx too', () => {
    expect(await kamAsync(['analyze', SAMPLE_XLSX, '--format', 'json']).stdout).toBe(await kamAsync(['analyze', SAMPLE_CSV, '--format', 'json']).stdout);
  });
});

describe('terminal output and colour', () => {
  it('on a non-terminal, the default is CSV; the table only with --format table', () => {
    expect(csvRun.stdout.split('\n')[0]!.startsWith('client,abc,xyz,')).toBe(true);
    const t = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'table']);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/^kam analyze/);
    expect(t.stdout).not.toMatch(/^client,abc,/m);
    expect(t.stdout).toMatch(/ABC-XYZ matrix/);
    expect(ANSI.test(t.stdout)).toBe(false); // not a terminal, no FORCE_COLOR: no colour
  });

  it('FORCE_COLOR colours the table (so the checks below can fail)', () => {
    const t = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'table'], { env: { FORCE_COLOR: '1' } });
    expect(ANSI.test(t.stdout)).toBe(true);
  });

  it('NO_COLOR=1 and --no-color give no ANSI escapes, even with FORCE_COLOR set', () => {
    for (const run of [
      await kamAsync(['analyze', SAMPLE_CSV, '--format', 'table'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }),
      await kamAsync(['analyze', SAMPLE_CSV, '--format', 'table', '--no-color'], { env: { FORCE_COLOR: '1' } }),
      await kamAsync(['analyze', SAMPLE_CSV, '--format', 'table', '--no-color'], { env: { FORCE_COLOR: '3', COLORTERM: 'truecolor' } }),
      await kamAsync(['analyze', SAMPLE_CSV, '--format', 'table'], { env: { NO_COLOR: '1', FORCE_COLOR: '3' } }),
    ]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^kam analyze/);
      expect(ANSI.test(run.stdout)).toBe(false);
      expect(ANSI.test(run.stderr)).toBe(false);
    }
  });

  it('CSV and JSON never carry colour', () => {
    for (const format of ['csv', 'json', 'ndjson']) {
      const r = await kamAsync(['analyze', SAMPLE_CSV, '--format', format], { env: { FORCE_COLOR: '3' } });
      expect(ANSI.test(r.stdout)).toBe(false);
    }
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a terminal the default is the table (run under script(1))', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" bin/kam.js analyze fixtures/sample-ledger.csv --top 3`, '/dev/null'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kam analyze/);
    expect(r.stdout).not.toMatch(/client,abc,xyz/);
    expect(ANSI.test(r.stdout.replace(/\r/g, ''))).toBe(false);
  });
});

describe('standard input', () => {
  const bytes = readFileSync(SAMPLE_CSV);

  it('`-` gives the same bytes as the file', () => {
    const r = await kamAsync(['analyze', '-'], { input: bytes });
    expect(r.status).toBe(0);
    expect(r.stdoutBytes.equals(csvRun.stdoutBytes)).toBe(true);
  });

  it('a pipe with no file argument gives the same bytes as the file', () => {
    const r = await kamAsync(['analyze'], { input: bytes });
    expect(r.status).toBe(0);
    expect(r.stdoutBytes.equals(csvRun.stdoutBytes)).toBe(true);
  });

  it('an .xlsx and a gzip-compressed CSV through the pipe too', () => {
    expect(await kamAsync(['analyze', '-'], { input: readFileSync(SAMPLE_XLSX) }).stdout).toBe(csvRun.stdout);
    expect(await kamAsync(['analyze'], { input: gzipSync(bytes) }).stdout).toBe(csvRun.stdout);
  });

  it('a .csv.gz file gives the same bytes as the plain file', () => {
    const gz = write('sample-ledger.csv.gz', gzipSync(bytes));
    expect(await kamAsync(['analyze', gz]).stdout).toBe(csvRun.stdout);
  });
});

describe('`| head -1`: standard output closed early', () => {
  it.each([['csv'], ['json'], ['ndjson'], ['table']])('%s: exits 0, no stack trace, no error message', async (format) => {
    // the table of 1,500 clients is still several pipe buffers long
    const r = await kamClosedEarly(['analyze', bigLedger, '--format', format, '--top', '1500']);
    expect(r.firstChunk.length).toBeGreaterThan(0);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('the big ledger really is larger than a pipe buffer', async () => {
    const r = await kamAsync(['analyze', bigLedger]);
    expect(r.status).toBe(0);
    expect(r.stdoutBytes.length).toBeGreaterThan(1 << 18);
  });

  const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;
  it.skipIf(!hasBash)('through a shell pipe into head -1 (set -o pipefail: the pipeline fails if kam does)', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/kam.js analyze "${bigLedger}" | head -1`], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/^client,abc,xyz,[^\n]*\n$/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.status).toBe(0);
  });
});

describe('exit status 1: a data or file problem, one line on stderr, nothing on stdout', () => {
  it('a missing file', () => {
    const r = await kamAsync(['analyze', join(dir, 'no-such-ledger.csv')]);
    expectOneLineError(r, 1);
    expect(r.stderr).toMatch(/no-such-ledger\.csv/);
  });

  it('a directory', () => expectOneLineError(await kamAsync(['analyze', dir]), 1));

  it('an empty file', () => expectOneLineError(await kamAsync(['analyze', write('empty.csv', '')]), 1));

  it('a header without rows', () => expectOneLineError(await kamAsync(['analyze', write('header.csv', 'Date,Client,Amount\n')]), 1));

  it('no recognisable header', () => expectOneLineError(await kamAsync(['analyze', write('nohead.csv', 'foo,bar\n1,2\n')]), 1));

  it('a missing required column names the headers found and the --map flag', () => {
    const r = await kamAsync(['analyze', write('noclient.csv', 'Date,Amount,Region\n2024-01-01,10,x\n2024-02-29,5,y\n')]);
    expectOneLineError(r, 1);
    expect(r.stderr).toMatch(/Region/);
    expect(r.stderr).toMatch(/--map client=/);
  });

  it('--strict with an unreadable number', () => {
    const path = write('badnum.csv', 'Date,Client,Amount\n2024-01-01,a,10\n2024-01-15,a,oops\n2024-01-31,a,5\n');
    const r = await kamAsync(['analyze', path, '--strict']);
    expectOneLineError(r, 1);
    expect(r.stderr).toMatch(/line 3/);
    // without --strict the row is skipped and counted, the run succeeds
    const lenient = await kamAsync(['analyze', path]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/1 rows? skipped/);
  });

  it('a truncated .csv.gz', () => {
    const gz = gzipSync(readFileSync(SAMPLE_CSV));
    expectOneLineError(await kamAsync(['analyze', write('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)))]), 1);
  });

  it('a ledger with no whole month', () => {
    expectOneLineError(await kamAsync(['analyze', write('short.csv', 'Date,Client,Amount\n2024-01-05,a,1\n2024-01-09,a,2\n')]), 1);
  });

  it('--by profit on a ledger without a profit column', () => {
    expectOneLineError(await kamAsync(['analyze', write('noprofit.csv', 'Date,Client,Amount\n2024-01-01,a,1\n2024-01-31,a,2\n'), '--by', 'profit']), 1);
  });

  it('a sheet that does not exist', () => expectOneLineError(await kamAsync(['analyze', SAMPLE_XLSX, '--sheet', 'Nope']), 1));
});

describe('exit status 2: a usage error, one line on stderr, nothing on stdout', () => {
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
    ['--period year (a choice commander checks)', ['--period', 'year']],
    ['--sd median (a choice commander checks)', ['--sd', 'median']],
    ['--abc-boundary maybe (a choice commander checks)', ['--abc-boundary', 'maybe']],
    ['an unknown option', ['--bogus']],
  ];
  it.each(cases)('%s', (_name, args) => {
    expectOneLineError(await kamAsync(['analyze', SAMPLE_CSV, ...args]), 2);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('no file and standard input a terminal (run under script(1))', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" bin/kam.js analyze`, '/dev/null'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1); // script(1) merges stdout and stderr
    expect(r.stdout).toMatch(/^kam: .*pipe/);
  });

  it('an unknown command', () => {
    expectOneLineError(await kamAsync(['analyse-this', SAMPLE_CSV]), 2);
  });
});
