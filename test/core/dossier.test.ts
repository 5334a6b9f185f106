// SPEC §8: the client card, its sparkline and the nearest-name suggestions.
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/calendar.js';
import { buildDossier, editDistance, findClient, keyClientDossiers, sparkline, suggestClients } from '../../src/core/dossier.js';
import { addLine, emptyLedger, finishLedger, type LedgerRow } from '../../src/core/ledger.js';
import { KamError } from '../../src/core/problems.js';
import { assembleReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, d)!;
};

describe('sparkline', () => {
  it('scales to the largest value, one block per period, a blank for none', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 8, -3, 4])).toBe(' █ ▄');
    expect(sparkline([0.001, 100])).toBe('▁█');
    expect(sparkline([0, 0])).toBe('  ');
    expect(sparkline([])).toBe('');
  });
});

describe('editDistance and suggestions', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Magnum', 'Mangum')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });

  const names = ['Magnum Cash&Carry', 'ТОО «Алтын Дала»', 'ТОО «Алматы Строй Сервис»', 'ИП Ли О.Г.', '12347', '12348', '17850'];

  it('puts names differing only in case or spaces first, then typos, then names containing it', () => {
    expect(suggestClients('magnum  cash&carry', names)).toEqual(['Magnum Cash&Carry']);
    expect(suggestClients('Magnun Cash&Carry', names)).toEqual(['Magnum Cash&Carry']);
    expect(suggestClients('тоо «алтын дала»', names)[0]).toBe('ТОО «Алтын Дала»');
    expect(suggestClients('Magnum', names)).toEqual(['Magnum Cash&Carry']);
    expect(suggestClients('12349', names)).toEqual(['12347', '12348']);
    expect(suggestClients('Зеленый Банан', names)).toEqual([]);
  });

  const problemOf = (ledger: ReturnType<typeof emptyLedger>, query: string): unknown => {
    try {
      findClient(ledger, query);
    } catch (e) {
      expect(e).toBeInstanceOf(KamError);
      return (e as KamError).problem;
    }
    return undefined;
  };

  it('findClient takes the exact name (spaces folded), else the one name equal but for case and quotation marks, and otherwise throws with suggestions', () => {
    const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
    for (const client of names) addLine(ledger, { client, day: day('2024-01-01'), amount: 1 });
    expect(findClient(ledger, '  Magnum   Cash&Carry ')).toBe('Magnum Cash&Carry');
    expect(findClient(ledger, 'magnum cash&carry')).toBe('Magnum Cash&Carry');
    expect(findClient(ledger, 'тоо алтын дала')).toBe('ТОО «Алтын Дала»');
    expect(findClient(ledger, 'ТОО "Алтын Дала"')).toBe('ТОО «Алтын Дала»');
    expect(findClient(ledger, 'ТОО"Алтын Дала"')).toBe('ТОО «Алтын Дала»');
    // A typo is not guessed: the nearest names are suggested.
    expect(problemOf(ledger, 'Magnun Cash&Carry')).toMatchObject({ code: 'client-not-found', value: 'Magnun Cash&Carry', details: { suggestions: ['Magnum Cash&Carry'] } });
    // Quotation marks alone are not a name.
    expect(problemOf(ledger, '«»')).toMatchObject({ code: 'client-not-found' });
  });

  it('findClient guesses nothing when two ledger names differ only in case or quotation marks', () => {
    const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
    for (const client of ['ТОО «Кайрат»', 'ТОО "Кайрат"', 'Alma', 'ALMA']) addLine(ledger, { client, day: day('2024-01-01'), amount: 1 });
    expect(findClient(ledger, 'ТОО "Кайрат"')).toBe('ТОО "Кайрат"');
    expect(findClient(ledger, 'ALMA')).toBe('ALMA');
    expect(problemOf(ledger, 'тоо кайрат')).toMatchObject({ code: 'client-not-found', details: { suggestions: ['ТОО "Кайрат"', 'ТОО «Кайрат»'] } });
    expect(problemOf(ledger, 'alma')).toMatchObject({ code: 'client-not-found', value: 'alma' });
  });
});

