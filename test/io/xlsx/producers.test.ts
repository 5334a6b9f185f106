// SPEC §1: a workbook holding a ledger reads exactly as the same ledger given as CSV — whoever
// wrote it. Workbooks written the ways Excel, the OpenXML SDK, exceljs and LibreOffice write
// them (prefixes, missing references, 1904 dates, stored entries, ISO date cells, formulas, rich
// and phonetic runs, Cyrillic and Kazakh names in shared and inline strings, title rows, a hidden
// first sheet): `--format csv` output byte-identical to the CSV's, on every run, from a file and
// through standard input in chunks of any size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { LEDGER_BOOKS } from '../../helpers/ledger-books.js';
import { chunkedInput, csvOf, kamIn, sampleRecords } from '../../helpers/xlsx.js';

const SOFFICE = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
if (SOFFICE === undefined) console.warn('kam: LibreOffice (soffice) is not installed: skipping the LibreOffice-written workbook; apt-get install libreoffice-calc-nogui to run it');

let dir: string;
let csvPath: string;
let expected: string;
let expectedErr: string;
const { header, rows } = sampleRecords();
// Kazakh names too (the sample's are Russian): the letters Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І.
const KAZAKH = ['ЖШС «Қазақ Ұн Өнімдері»', 'ЖК «Әлия Ғалымқызы»', 'ЖШС «Үшқоңыр Һолдинг»', 'ЖШС «Ірі Тауар Ңұр»'];
const ledgerRows = rows.map((r, i) => (i % 7 === 3 ? r.map((v, c) => (c === 2 ? KAZAKH[i % KAZAKH.length]! : v)) : r));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-xlsx-producers-'));
  csvPath = join(dir, 'ledger.csv');
  writeFileSync(csvPath, csvOf(header, ledgerRows));
  const r = await kamIn(['analyze', csvPath, '--format', 'csv']);
  expect(r.status).toBe(0);
  expected = r.stdout;
  expectedErr = r.stderr;
  expect(expected).toContain('ЖШС «Қазақ Ұн Өнімдері»');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectSameAsCsv(bytes: Buffer, name: string): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  for (let run = 0; run < 2; run++) {
    const r = await kamIn(['analyze', path, '--format', 'csv']);
    // The same notes as the CSV's, and a line naming the sheet read.
    expect(r.stderr.replace(/^kam: note: .*: read sheet .*\n/m, '')).toBe(expectedErr);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  }
  const piped = await kamIn(['analyze', '-', '--format', 'csv'], bytes);
  expect(piped.status).toBe(0);
  expect(piped.stdout).toBe(expected);
}

describe('workbooks as producers write them read exactly as the CSV', () => {
  for (const [name, write] of Object.entries(LEDGER_BOOKS)) {
    it(`${name}`, async () => {
      await expectSameAsCsv(write(header, ledgerRows), `${name}.xlsx`);
    });
  }

  it('the sheet read is named on standard error (its name, not the hidden one before it)', async () => {
    const path = join(dir, 'named.xlsx');
    writeFileSync(path, LEDGER_BOOKS['hidden-first'](header, ledgerRows));
    const r = await kamIn(['analyze', path, '--format', 'csv']);
    expect(r.stderr).toContain(`${path}: read sheet "Журнал"`);
    const ru = await kamIn(['analyze', path, '--format', 'csv', '--lang', 'ru']);
    expect(ru.stderr).toContain(`${path}: прочитан лист «Журнал»`);
    const kk = await kamIn(['analyze', path, '--format', 'csv', '--lang', 'kk']);
    expect(kk.stderr).toContain(`${path}: «Журнал» парағы оқылды`);
  });

  it("a hidden sheet is read when --sheet names it, and not by --sheet '*'", async () => {
    const path = join(dir, 'hidden.xlsx');
    writeFileSync(path, LEDGER_BOOKS['hidden-first'](header, ledgerRows));
    const hidden = await kamIn(['analyze', path, '--format', 'csv', '--sheet', 'черновик']);
    expect(hidden.status).toBe(0);
    expect(hidden.stdout).not.toBe(expected);
    const all = await kamIn(['analyze', path, '--format', 'csv', '--sheet', '*']);
    expect(all.status).toBe(0);
    expect(all.stdout).toBe(expected);
  });

  it('exceljs, with shared strings and Date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Продажи');
    ws.addRow(header);
    for (const r of ledgerRows) {
      ws.addRow(r.map((v, c) => (c === 0 ? new Date(`${v}T00:00:00Z`) : c >= 7 ? Number(v) : v)));
    }
    await expectSameAsCsv(Buffer.from(await wb.xlsx.writeBuffer()), 'exceljs.xlsx');
  });

  it('exceljs streaming writer, with inline text', async () => {
    const path = join(dir, 'exceljs-stream.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(header).commit();
    for (const r of ledgerRows) ws.addRow(r.map((v, c) => (c >= 7 ? Number(v) : v))).commit();
    await wb.commit();
    await expectSameAsCsv(readFileSync(path), 'exceljs-stream-copy.xlsx');
  });

  describe.skipIf(SOFFICE === undefined && process.env.CI === undefined)('LibreOffice', () => {
    it('converted from the CSV by soffice --convert-to xlsx', async () => {
      const out = join(dir, 'lo');
      const r = spawnSync(
        SOFFICE!,
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', out, csvPath],
        { encoding: 'utf8', timeout: 90_000 },
      );
      const converted = join(out, 'ledger.xlsx');
      expect(r.status === 0 && existsSync(converted), `soffice failed: ${r.stderr}`).toBe(true);
      await expectSameAsCsv(readFileSync(converted), 'libreoffice.xlsx');
    }, 120_000);
  });

  it('through standard input in chunks of any sizes: the same bytes out', async () => {
    const bytes = LEDGER_BOOKS.sdk(header, ledgerRows);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
        const r = await kamIn(['analyze', '-', '--format', 'csv'], chunkedInput(bytes, sizes));
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });
});
