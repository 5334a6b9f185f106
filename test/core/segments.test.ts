// SPEC §7 tags on ledgers built here, each rule at and beside its threshold.
import { describe, expect, it } from 'vitest';
import { analyzeLedger, type Analysis } from '../../src/core/analyze.js';
import { dayFromYmd } from '../../src/core/calendar.js';
import { addLine, emptyLedger, finishLedger, type Ledger, type LedgerColumns } from '../../src/core/ledger.js';
import {
  applySegments,
  clientMatchKey,
  matchAttributes,
  monthsBefore,
  normalizeTag,
  type ClientAttributeRow,
  type ClientAttributes,
  type ClientSegment,
  type SegmentSummary,
} from '../../src/core/segments.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, d)!;
};

type Row = [client: string, date: string, amount: number, profit?: number];

function ledgerOf(rows: readonly Row[], columns: Partial<LedgerColumns> = {}): Ledger {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false, ...columns });
  for (const [client, date, amount, profit] of rows) addLine(ledger, { client, day: day(date), amount, profit });
  return finishLedger(ledger);
}

function tagsOf(ledger: Ledger, settings: Partial<AnalysisSettings> = {}, attributes?: ClientAttributes): { a: Analysis & { segments: SegmentSummary }; tags: (c: string) => string[] } {
  const tagged = applySegments(analyzeLedger(ledger, { ...DEFAULT_SETTINGS, ...settings }), ledger, attributes);
  const a = { ...tagged.analysis, segments: tagged.segments };
  return { a, tags: (c) => a.clients.find((x) => x.client === c)!.tags };
}

/** A client's segment (breadwinner share, pace, attributes row), made on read from its analysis. */
function segmentOf(a: Analysis & { segments: SegmentSummary }, client: string): ClientSegment {
  return a.segments.segmentOf(a.clients.find((x) => x.client === client)!);
}

function attributesOf(rows: Partial<ClientAttributeRow>[]): ClientAttributes {
  return {
    file: 'clients.csv',
    columns: ['industry'],
    rows: rows.map((r, i) => ({ name: '', line: i + 2, tags: [], need: null, canPay: null, authority: null, values: {}, ...r })),
    notes: [],
  };
}

describe('breadwinner: share of total profit at least --breadwinner-share', () => {
  // Total profit 1000 (float noise included: 100 + 99.99 + 50 + 750.01).
  const rows: Row[] = [
    ['AT10', '2024-01-01', 500, 100], // exactly 10% of profit
    ['BELOW', '2024-03-10', 100, 99.99], // 9.999%
    ['REVENUE-HEAVY', '2024-05-10', 20000, 50], // most of the revenue, 5% of profit
    ['FILL', '2024-12-31', 1000, 750.01],
  ];
  const ledger = ledgerOf(rows, { profit: true });

  it('tags a client at exactly 10% of profit and not one just below', () => {
    const { tags } = tagsOf(ledger);
    expect(tags('AT10')).toContain('breadwinner');
    expect(tags('BELOW')).not.toContain('breadwinner');
    expect(tags('FILL')).toContain('breadwinner');
  });

  it('looks at profit, not revenue, where the ledger has profit', () => {
    const { tags } = tagsOf(ledger);
    // 93% of revenue, 5% of profit.
    expect(tags('REVENUE-HEAVY')).not.toContain('breadwinner');
  });

  it('follows --breadwinner-share', () => {
    expect(tagsOf(ledger, { breadwinnerShare: 0.7501 }).tags('FILL')).not.toContain('breadwinner');
    expect(tagsOf(ledger, { breadwinnerShare: 0.75001 }).tags('FILL')).toContain('breadwinner'); // 750.01 / 1000
    expect(tagsOf(ledger, { breadwinnerShare: 0.05 }).tags('REVENUE-HEAVY')).toContain('breadwinner');
  });

  it('uses revenue where the ledger has no profit column', () => {
    // Same lines, no profit: revenue total 26100.
    const noProfit = ledgerOf([
      ['AT10', '2024-01-01', 2610],
      ['BELOW', '2024-03-10', 2609.99],
      ['REST', '2024-12-31', 20880.01],
    ]);
    const { a, tags } = tagsOf(noProfit);
    expect(a.segments!.breadwinnerBasis).toBe('revenue');
    expect(tags('AT10')).toContain('breadwinner');
    expect(tags('BELOW')).not.toContain('breadwinner');
  });

  it('makes a breadwinner outside class A a key client, and counts it in the key share', () => {
    // AT10 has 500 of 21600 revenue, ranked after REVENUE-HEAVY and FILL: class C, but a breadwinner.
    const { a, tags } = tagsOf(ledger);
    const at10 = a.clients.find((c) => c.client === 'AT10')!;
    expect(at10.abc).toBe('C');
    expect(tags('AT10')).toContain('key');
    expect(tags('BELOW')).not.toContain('key');
    const keys = a.clients.filter((c) => c.tags.includes('key'));
    expect(a.key.clients).toBe(keys.length);
    expect(keys.map((c) => c.client).sort()).toEqual(['AT10', 'FILL', 'REVENUE-HEAVY']);
    expect(a.key.revenueShare).toBeCloseTo(keys.reduce((s, c) => s + c.revenue, 0) / 21600, 12);
    expect(a.key.profitShare).toBeCloseTo(keys.reduce((s, c) => s + (c.profit ?? 0), 0) / 1000, 12);
  });
});

