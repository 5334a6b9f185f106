// --compare: the earlier window's classes, the migration matrices and the key clients that slipped.
// First on a small ledger built here, then on Online Retail against an independent computation of
// both windows (test/helpers/online-retail-reference.ts), through the CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLedger } from '../../src/core/analyze.js';
import { dayFromYmd } from '../../src/core/calendar.js';
import { compareWindows, previousBounds } from '../../src/core/compare.js';
import { assembleReport } from '../../src/core/report.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { applySegments } from '../../src/core/segments.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { classifyWindow, csvObjects, monthOf, onlineRetailLines, isoDay, NO_ONLINE_RETAIL, ONLINE_RETAIL, type RefClient } from '../helpers/online-retail-reference.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, d)!;
};

function ledgerOf(rows: readonly [string, string, number][]): Ledger {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
  for (const [client, date, amount] of rows) addLine(ledger, { client, day: day(date), amount });
  return finishLedger(ledger);
}

/** Monthly purchases of `amounts[i]` in month i of 2024 (0 = none). */
function monthly(client: string, year: number, amounts: readonly number[]): [string, string, number][] {
  return amounts.flatMap((a, i) => (a === 0 ? [] : [[client, `${year}-${String(i + 1).padStart(2, '0')}-10`, a] as [string, string, number]]));
}

