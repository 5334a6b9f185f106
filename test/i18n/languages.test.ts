// The same analysis in English, Russian and Kazakh: the data is byte for byte the same (CSV and
// JSON stay English for scripts), the workbook's numbers and dates are the same cells, and every
// label a person reads is in the language asked for — no English word left in the Russian or
// Kazakh terminal or workbook beyond client names and fixed tokens (class letters, ABC/XYZ,
// BG/NBD, flags such as --xyz, file names, the user's own column headers).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CATALOGUES, type Lang } from '../../src/i18n/index.js';
import { CLIENT_COLUMNS } from '../../src/report/client-columns.js';
import { CLIENTS_SHEET_COLUMNS } from '../../src/report/workbook/clients.js';
import { SAMPLE_CSV, csvRecords, type KamRun } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';
import { WORKBOOK_SHEETS } from '../../src/report/workbook/index.js';

const LANGS: Lang[] = ['en', 'ru', 'kk'];
const OTHERS: Lang[] = ['ru', 'kk'];
const CLIENTS_FILE = fileURLToPath(new URL('../../fixtures/sample-clients.csv', import.meta.url));

/** Every command's data outputs: they must not depend on the language. */
const DATA_RUNS: Record<string, string[]> = {
  csv: ['analyze', SAMPLE_CSV, '--format', 'csv', '--compare', 'previous', '--from', '2026-01-01'],
  json: ['analyze', SAMPLE_CSV, '--format', 'json', '--clients', CLIENTS_FILE],
  ndjson: ['analyze', SAMPLE_CSV, '--format', 'ndjson', '--period', 'quarter', '--include-partial'],
  lostCsv: ['lost', SAMPLE_CSV, '--format', 'csv', '--direction', 'Region'],
  churnCsv: ['lost', SAMPLE_CSV, '--format', 'csv', '--table', 'churn', '--direction', 'Region'],
  lostJson: ['lost', SAMPLE_CSV, '--format', 'json', '--direction', 'Region'],
  aliveCsv: ['alive', SAMPLE_CSV, '--format', 'csv'],
  aliveJson: ['alive', SAMPLE_CSV, '--format', 'json'],
  clientJson: ['client', SAMPLE_CSV, 'ТОО «Нур-Логистик»', '--format', 'json', '--clients', CLIENTS_FILE, '--direction', 'Region'],
};

/** What a person reads, per command. */
const TABLE_RUNS: Record<string, string[]> = {
  analyze: ['analyze', SAMPLE_CSV, '--format', 'table', '--no-color', '--from', '2026-01-01', '--compare', 'previous', '--clients', CLIENTS_FILE, '--direction', 'Region', '--top', '40'],
  lost: ['lost', SAMPLE_CSV, '--format', 'table', '--no-color', '--direction', 'Region'],
  alive: ['alive', SAMPLE_CSV, '--format', 'table', '--no-color', '--top', '40'],
  client: ['client', SAMPLE_CSV, 'ТОО «Нур-Логистик»', '--format', 'table', '--no-color', '--clients', CLIENTS_FILE, '--direction', 'Region'],
  config: ['config', 'analyze', '--no-color', '--period', 'quarter'],
};