describe('prospect: new within --new-within months and on pace for class A or B', () => {
  // Window 2024-01 … 2024-12 (366 days), as of 2024-12-31; 6 months back is 2024-06-30.
  // Established clients bought once on 2024-01-01: A = 4 × 2000, B = 1400 and 120, C = 100, 100, 69.11.
  // The smallest B total is 120: a prospect whose projection reaches 120 is on pace for B.
  // Projection = metric since the first purchase × 366 / max(days since it, 365.2425 / 12).
  const established: Row[] = [
    ['A1', '2024-01-01', 2000],
    ['A2', '2024-01-01', 2000],
    ['A3', '2024-01-01', 2000],
    ['A4', '2024-01-01', 2000],
    ['B1', '2024-01-01', 1400],
    ['B2', '2024-01-01', 120],
    ['C1', '2024-01-01', 100],
    ['C2', '2024-01-01', 100],
    ['C3', '2024-01-01', 69.11],
  ];
  const prospects: Row[] = [
    ['AT-PACE', '2024-11-01', 20], // 61 days: 20 × 366 / 61 = 120, exactly the B threshold
    ['BELOW-PACE', '2024-11-01', 19.99], // 119.94
    ['AT-CUTOFF', '2024-06-30', 61], // the first day that is within 6 months: 61 × 366 / 185 = 120.68
    ['TOO-OLD', '2024-06-29', 100], // one day earlier, on pace but not new
    ['YESTERDAY', '2024-12-31', 9.9], // 1 day, counted as a month: 9.9 × 366 / 30.44 = 119.04
  ];
  const ledger = ledgerOf([...established, ...prospects]);
  const { a, tags } = tagsOf(ledger);

  it('has the classes the test is built on', () => {
    const cls = new Map(a.clients.map((c) => [c.client, c.abc]));
    expect(['A1', 'A2', 'A3', 'A4'].map((c) => cls.get(c))).toEqual(['A', 'A', 'A', 'A']);
    expect([cls.get('B1'), cls.get('B2')]).toEqual(['B', 'B']);
    for (const p of prospects) expect(cls.get(p[0])).toBe('C');
    expect(a.segments!.thresholdB).toBe(120);
    expect(a.segments!.thresholdA).toBe(2000);
    expect(a.segments!.newSince).toBe(day('2024-06-30'));
  });

  it('tags a new client whose projection reaches the B threshold, and not one just below', () => {
    expect(tags('AT-PACE')).toContain('prospect');
    expect(segmentOf(a, 'AT-PACE').pace).toMatchObject({ elapsedDays: 61, projected: 120, projectedClass: 'B' });
    expect(tags('BELOW-PACE')).not.toContain('prospect');
    expect(segmentOf(a, 'BELOW-PACE').pace!.projectedClass).toBe('C');
  });

  it('counts 6 months back from the as-of day, the first purchase day included', () => {
    expect(tags('AT-CUTOFF')).toContain('prospect');
    expect(tags('TOO-OLD')).not.toContain('prospect');
    expect(segmentOf(a, 'TOO-OLD').pace).toBeNull();
    // --new-within 7 takes TOO-OLD in.
    expect(tagsOf(ledger, { newWithinMonths: 7 }).tags('TOO-OLD')).toContain('prospect');
  });

  it('never extrapolates from less than a month', () => {
    expect(tags('YESTERDAY')).not.toContain('prospect');
    expect(segmentOf(a, 'YESTERDAY').pace!.projected).toBeCloseTo((9.9 * 366) / (365.2425 / 12), 9);
  });

  it('needs a projection at the smallest A total for class A', () => {
    // A = 4 × 2000; B1 = 1070 keeps the share before it at 80.3%.
    const big = ledgerOf([
      ...established.slice(0, 4),
      ['B1', '2024-01-01', 1070],
      ['B2', '2024-01-01', 120],
      ['C1', '2024-12-31', 100],
      ['FAST', '2024-11-01', 333.33],
      ['FASTER', '2024-11-01', 333.34],
    ]);
    const tagged = tagsOf(big).a;
    const s = tagged.segments;
    expect(s.thresholdA).toBe(2000);
    // 333.34 × 6 = 2000.04 ≥ 2000; 333.33 × 6 = 1999.98.
    expect(segmentOf(tagged, 'FASTER').pace!.projectedClass).toBe('A');
    expect(segmentOf(tagged, 'FAST').pace!.projectedClass).toBe('B');
  });

  it('marks qualified only the prospects with need, can_pay and authority all yes', () => {
    const attributes = attributesOf([
      { name: 'AT-PACE', need: true, canPay: true, authority: true },
      { name: 'AT-CUTOFF', need: true, canPay: true, authority: false },
      { name: 'A1', need: true, canPay: true, authority: true },
      { name: 'BELOW-PACE', need: true, canPay: true, authority: true },
    ]);
    const t = tagsOf(ledger, {}, attributes).tags;
    expect(t('AT-PACE')).toEqual(expect.arrayContaining(['prospect', 'qualified']));
    expect(t('AT-CUTOFF')).toContain('prospect');
    expect(t('AT-CUTOFF')).not.toContain('qualified');
    expect(t('A1')).not.toContain('qualified');
    expect(t('BELOW-PACE')).not.toContain('qualified');
  });

  it("gives a client's card the share, pace and attributes row its tags were decided by", () => {
    const attributes = attributesOf([{ name: 'AT-PACE', need: true, canPay: true, authority: true, tags: ['expert'] }]);
    const tagged = tagsOf(ledger, {}, attributes).a;
    const total = tagged.totals.revenue;
    for (const c of tagged.clients) {
      const segment = segmentOf(tagged, c.client);
      expect(segment.basisShare).toBe(c.revenue / total);
      expect(c.tags.includes('breadwinner')).toBe(segment.basisShare! >= DEFAULT_SETTINGS.breadwinnerShare - 1e-9);
      expect(c.tags.includes('prospect')).toBe(segment.pace !== null && segment.pace.projectedClass !== 'C');
      expect(segment.attributes?.name ?? null).toBe(c.client === 'AT-PACE' ? 'AT-PACE' : null);
    }
    expect(segmentOf(tagged, 'AT-PACE').attributes!.tags).toEqual(['expert']);
  });

  it('paces in the ABC metric: profit with --by profit', () => {
    const withProfit = ledgerOf(
      [...established, ...prospects].map(([c, d, amt]) => [c, d, amt, c === 'AT-PACE' ? 1 : amt] as Row),
      { profit: true },
    );
    const t = tagsOf(withProfit, { by: 'profit' }).tags;
    expect(t('AT-PACE')).not.toContain('prospect');
    expect(t('AT-CUTOFF')).toContain('prospect');
  });
});