describe('buildDossier', () => {
  const ledger = emptyLedger({ quantity: true, profit: true, document: true, product: true, direction: true });
  const line = (r: Partial<LedgerRow> & { client: string; date: string; amount: number }): void =>
    addLine(ledger, { quantity: 1, profit: r.amount / 10, document: `${r.client}-${r.date}`, product: 'P1', direction: 'North', ...r, day: day(r.date) });
  // 2023 and 2024, monthly periods; the window is 2024, the previous window 2023.
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    line({ client: 'BIG', date: `2023-${mm}-05`, amount: 1000 });
    line({ client: 'BIG', date: `2024-${mm}-05`, amount: m <= 6 ? 1000 : 2000, product: m % 2 === 0 ? 'P2' : 'P1', direction: m > 9 ? 'South' : 'North' });
    line({ client: 'SMALL', date: `2024-${mm}-20`, amount: 100 });
  }
  line({ client: 'BIG', date: '2024-03-06', amount: -500, product: 'P2' });
  line({ client: 'OLD', date: '2023-01-01', amount: 50 });
  line({ client: 'OLD', date: '2023-02-01', amount: 50 });
  line({ client: 'OLD', date: '2023-03-01', amount: 50 });
  line({ client: 'SMALL', date: '2024-12-31', amount: 1 });
  const settings = { ...DEFAULT_SETTINGS, from: day('2024-01-01') };
  const report = assembleReport({ ledger: finishLedger(ledger), settings, compare: { kind: 'previous' } });
  const analysis = report.analysis;

  it('holds the window figures, classes now and before, recency and tags', () => {
    const d = buildDossier(report, 'BIG');
    expect(d.inWindow).toBe(true);
    expect(d.revenue).toBe(6 * 1000 + 6 * 2000 - 500);
    expect(d.total).toBe(d.revenue);
    expect(d.revenueShare).toBeCloseTo(d.revenue / (d.revenue + 1201), 12);
    expect(d.profit).toBeCloseTo(d.revenue / 10, 9);
    expect(d.abc).toBe('A');
    expect(d.previous).toMatchObject({ from: '2023-01', to: '2023-12', coverage: 'full', abc: 'A', xyz: 'X' });
    expect(d.tags).toEqual(['key', 'breadwinner']);
    expect(d.key).toBe(true);
    expect(d.firstPurchase).toBe(day('2023-01-05'));
    expect(d.lastPurchase).toBe(day('2024-12-05'));
    expect(d.recencyDays).toBe(26);
    expect(d.status).toBe('active');
    expect(d.series.map((p) => p.value)).toEqual([1000, 1000, 500, 1000, 1000, 1000, 2000, 2000, 2000, 2000, 2000, 2000]);
    expect(d.series.map((p) => p.purchases)).toEqual(Array(12).fill(1));
    expect(d.sparkline).toBe('▄▄▂▄▄▄██████');
  });

  it('lists products and direction values over the whole ledger, largest first', () => {
    const d = buildDossier(report, 'BIG');
    // P1: 12 × 1000 (2023) + 2024 odd months 1000 × 3 + 2000 × 3; P2: even months 1000 × 3 + 2000 × 3 − 500.
    expect(d.products!.map((p) => [p.name, p.amount])).toEqual([
      ['P1', 21000],
      ['P2', 8500],
    ]);
    expect(d.products![0]!.share).toBeCloseTo(21000 / 29500, 12);
    expect(d.direction).toBe('North');
    expect(d.directions!.map((p) => [p.name, p.amount])).toEqual([
      ['North', 12000 + 6 * 1000 + 3 * 2000 - 500],
      ['South', 6000],
    ]);
  });

  it('gives a card to a client with no line in the window', () => {
    const d = buildDossier(report, 'OLD');
    expect(d).toMatchObject({ inWindow: false, abc: null, total: 0, revenue: 0, rank: null, status: 'lost', purchaseDays: 3, tags: [] });
    expect(d.previous).toMatchObject({ abc: 'C' });
    expect(d.sparkline).toBe(' '.repeat(12));
  });

  it('has the cards of all key clients, in ranking order', () => {
    expect(keyClientDossiers(report).map((d) => d.client)).toEqual(analysis.clients.filter((c) => c.tags.includes('key')).map((c) => c.client));
    expect(keyClientDossiers(report).map((d) => d.client)).toEqual(['BIG']);
  });
});
