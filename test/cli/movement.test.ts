// kam bridge, kam portfolio, kam history end to end (SPEC §11), on the sample ledger (Region and
// Manager columns): the columns, rows that add up, portfolios that add up to the total,
// a snapshot equal to the analyze run it stands for, usage and data errors, languages, the config file.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_COLUMNS, SAMPLE_CSV, csvRecords, kam } from '../helpers/kam.js';

const micros = (text: string): bigint => BigInt(Math.round(Number(text) * 1e6));
const MONEY = ['revenue_start', 'new', 'reactivated', 'expansion', 'contraction', 'churned'] as const;

describe('kam bridge', () => {
  const run = kam(['bridge', SAMPLE_CSV, '--direction', 'Manager', '--format', 'csv']);
  const { header, records } = csvRecords(run.stdout);

  it("writes exactly the issue's columns, and every row adds up", () => {
    expect(run.status).toBe(0);
    expect(header).toEqual(['period', 'direction', 'revenue_start', 'new', 'reactivated', 'expansion', 'contraction', 'churned', 'revenue_end', 'clients_new', 'clients_reactivated', 'clients_churned']);
    expect(records.length).toBeGreaterThan(20);
    for (const r of records) expect(`${r.period} ${r.direction} ${MONEY.reduce((s, k) => s + micros(r[k]!), 0n)}`).toBe(`${r.period} ${r.direction} ${micros(r.revenue_end!)}`);
  });

  it('lists the overall rows first (direction empty), then each manager, whose rows add up to the overall ones', () => {
    const overall = records.filter((r) => r.direction === '');
    const managers = [...new Set(records.filter((r) => r.direction !== '').map((r) => r.direction))];
    expect(managers.length).toBeGreaterThan(1);
    expect(records.slice(0, overall.length).every((r) => r.direction === '')).toBe(true);
    for (const o of overall) {
      for (const k of [...MONEY, 'revenue_end', 'clients_new', 'clients_reactivated', 'clients_churned'] as const) {
        const sum = records.filter((r) => r.direction !== '' && r.period === o.period).reduce((s, r) => s + micros(r[k]!), 0n);
        expect(`${o.period} ${k} ${sum}`).toBe(`${o.period} ${k} ${micros(o[k]!)}`);
      }
    }
    // Revenue end of one period is the start of the next.
    for (let i = 1; i < overall.length; i++) expect(overall[i]!.revenue_start).toBe(overall[i - 1]!.revenue_end);
  });

  it('gives the same rows as JSON, numbers as numbers and null for the overall direction', () => {
    const json = JSON.parse(kam(['bridge', SAMPLE_CSV, '--direction', 'Manager', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(json.length).toBe(records.length);
    expect(Object.keys(json[0]!)).toEqual(header);
    expect(json[0]!.direction).toBeNull();
    expect(json.map((r) => String(r.revenue_end))).toEqual(records.map((r) => r.revenue_end));
  });

  it('draws a table and a waterfall in the terminal, in Russian and Kazakh too', () => {
    const en = kam(['bridge', SAMPLE_CSV, '--format', 'table', '--period', 'quarter']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Revenue bridge by quarter');
    expect(en.stdout).toContain('█');
    expect(kam(['bridge', SAMPLE_CSV, '--format', 'table', '--lang', 'ru']).stdout).toContain('Мост выручки по месяцам');
    expect(kam(['bridge', SAMPLE_CSV, '--format', 'table', '--lang', 'kk']).stdout).toContain('Айлар бойынша түсім көпірі');
  });
});

describe('kam portfolio', () => {
  it('writes one row per manager, whose revenues add up to the analysed total', () => {
    const run = kam(['portfolio', SAMPLE_CSV, '--by', 'Manager', '--format', 'csv']);
    expect(run.status).toBe(0);
    const { header, records } = csvRecords(run.stdout);
    expect(header[0]).toBe('direction');
    const analyzed = csvRecords(kam(['analyze', SAMPLE_CSV, '--direction', 'Manager', '--format', 'csv']).stdout).records;
    expect(records.map((r) => r.direction).sort()).toEqual([...new Set(analyzed.map((c) => c.direction))].sort());
    const total = analyzed.reduce((s, c) => s + micros(c.revenue!), 0n);
    expect(records.reduce((s, r) => s + micros(r.revenue!), 0n)).toBe(total);
    // Each manager's A/B/C counts are its clients' abc_within.
    for (const r of records) {
      const mine = analyzed.filter((c) => c.direction === r.direction);
      expect(`${r.direction} ${r.clients} ${r.class_a}`).toBe(`${r.direction} ${mine.length} ${mine.filter((c) => c.abc_within === 'A').length}`);
    }
  });

  it('refuses to run without --by, with one line on stderr and exit 2', () => {
    const run = kam(['portfolio', SAMPLE_CSV]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--by');
  });

  it('never takes the top-level "by" of a config file (the ABC metric) for the column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-portfolio-'));
    try {
      writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ by: 'profit', direction: 'Region' }));
      const run = kam(['portfolio', SAMPLE_CSV, '--format', 'csv'], { cwd: dir });
      expect(run.status, run.stderr).toBe(0);
      expect(csvRecords(run.stdout).records.map((r) => r.direction)).toContain('Алматы');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the column from the config file as "direction"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-portfolio-'));
    try {
      writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ direction: 'Region' }));
      const run = kam(['portfolio', SAMPLE_CSV, '--format', 'csv'], { cwd: dir });
      expect(run.status).toBe(0);
      expect(csvRecords(run.stdout).records.map((r) => r.direction)).toContain('Алматы');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kam analyze --direction', () => {
  it('adds direction and abc_within after every other column, and only with a direction column', () => {
    const plain = csvRecords(kam(['analyze', SAMPLE_CSV, '--format', 'csv']).stdout).header;
    const directed = csvRecords(kam(['analyze', SAMPLE_CSV, '--direction', 'Region', '--format', 'csv']).stdout).header;
    expect(plain.slice(0, CONTRACT_COLUMNS.length)).toEqual([...CONTRACT_COLUMNS]);
    expect(plain).not.toContain('abc_within');
    expect(directed).toEqual([...plain, 'direction', 'abc_within']);
  });
});