let dir: string;
const data: Record<string, Record<Lang, KamRun>> = {};
const tables: Record<string, Record<Lang, KamRun>> = {};
const books: Record<Lang, ExcelJS.Workbook> = {} as Record<Lang, ExcelJS.Workbook>;
const bookPath = (lang: Lang): string => join(dir, `report-${lang}.xlsx`);
let clientNames: string[] = [];
let products: string[] = [];
/** The attributes file's headers and values: the user's data, shown as written. */
let attributeCells: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-langs-'));
  const jobs: Promise<void>[] = [];
  for (const [name, args] of Object.entries(DATA_RUNS)) {
    data[name] = {} as Record<Lang, KamRun>;
    for (const lang of LANGS) jobs.push(runKam([...args, '--lang', lang]).then((r) => void (data[name]![lang] = r)));
  }
  for (const [name, args] of Object.entries(TABLE_RUNS)) {
    tables[name] = {} as Record<Lang, KamRun>;
    for (const lang of LANGS) jobs.push(runKam([...args, '--lang', lang]).then((r) => void (tables[name]![lang] = r)));
  }
  for (const lang of LANGS) {
    const args = ['analyze', SAMPLE_CSV, '-o', bookPath(lang), '--lang', lang, '--from', '2026-01-01', '--compare', 'previous', '--clients', CLIENTS_FILE, '--direction', 'Region'];
    jobs.push(runKam(args).then((r) => expect(r.status, r.stderr).toBe(0)));
  }
  await Promise.all(jobs);
  for (const lang of LANGS) {
    books[lang] = new ExcelJS.Workbook();
    await books[lang].xlsx.readFile(bookPath(lang));
  }
  clientNames = csvRecords(readFileSync(SAMPLE_CSV, 'utf8')).records.map((r) => r.Client!);
  products = csvRecords(readFileSync(SAMPLE_CSV, 'utf8')).records.map((r) => r.Product!);
  const attributes = csvRecords(readFileSync(CLIENTS_FILE, 'utf8'));
  attributeCells = [...attributes.header, ...attributes.records.flatMap((r) => Object.values(r))].map((v) => v.trim());
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('data for scripts does not depend on the language', () => {
  it.each(Object.keys(DATA_RUNS))('%s: byte-identical in en, ru and kk', (name) => {
    const en = data[name]!.en;
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdoutBytes.length).toBeGreaterThan(100);
    for (const lang of OTHERS) {
      expect(data[name]![lang].status).toBe(0);
      expect(data[name]![lang].stdoutBytes.equals(en.stdoutBytes), `${name} in ${lang}`).toBe(true);
    }
  });

  it('messages on standard error follow the language; standard output does not', () => {
    const ru = data.json!.ru;
    expect(ru.stderr).toMatch(/kam: предупреждение: .*не совпавшие/);
    expect(data.json!.en.stderr).toMatch(/kam: warning: .*matche?s? no client/);
  });
});

/** Words of Latin letters left once names, paths, flags and fixed tokens are taken out. */
function englishWords(text: string, extra: readonly string[] = []): string[] {
  let rest = text
    .split(SAMPLE_CSV)
    .join(' ')
    .split(CLIENTS_FILE)
    .join(' ')
    .replace(/--[a-z-]+(?:[ =](?:[a-z0-9.,/-]+|N|FROM\.\.TO))?/g, ' '); // flags and their values: --top N, --format csv
  const names = [...clientNames, ...products, ...attributeCells, ...extra].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
  for (const name of names) rest = rest.split(name).join(' ');
  rest = rest
    .replace(/\bkam (?:analyze|lost|alive|client|config)\b/g, ' ')
    .replace(/[\w./-]+\.(?:csv|xlsx|json|gz)\b/g, ' ') // file names
    .replace(/\b[ABC][XYZ-]\b/g, ' '); // matrix cells
  const allowed = new Set(['ABC', 'XYZ', 'BG', 'NBD', 'Gamma', 'csv', 'CSV', 'utf', 'gzip', 'xlsx', 'kam', 'Region', 'Excel', 'UTC', 'JSON', 'e']);
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
}

