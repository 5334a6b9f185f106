// `kam lost`, the lost-client columns of `kam analyze` and `--fail-on lost-key`, end to end on the
// sample ledger (fixtures/README.md lists who is lost, at risk and back). Runs kam in-process
// (test/helpers/run.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KamRun } from '../helpers/kam.js';
import { datasetPath, skipWithout } from '../helpers/datasets.js';
import { runKam } from '../helpers/run.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SAMPLE = join(ROOT, 'fixtures/sample-ledger.csv');

/** kam ARGS, run in-process (test/helpers/run.ts). */
const kam = (args: string[]): Promise<KamRun> => runKam(args, { env: { NO_COLOR: '1' } });

const csvRows = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

const LOST = ['ТОО «ЭнергоСтрой Астана»', 'ТОО «Павлодар Химпром»', 'ИП Ахметов Б.С.', 'ТОО «Тараз Опт»', 'ИП Нургалиев Р.М.'];
const AT_RISK = ['ТОО «Караван Трейд»', 'ТОО «Семей Строй»'];

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-lost-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kam analyze: the lost-client columns and summary', () => {
  interface Row {
    client: string;
    abc: string;
    first_purchase: string;
    last_purchase: string;
    recency_days: number;
    usual_interval_days: number | null;
    status: string;
    p_alive: number | null;
  }
  let rows: Row[];
  beforeAll(async () => {
    const r = await kam(['analyze', SAMPLE, '--format', 'json']);
    expect(r.status).toBe(0);
    rows = (JSON.parse(r.stdout) as { clients: Row[] }).clients;
  });
  const row = (client: string): Row => rows.find((r) => r.client === client)!;

  it('fills first_purchase, last_purchase, recency_days, usual_interval_days and status as the fixture documents them', async () => {
    expect(rows.filter((r) => r.status === 'lost').map((r) => r.client).sort()).toEqual([...LOST].sort());
    expect(rows.filter((r) => r.status === 'at-risk').map((r) => r.client).sort()).toEqual([...AT_RISK].sort());
    expect(row('ТОО «ЭнергоСтрой Астана»')).toMatchObject({ last_purchase: '2026-01-20', recency_days: 284 });
    // Its return on 2026-03-23 is not a purchase day.
    expect(row('ТОО «Павлодар Химпром»')).toMatchObject({ last_purchase: '2026-03-18', recency_days: 227 });
    expect(row('ТОО «Караван Трейд»')).toMatchObject({ recency_days: 67, usual_interval_days: 30 });
    expect(row('ТОО «Семей Строй»')).toMatchObject({ recency_days: 35, usual_interval_days: 15 });
    expect(row('ИП Сейткали Н.Б.').status).toBe('active'); // came back
    expect(row('ИП Омаров Т.К.')).toMatchObject({ usual_interval_days: null, status: 'active', first_purchase: '2026-09-17' });
  });

  it('leaves p_alive empty for every client on the sample, whose BG/NBD fit stops at a boundary, and says so', async () => {
    // The sample's 40 clients drop out at much the same rate: the likelihood keeps rising towards
    // b → ∞, so there is no estimate to take a probability from; the status rules judge them.
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.p_alive === null)).toBe(true);
    expect(rows.every((r) => ['active', 'at-risk', 'lost'].includes(r.status))).toBe(true);
    const r = await kam(['analyze', SAMPLE, '--format', 'table']);
    expect(r.status).toBe(0);
    // The terminal shows neither the boundary's parameters nor an empty P(alive) column.
    const lost = await kam(['lost', SAMPLE, '--format', 'table']);
    expect(lost.status).toBe(0);
    expect(lost.stdout).not.toMatch(/b = /);
    expect(lost.stdout).toMatch(/Revenue 12m +\S +Action/);
    // Issue 15: said once, in kam alive; no P(alive) column here, so no P(alive) line nor note.
    expect(lost.stdout).not.toMatch(/P\(alive\)|BG\/NBD/);
    expect(r.stdout).not.toMatch(/P\(alive\)|BG\/NBD/);
  });

  it('--risk-factor, --lost-factor and --lost-after reach the status', async () => {
    const status = async (args: string[]): Promise<Map<string, string>> => new Map((JSON.parse((await kam(['analyze', SAMPLE, '--format', 'json', ...args])).stdout) as { clients: Row[] }).clients.map((r) => [r.client, r.status] as [string, string]));
    // Семей Строй: interval 15, silent 35 days; at risk past 22.5, lost past 45.
    expect((await status(['--risk-factor', '3'])).get('ТОО «Семей Строй»')).toBe('active');
    expect((await status(['--lost-factor', '2'])).get('ТОО «Семей Строй»')).toBe('lost');
    // Нургалиев: 3 purchase days, rhythm 105 (315 days), lost by the absolute rule: 417 > 180.
    // With a 4× factor the rhythm allows 420 days, so the absolute rule decides.
    expect((await status(['--lost-after', '420', '--lost-factor', '4'])).get('ИП Нургалиев Р.М.')).toBe('at-risk');
    expect((await status(['--lost-after', '416', '--lost-factor', '4'])).get('ИП Нургалиев Р.М.')).toBe('lost');
    expect((await status(['--lost-after', '417', '--lost-factor', '4'])).get('ИП Нургалиев Р.М.')).toBe('at-risk');
    expect((await kam(['analyze', SAMPLE, '--lost-after', '0'])).status).toBe(2);
  });

  it('the terminal summary counts active, at-risk and lost clients and the revenue at stake, and shows the win-back list', async () => {
    const r = await kam(['analyze', SAMPLE, '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Status\s+33 active, 2 at risk, 5 lost of 40 clients with a purchase/);
    expect(r.stdout).toMatch(/At stake\s+64,192,919 \(lost 45,019,400, at risk 19,173,519\)/);
    expect(r.stdout).toMatch(/Win-back list \(7 lost or at risk/);
  });
});

describe('kam lost', () => {
  it('--format csv: the win-back list, lost and at-risk clients, class first, then revenue over the 12 months before the last purchase', async () => {
    const r = await kam(['lost', SAMPLE, '--format', 'csv']);
    expect(r.status).toBe(0);
    const [head, ...rows] = csvRows(r.stdout);
    expect(head).toEqual([
      'client',
      'abc',
      'status',
      'key',
      'first_purchase',
      'last_purchase',
      'recency_days',
      'usual_interval_days',
      'purchase_days',
      'risk_threshold_days',
      'lost_threshold_days',
      'revenue_12m',
      'p_alive',
      'direction',
      'action',
    ]);
    expect(rows.map((x) => x[0]).sort()).toEqual([...LOST, ...AT_RISK].sort());
    expect(rows[0]!.slice(0, 7)).toEqual(['ТОО «ЭнергоСтрой Астана»', 'A', 'lost', 'false', '2025-01-20', '2026-01-20', '284']);
    // 12 monthly purchases from 2025-01-21 to 2026-01-20 (its first, on 2025-01-20, is out).
    expect(Number(rows[0]![11])).toBeCloseTo(24_724_747.5, 2);
    expect(rows.map((x) => x[1])).toEqual(['A', 'B', 'B', 'B', 'B', 'B', 'C']);
    const revenues = rows.slice(1, 6).map((x) => Number(x[11]));
    expect(revenues).toEqual([...revenues].sort((p, q) => q - p));
    // p_alive is empty: the sample's BG/NBD fit does not converge. Every row has an action.
    expect(rows.every((x) => x[12] === '' && x[14] !== '')).toBe(true);
  });

  it('--table churn --direction Region: per month and per region; the counts add up to the lost clients', async () => {
    const r = await kam(['lost', SAMPLE, '--format', 'csv', '--table', 'churn', '--direction', 'Region']);
    expect(r.status).toBe(0);
    const [head, ...rows] = csvRows(r.stdout);
    expect(head).toEqual(['direction', 'period', 'start', 'end', 'partial', 'became_lost', 'lost_revenue', 'came_back', 'still_lost']);
    const overall = rows.filter((x) => x[0] === '');
    expect(overall[0]![1]).toBe('2025-01');
    expect(overall[overall.length - 1]![1]).toBe('2026-10');
    const sum = (list: string[][], i: number) => list.reduce((s, x) => s + Number(x[i]), 0);
    expect(sum(overall, 8)).toBe(5);
    expect(sum(overall, 5) - sum(overall, 7)).toBe(5);
    // Сейткали: lost in 2025-11 (monthly to 2025-08-11, threshold 84 days), back in 2026-04.
    expect(overall.find((x) => x[1] === '2025-11')!.slice(5)).toEqual(['1', '9648737', '0', '0']);
    expect(overall.find((x) => x[1] === '2026-04')![7]).toBe('1');
    const regional = rows.filter((x) => x[0] !== '');
    expect(new Set(regional.map((x) => x[0]))).toEqual(new Set(['Актобе', 'Алматы', 'Астана', 'Караганда', 'Шымкент']));
    expect(sum(regional, 8)).toBe(5);
    expect(sum(regional, 5)).toBe(sum(overall, 5));
  });

  it('--format json: counts, revenue at stake, the fit, the win-back list and churn', async () => {
    const r = await kam(['lost', SAMPLE, '--format', 'json', '--direction', 'Manager']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ as_of: '2026-10-31', period: 'month', direction_column: 'Manager', clients: 40, active: 33, at_risk: 2, lost: 5, revenue_at_stake: 64192919 });
    // ЭнергоСтрой is class A but ranked past the top 50% of revenue: not a key client.
    expect(j.lost_key_clients).toEqual([]);
    expect(Object.keys(j.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'log_likelihood']);
    expect(j.win_back).toHaveLength(7);
    expect(j.win_back[0]).toMatchObject({ client: 'ТОО «ЭнергоСтрой Астана»', key: false, recency_days: 284, usual_interval_days: 29.5, lost_threshold_days: 88.5 });
    expect(j.churn.reduce((s: number, p: { still_lost: number }) => s + p.still_lost, 0)).toBe(5);
    expect(j.churn_by_direction.reduce((s: number, d: { lost: number }) => s + d.lost, 0)).toBe(5);
    expect((await kam(['lost', SAMPLE, '--format', 'json', '--direction', 'Manager'])).stdout).toBe(r.stdout);
  });

  it('the terminal view shows the win-back list and the churn tables', async () => {
    const r = await kam(['lost', SAMPLE, '--format', 'table', '--direction', 'Region']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Clients\s+33 active, 2 at risk, 5 lost/);
    expect(r.stdout).not.toMatch(/Key lost/);
    expect(r.stdout).toMatch(/Churn by month/);
    expect(r.stdout).toMatch(/Churn by Region/);
    expect(r.stdout).toMatch(/Total\s+│\s+7\s+│\s+68,719,753\s+│\s+2\s+│\s+5/);
  });

  it('an unknown --direction column is a data problem naming the headers', async () => {
    const r = await kam(['lost', SAMPLE, '--direction', 'Nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/"Nope": no such column; headers: .*"Region"/);
  });
});

describe('the workbook: Lost and Churn sheets', () => {
  it('-o writes the win-back list and churn per month and per region, with a chart of churn', async () => {
    const out = join(dir, 'book.xlsx');
    const r = await kam(['analyze', SAMPLE, '--direction', 'Region', '-o', out]);
    expect(r.status).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const names = book.worksheets.map((w) => w.name);
    expect(names.indexOf('Lost')).toBe(names.indexOf('Series') + 1);
    expect(names.indexOf('Churn')).toBe(names.indexOf('Lost') + 1);

    const lost = book.getWorksheet('Lost')!;
    const header = (lost.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['#', 'Client', 'ABC', 'Status']);
    const clients: string[] = [];
    let i = 5;
    for (; typeof lost.getRow(i).getCell(1).value === 'number'; i++) clients.push(String(lost.getRow(i).getCell(2).value));
    expect(clients.sort()).toEqual([...LOST, ...AT_RISK].sort());
    // Under the list, after a blank row: the revenue expected from it (SPEC §6; none on this ledger, and it says why).
    expect(lost.getRow(i + 1).getCell(1).value).toBe('Expected: not estimated: the purchase model does not fit this ledger (kam alive says why)');
    expect(lost.rowCount).toBe(i + 1);
    expect(lost.getRow(5).getCell(2).value).toBe('ТОО «ЭнергоСтрой Астана»');

    const churn = book.getWorksheet('Churn')!;
    const rows: unknown[][] = [];
    churn.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const total = rows.find((x) => x[0] === 'Total')!;
    expect(total.slice(3)).toEqual([7, 68719753, 2, 5, 5]);
    expect(rows.some((x) => x[0] === 'Караганда' && x[5] === 2)).toBe(true); // lost now, per region

    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = await Promise.all(Object.keys(zip.files).filter((f) => /xl\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(charts.some((x) => x.includes('Clients lost and won back per month') && x.includes("'Churn'!$D$"))).toBe(true);
  });
});

describe('--fail-on lost-key', () => {
  // ЭнергоСтрой (class A, 7th) is a key client when the key clients make up 75% of revenue.
  const KEY_75 = ['--key-share', '75'];
  it('kam lost exits 3 when a key client is lost, after writing all its output', async () => {
    const r = await kam(['lost', SAMPLE, '--format', 'json', '--fail-on', 'lost-key', ...KEY_75]);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).win_back).toHaveLength(7);
    expect(r.stderr).toMatch(/1 key client is lost: "ТОО «ЭнергоСтрой Астана»"/);
  });

  it('kam analyze exits 3 too, with the whole table written', async () => {
    const r = await kam(['analyze', SAMPLE, '--format', 'csv', '--fail-on', 'lost-key', ...KEY_75]);
    expect(r.status).toBe(3);
    expect(r.stdout.trim().split('\n')).toHaveLength(41);
    expect((await kam(['analyze', SAMPLE, '--format', 'csv'])).status).toBe(0);
  });

  it('exits 0 while no key client is lost; a lost C client is not key', async () => {
    // ЭнергоСтрой (A, last purchase 2026-01-20, rhythm 29.5 → lost past 88.5 days) becomes lost on
    // 2026-04-19; on 2026-04-18 only Нургалиев (C) is lost.
    const before = await kam(['lost', SAMPLE, '--format', 'json', '--fail-on', 'lost-key', ...KEY_75, '--as-of', '2026-04-18']);
    const j = JSON.parse(before.stdout);
    expect(j.win_back.filter((e: { status: string }) => e.status === 'lost').map((e: { client: string; abc: string }) => [e.client, e.abc])).toEqual([['ИП Нургалиев Р.М.', 'C']]);
    expect(j.lost_key_clients).toEqual([]);
    expect(before.status).toBe(0);
    const on = await kam(['lost', SAMPLE, '--format', 'json', '--fail-on', 'lost-key', ...KEY_75, '--as-of', '2026-04-19']);
    expect(JSON.parse(on.stdout).lost_key_clients).toEqual(['ТОО «ЭнергоСтрой Астана»']);
    expect(on.status).toBe(3);
    const analyze = await kam(['analyze', SAMPLE, '--format', 'csv', '--fail-on', 'lost-key', ...KEY_75, '--as-of', '2026-04-18']);
    expect(analyze.status).toBe(0);
  });

  it('an unknown condition is a usage error', async () => {
    const r = await kam(['lost', SAMPLE, '--fail-on', 'lost-everything']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--fail-on takes lost-key/);
  });
});

describe('BG/NBD on a ledger too small to fit', () => {
  it('leaves p_alive empty and says why', async () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'client,date,amount\nA,2024-01-01,10\nA,2024-02-01,10\nA,2024-03-01,10\nB,2024-01-05,5\nB,2024-03-31,5\n');
    const r = await kam(['analyze', small, '--format', 'json', '--include-partial']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { clients: { p_alive: unknown }[] }).clients.every((x) => x.p_alive === null)).toBe(true);
    expect(r.stderr).toMatch(/BG\/NBD needs at least 20 clients with a purchase, the ledger has 2/);
  });
});