describe('compareWindows on a small ledger', () => {
  // 2023: previous window; 2024: this window (12 months each). Amounts chosen so the classes are plain:
  // STEADY A-X both years; SLIP A-X in 2023 → B-Z in 2024; RISE C in 2023 → A in 2024; GONE only in 2023;
  // NEW only in 2024; FILL keeps the shares sensible; MIDX goes X → Z outside the key clients.
  const rows: [string, string, number][] = [
    ['STEADY', '2023-01-01', 0.0001],
    ...monthly('STEADY', 2023, Array(12).fill(1000)),
    ...monthly('STEADY', 2024, Array(12).fill(1000)),
    ...monthly('SLIP', 2023, Array(12).fill(800)),
    ...monthly('SLIP', 2024, [300, 0, 0, 20, 0, 0, 10, 0, 0, 0, 0, 5]),
    ...monthly('RISE', 2023, [10, 0, 0, 10, 0, 0, 10, 0, 0, 0, 0, 10]),
    ...monthly('RISE', 2024, Array(12).fill(900)),
    ...monthly('GONE', 2023, Array(12).fill(150)),
    ...monthly('NEW', 2024, [0, 0, 0, 0, 0, 0, 50, 50, 50, 50, 50, 50]),
    ...monthly('FILL', 2023, Array(12).fill(100)),
    // Steady in 2023, erratic in 2024, never A nor key: its X → Z is no key client's slip.
    ...monthly('MIDX', 2023, Array(12).fill(50)),
    ...monthly('MIDX', 2024, [100, 0, 0, 100, 0, 0, 100, 0, 0, 100, 0, 0]),
    ...monthly('FILL', 2024, Array(12).fill(100)),
    ['FILL', '2024-12-31', 0.0001],
  ];
  const ledger = ledgerOf(rows);
  const settings = { ...DEFAULT_SETTINGS, from: day('2024-01-01'), to: day('2024-12-31') };
  const analysis = applySegments(analyzeLedger(ledger, settings), ledger).analysis;

  it('takes the same number of periods right before the window', () => {
    const b = previousBounds(analysis.window, { kind: 'previous' });
    expect(b).toEqual({ from: day('2023-01-01'), to: day('2023-12-31') });
    // Quarters: a window of 4 quarters from 2024-Q1 is compared with 2023-Q1 … 2023-Q4.
    const q = analyzeLedger(ledger, { ...settings, period: 'quarter' });
    expect(previousBounds(q.window, { kind: 'previous' })).toEqual({ from: day('2023-01-01'), to: day('2023-12-31') });
  });

  it('classes each client in both windows, with new and gone', () => {
    const m = compareWindows(ledger, analysis, { kind: 'previous' });
    const prev = (c: string): string => {
      const p = m.previous.get(c);
      return p === undefined ? 'new' : `${p.abc}${p.xyz ?? '-'}`;
    };
    expect(prev('STEADY')).toBe('AX');
    expect(prev('SLIP')).toBe('AX');
    expect(prev('RISE')).toMatch(/^C/);
    expect(prev('NEW')).toBe('new');
    expect(m.gone).toEqual(['GONE']);
    const now = new Map(analysis.clients.map((c) => [c.client, `${c.abc}${c.xyz ?? '-'}`]));
    expect(now.get('SLIP')).toMatch(/^[BC]Z$/);
    expect(now.get('RISE')).toBe('AX');
    // Matrix cells hold exactly these moves.
    const cell = (from: string, to: string): number => m.abc.cells.find((c) => c.from === from && c.to === to)!.clients;
    expect(cell('A', 'A')).toBe(1); // STEADY
    expect(cell('A', now.get('SLIP')![0]!)).toBe(1);
    expect(cell('C', 'A')).toBe(1); // RISE
    expect(cell('new', now.get('NEW')![0]!)).toBe(1);
    expect(cell(m.previous.get('GONE')!.abc, 'gone')).toBe(1);
    expect(m.abc.cells.reduce((s, c) => s + c.clients, 0)).toBe(7); // 6 in this window + GONE
    expect(m.abc.rows).toEqual(['A', 'B', 'C', 'new']);
    expect(m.abc.columns).toEqual(['A', 'B', 'C', 'gone']);
    expect(m.xyz.columns).toEqual(['X', 'Y', 'Z', '-', 'gone']);
    expect(m.xyz.cells.find((c) => c.from === 'X' && c.to === 'Z')!.clients).toBe(2); // SLIP, MIDX
  });

  it('lists the key clients that slipped: A → B/C/gone, X → Y/Z', () => {
    const m = compareWindows(ledger, analysis, { kind: 'previous' });
    expect(m.slipped.map((s) => s.client)).toEqual(['SLIP']);
    expect(m.slipped[0]).toMatchObject({ abcPrev: 'A', xyzPrev: 'X', xyz: 'Z', fell: ['abc', 'xyz'], keyNow: false });
    // STEADY kept A-X, RISE rose, GONE was never A: none of them slipped.
  });

  it('counts a previous A client that is gone as slipped', () => {
    const l = ledgerOf(rows.filter((r) => r[0] !== 'SLIP' || r[1] < '2024'));
    const a = applySegments(analyzeLedger(l, settings), l).analysis;
    const m = compareWindows(l, a, { kind: 'previous' });
    expect(m.slipped.find((s) => s.client === 'SLIP')).toMatchObject({ abc: null, fell: ['abc'] });
    expect(m.gone).toContain('SLIP');
  });

  it('compares with an explicit FROM..TO window, and says when the ledger does not reach back', () => {
    const m = compareWindows(ledger, analysis, { kind: 'range', from: day('2023-07-05'), to: day('2023-12-01') });
    expect(m.previousWindow.labels).toEqual(['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12']);
    const early = compareWindows(ledger, analysis, { kind: 'range', from: day('2021-01-01'), to: day('2021-12-31') });
    expect(early.previous.size).toBe(0);
    expect(early.notes.map((n) => [n.code, n.value])).toEqual([['compare-outside-ledger', 'before']]);
    const report = assembleReport({ ledger, settings, compare: { kind: 'range', from: day('2021-01-01'), to: day('2021-12-31') } });
    expect(report.migration).not.toBeNull();
    expect(report.notes.map((n) => n.code)).toContain('compare-outside-ledger');
    expect(assembleReport({ ledger, settings }).migration).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Online Retail: 2011-06 … 2011-11 against 2010-12 … 2011-05, client by client.

const ROOT = new URL('../..', import.meta.url).pathname;
const KAM = join(ROOT, 'bin/kam.js');

describe.skipIf(NO_ONLINE_RETAIL)('--compare previous on Online Retail agrees with an independent computation', () => {
  let rows: Record<string, string>[];
  let now: Map<string, RefClient>;
  let before: Map<string, RefClient>;
  let stderr: string;
  beforeAll(() => {
    const r = spawnSync(process.execPath, [KAM, 'analyze', ONLINE_RETAIL, '--from', '2011-06-01', '--to', '2011-11-30', '--compare', 'previous', '--format', 'csv'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 28,
    });
    expect(r.status).toBe(0);
    stderr = r.stderr;
    rows = csvObjects(r.stdout);
    const lines = onlineRetailLines();
    now = classifyWindow(lines, monthOf(isoDay('2011-06-01')), monthOf(isoDay('2011-11-30')));
    before = classifyWindow(lines, monthOf(isoDay('2010-12-01')), monthOf(isoDay('2011-05-31')));
  });

  it('puts abc_prev and xyz_prev right after the contract columns', () => {
    const header = Object.keys(rows[0]!);
    expect(header.indexOf('abc_prev')).toBe(header.indexOf('tags') + 1);
    expect(header.indexOf('xyz_prev')).toBe(header.indexOf('tags') + 2);
    expect(stderr).not.toMatch(/comparison window/);
  });

  it('has every client of 2011-06 … 2011-11, with both windows classed as recomputed', () => {
    expect(rows.length).toBe(now.size);
    expect(now.size).toBeGreaterThan(3000);
    let newClients = 0;
    const mismatches: string[] = [];
    for (const row of rows) {
      const n = now.get(row.client!);
      const b = before.get(row.client!);
      if (n === undefined) {
        mismatches.push(`${row.client}: not in the window`);
        continue;
      }
      if (b === undefined) newClients++;
      const expected = [n.abc, n.xyz ?? '', b?.abc ?? '', b?.xyz ?? ''].join(' ');
      const got = [row.abc, row.xyz, row.abc_prev, row.xyz_prev].join(' ');
      if (expected !== got) mismatches.push(`${row.client}: expected ${expected}, got ${got}`);
      expect(Number(row.total)).toBeCloseTo(n.total, 4);
    }
    expect(mismatches).toEqual([]);
    // Both windows hold real movement, so the comparison is not vacuous.
    expect(newClients).toBeGreaterThan(500);
    expect(rows.filter((r) => r.abc_prev === 'A' && r.abc !== 'A').length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.abc_prev === 'C' && r.abc === 'A').length).toBeGreaterThan(5);
  });

  it('builds the migration matrix and the slipped list from the same classes', async () => {
    // In-process this time, to see the matrix itself.
    const { readReport } = await import('../../src/commands/read-report.js');
    const { Readable, Writable } = await import('node:stream');
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {}, today: isoDay('2024-01-01') };
    const read = { map: {}, sheet: undefined, encoding: undefined, delimiter: undefined, decimal: undefined, dateFormat: undefined, strict: false };
    const { report } = await readReport([ONLINE_RETAIL], read, { ...DEFAULT_SETTINGS, from: isoDay('2011-06-01'), to: isoDay('2011-11-30') }, io, 'test', {
      compare: { kind: 'previous' },
    });
    const m = report.migration!;
    const analysis = report.analysis;
    expect(m.previousWindow.labels).toEqual(['2010-12', '2011-01', '2011-02', '2011-03', '2011-04', '2011-05']);
    const expected = new Map<string, number>();
    const bump = (from: string, to: string): void => void expected.set(`${from}>${to}`, (expected.get(`${from}>${to}`) ?? 0) + 1);
    for (const n of now.values()) bump(before.get(n.client)?.abc ?? 'new', n.abc);
    for (const b of before.values()) if (!now.has(b.client)) bump(b.abc, 'gone');
    for (const cell of m.abc.cells) expect(`${cell.from}>${cell.to}=${cell.clients}`).toBe(`${cell.from}>${cell.to}=${expected.get(`${cell.from}>${cell.to}`) ?? 0}`);
    expect(m.gone.length).toBe([...before.keys()].filter((c) => !now.has(c)).length);

    // No Online Retail client reaches 10% of revenue and there is no attributes file: key = the top 50% now.
    const slipped = [...before.values()]
      .filter((b) => {
        const n = now.get(b.client);
        if (n?.top50 !== true && b.abc !== 'A') return false;
        return (b.abc === 'A' && n?.abc !== 'A') || (b.xyz === 'X' && (n?.xyz === 'Y' || n?.xyz === 'Z'));
      })
      .map((b) => b.client)
      .sort();
    expect(m.slipped.map((s) => s.client).sort()).toEqual(slipped);
    expect(slipped.length).toBeGreaterThan(50);
  });
});
