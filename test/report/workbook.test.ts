// `kam analyze -o FILE.xlsx`: the workbook read back with exceljs, against `--format csv` of the
// same run; the chart parts in the package; -o with and without --format; refusals and errors.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/commands/context.js';
import { CLIENT_COLUMNS, numberText } from '../../src/report/client-columns.js';
import { CLIENTS_SHEET_COLUMNS } from '../../src/report/workbook/clients.js';
import { MAX_BARS, paretoPoints } from '../../src/report/workbook/pareto.js';
import { pagesAcross } from '../../src/report/workbook/series.js';
import { SAMPLE_CSV, parseCsv, type KamRun } from '../helpers/kam.js';
import { runKam as kam } from '../helpers/run.js';

const SHEETS = ['Summary', 'Clients', 'Matrix', 'Pareto', 'Series', 'Method'];

let dir: string;
let bookPath: string;
let both: KamRun;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-workbook-'));
  bookPath = join(dir, 'report.xlsx');
  both = await kam(['analyze', SAMPLE_CSV, '-o', bookPath, '--format', 'csv']);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(bookPath);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A cell as the CSV writes it: numbers as plain decimals, dates as YYYY-MM-DD, empty for none. */
function asCsvText(value: ExcelJS.CellValue, kind: (typeof CLIENT_COLUMNS)[number]['kind']): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return numberText(value, kind);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

async function partsOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