describe('key, lost, at-risk, image-maker, expert and other tags', () => {
  const ledger = ledgerOf([
    ['BIG', '2024-01-01', 9000],
    ['BIG', '2024-12-31', 9000],
    // Monthly to 2024-10-20, then silent 72 days: at risk (1.5 × 30 < 72 ≤ 3 × 30 … 90).
    ...(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => ['STEADY', `2024-${m}-20`, 100]) as Row[]),
    // Monthly to 2024-07-20: 164 days > 90: lost.
    ...(['01', '02', '03', '04', '05', '06', '07'].map((m) => ['GONE-QUIET', `2024-${m}-20`, 100]) as Row[]),
    ['SMALL', '2024-12-01', 50],
  ]);

  it('tags lost and at-risk from the status, and key from class A', () => {
    const { a, tags } = tagsOf(ledger);
    expect(a.clients.find((c) => c.client === 'STEADY')!.status).toBe('at-risk');
    expect(tags('STEADY')).toContain('at-risk');
    expect(tags('STEADY')).not.toContain('lost');
    expect(tags('GONE-QUIET')).toEqual(['lost']);
    expect(tags('BIG')).toEqual(['key', 'breadwinner']);
    expect(tags('SMALL')).toEqual([]);
  });

  it('takes image-maker, expert and any other tag from the attributes file; image-makers are key', () => {
    const attributes = attributesOf([
      { name: 'small', tags: ['image-maker', 'vip customer'] },
      { name: 'STEADY', tags: ['expert'] },
    ]);
    const { a, tags } = tagsOf(ledger, {}, attributes);
    expect(tags('SMALL')).toEqual(['key', 'image-maker', 'vip customer']);
    expect(tags('STEADY')).toEqual(['expert', 'at-risk']);
    expect(a.key.clients).toBe(2);
    expect(a.segments!.counts).toEqual(expect.arrayContaining([['key', 2], ['image-maker', 1], ['expert', 1], ['vip customer', 1]]));
  });

  it('normalises tags from the file', () => {
    expect(normalizeTag(' Image Maker ')).toBe('image-maker');
    expect(normalizeTag('ИМИДЖМЕЙКЕР')).toBe('image-maker');
    expect(normalizeTag('эксперт')).toBe('expert');
    expect(normalizeTag('сарапшы')).toBe('expert');
    expect(normalizeTag('Key_Partner')).toBe('key-partner');
  });
});