describe.skipIf(skipWithout('CDNOW_sample.txt'))('BG/NBD on a ledger whose fit converges (the CDNOW sample, as of 1997-09-30)', () => {
  it('fills p_alive for every client from the one fit kam alive reports', async () => {
    // The ledger kam reads: client = master id, ISO date, quantity = CDs, amount = dollars.
    const lines = readFileSync(datasetPath('CDNOW_sample.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const [id, , date, cds, dollars] = l.trim().split(/\s+/) as [string, string, string, string, string];
        return `${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${cds},${dollars}`;
      });
    const cdnow = join(dir, 'cdnow.csv');
    writeFileSync(cdnow, `client,date,quantity,amount\n${lines.join('\n')}\n`);
    const args = ['--as-of', '1997-09-30', '--format', 'json'];
    const analyzed = await kam(['analyze', cdnow, '--include-partial', ...args]);
    expect(analyzed.status).toBe(0);
    expect(analyzed.stderr).not.toMatch(/BG\/NBD/);
    const rows = (JSON.parse(analyzed.stdout) as { clients: { client: string; p_alive: number | null }[] }).clients;
    const alive = await kam(['alive', cdnow, ...args]);
    expect(alive.status).toBe(0);
    const fit = JSON.parse(alive.stdout) as { converged: boolean; customers: { client: string; frequency: number; p_alive: number }[] };
    expect(fit.converged).toBe(true);
    const byClient = new Map(fit.customers.map((c) => [c.client, c]));
    expect(rows).toHaveLength(2357);
    for (const r of rows) expect(r.p_alive, r.client).toBe(byClient.get(r.client)!.p_alive);
    expect(rows.every((r) => typeof r.p_alive === 'number' && r.p_alive >= 0 && r.p_alive <= 1)).toBe(true);
    // One purchase day: BG/NBD cannot see a dropout. Repeat buyers fall below 1.
    expect(rows.filter((r) => byClient.get(r.client)!.frequency === 0).every((r) => r.p_alive === 1)).toBe(true);
    expect(rows.filter((r) => r.p_alive! < 0.5).length).toBeGreaterThan(100);
    // The terminal shows the fit and the win-back list's P(alive) column.
    const lost = await kam(['lost', cdnow, '--as-of', '1997-09-30', '--format', 'table']);
    expect(lost.status).toBe(0);
    expect(lost.stdout).toMatch(/^P\(alive\) +BG\/NBD over 2,357 clients: r = 0\.24\d*, α = 4\.4\d*, a = 0\.79\d*, b = 2\.4\d*, log-likelihood -9,?582\.\d$/m);
    expect(lost.stdout).toMatch(/Revenue 12m +\S +P\(alive\) +\S +Action/);
  });
});

describe('kam lost --direction with more than eight values (issue 15)', () => {
  it('the grid shows the values with the most churn and "other", and the note says how many went into it', async () => {
    const r = await kam(['lost', SAMPLE, '--direction', 'Product', '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/became lost \/ came back per period; "other" sums the 9 values beyond the 7 with the most churn/);
    expect(r.stdout).toMatch(/│ other │/);
  });
});
