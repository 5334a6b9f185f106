// Tags, --clients and `kam client` end to end on the sample ledger (fixtures/README.md says who
// should carry which tag). Runs bin/kam.js, so the project must be built (npm test builds it first).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KamRun } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SAMPLE = join(ROOT, 'fixtures/sample-ledger.csv');
const CLIENTS = join(ROOT, 'fixtures/sample-clients.csv');

/** kam ARGS, run in-process (test/helpers/run.ts). */
const kam = (args: string[]): Promise<KamRun> => runKam(args, { env: { NO_COLOR: '1' } });

interface Row {
  client: string;
  abc: string;
  tags: string | null;
  revenue: number;
  abc_prev: string | null;
  xyz_prev: string | null;
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-client-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** fixtures/README.md, "Who shows what", with the attributes file. Every other client has no tag. */
const EXPECTED_TAGS: Record<string, string> = {
  'ТОО «Алматы Строй Сервис»': 'key;breadwinner',
  'Magnum Cash&Carry': 'key;image-maker',
  'АО «КазМунайСнаб»': 'key',
  'ТОО «ЭнергоСтрой Астана»': 'lost',
  'ТОО «Павлодар Химпром»': 'lost',
  'ИП Ахметов Б.С.': 'lost',
  'ТОО «Тараз Опт»': 'lost',
  'ИП Нургалиев Р.М.': 'lost',
  'ТОО «Караван Трейд»': 'at-risk',
  'ТОО «Семей Строй»': 'at-risk',
  'ТОО «Нур-Логистик»': 'prospect;qualified',
  'ТОО «Достык Агро»': 'prospect',
  'ТОО «Silk Way Trading»': 'prospect',
  'ТОО «КазНИИ Стройпроект»': 'expert',
};

describe('kam analyze --clients: the tags column', () => {
  let rows: Row[];
  let stderr: string;
  beforeAll(async () => {
    const r = await kam(['analyze', SAMPLE, '--clients', CLIENTS, '--format', 'json']);
    expect(r.status).toBe(0);
    rows = (JSON.parse(r.stdout) as { clients: Row[] }).clients;
    stderr = r.stderr;
  });

  it('tags every client as the fixture documents, and no other', async () => {
    expect(rows).toHaveLength(40);
    const got = Object.fromEntries(rows.filter((r) => r.tags !== null).map((r) => [r.client, r.tags]));
    expect(got).toEqual(EXPECTED_TAGS);
    // The single-invoice client is new but far from the pace of a B client.
    expect(rows.find((r) => r.client === 'ИП Омаров Т.К.')!.tags).toBeNull();
  });

  it('matches names ignoring case and spaces, and lists the unmatched ones in one warning', async () => {
    const warnings = stderr.split('\n').filter((l) => l.includes('match no client') || l.includes('matches no client'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"ТОО «Восток Снаб»"');
    expect(warnings[0]).not.toMatch(/алтын дала|Magnum/i);
  });

  it('tags without an attributes file: no image-maker, expert or qualified', async () => {
    const r = await kam(['analyze', SAMPLE, '--format', 'json']);
    const plain = (JSON.parse(r.stdout) as { clients: Row[] }).clients;
    const tags = (c: string): string | null => plain.find((x) => x.client === c)!.tags;
    expect(tags('Magnum Cash&Carry')).toBe('key');
    expect(tags('ТОО «Нур-Логистик»')).toBe('prospect');
    expect(tags('ТОО «КазНИИ Стройпроект»')).toBeNull();
    expect(r.stderr).not.toContain('match');
  });

  it('follows --breadwinner-share and --new-within', async () => {
    const r = await kam(['analyze', SAMPLE, '--format', 'json', '--breadwinner-share', '8', '--new-within', '3']);
    const t = Object.fromEntries((JSON.parse(r.stdout) as { clients: Row[] }).clients.map((x) => [x.client, x.tags ?? '']));
    // Profit shares: Magnum 8.5%, КазМунайСнаб 9.0%, Караганда Металл 7.1%.
    expect(t['Magnum Cash&Carry']).toBe('key;breadwinner');
    expect(t['АО «КазМунайСнаб»']).toBe('key;breadwinner');
    expect(t['ТОО «Караганда Металл Трейд»']).toBe('');
    // 3 months before 2026-10-31 is 2026-07-31: Нур-Логистик (06-15) and Достык Агро (07-08) are no longer new.
    expect(t['ТОО «Нур-Логистик»']).toBe('');
    expect(t['ТОО «Достык Агро»']).toBe('');
    expect(t['ТОО «Silk Way Trading»']).toBe('prospect');
    expect((await kam(['analyze', SAMPLE, '--breadwinner-share', '0'])).status).toBe(2);
    expect((await kam(['analyze', SAMPLE, '--new-within', '1.5'])).status).toBe(2);
  });

  it('counts an image-maker outside the top 50% among the key clients in the summary', async () => {
    const path = join(dir, 'omarov.csv');
    writeFileSync(path, 'Клиент;Теги\nип омаров т.к.;Имиджмейкер\n');
    const before = (await kam(['analyze', SAMPLE, '--format', 'table'])).stdout;
    const after = (await kam(['analyze', SAMPLE, '--format', 'table', '--clients', path])).stdout;
    expect(before).toMatch(/Key clients\s+3 \(top 50% of revenue \+ breadwinners, image-makers\): 50\.5% of revenue, 50\.8% of profit — within the 30–55% band/);
    // + 129,750 of 617,094,042 revenue.
    expect(after).toMatch(/Key clients\s+4 \(top 50% of revenue \+ breadwinners, image-makers\): 50\.5% of revenue/);
    expect(after).toMatch(/Tags\s+key 4, breadwinner 1 .*image-maker 1/);
    const json = (JSON.parse((await kam(['analyze', SAMPLE, '--format', 'json', '--clients', path])).stdout) as { clients: Row[] }).clients;
    expect(json.find((r) => r.client === 'ИП Омаров Т.К.')!.tags).toBe('key;image-maker');
  });

  it('refuses an attributes file without a client column (exit 1) and a missing one', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'name2,tags\nA,expert\n');
    const r = await kam(['analyze', SAMPLE, '--clients', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no client column in the attributes file; headers: "name2", "tags"/);
    expect((await kam(['analyze', SAMPLE, '--clients', join(dir, 'none.csv')])).status).toBe(1);
  });
});

describe('kam analyze --compare on the sample ledger', () => {
  it('fills abc_prev/xyz_prev from the previous window of equal length', async () => {
    const r = await kam(['analyze', SAMPLE, '--from', '2026-01-01', '--compare', 'previous', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout) as { clients: Row[] }).clients;
    const row = (c: string): Row => rows.find((x) => x.client === c)!;
    expect(row('ТОО «Алматы Строй Сервис»')).toMatchObject({ abc: 'A', abc_prev: 'A', xyz_prev: 'X' });
    // First purchase 2026-06-15: no line in 2025-03 … 2025-12.
    expect(row('ТОО «Нур-Логистик»')).toMatchObject({ abc_prev: null, xyz_prev: null });
    const plain = (JSON.parse((await kam(['analyze', SAMPLE, '--from', '2026-01-01', '--format', 'json'])).stdout) as { clients: Row[] }).clients;
    expect(plain.every((x) => x.abc_prev === null && x.xyz_prev === null)).toBe(true);
  });

  it('shows the migration matrices and the slipped key clients in the terminal', async () => {
    const r = await kam(['analyze', SAMPLE, '--from', '2026-01-01', '--compare', '2025-03-01..2025-12-31', '--format', 'table']);
    expect(r.stdout).toContain('Class migration from the window 2025-03 … 2025-12 to this window 2026-01 … 2026-10');
    expect(r.stdout).toMatch(/ABC before ↓ now → │ A │\s+B │\s+C │ gone │ Total │/);
    expect(r.stdout).toMatch(/XYZ before ↓ now → │ X │ Y │\s+Z │ - │ gone │ Total │/);
    expect(r.stdout).toMatch(/│ new /);
    expect(r.stdout).toMatch(/Key clients that slipped \(1\)[\s\S]*ТОО «ЭнергоСтрой Астана» │ A→B │ X→Z/);
  });

  it('warns when the previous window lies before the ledger, and refuses a bad --compare', async () => {
    const r = await kam(['analyze', SAMPLE, '--compare', 'previous', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('the comparison window 2023-03-01 … 2024-12-31 lies before the ledger (first date 2025-01-01): every client is new');
    expect((await kam(['analyze', SAMPLE, '--compare', 'last-year'])).status).toBe(2);
    expect((await kam(['analyze', SAMPLE, '--compare', '2025-06-01..2025-01-01'])).status).toBe(2);
  });
});

interface Card {
  client: string;
  abc: string | null;
  tags: string | null;
  revenue: number;
  revenue_share: number;
  abc_prev: string | null;
  previous_window: { from: string; to: string; coverage: string; abc: string | null } | null;
  periods: { period: string; value: number; purchases: number }[];
  sparkline: string;
  purchases: number;
  first_purchase: string;
  last_purchase: string;
  status: string;
  direction: string | null;
  directions: { name: string; amount: number; share: number }[] | null;
  products: { name: string; amount: number }[] | null;
  attributes: { name: string; values: Record<string, string> } | null;
}

describe('kam client', () => {
  it("prints the card of a client: figures agree with the analysis, attributes, directions", async () => {
    const r = await kam(['client', SAMPLE, 'Magnum Cash&Carry', '--clients', CLIENTS, '--direction', 'Region', '--format', 'json']);
    expect(r.status).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    const row = (JSON.parse((await kam(['analyze', SAMPLE, '--format', 'json'])).stdout) as { clients: Row[] }).clients.find((x) => x.client === 'Magnum Cash&Carry')!;
    expect(card).toMatchObject({ client: 'Magnum Cash&Carry', abc: 'A', revenue: row.revenue, tags: 'key;image-maker', direction: 'Алматы', status: 'active' });
    expect(card.periods).toHaveLength(22);
    expect(card.periods.reduce((s, p) => s + p.value, 0)).toBeCloseTo(card.revenue, 4);
    expect(card.periods.reduce((s, p) => s + p.purchases, 0)).toBe(card.purchases);
    expect([...card.sparkline]).toHaveLength(22);
    // fixtures/README.md: 29 invoices ≈ 34.5 M under Алматы, 15 ≈ 17.8 M under Астана.
    expect(card.directions!.map((d) => d.name)).toEqual(['Алматы', 'Астана']);
    expect(card.directions![0]!.amount / 1e6).toBeCloseTo(34.5, 0);
    expect(card.directions![1]!.amount / 1e6).toBeCloseTo(17.8, 0);
    expect(card.products!.length).toBeGreaterThan(0);
    expect(card.attributes).toMatchObject({ name: 'Magnum   Cash&Carry', values: { industry: 'Розничная сеть' } });
    // The ledger starts 2025-01: the previous 22 months are not in it.
    expect(card.previous_window).toMatchObject({ from: '2023-03', to: '2024-12', coverage: 'none', abc: null });
    expect(r.stderr).toContain('ТОО «Восток Снаб»');
    expect(r.stderr).not.toContain('comparison window');
  });

  it('shows the classes of an explicit earlier window, and the attributes of a name written in another case', async () => {
    const r = await kam(['client', SAMPLE, 'ТОО «Алтын Дала»', '--clients', CLIENTS, '--from', '2026-01-01', '--compare', '2025-01-01..2025-12-31', '--format', 'json']);
    const card = JSON.parse(r.stdout) as Card;
    expect(card.previous_window).toMatchObject({ from: '2025-01', to: '2025-12', coverage: 'full' });
    expect(card.abc_prev).toBe('C');
    expect(card.attributes!.values.industry).toBe('Ремонт и отделка');
  });

  it('prints a readable card on a terminal', async () => {
    const r = await kam(['client', SAMPLE, 'ТОО «Нур-Логистик»', '--clients', CLIENTS, '--direction', 'Region', '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ТОО «Нур-Логистик»\s+prospect qualified/);
    expect(r.stdout).toMatch(/Prospect\s+new since 2026-06-15: 12,849,735\.50 in 139 days/);
    expect(r.stdout).toMatch(/Series\s+2025-01 ▕\s+▃▇███▏ 2026-10/);
    expect(r.stdout).toContain('Top products');
    expect(r.stdout).toMatch(/Region: Астана/);
    expect(r.stdout).toMatch(/industry\s+│ Логистика/);
  });

  it('finds the one client whose name differs only in case or quotation marks', async () => {
    for (const [name, client] of [
      ['magnum cash&carry', 'Magnum Cash&Carry'],
      ['ТОО «Алтын Дала', 'ТОО «Алтын Дала»'],
      ['тоо «алтын дала»', 'ТОО «Алтын Дала»'],
      ['ТОО "Алтын Дала"', 'ТОО «Алтын Дала»'],
      ['тоо алтын дала', 'ТОО «Алтын Дала»'],
    ] as const) {
      const r = await kam(['client', SAMPLE, name, '--format', 'json']);
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as Card).client).toBe(client);
    }
  });

  it('exits 1 and names the nearest clients for a name that is close but not the same', async () => {
    for (const [name, nearest] of [
      ['Magnun Cash&Carry', 'Magnum Cash&Carry'],
      ['ТОО «Алтын Дал»', 'ТОО «Алтын Дала»'],
    ] as const) {
      const r = await kam(['client', SAMPLE, name]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`no client named "${name}" in the ledger; did you mean "${nearest}"`);
    }
    const far = await kam(['client', SAMPLE, 'Зеленый Банан']);
    expect(far.status).toBe(1);
    expect(far.stderr).toContain('no client has a similar name');
    // Spaces are folded as the ledger folds them (SPEC §1): this is the client.
    expect((await kam(['client', SAMPLE, '  Magnum   Cash&Carry ', '--format', 'json'])).status).toBe(0);
  });

  it('refuses a bad --format with a usage error', async () => {
    expect((await kam(['client', SAMPLE, 'Magnum Cash&Carry', '--format', 'xml'])).status).toBe(2);
  });
});
