// SPEC §5 on real ledgers: key clients are a few names a team manages, not class A by another
// name — on Online Retail at most 10% of the clients, and 30–55% of revenue; on the sample too.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ONLINE_RETAIL } from '../helpers/online-retail-reference.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const KAM = join(ROOT, 'bin/kam.js');
const SAMPLE = join(ROOT, 'fixtures/sample-ledger.csv');

interface Row {
  client: string;
  abc: string;
  revenue: number;
  tags: string | null;
}

async function clientsOf(file: string): Promise<Row[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [KAM, 'analyze', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return (JSON.parse(stdout) as { clients: Row[] }).clients;
}

function keyFigures(rows: readonly Row[]): { keys: Row[]; revenueShare: number; classA: number } {
  const keys = rows.filter((r) => (r.tags ?? '').split(';').includes('key'));
  const total = rows.reduce((s, r) => s + r.revenue, 0);
  return { keys, revenueShare: keys.reduce((s, r) => s + r.revenue, 0) / total, classA: rows.filter((r) => r.abc === 'A').length };
}

describe('key clients on real ledgers', () => {
  it('the sample: the three largest (the breadwinner among them), within the band', async () => {
    const { keys, revenueShare, classA } = keyFigures(await clientsOf(SAMPLE));
    expect(keys.map((k) => k.client)).toEqual(['ТОО «Алматы Строй Сервис»', 'Magnum Cash&Carry', 'АО «КазМунайСнаб»']);
    expect(keys[0]!.tags).toContain('breadwinner');
    expect(classA).toBeGreaterThan(keys.length);
    expect(revenueShare).toBeGreaterThanOrEqual(0.3);
    expect(revenueShare).toBeLessThanOrEqual(0.55);
  });

  it('Online Retail: at most 10% of the clients, 30–55% of revenue', async () => {
    const rows = await clientsOf(ONLINE_RETAIL);
    const { keys, revenueShare } = keyFigures(rows);
    expect(keys.length).toBeLessThanOrEqual(rows.length * 0.1);
    expect(keys.length).toBeGreaterThan(0);
    expect(revenueShare).toBeGreaterThanOrEqual(0.3);
    expect(revenueShare).toBeLessThanOrEqual(0.55);
  }, 60_000);
});
