// The workbook opened by a real spreadsheet: LibreOffice converts it to PDF (it opens and prints)
// and to ODS, whose chart object proves the injected Pareto chart was understood, not dropped.
// Skipped, saying so, where LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { kk } from '../../src/i18n/kk.js';
import { CLIENTS_SHEET_COLUMNS } from '../../src/report/workbook/clients.js';
import { SAMPLE_CSV, kam } from '../helpers/kam.js';
import { ONLINE_RETAIL, NO_ONLINE_RETAIL } from '../helpers/online-retail-reference.js';
import { PDFTOTEXT, pagesBySheet } from '../helpers/pdf-pages.js';

const SOFFICE = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
if (SOFFICE === undefined) {
  console.warn('kam: LibreOffice (soffice) is not installed: skipping the check that it opens the workbook; apt-get install libreoffice-calc-nogui to run it');
}

let dir: string;
let book: string;

/** Converts with a private profile, so parallel runs (and a desktop LibreOffice) do not collide. */
function convert(format: string, book = join(dir, 'report.xlsx')): string {
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, book], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  const out = book.replace(/\.xlsx$/, `.${format}`);
  if (r.status !== 0 || !existsSync(out)) throw new Error(`soffice --convert-to ${format} failed (status ${r.status}): ${r.stderr}`);
  return out;
}

describe.skipIf(SOFFICE === undefined && process.env.CI === undefined)('LibreOffice opens the workbook', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kam-soffice-'));
    book = join(dir, 'report.xlsx');
    const r = kam(['analyze', SAMPLE_CSV, '-o', book]);
    expect(r.status).toBe(0);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts it to PDF', () => {
    const pdf = readFileSync(convert('pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });

  it('reads every sheet and the Pareto chart: columns on the left axis, lines on the right', async () => {
    const ods = await JSZip.loadAsync(readFileSync(convert('ods')));
    const content = await ods.file('content.xml')!.async('string');
    for (const name of ['Summary', 'Clients', 'Matrix', 'Pareto', 'Series', 'Method']) expect(content).toContain(`table:name="${name}"`);
    const objects = ods.file(/^Object \d+\/content\.xml$/);
    const charts = await Promise.all(objects.map((f) => f.async('string')));
    const pareto = charts.find((c) => c.includes('Pareto.D'));
    expect(pareto).toBeDefined();
    expect(pareto).toMatch(/chart:attached-axis="primary-y"[^>]*chart:values-cell-range-address="Pareto\.D\d+:Pareto\.D\d+"[^>]*chart:class="chart:bar"/);
    expect(pareto).toMatch(/chart:attached-axis="secondary-y"[^>]*chart:values-cell-range-address="Pareto\.E\d+:Pareto\.E\d+"[^>]*chart:class="chart:line"/);
  });

  it("reads the Bridge sheet's waterfall: stacked columns, base, up, down and total from the window's table", async () => {
    const ods = await JSZip.loadAsync(readFileSync(convert('ods')));
    expect(await ods.file('content.xml')!.async('string')).toContain('table:name="Bridge"');
    const charts = await Promise.all(ods.file(/^Object \d+\/content\.xml$/).map((f) => f.async('string')));
    const bridge = charts.find((c) => c.includes('Bridge.C'));
    expect(bridge).toBeDefined();
    expect(bridge).toContain('chart:stacked="true"');
    for (const column of ['C', 'D', 'E', 'F']) expect(bridge).toMatch(new RegExp(`chart:values-cell-range-address="Bridge\\.${column}\\d+:Bridge\\.${column}\\d+"`));
  });
});

if (SOFFICE !== undefined && !PDFTOTEXT) {
  console.warn('kam: pdftotext (poppler-utils) is not installed: skipping the check of the printed text size; apt-get install poppler-utils to run it');
}

// "Readable" is printed text of 7 pt or more: the word boxes of the PDF LibreOffice prints give
// the size. Kazakh, whose headers and statuses are the longest, on the sample ledger with a
// direction column (the Portfolios sheet, the per-region tables of Churn and Bridge).
describe.skipIf((SOFFICE === undefined || !PDFTOTEXT) && process.env.CI === undefined)('the workbook printed by LibreOffice, in Kazakh', () => {
  let printed: ReturnType<typeof pagesBySheet>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kam-print-'));
    const kkBook = join(dir, 'kk.xlsx');
    const r = kam(['analyze', SAMPLE_CSV, '-o', kkBook, '--lang', 'kk', '--direction', 'Region']);
    expect(r.status).toBe(0);
    printed = pagesBySheet(convert('pdf', kkBook));
  }, 180_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('Summary and Matrix on one page each', () => {
    expect(printed.get(kk.workbook.sheets.summary)?.pages).toBe(1);
    expect(printed.get(kk.workbook.sheets.matrix)?.pages).toBe(1);
  });

  it('Lost, Clients and Dossiers print their text at 7 pt or more; Summary and Matrix too', () => {
    for (const id of ['lost', 'clients', 'dossiers', 'summary', 'matrix'] as const) {
      const sheet = printed.get(kk.workbook.sheets[id]);
      expect(sheet, id).toBeDefined();
      expect(sheet!.medianPoints, id).toBeGreaterThanOrEqual(7);
    }
  });

  it('every sheet prints its text at 7 pt or more', () => {
    expect([...printed.keys()].sort()).toEqual(Object.values(kk.workbook.sheets).filter((name) => name !== kk.workbook.sheets.history).sort());
    for (const [name, sheet] of printed) expect(sheet.medianPoints, name).toBeGreaterThanOrEqual(7);
  });

  it('Clients prints what a director acts on: the client, ABC, XYZ, revenue, share, status and tags', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'kk.xlsx'));
    const header = book.getWorksheet(kk.workbook.sheets.clients)!.getRow(1);
    const words = printed.get(kk.workbook.sheets.clients)!.words;
    ['client', 'abc', 'xyz', 'total', 'share', 'status', 'tags'].forEach((name, i) => {
      expect(CLIENTS_SHEET_COLUMNS[i]!.name).toBe(name);
      for (const word of String(header.getCell(i + 1).value).split(/\s+/)) expect(words, name).toContain(word);
    });
  });

  it('Dossiers: one key client a page', () => {
    // The sample's key clients: the top 50% of revenue plus breadwinners (SPEC §5).
    expect(printed.get(kk.workbook.sheets.dossiers)!.pages).toBeGreaterThanOrEqual(3);
  });
});

