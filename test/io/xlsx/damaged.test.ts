// Damaged and cut-off workbooks (SPEC §1, §10): a workbook cut at any point, a flipped byte in
// the compressed sheet or in the shared strings, a truncated .xlsx.gz — exit 1 with one line
// naming the file, within seconds, no output file; never exit 0 with different numbers, never a
// hang (exit 13: a promise left pending).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { kamIn, sampleRecords, type KamResult } from '../../helpers/xlsx.js';

let dir: string;
let bytes: Buffer;
let expected: string;
/** [start, end) of each entry's compressed data, by name. */
const spans = new Map<string, [number, number]>();

/** kam in-process, failing the test if it has not finished within seconds (a hang). */
async function kamWithin(argv: string[], input?: Buffer): Promise<KamResult> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`kam ${argv.join(' ')} did not finish within 10 s`)), 10_000);
  });
  try {
    return await Promise.race([kamIn(argv, input), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function expectOneLineNaming(r: KamResult, name: string): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toContain(name);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-xlsx-damaged-'));
  // Written by exceljs (shared strings, Date cells), which today's and yesterday's readers both read.
  const { header, rows } = sampleRecords(60);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Продажи');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v, c) => (c === 0 ? new Date(`${v}T00:00:00Z`) : c >= 7 ? Number(v) : v)));
  bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const path = join(dir, 'book.xlsx');
  writeFileSync(path, bytes);
  const r = await kamIn(['analyze', path, '--format', 'csv']);
  expect(r.status).toBe(0);
  expected = r.stdout;
  // Each entry's compressed data, from the central directory and the local headers.
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  for (let at = bytes.readUInt32LE(end + 16), n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    spans.set(name, [start, start + size]);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  expect(spans.has('xl/worksheets/sheet1.xml') && spans.has('xl/sharedStrings.xml')).toBe(true);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS: readonly string[][] = [['analyze'], ['lost'], ['alive'], ['client', 'ТОО «Алматы Строй Сервис»']];

describe('a workbook cut anywhere', () => {
  it('exit 1, one line naming the file, for every command, from a file and through standard input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: bytes.length - 1 }), fc.constantFrom(...COMMANDS), fc.boolean(), async (cut, command, piped) => {
        const cutBytes = bytes.subarray(0, cut);
        const format = command[0] === 'client' ? 'json' : 'csv';
        if (piped) {
          expectOneLineNaming(await kamWithin([...command.slice(0, 1), '-', ...command.slice(1), '--format', format], cutBytes), '<stdin>');
        } else {
          const path = join(dir, `cut-${cut}.xlsx`);
          writeFileSync(path, cutBytes);
          expectOneLineNaming(await kamWithin([...command.slice(0, 1), path, ...command.slice(1), '--format', format]), path);
          rmSync(path);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a larger workbook (8,000 rows, exceljs streaming writer), cut anywhere: one line, never a hang', async () => {
    const { header, rows } = sampleRecords();
    const path = join(dir, 'large.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(header).commit();
    for (let i = 0; i < 8000; i++) {
      const r = rows[i % rows.length]!;
      ws.addRow(r.map((v, c) => (c === 1 ? `${v}-${i}` : c >= 7 ? Number(v) : v))).commit();
    }
    await wb.commit();
    const large = readFileSync(path);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: Math.floor(large.length * 0.2), max: large.length - 1 }), async (cut) => {
        const cutPath = join(dir, 'large-cut.xlsx');
        writeFileSync(cutPath, large.subarray(0, cut));
        expectOneLineNaming(await kamWithin(['analyze', cutPath, '--format', 'csv']), cutPath);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('as the --clients attributes file too', async () => {
    const path = join(dir, 'clients-cut.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const r = await kamWithin(['analyze', join(dir, 'book.xlsx'), '--clients', path, '--format', 'csv']);
    expectOneLineNaming(r, path);
  });

  it('with -o: no workbook written, nor a temporary file left', async () => {
    const out = join(dir, 'out');
    rmSync(out, { recursive: true, force: true });
    const path = join(dir, 'half.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    const r = await kamWithin(['analyze', path, '-o', join(out, 'report.xlsx'), '--format', 'csv']);
    expectOneLineNaming(r, path);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a truncated .xlsx.gz: one line', async () => {
    const gz = gzipSync(bytes);
    for (const cut of [20, Math.floor(gz.length / 2), gz.length - 5]) {
      const path = join(dir, `book-${cut}.xlsx.gz`);
      writeFileSync(path, gz.subarray(0, cut));
      expectOneLineNaming(await kamWithin(['analyze', path, '--format', 'csv']), path);
    }
    const whole = join(dir, 'whole.xlsx.gz');
    writeFileSync(whole, gz);
    const r = await kamWithin(['analyze', whole, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });
});

describe('flipped bytes', () => {
  for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
    it(`in the compressed ${part}: refused, or (a flip that changes nothing) the very same output`, async () => {
      const [start, end] = spans.get(part)!;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: start, max: end - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
          const damaged = Buffer.from(bytes);
          damaged[at]! ^= mask;
          const path = join(dir, 'flipped.xlsx');
          writeFileSync(path, damaged);
          const r = await kamWithin(['analyze', path, '--format', 'csv']);
          if (r.status === 0) expect(r.stdout).toBe(expected);
          else {
            expectOneLineNaming(r, path);
            expect(r.stderr).toMatch(/truncated or damaged/);
          }
        }),
        { numRuns: 40 },
      );
    }, 120_000);
  }
});

describe('files that are not workbooks', () => {
  it('.xlsb is named and refused', async () => {
    const { zip } = await import('../../helpers/xlsx.js');
    const path = join(dir, 'book.xlsb');
    writeFileSync(path, zip([{ name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) }]));
    const r = await kamWithin(['analyze', path, '--format', 'csv']);
    expectOneLineNaming(r, path);
    expect(r.stderr).toMatch(/\.xlsb/);
    expect(existsSync(path)).toBe(true);
  });
});