describe('kam history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kam-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the long table, and a snapshot holds the classes of the analyze run it stands for', () => {
    const run = kam(['history', SAMPLE_CSV, '--every', 'quarter', '--window', '6', '--format', 'csv']);
    expect(run.status).toBe(0);
    const { header, records } = csvRecords(run.stdout);
    expect(header).toEqual(['client', 'snapshot', 'abc', 'xyz', 'total', 'status']);
    const snapshots = [...new Set(records.map((r) => r.snapshot))].sort();
    expect(snapshots).toContain('2026-09-30');
    const analyzed = csvRecords(kam(['analyze', SAMPLE_CSV, '--from', '2026-04-01', '--to', '2026-09-30', '--as-of', '2026-09-30', '--format', 'csv']).stdout).records;
    const snap = records.filter((r) => r.snapshot === '2026-09-30');
    expect(snap.map((r) => `${r.client} ${r.abc} ${r.xyz} ${r.total} ${r.status}`).sort()).toEqual(analyzed.map((c) => `${c.client} ${c.abc} ${c.xyz} ${c.total} ${c.status}`).sort());
  });

  it('takes --every and --window from the config file', () => {
    writeFileSync(join(dir, 'kam.config.json'), JSON.stringify({ history: { every: 'quarter', window: 6 } }));
    const run = kam(['history', SAMPLE_CSV, '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { every: string; window_months: number; snapshots: string[]; clients: { path: string; mark: string }[] };
    expect([json.every, json.window_months]).toEqual(['quarter', 6]);
    expect(json.clients[0]!.path.split(' ')).toHaveLength(json.snapshots.length);
  });

  it('says in one line when the ledger is shorter than the window, and exits 1', () => {
    for (const lang of ['en', 'ru', 'kk']) {
      const run = kam(['history', SAMPLE_CSV, '--window', '60', '--lang', lang]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('shows how many A clients stayed A, and the perennial ones, in each language', () => {
    const en = kam(['history', SAMPLE_CSV, '--every', 'quarter', '--window', '6', '--format', 'table']);
    expect(en.stdout).toMatch(/Stayed A +\d+ of the \d+ A clients/);
    expect(en.stdout).toContain('Perennial A clients');
    expect(kam(['history', SAMPLE_CSV, '--format', 'table', '--lang', 'ru']).stdout).toContain('Постоянные клиенты группы A');
    expect(kam(['history', SAMPLE_CSV, '--format', 'table', '--lang', 'kk']).stdout).toContain('Тұрақты A клиенттері');
  });
});

describe('kam analyze -o --split-by', () => {
  it("writes one workbook per manager, each with only that manager's clients, classed within the portfolio", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-split-'));
    try {
      const run = kam(['analyze', SAMPLE_CSV, '-o', join(dir, 'book.xlsx'), '--split-by', 'Manager']);
      expect(run.status).toBe(0);
      const analyzed = csvRecords(kam(['analyze', SAMPLE_CSV, '--direction', 'Manager', '--format', 'csv']).stdout).records;
      const managers = [...new Set(analyzed.map((c) => c.direction!))].sort();
      expect(readdirSync(dir).sort()).toEqual(managers.map((m) => `book-${m}.xlsx`).sort());
      for (const manager of managers) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(join(dir, `book-${manager}.xlsx`));
        const sheet = book.worksheets.find((w) => w.name === 'Clients')!;
        const listed: string[] = [];
        sheet.eachRow((row, n) => {
          if (n > 1 && typeof row.getCell(1).value === 'string') listed.push(`${String(row.getCell(1).value)} ${String(row.getCell(2).value)}`);
        });
        const mine = analyzed.filter((c) => c.direction === manager);
        expect(listed.sort()).toEqual(mine.map((c) => `${c.client} ${c.abc_within}`).sort());
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs -o', () => {
    const run = kam(['analyze', SAMPLE_CSV, '--split-by', 'Manager']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('-o');
  });
});