// Online Retail outside the United Kingdom (about 420 clients in 37 countries, 12 months): the
// Churn and Bridge sheets with many directions and periods, the Lost sheet with its Country column.
describe.skipIf(((SOFFICE === undefined || !PDFTOTEXT) && process.env.CI === undefined) || NO_ONLINE_RETAIL)('Online Retail abroad printed by LibreOffice, in Kazakh', () => {
  let printed: ReturnType<typeof pagesBySheet>;
  let orDir: string;
  beforeAll(() => {
    orDir = mkdtempSync(join(tmpdir(), 'kam-print-or-'));
    const lines = gunzipSync(readFileSync(ONLINE_RETAIL)).toString('utf8').split(/\r?\n/);
    const abroad = [lines[0]!, ...lines.slice(1).filter((line) => line !== '' && !line.endsWith(',United Kingdom'))];
    const ledger = join(orDir, 'abroad.csv');
    writeFileSync(ledger, `${abroad.join('\n')}\n`);
    const book = join(orDir, 'abroad.xlsx');
    const r = kam(['analyze', ledger, '-o', book, '--lang', 'kk', '--direction', 'Country']);
    expect(r.status, r.stderr).toBe(0);
    dir = orDir;
    printed = pagesBySheet(convert('pdf', book));
  }, 300_000);

  afterAll(() => {
    rmSync(orDir, { recursive: true, force: true });
  });

  it('every sheet prints its text at 7 pt or more', () => {
    for (const id of ['clients', 'pareto', 'series', 'lost', 'churn', 'bridge', 'portfolios', 'dossiers'] as const) {
      expect(printed.get(kk.workbook.sheets[id]), id).toBeDefined();
    }
    for (const [name, sheet] of printed) expect(sheet.medianPoints, name).toBeGreaterThanOrEqual(7);
  });
});
