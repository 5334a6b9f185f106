// SPEC §4: XYZ by the coefficient of variation of a client's per-period series.
import { describe, it, expect } from 'vitest';
import { classifyXyz, coefficientOfVariation, xyzClassOf, type XyzOptions } from '../../src/core/xyz.js';
import { analyze, bookends, clientOf, cvOf, monthly, seriesOf, type TestLine } from '../helpers/ledger.js';

const DEFAULTS: XyzOptions = { cutoffs: [0.1, 0.25], sd: 'population', minPeriods: 3 };

describe('XYZ: the coefficient of variation', () => {
  it('population sd by default, sample sd on request', () => {
    // [1, 2, 3]: mean 2; population sd √(2/3); sample sd 1
    expect(classifyXyz([1, 2, 3], DEFAULTS).cv).toBeCloseTo(Math.sqrt(2 / 3) / 2, 12);
    expect(classifyXyz([1, 2, 3], { ...DEFAULTS, sd: 'sample' }).cv).toBeCloseTo(0.5, 12);
    expect(coefficientOfVariation([1, 2, 3], 'population')).toBeCloseTo(0.408248290463863, 12);
    expect(coefficientOfVariation([1, 2, 3], 'sample')).toBeCloseTo(0.5, 12);
  });

  it('zeros are part of the series', () => {
    // [100, 0, 100, 0]: mean 50, population sd 50 → CV 1
    expect(classifyXyz([100, 0, 100, 0], DEFAULTS)).toEqual({ cv: 1, xyzClass: 'Z', gap: null });
  });

  it('a constant series has CV 0: X', () => {
    expect(classifyXyz([5, 5, 5], DEFAULTS)).toEqual({ cv: 0, xyzClass: 'X', gap: null });
  });
});

describe('XYZ: cut-offs (X when CV ≤ 10%, Y when ≤ 25%, else Z)', () => {
  it('exactly on a cut-off belongs to the better class', () => {
    // [9, 11, 9, 11]: mean 10, sd 1 → 0.1
    expect(classifyXyz([9, 11, 9, 11], DEFAULTS).xyzClass).toBe('X');
    // [7.5, 12.5, …]: sd 2.5 → 0.25
    expect(classifyXyz([7.5, 12.5, 7.5, 12.5], DEFAULTS).xyzClass).toBe('Y');
    expect(xyzClassOf(0.1, [0.1, 0.25])).toBe('X');
    expect(xyzClassOf(0.25, [0.1, 0.25])).toBe('Y');
    // the same CV computed with float noise: 0.1 * 3 / 3
    expect(xyzClassOf((0.1 * 3) / 3, [0.1, 0.25])).toBe('X');
    expect(xyzClassOf(0.7 * (0.25 / 0.7), [0.1, 0.25])).toBe('Y');
  });

  it('just above a cut-off falls to the next class', () => {
    expect(classifyXyz([8.9, 11.1, 8.9, 11.1], DEFAULTS).xyzClass).toBe('Y'); // 0.11
    expect(classifyXyz([7.4, 12.6, 7.4, 12.6], DEFAULTS).xyzClass).toBe('Z'); // 0.26
    expect(xyzClassOf(0.1001, [0.1, 0.25])).toBe('Y');
    expect(xyzClassOf(0.2501, [0.1, 0.25])).toBe('Z');
  });

  it('other cut-offs: --xyz 20,50', () => {
    const opts = { ...DEFAULTS, cutoffs: [0.2, 0.5] as const };
    expect(classifyXyz([8.9, 11.1, 8.9, 11.1], opts).xyzClass).toBe('X');
    expect(classifyXyz([7.4, 12.6, 7.4, 12.6], opts).xyzClass).toBe('Y');
    expect(classifyXyz([100, 0, 100, 0], opts).xyzClass).toBe('Z');
  });
});

describe('XYZ: no class', () => {
  it('a series shorter than --min-periods (3) is too new: no class, no CV', () => {
    expect(classifyXyz([10, 10], DEFAULTS)).toEqual({ cv: null, xyzClass: null, gap: 'too-new' });
    expect(classifyXyz([10], DEFAULTS)).toEqual({ cv: null, xyzClass: null, gap: 'too-new' });
    expect(classifyXyz([10, 10, 10], DEFAULTS).gap).toBeNull();
  });

  it('--min-periods changes the length needed', () => {
    expect(classifyXyz([10, 10, 10], { ...DEFAULTS, minPeriods: 4 }).gap).toBe('too-new');
    expect(classifyXyz([10, 10, 10, 10], { ...DEFAULTS, minPeriods: 4 }).gap).toBeNull();
    expect(classifyXyz([10, 12], { ...DEFAULTS, minPeriods: 2 }).xyzClass).toBe('X');
  });

  it('a sample sd needs two periods whatever --min-periods says', () => {
    expect(classifyXyz([10], { ...DEFAULTS, minPeriods: 1, sd: 'sample' }).gap).toBe('too-new');
    expect(classifyXyz([10], { ...DEFAULTS, minPeriods: 1 })).toEqual({ cv: 0, xyzClass: 'X', gap: null });
  });

  it('a mean of zero or less: no net purchases', () => {
    expect(classifyXyz([10, -10, 0], DEFAULTS)).toEqual({ cv: null, xyzClass: null, gap: 'no-net-purchases' });
    expect(classifyXyz([5, -20, 5], DEFAULTS)).toEqual({ cv: null, xyzClass: null, gap: 'no-net-purchases' });
    expect(classifyXyz([0, 0, 0], DEFAULTS).gap).toBe('no-net-purchases');
    // zero but for float noise
    expect(classifyXyz([0.1, 0.2, -0.3], DEFAULTS).gap).toBe('no-net-purchases');
  });

  it('a small positive mean is still a mean', () => {
    expect(classifyXyz([0.01, 0, 0], DEFAULTS).gap).toBeNull();
  });
});