describe('the terminal speaks the language', () => {
  it.each(Object.keys(TABLE_RUNS))('%s: no English word left in ru and kk', (name) => {
    for (const lang of OTHERS) {
      const r = tables[name]![lang];
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toBe(tables[name]!.en.stdout);
      // kam config shows option values as a config file writes them (month, revenue…): tokens, not words.
      const tokens = name === 'config' ? ['quarter', 'revenue', 'include', 'first', 'population', 'month', lang] : [];
      expect(englishWords(r.stdout + r.stderr, tokens), `${name} in ${lang}`).toEqual([]);
    }
  });

  it('the English run has the English words (the check can fail)', () => {
    expect(englishWords(tables.analyze!.en.stdout).length).toBeGreaterThan(50);
  });

  /** Numbers of a line, whatever the language writes them as: 1 234,5 → 1234.5, 31.10.2026 → 2026-10-31. */
  function numbers(line: string, lang: Lang): string[] {
    let text = line.replace(/\b(\d{2})\.(\d{2})\.(\d{4})\b/g, '$3-$2-$1').replace(/\b(\d{2})\.(\d{4})\b/g, '$2-$1');
    text = lang === 'en' ? text.replace(/(\d),(?=\d{3})/g, '$1') : text.replace(/(\d)\u00a0(?=\d{3})/g, '$1').replace(/(\d),(\d)/g, '$1.$2');
    return text.match(/-?\d+(?:[.-]\d+)*%?/g) ?? [];
  }

  it.each(['analyze', 'lost', 'alive'])('%s: every client row holds the same figures in every language', (name) => {
    const rowsOf = (lang: Lang): string[][] =>
      tables[name]![lang].stdout
        .split('\n')
        .filter((line) => clientNames.some((c) => line.includes(c)))
        .map((line) => numbers(line.replace(/^[│\s\d]*│/, '').replace(/[^│]*│/, ''), lang));
    const en = rowsOf('en');
    expect(en.length).toBeGreaterThan(name === 'lost' ? 5 : 20);
    for (const lang of OTHERS) expect(rowsOf(lang), lang).toEqual(en);
  });

  it('numbers and dates the way each language writes them', () => {
    // Whole amounts (the sample's revenue) without .00; others (its profit) with their cents.
    expect(tables.analyze!.en.stdout).toMatch(/revenue \d{1,3}(,\d{3})+, profit \d{1,3}(,\d{3})+\.\d\d/);
    expect(tables.analyze!.ru.stdout).toMatch(/выручка \d{1,3}(\u00a0\d{3})+, прибыль \d{1,3}(\u00a0\d{3})+,\d\d/);
    expect(tables.analyze!.kk.stdout).toMatch(/түсім \d{1,3}(\u00a0\d{3})+, пайда \d{1,3}(\u00a0\d{3})+,\d\d/);
    expect(tables.lost!.ru.stdout).toMatch(/На дату\s+31\.10\.2026/);
    expect(tables.lost!.en.stdout).toMatch(/As of\s+2026-10-31/);
  });

  it('the domain terms', () => {
    const ru = tables.analyze!.ru.stdout;
    const kk = tables.analyze!.kk.stdout;
    for (const word of ['Ключевые клиенты', 'кормилец', 'перспективный', 'потерянный', 'в зоне риска', 'Удерживать любой ценой']) expect(ru).toContain(word);
    for (const word of ['Негізгі клиенттер', 'асыраушы', 'перспективалы', 'жоғалған', 'тәуекел аймағында', 'Кез келген жолмен ұстап қалу']) expect(kk).toContain(word);
  });
});

/** The sheets of `kam analyze -o` with --direction, in tab order: all but Class history (kam history -o). */
function writtenSheets(lang: Lang): string[] {
  return WORKBOOK_SHEETS.filter((s) => s.id !== 'history').map((s) => CATALOGUES[lang].workbook.sheets[s.id]);
}

/** Every cell of a workbook as [sheet index, address, value]. */
function cells(book: ExcelJS.Workbook): { sheet: number; address: string; value: ExcelJS.CellValue; numFmt: string }[] {
  const out: { sheet: number; address: string; value: ExcelJS.CellValue; numFmt: string }[] = [];
  book.worksheets.forEach((ws, sheet) =>
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => out.push({ sheet, address: cell.address, value: cell.value, numFmt: cell.numFmt }))),
  );
  return out;
}

