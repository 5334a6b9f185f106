// Bad input, end to end: each broken file (generated here, at test time) gives exactly one line
// on stderr naming the problem (and the line where there is one), exit 1, nothing on stdout, no
// stack trace, and no output file left behind (the runs with -o out.xlsx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { SAMPLE_CSV, SAMPLE_XLSX, kamAsync, type KamRun } from '../helpers/kam.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Deterministic bytes (xorshift32), so "binary garbage" is the same on every run. */
function garbage(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A zip with one stored entry (no workbook in it), written out by hand. */
function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  let crc = ~0;
  for (const b of data) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  crc = ~crc >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.length, 12);
  end.writeUInt32LE(30 + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SAMPLE = readFileSync(SAMPLE_CSV);
const XLSX = readFileSync(SAMPLE_XLSX);
const GZ = gzipSync(SAMPLE);

/** Five rows with a broken date or number among good ones, in a ledger that covers whole months. */
const BAD_ROWS = [
  'Date,Client,Amount',
  '2025-01-01,a,10',
  '2025-01-05,b,20',
  '2025-02-30,a,30', // line 4: no such day
  '2025-01-09,b,1O', // line 5: a letter O
  '2025-01-12,a,',
  'yesterday,b,5',
  '2025-01-15,c,7',
  '2025-01-17,c,n/a',
  '2025-13-01,a,8',
  '2025-01-20,b,9',
  '2025-01-22,c,-',
  '2025-01-31,a,11',
].join('\n');

interface Case {
  /** What the broken input is. */
  name: string;
  args: () => string[];
  input?: () => Buffer;
  /** The one line must match this (the problem, and the line number where there is one). */
  message: RegExp;
  status?: number;
}

const CASES: Case[] = [
  { name: 'an empty file', args: () => [write('empty.csv', '')], message: /empty\.csv: the file is empty/ },
  { name: 'a file of blank lines', args: () => [write('blank.csv', '\n\r\n  \n')], message: /blank\.csv: the file is empty/ },
  { name: 'an empty file on standard input', args: () => ['-'], input: () => Buffer.alloc(0), message: /<stdin>: the file is empty/ },
  { name: 'a gzip of nothing', args: () => [write('empty.csv.gz', gzipSync(Buffer.alloc(0)))], message: /the file is empty/ },
  { name: 'a header with no rows', args: () => [write('header.csv', 'Дата;Контрагент;Сумма\r\n')], message: /header\.csv: the ledger has a header but no rows/ },
  { name: 'title rows and a header, no rows', args: () => [write('titles.csv', 'Отчет\n\nDate,Client,Amount\n\n')], message: /the ledger has a header but no rows/ },
  {
    name: 'a missing required column: the headers found and the --map that fixes it',
    args: () => [write('noclient.csv', 'Дата;Партнёр;Сумма\n01.01.2025;ТОО А;10\n')],
    message: /no client column found; headers: "Дата", "Партнёр", "Сумма"; use --map client=HEADER/,
  },
  {
    name: 'no header row at all',
    args: () => [write('nohead.csv', 'foo,bar,baz\n1,2,3\n4,5,6\n')],
    message: /nohead\.csv: no header row with known column names.*first row: "foo", "bar", "baz".*--map/,
  },
  { name: '--strict: the first unreadable row is fatal, with its line number', args: () => [write('badrows.csv', BAD_ROWS), '--strict'], message: /badrows\.csv, line 4: unreadable date in "Date": "2025-02-30"/ },
  { name: '--strict: an unreadable number', args: () => [write('badnum.csv', 'Date,Client,Amount\n2025-01-01,a,10\n2025-01-31,a,1O\n'), '--strict'], message: /badnum\.csv, line 3: unreadable number in "Amount": "1O"/ },
  { name: 'binary garbage', args: () => [write('garbage.csv', garbage(50_000))], message: /garbage\.csv: this is not a text ledger \(binary data\)/ },
  { name: 'binary garbage on standard input', args: () => [], input: () => garbage(50_000, 7), message: /<stdin>: this is not a text ledger/ },
  { name: 'a truncated .gz', args: () => [write('cut.csv.gz', GZ.subarray(0, Math.floor(GZ.length / 2)))], message: /cut\.csv\.gz: the compressed file is truncated or damaged/ },
  { name: 'a truncated .gz on standard input', args: () => ['-'], input: () => GZ.subarray(0, GZ.length - 9), message: /<stdin>: the compressed file is truncated or damaged/ },
  { name: 'a damaged .gz', args: () => [write('bad.csv.gz', Buffer.concat([GZ.subarray(0, 200), garbage(2000)]))], message: /bad\.csv\.gz: the compressed file is truncated or damaged/ },
  { name: 'a truncated .xlsx (half of it)', args: () => [write('cut.xlsx', XLSX.subarray(0, Math.floor(XLSX.length / 2)))], message: /cut\.xlsx: the workbook is truncated or damaged/ },
  { name: 'a truncated .xlsx (its last bytes only)', args: () => [write('tail.xlsx', XLSX.subarray(0, XLSX.length - 40))], message: /tail\.xlsx: the workbook is truncated or damaged/ },
  { name: 'a truncated .xlsx on standard input', args: () => ['-'], input: () => XLSX.subarray(0, 20_000), message: /<stdin>: the workbook is truncated or damaged/ },
  { name: 'a zip that is not a workbook', args: () => [write('notes.zip', zipOf('notes.txt', 'hello'))], message: /notes\.zip: cannot read it \(a zip archive, but not an \.xlsx workbook/ },
  { name: 'an old .xls workbook', args: () => [write('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), garbage(4000)]))], message: /old\.xls: cannot read it \(an Excel 97-2003 \.xls workbook/ },
  { name: 'a folder (unreadable as a file)', args: () => [mkdir('folder.csv')], message: /folder\.csv: cannot read it \(it is a folder, not a file\)/ },
  // An unreadable file by permissions cannot be made here: the tests run as root, and root
  // reads a chmod 000 file. The folder above takes the same path (open fails, one line, exit 1).
  { name: 'a file that does not exist', args: () => [join(dir, 'no-such-ledger.csv')], message: /no-such-ledger\.csv: no such file/ },
  { name: 'the second of two files does not exist', args: () => [SAMPLE_CSV, join(dir, 'missing-2.csv')], message: /missing-2\.csv: no such file/ },
  { name: 'a sheet that does not exist', args: () => [SAMPLE_XLSX, '--sheet', 'Nope'], message: /no sheet named "Nope"; sheets: "Продажи"/ },
  {
    name: 'a workbook whose only sheet has no ledger',
    args: () => [write('notes.xlsx', readFileSync(join(dir, 'notes-book.xlsx')))],
    message: /notes\.xlsx, sheet "Заметки": no header row with known column names/,
  },
  {
    name: "--sheet '*' on a workbook with no ledger on any sheet",
    args: () => [write('notes2.xlsx', readFileSync(join(dir, 'notes-book.xlsx'))), '--sheet', '*'],
    message: /notes2\.xlsx, sheet "Заметки": no header row with known column names/,
  },
  { name: 'a named sheet with a header and no rows', args: () => [write('empty-sheet.xlsx', readFileSync(join(dir, 'header-book.xlsx'))), '--sheet', 'Данные'], message: /sheet "Данные": the ledger has a header but no rows/ },
  { name: 'dd/mm or mm/dd cannot be told', args: () => [write('ambiguous.csv', 'Date,Client,Amount\n01/02/2025,a,1\n03/04/2025,a,2\n05/06/2025,b,3\n')], message: /ambiguous\.csv: dates in "Date" such as "01\/02\/2025".*--date-format dd\/mm\/yyyy/ },
  { name: 'dates in no known form', args: () => [write('weird-dates.csv', 'Date,Client,Amount\nJan 5th,a,1\nFeb 6th,a,2\n')], message: /cannot read the dates in "Date" \(e\.g\. "Jan 5th"\); use --date-format/ },
  { name: 'a decimal mark that cannot be told', args: () => [write('ambiguous-num.csv', 'Date;Client;Amount\n2025-01-01;a;1.250\n2025-01-31;a;2.500\n')], message: /ambiguous-num\.csv: numbers in "Amount" such as "1\.250".*--decimal/ },
  { name: 'standard input twice (a usage error: exit 2)', args: () => ['-', '-'], message: /standard input \(-\) can be read only once/, status: 2 },
];

function mkdir(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

const results = new Map<string, { plain: KamRun; withOutput: KamRun; outDir: string }>();

beforeAll(async () => {
  writeFileSync(join(dir, 'notes-book.xlsx'), await workbook({ Заметки: [['Выгрузка за 2025 год'], ['Суммы в тенге, с НДС']] }));
  writeFileSync(join(dir, 'header-book.xlsx'), await workbook({ Титул: [['Отчет']], Данные: [['Дата', 'Контрагент', 'Сумма']] }));
  await Promise.all(
    CASES.map(async (c, i) => {
      const outDir = mkdir(`out-${i}`);
      const args = c.args();
      const input = c.input?.();
      const [plain, withOutput] = await Promise.all([
        kamAsync(['analyze', ...args, '--format', 'csv'], input === undefined ? {} : { input }),
        kamAsync(['analyze', ...args, '--format', 'csv', '-o', join(outDir, 'out.xlsx')], input === undefined ? {} : { input }),
      ]);
      results.set(c.name, { plain, withOutput, outDir });
    }),
  );
}, 180_000);

function expectOneLine(r: KamRun, message: RegExp, status: number): void {
  const lines = r.stderr.split('\n');
  expect(lines.at(-1), 'stderr ends with a newline').toBe('');
  expect(lines.slice(0, -1), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^kam: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |Error:/);
  expect(r.status, r.stderr).toBe(status);
  expect(r.stdout).toBe('');
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it(`exit ${c.status ?? 1}, one line on stderr naming the problem, nothing on stdout`, () => {
    expectOneLine(results.get(c.name)!.plain, c.message, c.status ?? 1);
  });
  it('the same with -o out.xlsx, and no output file (nor a temporary one) left behind', () => {
    const { withOutput, outDir } = results.get(c.name)!;
    expectOneLine(withOutput, c.message, c.status ?? 1);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('unwritable output', () => {
  it('-o into a folder that does not exist: exit 1, one line, nothing on stdout', async () => {
    const r = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'csv', '-o', join(dir, 'no-such-folder', 'out.xlsx')]);
    expectOneLine(r, /out\.xlsx: cannot write the output \(no folder/, 1);
  });
  it('-o naming a folder: exit 1, one line, the folder untouched', async () => {
    const target = mkdir('taken.xlsx');
    const r = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'csv', '-o', target]);
    expectOneLine(r, /taken\.xlsx: cannot write the output \(it is a folder\)/, 1);
    expect(readdirSync(target)).toEqual([]);
  });
  it('-o under a path whose folder part is a file', async () => {
    const r = await kamAsync(['analyze', SAMPLE_CSV, '--format', 'csv', '-o', join(SAMPLE_CSV, 'out.xlsx')]);
    expectOneLine(r, /cannot write the output/, 1);
  });
});

describe('unreadable rows without --strict: skipped, counted, the first five shown with line numbers and values', () => {
  let r: KamRun;
  beforeAll(async () => {
    r = await kamAsync(['analyze', write('badrows-lenient.csv', BAD_ROWS), '--format', 'csv']);
  });

  it('the run succeeds with the readable rows', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^client,abc,/);
  });

  it('one count line, then exactly the first five rows with their line numbers and values', () => {
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('kam: warning:'));
    expect(warnings[0]).toMatch(/7 rows skipped: 0 without a client, 3 with an unreadable date, 4 with an unreadable number/);
    expect(warnings.slice(1, 6)).toEqual([
      expect.stringMatching(/line 4: unreadable date in "Date": "2025-02-30"$/),
      expect.stringMatching(/line 5: unreadable number in "Amount": "1O"$/),
      expect.stringMatching(/line 6: unreadable number in "Amount": ""$/),
      expect.stringMatching(/line 7: unreadable date in "Date": "yesterday"$/),
      expect.stringMatching(/line 9: unreadable number in "Amount": "n\/a"$/),
    ]);
    expect(r.stderr).not.toMatch(/line 10:|line 12:/);
  });
});