describe('XYZ through analyzeLedger', () => {
  // Window: 2024-01 … 2024-06 (the bookends cover it whole).
  const whole = bookends('2024-01-01', '2024-06-30');

  it('zero periods inside the series count: bought in Jan, Mar, May of six months', () => {
    const lines = [...whole, ...monthly('c', '2024-01', [100, 0, 100, 0, 100, 0])];
    const c = clientOf(analyze(lines), 'c');
    expect(seriesOf(lines, 'c')).toEqual([100, 0, 100, 0, 100, 0]);
    expect(c.cv).toBeCloseTo(1, 12); // mean 50, population sd 50
    expect(c.xyz).toBe('Z');
    expect(c.activePeriods).toBe(3);
  });

  it('--xyz-start first (default) starts the series at the client’s first purchase in the window', () => {
    // from March: [100, 100, 100, 100] → CV 0, X; from the window start: [0, 0, 100, 100, 100, 100] → CV 1/√2
    const lines = [...whole, ...monthly('late', '2024-03', [100, 100, 100, 100])];
    const first = clientOf(analyze(lines), 'late');
    expect(first.seriesStart).toBe(2);
    expect(first.cv).toBe(0);
    expect(first.xyz).toBe('X');
    const window = clientOf(analyze(lines, { xyzStart: 'window' }), 'late');
    expect(window.seriesStart).toBe(0);
    expect(window.cv).toBeCloseTo(cvOf([0, 0, 100, 100, 100, 100]), 12);
    expect(window.xyz).toBe('Z');
  });

  it('--sd sample uses n − 1', () => {
    const lines = [...whole, ...monthly('c', '2024-01', [10, 20, 30, 10, 20, 30])];
    expect(clientOf(analyze(lines), 'c').cv).toBeCloseTo(cvOf([10, 20, 30, 10, 20, 30], 'population'), 12);
    expect(clientOf(analyze(lines, { sd: 'sample' }), 'c').cv).toBeCloseTo(cvOf([10, 20, 30, 10, 20, 30], 'sample'), 12);
    expect(cvOf([10, 20, 30, 10, 20, 30], 'sample')).not.toBeCloseTo(cvOf([10, 20, 30, 10, 20, 30], 'population'), 3);
  });

  it('a client first buying in the last two months is too new: no class, no CV, flagged, cell A-', () => {
    const a = analyze([...whole, ...monthly('new', '2024-05', [100, 100])]);
    const c = clientOf(a, 'new');
    expect(c).toMatchObject({ xyz: null, cv: null, purchasesCv: null, cell: 'A-' });
    expect(c.flags).toContain('too-new');
    // with --xyz-start window the series has six periods: classed
    const w = clientOf(analyze([...whole, ...monthly('new', '2024-05', [100, 100])], { xyzStart: 'window' }), 'new');
    expect(w.xyz).toBe('Z');
    expect(w.flags).not.toContain('too-new');
    // and --min-periods 2 classes it from its first purchase
    expect(clientOf(analyze([...whole, ...monthly('new', '2024-05', [100, 100])], { minPeriods: 2 }), 'new').xyz).toBe('X');
  });

  it('a series of exactly --min-periods periods is classed', () => {
    expect(clientOf(analyze([...whole, ...monthly('c', '2024-04', [100, 100, 100])]), 'c').xyz).toBe('X');
  });

  it('no net purchases: a client whose returns outweigh its sales in the window', () => {
    const lines: TestLine[] = [
      ...whole,
      ...monthly('big', '2024-01', [100, 100, 100, 100, 100, 100]),
      { client: 'r', date: '2024-01-10', amount: 50 },
      { client: 'r', date: '2024-02-10', amount: -80 },
    ];
    const c = clientOf(analyze(lines), 'r');
    expect(c).toMatchObject({ abc: 'C', xyz: null, cv: null, cell: 'C-' });
    expect(c.flags).toEqual(['non-positive-total', 'no-net-purchases']);
  });

  it('the series is the ABC metric per period (--by quantity)', () => {
    const lines: TestLine[] = [
      ...bookends('2024-01-01', '2024-03-31').map((l) => ({ ...l, quantity: 1 })),
      { client: 'q', date: '2024-01-10', amount: 100, quantity: 1 },
      { client: 'q', date: '2024-02-10', amount: 100, quantity: 3 },
      { client: 'q', date: '2024-03-10', amount: 100, quantity: 2 },
    ];
    expect(clientOf(analyze(lines), 'q').cv).toBe(0);
    const byQuantity = clientOf(analyze(lines, { by: 'quantity' }), 'q');
    expect(seriesOf(lines, 'q', { by: 'quantity' })).toEqual([1, 3, 2]);
    expect(byQuantity.cv).toBeCloseTo(cvOf([1, 3, 2]), 12);
  });

  it('returns are netted into the period they fall in', () => {
    // Jan 100, Feb 100 − 60, Mar 100 → [100, 40, 100]
    const lines: TestLine[] = [...whole, ...monthly('c', '2024-01', [100, 100, 100, 100, 100, 100]), { client: 'c', date: '2024-02-20', amount: -60 }];
    const c = clientOf(analyze(lines), 'c');
    expect(seriesOf(lines, 'c')).toEqual([100, 40, 100, 100, 100, 100]);
    expect(c.total).toBe(540);
    expect(c.cv).toBeCloseTo(cvOf([100, 40, 100, 100, 100, 100]), 12);
  });
});