describe('the workbook written with --format csv at the same time', () => {
  it('exits 0, writes CSV to stdout and the workbook to the file', async () => {
    expect(both.status).toBe(0);
    expect(both.stdout.startsWith('client,abc,xyz,cell,')).toBe(true);
    expect(statSync(bookPath).size).toBeGreaterThan(10_000);
  });

  it('holds every sheet, Summary first', async () => {
    const names = book.worksheets.map((w) => w.name);
    for (const name of SHEETS) expect(names).toContain(name);
    expect(names[0]).toBe('Summary');
    expect(names[names.length - 1]).toBe('Method');
  });

  it('Clients: one row per client, every CSV column with the values of --format csv', async () => {
    const csv = parseCsv(both.stdout);
    const [header, ...records] = csv;
    const sheet = book.getWorksheet('Clients')!;
    expect(sheet.actualRowCount).toBe(records.length + 1);
    expect(header!.slice(0, CLIENT_COLUMNS.length)).toEqual(CLIENT_COLUMNS.map((c) => c.name));
    expect(CLIENTS_SHEET_COLUMNS.map((c) => c.name).sort()).toEqual(CLIENT_COLUMNS.map((c) => c.name).sort());
    records.forEach((record, r) => {
      const row = sheet.getRow(r + 2);
      const fields = CLIENTS_SHEET_COLUMNS.map((column, i) => asCsvText(row.getCell(i + 1).value, column.kind));
      expect(fields).toEqual(CLIENTS_SHEET_COLUMNS.map((column) => record[header!.indexOf(column.name)]));
    });
  });

  it('Clients: the columns a reader acts on first, so the printed page carries them', () => {
    expect(CLIENTS_SHEET_COLUMNS.slice(0, 7).map((c) => c.name)).toEqual(['client', 'abc', 'xyz', 'total', 'share', 'status', 'tags']);
  });

  it('Clients: then the figure of every period of the window, summing to the total', async () => {
    const sheet = book.getWorksheet('Clients')!;
    const header = sheet.getRow(1).values as unknown[];
    const periods = header.slice(CLIENT_COLUMNS.length + 1);
    expect(periods[0]).toBe('2025-01');
    expect(periods[periods.length - 1]).toBe('2026-10');
    expect(periods).toHaveLength(22);
    const row = sheet.getRow(2);
    const sum = periods.reduce<number>((s, _, i) => s + Number(row.getCell(CLIENT_COLUMNS.length + 1 + i).value), 0);
    expect(sum).toBeCloseTo(Number(row.getCell(CLIENTS_SHEET_COLUMNS.findIndex((c) => c.name === 'total') + 1).value), 2);
  });

  it('Clients: frozen header, autofilter over the table, print titles', async () => {
    const sheet = book.getWorksheet('Clients')!;
    const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBe(1);
    const lastColumn = sheet.getRow(1).cellCount;
    const filter = sheet.autoFilter as unknown as string;
    expect(filter).toBe(`A1:${sheet.getColumn(lastColumn).letter}${sheet.actualRowCount}`);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('Clients: dates are date cells, money has thousands separators, shares are percent, classes are coloured', async () => {
    const sheet = book.getWorksheet('Clients')!;
    const col = (name: string): number => CLIENTS_SHEET_COLUMNS.findIndex((c) => c.name === name) + 1;
    const first = sheet.getRow(2);
    const last = first.getCell(col('last_purchase'));
    expect(last.value).toBeInstanceOf(Date);
    expect((last.value as Date).toISOString()).toBe('2026-10-31T00:00:00.000Z');
    expect(last.numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(col('total')).numFmt).toMatch(/^#,##0\.00/);
    expect(first.getCell(col('share')).numFmt).toBe('0.0%');
    const fill = first.getCell(col('abc')).fill as ExcelJS.FillPattern;
    expect(fill.type).toBe('pattern');
    expect(fill.fgColor?.argb).toBe('FFC6EFCE');
    // Columns are sized to their content: the client column fits the longest name.
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
  });

  it('Pareto holds a native chart: chart part, drawing, relationships, content types', async () => {
    const zip = await partsOf(bookPath);
    expect(zip.file('xl/charts/chart1.xml')).not.toBeNull();
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const rid = /<sheet [^>]*name="Pareto"[^>]*r:id="(rId\d+)"/.exec(workbook)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    expect(target).toMatch(/^worksheets\/sheet\d+\.xml$/);
    const sheetFile = `xl/${target}`;
    const sheetXml = await zip.file(sheetFile)!.async('string');
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
    expect(drawingId).toBeDefined();
    const sheetRels = await zip.file(sheetFile.replace('worksheets/', 'worksheets/_rels/') + '.rels')!.async('string');
    expect(sheetRels).toContain(`Id="${drawingId}"`);
    expect(sheetRels).toMatch(/relationships\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/);
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('<c:lineChart>');
    expect(chart).toContain("'Pareto'!$E$");
    // No folder entries: an OPC package holds parts only.
    expect(Object.keys(zip.files).filter((n) => n.endsWith('/'))).toEqual([]);
  });

  it('Matrix, Series, Summary and Method say what they should', async () => {
    const text = (name: string): string =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .flatMap((r) => (Array.isArray(r) ? r : []))
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))
        .join('\n');
    expect(text('Matrix')).toContain('Retain at any cost');
    expect(text('Summary')).toContain('within the 30–55% reference band');
    expect(text('Summary')).toContain('2026-10-31');
    expect(text('Method')).toMatch(/--abc 80,95/);
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(text('Method')).toContain(version);
    const series = book.getWorksheet('Series')!;
    expect(series.actualRowCount).toBe(41);
    const cf = (series as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf[0]?.rules[0]?.type).toBe('colorScale');
  });
});

describe('-o and standard output', () => {
  it('without --format, on a pipe: the workbook only, nothing on stdout', async () => {
    const path = join(dir, 'quiet.xlsx');
    const r = await kam(['analyze', SAMPLE_CSV, '-o', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(path)).toBe(true);
  });

  it('without --format, on a terminal: the terminal view as well', async () => {
    const path = join(dir, 'terminal.xlsx');
    const out = new PassThrough() as PassThrough & { isTTY?: boolean };
    out.isTTY = true;
    const err = new PassThrough();
    let stdout = '';
    out.on('data', (b: Buffer) => (stdout += b.toString()));
    const io: CommandIo = { stdin: new PassThrough(), stdout: out, stderr: err, env: { NO_COLOR: '1' }, today: 20_793 };
    expect(await run(['analyze', SAMPLE_CSV, '-o', path], io)).toBe(0);
    expect(stdout).toContain('ABC-XYZ matrix');
    expect(existsSync(path)).toBe(true);
  });
});

describe('written whole or not at all', () => {
  const oneLine = (r: KamRun): void => {
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kam: /);
  };

  it('a folder that does not exist: exit 1, one line, checked before the ledger is read', async () => {
    const r = await kam(['analyze', join(dir, 'no-such-ledger.csv'), '-o', join(dir, 'missing', 'r.xlsx')]);
    expect(r.status).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain('cannot write the output (no folder');
  });

  it('a path through a file, or a folder as the output: exit 1, one line', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    mkdirSync(join(dir, 'folder.xlsx'), { recursive: true });
    for (const target of [join(file, 'r.xlsx'), join(dir, 'folder.xlsx')]) {
      const r = await kam(['analyze', SAMPLE_CSV, '-o', target]);
      expect(r.status).toBe(1);
      oneLine(r);
      expect(r.stderr).toContain('cannot write the output');
    }
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission: exit 1, one line', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, { recursive: true });
    chmodSync(locked, 0o555);
    try {
      const r = await kam(['analyze', SAMPLE_CSV, '-o', join(locked, 'r.xlsx')]);
      expect(r.status).toBe(1);
      oneLine(r);
      expect(r.stderr).toContain('permission denied');
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('refuses to write over an input ledger, however it is named', async () => {
    const ledger = join(dir, 'ledger.xlsx');
    copyFileSync(new URL('../../fixtures/sample-ledger.xlsx', import.meta.url), ledger);
    const before = readFileSync(ledger);
    for (const output of [ledger, join(dir, '.', 'ledger.xlsx')]) {
      const r = await kam(['analyze', ledger, '-o', output]);
      expect(r.status).toBe(1);
      oneLine(r);
      expect(r.stderr).toContain('that is an input ledger');
    }
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it('-o needs an .xlsx name: a usage error', async () => {
    const r = await kam(['analyze', SAMPLE_CSV, '-o', join(dir, 'report.csv')]);
    expect(r.status).toBe(2);
    oneLine(r);
  });

  it('a failed run leaves an existing workbook as it was, and no temporary file', async () => {
    const path = join(dir, 'keep.xlsx');
    writeFileSync(path, 'old content');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Date,Client,Amount\n');
    const r = await kam(['analyze', bad, '-o', path]);
    expect(r.status).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a successful run replaces an existing workbook', async () => {
    const path = join(dir, 'replace.xlsx');
    writeFileSync(path, 'old content');
    expect((await kam(['analyze', SAMPLE_CSV, '-o', path])).status).toBe(0);
    const zip = await partsOf(path);
    expect(zip.file('xl/workbook.xml')).not.toBeNull();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('Pareto points', () => {
  const client = (rank: number, abc: 'A' | 'B' | 'C', total: number, cumShare: number) =>
    ({ client: `c${rank}`, rank, abc, total, cumShare }) as unknown as Parameters<typeof paretoPoints>[0][number];

  it('one point per client up to MAX_BARS', async () => {
    const clients = Array.from({ length: MAX_BARS }, (_, i) => client(i + 1, 'A', 100 - i, (i + 1) / MAX_BARS));
    expect(paretoPoints(clients)).toHaveLength(MAX_BARS);
  });

  it('rank groups beyond: averages, never straddling a class, ending at the last cumulative share', async () => {
    const n = 10_000;
    const clients = Array.from({ length: n }, (_, i) => client(i + 1, i < 2_000 ? 'A' : i < 5_003 ? 'B' : 'C', n - i, (i + 1) / n));
    const points = paretoPoints(clients);
    expect(points.length).toBeLessThanOrEqual(MAX_BARS + 2);
    expect(points[points.length - 1]!.cumShare).toBe(1);
    expect(points.map((p) => p.abc).join('')).toMatch(/^A+B+C+$/);
    expect(points[0]!.ranks).toBe('1–250');
    expect(points[0]!.value).toBeCloseTo((n + n - 249) / 2);
  });
});

describe('the printed page (read back from the package XML)', () => {
  let zip: JSZip;
  let sheetXml: Map<string, string>;
  beforeAll(async () => {
    zip = await partsOf(bookPath);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    sheetXml = new Map();
    for (const [, name, id] of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!.replace(/^\/?(xl\/)?/, '');
      sheetXml.set(name!, await zip.file(`xl/${target}`)!.async('string'));
    }
  });

  const attr = (xml: string, element: string, name: string): string | undefined => new RegExp(`<${element} [^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

  it('every sheet on A4, fitted to the page width (Series, clients × periods, to as many widths as it needs), with a footer', () => {
    expect(sheetXml.size).toBeGreaterThanOrEqual(SHEETS.length);
    for (const [name, xml] of sheetXml) {
      expect(attr(xml, 'pageSetup', 'paperSize'), name).toBe('9');
      if (name !== 'Series') expect(attr(xml, 'pageSetup', 'fitToWidth'), name).toBe('1');
      expect(xml, name).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml, name).toMatch(/<oddFooter>[^<]+<\/oddFooter>/);
    }
  });

  it('Summary and Matrix: one portrait page each, with no manual break', () => {
    for (const name of ['Summary', 'Matrix']) {
      const xml = sheetXml.get(name)!;
      expect(attr(xml, 'pageSetup', 'orientation'), name).toBe('portrait');
      expect(attr(xml, 'pageSetup', 'fitToHeight'), name).toBe('1');
      expect(xml, name).not.toContain('<rowBreaks');
    }
  });

  it('the wide tables: landscape, as many pages tall as needed, headers repeated on every page', async () => {
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    for (const name of ['Clients', 'Lost', 'Dossiers']) {
      const xml = sheetXml.get(name)!;
      expect(attr(xml, 'pageSetup', 'orientation'), name).toBe('landscape');
      expect(attr(xml, 'pageSetup', 'fitToHeight'), name).toBe('0');
    }
    const index = (name: string): number => [...sheetXml.keys()].indexOf(name);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index('Clients')}">&apos;Clients&apos;!$1:$1</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index('Lost')}">&apos;Lost&apos;!$4:$4</definedName>`);
    // Clients prints its leading columns, from the client's name on, one page wide.
    const area = new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${index('Clients')}">&apos;Clients&apos;!\\$A:\\$([A-Z]+)</definedName>`).exec(workbook);
    expect(area).not.toBeNull();
    expect(area![1]!.length === 1 && area![1]! >= 'H').toBe(true);
  });

  it('Dossiers: one key client a page (a row break before every card but the first)', () => {
    const xml = sheetXml.get('Dossiers')!;
    const rows = parseCsv(both.stdout);
    const tags = rows[0]!.indexOf('tags');
    const key = rows.slice(1).filter((r) => (r[tags] ?? '').split(';').includes('key')).length;
    expect(key).toBeGreaterThan(1);
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBe(key - 1);
    expect(attr(xml, 'rowBreaks', 'count')).toBe(String(key - 1));
    for (let i = 1; i < breaks.length; i++) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
  });

  it('merged ranges: well formed, counted, and never overlapping, on every sheet', () => {
    const decode = (cell: string): [number, number] => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      return [Number(m[2]), [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
    };
    let total = 0;
    for (const [name, xml] of sheetXml) {
      const block = /<mergeCells count="(\d+)">(.*?)<\/mergeCells>/.exec(xml);
      if (block === null) {
        expect(xml, name).not.toContain('<mergeCell ');
        continue;
      }
      const refs = [...block[2]!.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]!);
      expect(refs.length, name).toBe(Number(block[1]));
      expect(block[2]!.replace(/<mergeCell ref="[A-Z]+\d+:[A-Z]+\d+"\/>/g, ''), name).toBe('');
      const ranges = refs.map((ref) => {
        const [from, to] = ref.split(':') as [string, string];
        const [top, left] = decode(from);
        const [bottom, right] = decode(to);
        expect(top <= bottom && left <= right && (top < bottom || left < right), `${name} ${ref}`).toBe(true);
        return { ref, top, left, bottom, right };
      });
      ranges.sort((a, b) => a.top - b.top);
      for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length && ranges[j]!.top <= ranges[i]!.bottom; j++) {
          const a = ranges[i]!;
          const b = ranges[j]!;
          expect(a.right < b.left || b.right < a.left, `${name}: ${a.ref} overlaps ${b.ref}`).toBe(true);
        }
      }
      total += refs.length;
    }
    expect(total).toBeGreaterThan(10);
  });
});

describe('the purchase model note (BG/NBD)', () => {
  it('is said on the Model sheet, not on the Summary of the 40-client sample; P(alive) prints as a percent', async () => {
    const text = (name: string): string[] => {
      const out: string[] = [];
      // A merged range reads back as its first cell's value in every cell: one per row.
      book.getWorksheet(name)!.eachRow((row) => out.push(...[...new Set(row.values as unknown[])].filter((v): v is string => typeof v === 'string')));
      return out;
    };
    const model = text('Model').filter((x) => x.includes('stopped short'));
    expect(model.length).toBe(1);
    expect(text('Summary').some((x) => x.includes('BG/NBD'))).toBe(false);
    const clients = book.getWorksheet('Clients')!;
    const pAlive = CLIENTS_SHEET_COLUMNS.findIndex((c) => c.name === 'p_alive') + 1;
    expect(clients.getCell(2, pAlive).numFmt).toBe('0.0%');
  });
});

describe('Series: pages across', () => {
  it('holds the title columns and as many whole period columns after them as fit a page at 7 pt or more', () => {
    expect(pagesAcross([30, 8, 8, 10, 10], 3)).toBe(1);
    // 46 of titles, then 14 periods of 11: 10 fit beside the titles on a 165-wide page.
    expect(pagesAcross([30, 8, 8, ...Array<number>(14).fill(11)], 3)).toBe(2);
    expect(pagesAcross([30, 8, 8, ...Array<number>(10).fill(11)], 3)).toBe(1);
    expect(pagesAcross([30, 8, 8, ...Array<number>(11).fill(11)], 3)).toBe(2);
    // A column wider than a page still gets a page of its own, never an endless count.
    expect(pagesAcross([30, 8, 8, 200, 200], 3)).toBe(2);
  });
});
