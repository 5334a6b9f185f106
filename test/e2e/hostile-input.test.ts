// Issue 14, one test per way kam used to give a silent wrong number (or a crash) on hostile but
// real input (SPEC §1, §10). Each fails on the code before the fix.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { run } from '../../src/cli/main.js';
import { normalizeClientName } from '../../src/core/ledger.js';
import { KAM, SAMPLE_CSV, cleanEnv, csvRecords, type KamRun } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';
import { cp1251 } from '../helpers/hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-hostile-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = readFileSync(SAMPLE_CSV, 'utf8');
const lines = sample.replace(/\n$/, '').split('\n');
const header = lines[0]!;
const rows = lines.slice(1);

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const intact = await runKam(['analyze', SAMPLE_CSV, '--format', 'csv']);

/** A refusal as SPEC §10 wants it: the status, one line on stderr, nothing on stdout. */
function expectRefusal(r: KamRun, status: number, pattern: RegExp): void {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^kam: [^\n]*\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('line endings, quotes and bytes (SPEC §1)', () => {
  it('a CRLF export with LF rows appended reads as the intact ledger', async () => {
    const file = write('crlf-lf.csv', `${[header, ...rows.slice(0, 500)].join('\r\n')}\r\n${rows.slice(500).join('\n')}\n`);
    const r = await runKam(['analyze', file, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(intact.stdout);
    expect(r.stderr).not.toMatch(/skipped/);
  });

  it('lines alternating LF, CRLF and CR lose no row', async () => {
    const endings = ['\n', '\r\n', '\r'];
    const file = write('alternating.csv', [header, ...rows].map((l, i) => l + endings[i % 3]!).join(''));
    const r = await runKam(['analyze', file, '--format', 'csv']);
    expect(r.stdout).toBe(intact.stdout);
  });

  it('a stray opening quote that would swallow the lines after it is an error naming its line', async () => {
    const plain = rows.filter((l) => !l.includes('"'));
    const broken = [header, ...plain.slice(0, 9), `"${plain[9]}`, ...plain.slice(10, 150), `${plain[150]},"note"`, ...plain.slice(151)];
    const r = await runKam(['analyze', write('stray.csv', `${broken.join('\n')}\n`), '--format', 'csv']);
    expectRefusal(r, 1, /stray\.csv, line 11: .*quote/);
  });

  it('a stray quote that shifts a row\'s values into other columns makes it a bad row, not a number', async () => {
    const at = rows.findIndex((l) => /^[^"]*,[^",]*,[^",]*,"/.test(l) && l.split(',').length > 3);
    const fields = rows[at]!.split(',');
    fields[2] = `"${fields[2]}`;
    const broken = [header, ...rows.slice(0, at), fields.join(','), ...rows.slice(at + 1)];
    const r = await runKam(['analyze', write('shifted.csv', `${broken.join('\n')}\n`), '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`line ${at + 2}: \\d+ fields where the header has 11`));
  });

  it('a row that leaves out trailing fields kam does not read is read, missing = empty (1C, Excel); one missing a column kam reads is a bad row', async () => {
    const csv = ['client,date,amount,note,manager', 'A,2025-01-05,10,x,Ivanov', 'B,2025-02-05,20', 'C,2025-03-05,30,', 'D,2025-04-05', ''].join('\n');
    const r = await runKam(['analyze', write('short-rows.csv', csv), '--format', 'csv', '--include-partial']);
    expect(r.status).toBe(0);
    const revenue = Object.fromEntries(csvRecords(r.stdout).records.map((c) => [c.client, c.revenue]));
    expect(revenue).toEqual({ A: '10', B: '20', C: '30' });
    expect(r.stderr).toMatch(/short-rows\.csv, line 5: 2 fields where the header has 5/);
    expect(r.stderr).toMatch(/1 row skipped: .*1 whose fields do not line up with the header/);
    // The same row cut short before a column kam reads (--direction manager, the last column): a bad row.
    const mapped = await runKam(['analyze', write('short-rows-2.csv', csv), '--format', 'csv', '--include-partial', '--direction', 'manager']);
    expect(mapped.status).toBe(0);
    expect(Object.keys(Object.fromEntries(csvRecords(mapped.stdout).records.map((c) => [c.client, 1])))).toEqual(['A']);
    expect(mapped.stderr).toMatch(/3 rows skipped: .*3 whose fields do not line up with the header/);
  });

  it('UTF-8 then Windows-1251 joined by cat is an error naming the first line of the second part, large or small', async () => {
    for (const cut of [400, 30]) {
      const tail = rows.slice(cut, cut + (cut === 30 ? 30 : 10_000)).map((l) => l.replace(/[^\u0000-\u007f\u0400-\u045f]/g, '?'));
      const file = write(`cat-${cut}.csv`, Buffer.concat([Buffer.from(`${[header, ...rows.slice(0, cut)].join('\n')}\n`), cp1251(`${tail.join('\n')}\n`)]));
      if (cut === 30) expect(readFileSync(file).length).toBeLessThan(64 * 1024);
      const r = await runKam(['analyze', file, '--format', 'csv']);
      expectRefusal(r, 1, new RegExp(`cat-${cut}\\.csv, line ${cut + 2}: byte 0x[0-9A-F]{2} is not valid UTF-8`));
    }
  });
});

describe('dates and amounts (SPEC §1)', () => {
  it('a date in 9999 or 2205 is a bad row: the as-of date and the window stay the intact ledger\'s', async () => {
    for (const date of ['9999-12-31', '2205-03-01', '0001-01-01']) {
      const file = write('far.csv', `${[header, ...rows, rows[0]!.replace(/^\d{4}-\d\d-\d\d/, date)].join('\n')}\n`);
      const r = await runKam(['analyze', file, '--format', 'csv']);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(intact.stdout);
      expect(r.stderr).toMatch(new RegExp(`line ${rows.length + 2}: date out of range in "Date": "${date}"`));
      expectRefusal(await runKam(['analyze', file, '--format', 'csv', '--strict']), 1, /date out of range/);
    }
  });

  it('two amounts of 1e308 are bad rows, never Infinity or NaN in the output', async () => {
    const extra = ['2025-03-03,X-1,Huge Ltd,Алматы,A,P,G,1,1,1e308,1', '2025-03-04,X-2,Huge Ltd,Алматы,A,P,G,1,1,1e308,1'];
    const r = await runKam(['analyze', write('inf.csv', `${[header, ...rows, ...extra].join('\n')}\n`), '--format', 'csv']);
    expect(r.stdout).toBe(intact.stdout);
    expect(r.stderr).toMatch(/number too large in "Amount": "1e308"/);
  });

  it('sums stay exact to the cent in the hundreds of millions and the trillions: total is revenue, to the last digit', async () => {
    for (const e of [8, 10, 12]) {
      const csv = ['client,date,amount'];
      const cents = new Map<string, bigint>();
      let x = 12345 + e;
      for (let i = 0; i < 2000; i++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const amount = BigInt(10 ** e) + BigInt(x % 10 ** 9);
        const client = `C${i % 5}`;
        cents.set(client, (cents.get(client) ?? 0n) + amount);
        csv.push(`${client},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${amount / 100n}.${String(amount % 100n).padStart(2, '0')}`);
      }
      const r = await runKam(['analyze', write(`big-${e}.csv`, `${csv.join('\n')}\n`), '--format', 'csv', '--include-partial']);
      for (const record of csvRecords(r.stdout).records) {
        expect(record.total).toBe(record.revenue);
        const exact = cents.get(record.client!)!;
        expect(Math.round(Number(record.total) * 100)).toBe(Number(exact));
      }
    }
  });

  it('"1,234.56" and "1.234,56" in one file are refused, not half the rows dropped', async () => {
    const csv = ['client,date,amount', ...Array.from({ length: 40 }, (_, i) => `C${i % 4},2025-0${1 + (i % 9)}-10,"${i % 2 === 0 ? '1,234.56' : '1.234,56'}"`)];
    expectRefusal(await runKam(['analyze', write('marks.csv', `${csv.join('\n')}\n`), '--format', 'csv']), 1, /marks\.csv: numbers in "amount" are written both as "1,234.56" and as "1.234,56"/);
  });
});

describe('inputs named twice, headers twice, a column in two roles (usage errors)', () => {
  it('the same file twice, by the same or another path, is refused naming it', async () => {
    expectRefusal(await runKam(['analyze', SAMPLE_CSV, SAMPLE_CSV, '--format', 'csv']), 2, /sample-ledger\.csv: given twice/);
    const copy = write('copy.csv', sample);
    expectRefusal(await runKam(['analyze', copy, join(dir, '.', 'copy.csv'), '--format', 'csv']), 2, /given twice/);
    // And `-` with the file itself as standard input.
    const viaStdin = spawnSync('sh', ['-c', `"${process.execPath}" "${KAM}" analyze "${copy}" - --format csv < "${copy}"`], { env: cleanEnv() });
    expectRefusal({ status: viaStdin.status, signal: null, stdout: viaStdin.stdout.toString(), stderr: viaStdin.stderr.toString(), stdoutBytes: viaStdin.stdout }, 2, /<stdin>: given twice/);
  });

  it('two columns under the header a role is read from, and one column mapped to two roles, are usage errors naming them', async () => {
    const file = write('dup.csv', `${header.replace('Profit', 'Amount')}\n${rows.join('\n')}\n`);
    expectRefusal(await runKam(['analyze', file, '--format', 'csv']), 2, /two columns are headed "Amount"/);
    expectRefusal(await runKam(['analyze', SAMPLE_CSV, '--map', 'client=Region', '--direction', 'Region', '--format', 'csv']), 2, /column "Region" is mapped to two roles/);
  });
});

describe('outputs under failure (SPEC §10)', () => {
  it('a full disk on standard output is one line and exit 1, help text included; never a stack trace', async () => {
    for (const args of [['analyze', SAMPLE_CSV, '--format', 'csv'], ['--help']]) {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn('sh', ['-c', `"${process.execPath}" "${KAM}" ${args.map((a) => `'${a}'`).join(' ')} > /dev/full`], { env: cleanEnv() });
        let stderr = '';
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('kam: cannot write to standard output (no space left on the device)\n');
    }
  });

  it('notes written before a fatal error are dropped: standard error holds the one line', async () => {
    const far = write('far-notes.csv', `${[header, ...rows, rows[0]!.replace(/^\d{4}-\d\d-\d\d/, '9999-12-31')].join('\n')}\n`);
    let stderr = '';
    const io = {
      stdin: process.stdin,
      // Standard output that fails on the first write, after the notes are out.
      stdout: new Writable({ write: () => { throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }); } }),
      stderr: new Writable({ write: (chunk: Buffer, _e, done) => ((stderr += chunk.toString()), done()) }),
      env: { LANG: 'C.UTF-8' },
      today: Math.floor(Date.now() / 86_400_000),
    };
    const status = await run(['analyze', far, '--format', 'csv'], io);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^kam: [^\n]*\n$/);
  });

  it('SIGHUP and SIGQUIT during -o remove the temporary file, as SIGINT and SIGTERM do', async () => {
    const script = `
      import { writeFileAtomically } from ${JSON.stringify(new URL('../../dist/io/write-file.js', import.meta.url).href)};
      await writeFileAtomically(process.argv[1], async (tmp) => {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(tmp, 'partial');
        process.stdout.write('ready\\n');
        await new Promise(() => setInterval(() => undefined, 1000));
      });`;
    for (const signal of ['SIGHUP', 'SIGQUIT', 'SIGINT', 'SIGTERM'] as const) {
      const folder = mkdtempSync(join(dir, 'sig-'));
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, join(folder, 'out.xlsx')], { stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      expect(readdirSync(folder).some((f) => f.endsWith('.tmp'))).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_s, sig) => resolve(sig)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(folder)).toEqual([]);
    }
  });
});

describe('lines of any length, names of any kind', () => {
  it('a 40 MB line is read whole, and the message about it is one short line', async () => {
    const file = write('long.csv', `${[header, ...rows.slice(0, 5), `${rows[5]}${'x'.repeat(40_000_000)}`, ...rows.slice(6)].join('\n')}\n`);
    const r = await runKam(['analyze', file, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/line 7: unreadable number in "Profit"/);
    expect(r.stderr.length).toBeLessThan(1000);
  }, 120_000);

  const names = ['=HYPERLINK("http://example.com")', '+7 Trade', '-Minus Ltd', '@Home', 'Esc\u001b[31mRed'];
  const formulaLedger = (): string => write('formula.csv', `client,date,amount\n${names.map((n, i) => `"${n.replace(/"/g, '""')}",2025-0${1 + i}-05,${10 * (i + 1)}`).join('\n')}\n`);

  it('formula-like names: plain in CSV, with a leading \' under --safe-csv; string cells in the workbook', async () => {
    const file = formulaLedger();
    const plain = csvRecords((await runKam(['analyze', file, '--format', 'csv', '--include-partial'])).stdout).records.map((r) => r.client);
    expect(plain).toContain('=HYPERLINK("http://example.com")');
    const safe = csvRecords((await runKam(['analyze', file, '--format', 'csv', '--include-partial', '--safe-csv'])).stdout).records.map((r) => r.client);
    expect(safe).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://example.com\")", "'+7 Trade", "'-Minus Ltd", "'@Home", 'Esc\u001b[31mRed']));
    const out = join(dir, 'formula.xlsx');
    expect((await runKam(['analyze', file, '--include-partial', '-o', out])).status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const [path, entry] of Object.entries(zip.files)) {
      if (!path.startsWith('xl/worksheets/') || entry.dir) continue;
      const xml = await entry.async('string');
      expect(xml).not.toMatch(/<f>[^<]*(HYPERLINK|Trade|Minus|Home)/);
    }
  });

  it('escape codes in names are shown escaped on a terminal table and in messages', async () => {
    const r = await runKam(['analyze', formulaLedger(), '--format', 'table', '--include-partial', '--no-color']);
    expect(r.stdout).toContain('Esc\\x1B[31mRed');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('a name whose only odd space is ideographic, thin or em is folded (SPEC §1)', async () => {
    for (const space of ['\u3000', '\u2009', '\u2003', '\u00a0', '\u202f', '\u205f']) expect(normalizeClientName(`ТОО${space}${space}Альфа`)).toBe('ТОО Альфа');
  });

  it('a ledger with every row unreadable is an error naming the file', async () => {
    const r = await runKam(['analyze', write('unreadable.csv', 'client,date,amount\nA,2025-01-01,x\nB,2025-01-02,y\n'), '--format', 'csv']);
    expectRefusal(r, 1, /unreadable\.csv: none of its 2 rows could be read \(first: line 2/);
    expect(existsSync(join(dir, 'unreadable.csv'))).toBe(true);
  });
});
