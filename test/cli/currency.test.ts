// Issue 15: kam keeps the ledger's currency (its amount cells' marks, its amount header, or
// --currency) and shows it; a ledger in two currencies is refused (exit 1, one line naming the
// line and both currencies), --currency or not; no mark anywhere: no currency shown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKam } from '../helpers/run.js';

const SAMPLE = join(new URL('../..', import.meta.url).pathname, 'fixtures/sample-ledger.csv');
const LEDGER = (amounts: string[], header = 'Amount'): string =>
  `Date,Client,"${header}"\n${amounts.map((a, i) => `2025-0${1 + (i % 3)}-${i % 2 === 0 ? '01' : '28'},Client ${i % 3},"${a}"`).join('\n')}\n`;

describe('the ledger currency', () => {
  it('marks in the amount cells: shown in the totals, the amount headers and the JSON', async () => {
    const input = LEDGER(['1 000 тг', '2 500,50 тг', '300 тг', '40 тг', '5 000 тг', '60 тг']);
    const table = await runKam(['analyze', '-', '--format', 'table', '--include-partial'], { input });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^Totals +revenue [\d,.]+ KZT/m);
    expect(table.stdout).toMatch(/Revenue, KZT/);
    const json = JSON.parse((await runKam(['analyze', '-', '--format', 'json', '--include-partial'], { input })).stdout) as { currency: string; totals: { revenue: number } };
    expect(json.currency).toBe('KZT');
    expect(json.totals.revenue).toBe(8900.5);
  });

  it('kam bridge and kam client show it too', async () => {
    const input = LEDGER(['1 000 тг', '2 500 тг', '300 тг', '40 тг', '5 000 тг', '60 тг']);
    expect((await runKam(['bridge', '-', '--format', 'table', '--include-partial'], { input })).stdout).toMatch(/^Revenue bridge by month, KZT/m);
    expect((await runKam(['client', '-', 'Client 0', '--format', 'table', '--include-partial'], { input })).stdout).toMatch(/^Revenue +[\d,]+ KZT \(/m);
    expect((await runKam(['lost', '-', '--format', 'table', '--include-partial'], { input: LEDGER(['1 000 тг', '2 500 тг', '300 тг']) })).status).toBe(0);
  });

  it('the amount header names it ("Сумма, тг")', async () => {
    const json = JSON.parse((await runKam(['analyze', '-', '--format', 'json', '--include-partial'], { input: LEDGER(['100', '200', '300'], 'Сумма, тг') })).stdout) as { currency: string };
    expect(json.currency).toBe('KZT');
  });

  it('--currency names it when the ledger does not (and is checked)', async () => {
    const json = JSON.parse((await runKam(['analyze', SAMPLE, '--format', 'json', '--currency', 'kzt'])).stdout) as { currency: string };
    expect(json.currency).toBe('KZT');
    const bad = await runKam(['analyze', SAMPLE, '--currency', 'tenge dollars']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--currency/);
  });

  it('no mark anywhere: none shown (null in JSON)', async () => {
    const r = await runKam(['analyze', SAMPLE, '--format', 'json']);
    expect((JSON.parse(r.stdout) as { currency: null }).currency).toBeNull();
    const table = await runKam(['analyze', SAMPLE, '--format', 'table']);
    expect(table.stdout).not.toMatch(/KZT|USD/);
  });

  for (const lang of ['en', 'ru', 'kk']) {
    it(`two currencies are refused: exit 1, one line naming the line and both (${lang})`, async () => {
      const r = await runKam(['analyze', '-', '--lang', lang], { input: LEDGER(['1 000 тг', '200 тг', '$ 120', '40 тг']) });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/4/);
      expect(lines[0]).toMatch(/USD/);
      expect(lines[0]).toMatch(/KZT/);
      expect(lines[0]).not.toMatch(/ at |Error/);
    });
  }

  it('--currency does not make two currencies summable', async () => {
    const r = await runKam(['lost', '-', '--currency', 'KZT'], { input: LEDGER(['1 000 тг', '200 тг', '$ 120']) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 4.*USD.*KZT/);
    const other = await runKam(['bridge', '-', '--currency', 'USD'], { input: LEDGER(['1 000 тг']) });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/line 2.*KZT.*USD \(--currency USD\)/);
  });

  it('a header in one currency and a cell in another are refused too', async () => {
    const r = await runKam(['analyze', '-'], { input: LEDGER(['100', '$ 5'], 'Сумма, тг') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 3.*USD.*KZT \(<stdin>, line 1\)/);
  });
});