describe('the workbook in each language', () => {
  it('has its sheets in the same order, with translated names', () => {
    const names = (lang: Lang): string[] => books[lang].worksheets.map((w) => w.name);
    expect(names('en')).toEqual(writtenSheets('en'));
    for (const lang of OTHERS) {
      expect(names(lang)).toEqual(writtenSheets(lang));
      for (const name of names(lang)) expect(name).not.toMatch(/[A-Za-z]/);
    }
  });

  it('holds the same numbers and dates in the same cells (only their formats differ)', () => {
    const figures = (lang: Lang): string[] =>
      cells(books[lang])
        .filter((c) => typeof c.value === 'number' || c.value instanceof Date)
        // Method: "Made" is the time of writing.
        .filter((c) => !(c.value instanceof Date && c.value.getUTCSeconds() + c.value.getUTCMilliseconds() !== 0))
        .map((c) => `${c.sheet}!${c.address}=${c.value instanceof Date ? c.value.toISOString() : String(c.value)}`);
    const en = figures('en');
    expect(en.length).toBeGreaterThan(1000);
    for (const lang of OTHERS) expect(figures(lang), lang).toEqual(en);
  });

  it('formats numbers and dates as the language reads them', () => {
    const clients = (lang: Lang): ExcelJS.Worksheet => books[lang].worksheets[1]!;
    const col = (name: string): number => CLIENTS_SHEET_COLUMNS.findIndex((c) => c.name === name) + 1;
    expect(clients('en').getRow(2).getCell(col('last_purchase')).numFmt).toBe('yyyy-mm-dd');
    expect(clients('ru').getRow(2).getCell(col('last_purchase')).numFmt).toBe('[$-419]dd.mm.yyyy');
    expect(clients('kk').getRow(2).getCell(col('last_purchase')).numFmt).toBe('[$-43F]dd.mm.yyyy');
    expect(clients('ru').getRow(2).getCell(col('total')).numFmt).toMatch(/^\[\$-419\]#,##0\.00/);
  });

  /** Every text cell of a workbook, but the Method sheet's list of CSV column names (they stay English). */
  function texts(lang: Lang): string[] {
    const csvNames = new Set(CLIENT_COLUMNS.map((c) => c.name));
    return cells(books[lang])
      .map((c) => (typeof c.value === 'string' ? c.value : c.value !== null && typeof c.value === 'object' && 'richText' in c.value ? c.value.richText.map((r) => r.text).join('') : ''))
      .filter((s) => s !== '' && !csvNames.has(s));
  }

  it('every text a person reads is translated: headers, labels, notes, statuses, tags, strategies, actions', () => {
    for (const lang of OTHERS) {
      const left = texts(lang).flatMap((text) => englishWords(text).map((w) => `${w} ← ${text.slice(0, 80)}`));
      expect(left, lang).toEqual([]);
    }
    // The check finds English where there is English.
    expect(texts('en').flatMap((text) => englishWords(text)).length).toBeGreaterThan(500);
  });

  it('the chart titles and the page footer are translated', async () => {
    for (const lang of OTHERS) {
      const zip = await JSZip.loadAsync(readFileSync(bookPath(lang)));
      const charts = await Promise.all(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async('string')));
      expect(charts.length).toBe(3);
      const t = CATALOGUES[lang];
      expect(charts.some((c) => c.includes(t.workbook.pareto.chartTitle('revenue')))).toBe(true);
      expect(charts.some((c) => c.includes(t.workbook.churn.chartTitle('month')))).toBe(true);
      for (const c of charts) {
        expect(c).toContain(`<c:lang val="${t.locale}"/>`);
        expect(c).not.toContain('en-US');
        // The series refer to the translated sheet names.
        expect(c).toMatch(new RegExp(`'(${t.workbook.sheets.pareto}|${t.workbook.sheets.churn}|${t.workbook.sheets.bridge})'!\\$`));
      }
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      expect(sheet).toContain(t.workbook.pageFooter.replace(/&/g, '&amp;'));
    }
  });
});

const SOFFICE = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
if (SOFFICE === undefined) console.warn('kam: LibreOffice (soffice) is not installed: skipping the check that it opens the workbook in every language');

describe.skipIf(SOFFICE === undefined && process.env.CI === undefined)('LibreOffice opens the workbook in every language', () => {
  function convert(lang: Lang, format: string): string {
    const out = join(dir, `report-${lang}.${format}`);
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(dir, `profile-${lang}`)).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, bookPath(lang)], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0 || !existsSync(out)) throw new Error(`soffice --convert-to ${format} failed (status ${r.status}): ${r.stderr}`);
    return out;
  }

  it.each(LANGS)('%s: converts to PDF', (lang) => {
    const pdf = readFileSync(convert(lang, 'pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 150_000);

  it.each(OTHERS)('%s: reads the translated sheets, the Pareto chart on its translated sheet, and numbers as the language writes them', async (lang) => {
    const ods = await JSZip.loadAsync(readFileSync(convert(lang, 'ods')));
    const content = await ods.file('content.xml')!.async('string');
    const t = CATALOGUES[lang];
    for (const name of writtenSheets(lang)) expect(content).toContain(`table:name="${name}"`);
    const charts = await Promise.all(ods.file(/^Object \d+\/content\.xml$/).map((f) => f.async('string')));
    expect(charts.some((c) => c.includes(`${t.workbook.sheets.pareto}.D`))).toBe(true);
    // The cell text LibreOffice shows: 617 094 042,00 and 31.10.2026.
    expect(content).toMatch(/<text:p>\d{1,3}(\u00a0\d{3})+,\d\d<\/text:p>/);
    expect(content).toMatch(/<text:p>\d\d\.\d\d\.\d{4}<\/text:p>/);
  }, 150_000);
});
