// SPEC §11 on real data: the UCI Online Retail ledger read by kam's reader (Country as the
// direction column), against independent computations that share nothing with src/: csv-parse
// reads the file (test/helpers/online-retail-reference.ts), test/helpers/reference-bridge.ts computes the
// bridge and the directions, test/helpers/reference-analysis.ts the classes.
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLedger } from '../../src/core/analyze.js';
import { BRIDGE_MONEY, revenueBridge, type BridgeRow } from '../../src/core/bridge.js';
import { classHistory } from '../../src/core/history.js';
import type { Ledger } from '../../src/core/ledger.js';
import { portfolios } from '../../src/core/portfolio.js';
import { assembleReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { resolveWindow } from '../../src/core/window.js';
import { readLedger } from '../../src/io/read-ledger.js';
import { NO_ONLINE_RETAIL, ONLINE_RETAIL, dayText, onlineRetailLines, type Line } from '../helpers/online-retail-reference.js';
import { day } from '../helpers/ledger.js';
import { exactFigures } from '../helpers/movement-ledger.js';
import { REFERENCE_DEFAULTS, referenceAnalysis, type ReferenceRow } from '../helpers/reference-analysis.js';
import { micros, referenceBridge, referenceDirections, type BridgeLine, type ReferenceBridgeRow } from '../helpers/reference-bridge.js';

async function readRetail(): Promise<Ledger> {
  const read = await readLedger(
    [ONLINE_RETAIL],
    { map: { direction: 'Country' }, dateFormat: undefined, decimal: undefined, strict: false, sheets: undefined, encoding: undefined, delimiter: undefined },
    Readable.from([]),
  );
  return read.ledger;
}

let ledger: Ledger;
let lines: Line[];
let bridgeLines: BridgeLine[];
let directions: Map<string, string | null>;

beforeAll(async () => {
  if (NO_ONLINE_RETAIL) return;
  ledger = await readRetail();
  lines = onlineRetailLines();
  bridgeLines = lines.map((l) => ({ client: l.client, date: dayText(l.day), amount: l.amount, direction: l.country }));
  directions = referenceDirections(bridgeLines);
}, 120_000);

/** Money in cents, as an analyst reads it. */
const cents = (m: bigint): bigint => (m >= 0n ? (m + 5000n) / 10000n : -((-m + 5000n) / 10000n));

describe.skipIf(NO_ONLINE_RETAIL)('Online Retail, 2011-01 … 2011-11 by month', () => {
  it('the bridge equals the independent computation to the cent in every column, and every row adds up', () => {
    const settings = { ...DEFAULT_SETTINGS, from: day('2011-01-01'), to: day('2011-11-30') };
    const bridge = revenueBridge(ledger, resolveWindow(ledger.firstDay!, ledger.lastDay!, settings), { byDirection: true });
    const check = (rows: BridgeRow[], subset: BridgeLine[], what: string): void => {
      const ref = referenceBridge(subset, '2011-01', '2011-11');
      expect(rows.length, what).toBe(11);
      rows.forEach((row, i) => {
        const k = exactFigures(row);
        const r = ref[i]!;
        for (const key of Object.keys(r) as (keyof ReferenceBridgeRow)[]) {
          const kv = k[key];
          const rv = r[key];
          const [a, b] = typeof kv === 'bigint' && typeof rv === 'bigint' ? [cents(kv), cents(rv)] : [kv, rv];
          expect(`${what} ${r.period} ${key} ${String(a)}`).toBe(`${what} ${r.period} ${key} ${String(b)}`);
        }
        const m = Object.fromEntries(BRIDGE_MONEY.map((key) => [key, micros(row[key])]));
        expect(m.revenueStart! + m.new! + m.reactivated! + m.expansion! + m.contraction! + m.churned!, `${what} ${row.period} adds up`).toBe(m.revenueEnd!);
      });
    };
    check(bridge.overall, bridgeLines, 'overall');
    expect(bridge.byDirection!.length).toBeGreaterThan(30);
    for (const g of bridge.byDirection!) check(g.rows, bridgeLines.filter((l) => directions.get(l.client) === g.direction), g.direction ?? '(none)');
    // The movement is real: thousands of clients come, go and come back over the months.
    const totals = bridge.overall.reduce((s, r) => ({ n: s.n + r.clientsNew, r: s.r + r.clientsReactivated, c: s.c + r.clientsChurned }), { n: 0, r: 0, c: 0 });
    expect(totals.n).toBeGreaterThan(1000);
    expect(totals.r).toBeGreaterThan(1000);
    expect(totals.c).toBeGreaterThan(1000);
  });
});

describe.skipIf(NO_ONLINE_RETAIL)('Online Retail portfolios by Country (the default window, 2010-12 … 2011-11)', () => {
  it('gives each client its direction, UK clients their class within the UK, one row per country, revenues adding up', () => {
    const { analysis } = assembleReport({ ledger, settings: DEFAULT_SETTINGS });
    const p = portfolios(ledger, analysis);
    for (const c of analysis.clients) expect(`${c.client} ${p.byClient.get(c.client)?.direction}`).toBe(`${c.client} ${directions.get(c.client)}`);

    // The UK's clients ranked against each other, by the independent reading of SPEC §2–3.
    const ukRows: ReferenceRow[] = lines
      .filter((l) => directions.get(l.client) === 'United Kingdom')
      .map((l) => ({ client: l.client, date: dayText(l.day), amount: l.amount, quantity: l.quantity, document: l.invoice }));
    const uk = referenceAnalysis(ukRows, { ...REFERENCE_DEFAULTS, asOf: dayText(ledger.lastDay!) });
    expect(uk.clients.size).toBeGreaterThan(3000);
    for (const [client, r] of uk.clients) expect(`${client} ${p.byClient.get(client)?.abcWithin}`).toBe(`${client} ${r.abc}`);
    // Within the UK fewer clients are A than the UK's share of the whole book's A clients would make: the test sees a difference.
    const ukRow = p.rows.find((r) => r.direction === 'United Kingdom')!;
    expect(ukRow.a).toBe([...uk.clients.values()].filter((r) => r.abc === 'A').length);
    expect(ukRow.a).not.toBe(analysis.clients.filter((c) => c.abc === 'A' && directions.get(c.client) === 'United Kingdom').length);

    // One row per country that a client of the window or a client judged lost/active belongs to.
    const countries = new Set([...analysis.clients.map((c) => c.client), ...analysis.lost.clients.map((c) => c.client)].map((c) => directions.get(c)!));
    expect(p.rows.map((r) => r.direction).sort()).toEqual([...countries].sort());
    expect(new Set(p.rows.map((r) => r.direction)).size).toBe(p.rows.length);
    // Revenues add up to the window's total, to the cent: kam's own and the independent one.
    const sum = p.rows.reduce((s, r) => s + micros(r.revenue), 0n);
    const window = lines.filter((l) => l.day >= day('2010-12-01') && l.day <= day('2011-11-30')).reduce((s, l) => s + micros(l.amount), 0n);
    expect(cents(sum)).toBe(cents(window));
    expect(cents(micros(p.revenue))).toBe(cents(window));
    expect(p.rows.reduce((s, r) => s + r.clients, 0)).toBe(analysis.clients.length);
    expect(p.rows.reduce((s, r) => s + r.statuses.clients, 0)).toBe(analysis.lost.clients.length);
  });
});

describe.skipIf(NO_ONLINE_RETAIL)('Online Retail history every quarter, window 6', () => {
  it("takes the snapshots whose six months the ledger covers, and the 2011-09 snapshot's classes are the analysis of 2011-04 … 2011-09 for every client", async () => {
    const history = classHistory(ledger, DEFAULT_SETTINGS, { every: 'quarter', windowMonths: 6 });
    expect(history.snapshots.map((s) => dayText(s.day))).toEqual(['2011-06-30', '2011-09-30']);
    const snapshot = history.snapshots[1]!;
    const ref = referenceAnalysis(
      lines.map((l) => ({ client: l.client, date: dayText(l.day), amount: l.amount, quantity: l.quantity, document: l.invoice })),
      { ...REFERENCE_DEFAULTS, from: '2011-04-01', to: '2011-09-30', asOf: '2011-09-30' },
    );
    expect(snapshot.clients.length).toBe(ref.clients.size);
    for (const c of snapshot.clients) {
      const r = ref.clients.get(c.client);
      expect(`${c.client} ${c.abc} ${c.xyz}`).toBe(`${c.client} ${r?.abc} ${r?.xyz}`);
    }
    // And the very analysis `kam analyze --from 2011-04-01 --to 2011-09-30 --as-of 2011-09-30`
    // makes from a ledger read afresh: the snapshots before it left nothing behind.
    const fresh = analyzeLedger(await readRetail(), { ...DEFAULT_SETTINGS, from: day('2011-04-01'), to: day('2011-09-30'), asOf: day('2011-09-30') });
    expect(snapshot.clients).toEqual(fresh.clients.map((c) => ({ client: c.client, abc: c.abc, xyz: c.xyz, total: c.total, status: c.status })));
  }, 120_000);
});
