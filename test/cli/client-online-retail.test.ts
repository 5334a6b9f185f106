// `kam client` on real clients of Online Retail, every figure recomputed from the ledger by
// test/helpers/online-retail-reference.ts (csv-parse and the SPEC's rules written out again, no kam code).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyWindow, dayText, isoDay, median, monthOf, onlineRetailLines, NO_ONLINE_RETAIL, ONLINE_RETAIL, type Line, type RefClient } from '../helpers/online-retail-reference.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const KAM = join(ROOT, 'bin/kam.js');

interface Card {
  client: string;
  abc: string | null;
  xyz: string | null;
  total: number;
  share: number | null;
  rank: number | null;
  revenue: number;
  abc_prev: string | null;
  xyz_prev: string | null;
  in_window: boolean;
  tags: string | null;
  purchases: number;
  first_purchase: string;
  last_purchase: string;
  recency_days: number;
  usual_interval_days: number | null;
  status: string;
  periods: { period: string; value: number; purchases: number }[];
  sparkline: string;
  products: { name: string; amount: number }[];
  product_count: number;
  direction: string;
  directions: { name: string; amount: number }[];
  window: { from: string; to: string; as_of: string };
  previous_window: { from: string; to: string; coverage: string };
}

const FROM = '2011-06-01';
const TO = '2011-11-30';
const AS_OF = isoDay('2011-12-09'); // the ledger's last day

/** 14646: the largest client; 12347: a steady foreign client; 14911: many cancellations; 17850: silent since early 2011, not in the window. */
const CLIENTS = ['14646', '12347', '14911', '17850'];

function netBy(lines: readonly Line[], key: (l: Line) => string): { name: string; amount: number }[] {
  const m = new Map<string, number>();
  for (const l of lines) m.set(key(l), (m.get(key(l)) ?? 0) + l.amount);
  return [...m].map(([name, amount]) => ({ name, amount })).sort((a, b) => b.amount - a.amount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

describe.skipIf(NO_ONLINE_RETAIL)('kam client on Online Retail agrees with numbers recomputed from the ledger', () => {
  let lines: Line[];
  let now: Map<string, RefClient>;
  let before: Map<string, RefClient>;
  const cards = new Map<string, Card>();
  beforeAll(async () => {
    // The four runs read the ledger at the same time.
    const runs = CLIENTS.map((client) =>
      promisify(execFile)(process.execPath, [KAM, 'client', ONLINE_RETAIL, client, '--from', FROM, '--to', TO, '--direction', 'Country', '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 1 << 26,
      }),
    );
    lines = onlineRetailLines();
    now = classifyWindow(lines, monthOf(isoDay(FROM)), monthOf(isoDay(TO)));
    before = classifyWindow(lines, monthOf(isoDay('2010-12-01')), monthOf(isoDay('2011-05-31')));
    const results = await Promise.all(runs);
    CLIENTS.forEach((client, i) => cards.set(client, JSON.parse(results[i]!.stdout) as Card));
  });

  for (const client of CLIENTS) {
    it(`client ${client}`, () => {
      const card = cards.get(client)!;
      const mine = lines.filter((l) => l.client === client);
      const n = now.get(client);
      const b = before.get(client);
      expect(card.window).toMatchObject({ from: '2011-06', to: '2011-11', as_of: dayText(AS_OF) });
      expect(card.previous_window).toMatchObject({ from: '2010-12', to: '2011-05', coverage: 'full' });

      // Classes now and before, totals and share.
      expect(card.in_window).toBe(n !== undefined);
      expect([card.abc, card.xyz, card.abc_prev, card.xyz_prev]).toEqual([n?.abc ?? null, n?.xyz ?? null, b?.abc ?? null, b?.xyz ?? null]);
      expect(card.revenue).toBeCloseTo(n?.total ?? 0, 4);
      if (n !== undefined) {
        expect(card.share).toBeCloseTo(n.share!, 8);
        const r6 = (x: number): number => Math.round(x * 1e6);
        const ahead = [...now.values()].filter((c) => r6(c.total) > r6(n.total) || (r6(c.total) === r6(n.total) && c.client < n.client)).length;
        expect(card.rank).toBe(ahead + 1);
      }
      const tags = card.tags === null ? [] : card.tags.split(';');
      expect(tags.includes('key')).toBe(n?.top50 === true);

      // Per month: net amount and invoices with a purchase line.
      const months = ['2011-06', '2011-07', '2011-08', '2011-09', '2011-10', '2011-11'];
      expect(card.periods.map((p) => p.period)).toEqual(months);
      months.forEach((label, i) => {
        const inMonth = mine.filter((l) => dayText(l.day).startsWith(label));
        expect(card.periods[i]!.value).toBeCloseTo(inMonth.reduce((s, l) => s + l.amount, 0), 4);
        const invoices = new Set(inMonth.filter((l) => l.amount > 0 || (l.amount === 0 && l.quantity > 0)).map((l) => l.invoice));
        expect(card.periods[i]!.purchases).toBe(invoices.size);
      });
      expect(card.purchases).toBe(card.periods.reduce((s, p) => s + p.purchases, 0));
      expect([...card.sparkline]).toHaveLength(6);

      // First and last purchase, usual interval, status (SPEC §6) over every line up to the as-of day.
      const days = [...new Set(mine.filter((l) => l.day <= AS_OF && (l.amount > 0 || (l.amount === 0 && l.quantity > 0))).map((l) => l.day))].sort((x, y) => x - y);
      expect(card.first_purchase).toBe(dayText(days[0]!));
      expect(card.last_purchase).toBe(dayText(days[days.length - 1]!));
      const recency = AS_OF - days[days.length - 1]!;
      expect(card.recency_days).toBe(recency);
      const gaps = days.slice(1).map((d, i) => d - days[i]!);
      const usual = gaps.length === 0 ? null : median(gaps);
      expect(card.usual_interval_days).toBe(usual);
      const rhythm = days.length >= 3 && usual !== null;
      const lost = rhythm ? Math.min(180, Math.max(30, 3 * usual)) : 180;
      const risk = rhythm ? Math.min(90, Math.max(15, 1.5 * usual)) : 90;
      expect(card.status).toBe(recency > lost ? 'lost' : recency > risk ? 'at-risk' : 'active');
      expect(tags.includes('lost')).toBe(card.status === 'lost' && n !== undefined);

      // Products (stock codes) and countries: net amounts over the whole ledger.
      const products = netBy(mine, (l) => l.product);
      expect(card.product_count).toBe(products.length);
      expect(card.products.map((p) => p.name)).toEqual(products.slice(0, 10).map((p) => p.name));
      card.products.forEach((p, i) => expect(p.amount).toBeCloseTo(products[i]!.amount, 4));
      const countries = netBy(mine, (l) => l.country);
      expect(card.directions.map((d) => d.name)).toEqual(countries.map((c) => c.name));
      expect(card.direction).toBe(countries[0]!.name);
    });
  }

  it('covers the cases it means to: a top A client, a client outside the window, one with returns', () => {
    expect(cards.get('14646')!.abc).toBe('A');
    expect(cards.get('14646')!.rank).toBeLessThanOrEqual(2);
    expect(cards.get('17850')!.in_window).toBe(false);
    expect(cards.get('17850')!.status).toBe('lost');
    expect(lines.some((l) => l.client === '14911' && l.amount < 0)).toBe(true);
  });
});