describe('attributes join: case and spaces ignored, unmatched names in one warning', () => {
  const ledger = ledgerOf([
    ['ТОО Альфа', '2024-01-01', 100],
    ['Magnum Cash&Carry', '2024-01-01', 100],
    ['ИП Ли', '2024-12-31', 100],
  ]);

  it('matches names by case, surrounding and inner spaces', () => {
    expect(clientMatchKey('  ТОО   АЛЬФА ')).toBe(clientMatchKey('тоо альфа'));
    expect(clientMatchKey('ТОО Альфа')).not.toBe(clientMatchKey('ТОО Альфа-1'));
    const m = matchAttributes(ledger.clients.keys(), attributesOf([{ name: '  тоо   АЛЬФА ' }, { name: 'MAGNUM  CASH&CARRY' }, { name: 'ИП Ли (Алматы)' }, { name: 'Восток' }]));
    expect([...m.byClient.keys()].sort()).toEqual(['Magnum Cash&Carry', 'ТОО Альфа'].sort());
    expect(m.unmatched).toEqual(['ИП Ли (Алматы)', 'Восток']);
  });

  it('reports every unmatched name in one warning, and none when all match', () => {
    const { a, tags } = tagsOf(ledger, {}, attributesOf([{ name: 'тоо альфа', tags: ['expert'] }, { name: 'Восток' }, { name: 'Запад' }]));
    expect(tags('ТОО Альфа')).toContain('expert');
    const warnings = a.notes.filter((n) => n.code === 'attributes-unmatched');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', details: { count: 2, names: ['Восток', 'Запад'] } });
    expect(tagsOf(ledger, {}, attributesOf([{ name: 'ИП ЛИ' }])).a.notes.some((n) => n.code === 'attributes-unmatched')).toBe(false);
  });

  it('keeps the attribute row of a matched client, in the window or not', () => {
    const { a } = tagsOf(ledger, { from: day('2024-12-01') }, attributesOf([{ name: 'тоо альфа', values: { industry: 'Retail' } }]));
    expect(a.clients.some((c) => c.client === 'ТОО Альфа')).toBe(false);
    expect(a.segments!.attributes!.byClient.get('ТОО Альфа')!.values).toEqual({ industry: 'Retail' });
    expect(a.segments!.attributes!.unmatched).toEqual([]);
  });
});

describe('monthsBefore', () => {
  it('moves back calendar months, clamping the day to the month', () => {
    expect(monthsBefore(day('2026-10-31'), 6)).toBe(day('2026-04-30'));
    expect(monthsBefore(day('2024-08-31'), 6)).toBe(day('2024-02-29'));
    expect(monthsBefore(day('2025-01-15'), 1)).toBe(day('2024-12-15'));
    expect(monthsBefore(day('2025-03-31'), 13)).toBe(day('2024-02-29'));
  });
});
