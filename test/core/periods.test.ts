import { describe, it, expect } from 'vitest';
import { periodEnd, periodLabel, periodOf, periodStart, type PeriodKind } from '../../src/core/periods.js';

const periodLength = (kind: PeriodKind, index: number): number => periodEnd(kind, index) - periodStart(kind, index) + 1;
/** 0 = Monday … 6 = Sunday, from the platform's calendar. */
const weekday = (day: number): number => (new Date(day * 86_400_000).getUTCDay() + 6) % 7;
import { day, iso } from '../helpers/ledger.js';

describe('periods: months', () => {
  it('a month runs from its 1st to its last day', () => {
    const jan = periodOf('month', day('2024-01-01'));
    expect(periodOf('month', day('2024-01-31'))).toBe(jan);
    expect(periodOf('month', day('2024-02-01'))).toBe(jan + 1);
    expect(periodOf('month', day('2023-12-31'))).toBe(jan - 1);
    expect(iso(periodStart('month', jan))).toBe('2024-01-01');
    expect(iso(periodEnd('month', jan))).toBe('2024-01-31');
    expect(iso(periodEnd('month', jan + 1))).toBe('2024-02-29');
    expect(iso(periodStart('month', jan - 1))).toBe('2023-12-01');
    expect(periodLabel('month', jan)).toBe('2024-01');
    expect(periodLabel('month', jan + 11)).toBe('2024-12');
    expect(periodLength('month', jan + 1)).toBe(29);
    expect(periodLength('month', jan + 13)).toBe(28);
  });
});

describe('periods: quarters', () => {
  it('quarters start on Jan 1, Apr 1, Jul 1, Oct 1', () => {
    const q1 = periodOf('quarter', day('2024-01-01'));
    expect(periodOf('quarter', day('2024-03-31'))).toBe(q1);
    expect(periodOf('quarter', day('2024-04-01'))).toBe(q1 + 1);
    expect(periodOf('quarter', day('2024-09-30'))).toBe(q1 + 2);
    expect(periodOf('quarter', day('2024-10-01'))).toBe(q1 + 3);
    expect(periodOf('quarter', day('2025-01-01'))).toBe(q1 + 4);
    expect(periodOf('quarter', day('2023-12-31'))).toBe(q1 - 1);
    expect(['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'].map((d, i) => iso(periodStart('quarter', q1 + i)))).toEqual([
      '2024-01-01',
      '2024-04-01',
      '2024-07-01',
      '2024-10-01',
    ]);
    expect(iso(periodEnd('quarter', q1))).toBe('2024-03-31');
    expect(iso(periodEnd('quarter', q1 + 3))).toBe('2024-12-31');
    expect(periodLabel('quarter', q1 + 2)).toBe('2024-Q3');
    expect(periodLength('quarter', q1)).toBe(91); // leap year Q1
  });
});

describe('periods: weeks start on Monday', () => {
  it('Monday to Sunday is one week', () => {
    // 2024-01-01 was a Monday.
    const w = periodOf('week', day('2024-01-01'));
    for (const d of ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07']) {
      expect(periodOf('week', day(d))).toBe(w);
    }
    expect(periodOf('week', day('2023-12-31'))).toBe(w - 1); // Sunday before
    expect(periodOf('week', day('2024-01-08'))).toBe(w + 1); // next Monday
    expect(iso(periodStart('week', w))).toBe('2024-01-01');
    expect(iso(periodEnd('week', w))).toBe('2024-01-07');
    expect(periodLabel('week', w)).toBe('2024-01-01');
    expect(periodLength('week', w)).toBe(7);
  });

  it('every week starts on a Monday, around 1970-01-01 too', () => {
    for (let d = day('1969-12-01'); d <= day('1970-02-01'); d++) {
      const w = periodOf('week', d);
      expect(weekday(periodStart('week', w))).toBe(0);
      expect(periodStart('week', w)).toBeLessThanOrEqual(d);
      expect(periodEnd('week', w)).toBeGreaterThanOrEqual(d);
      expect(periodEnd('week', w) - periodStart('week', w)).toBe(6);
    }
  });
});

describe('periods: start and end are inverse to periodOf', () => {
  it.each(['month', 'quarter', 'week'] as PeriodKind[])('%s', (kind) => {
    for (let d = day('2019-11-01'); d <= day('2025-03-01'); d += 3) {
      const p = periodOf(kind, d);
      expect(periodOf(kind, periodStart(kind, p))).toBe(p);
      expect(periodOf(kind, periodEnd(kind, p))).toBe(p);
      expect(periodOf(kind, periodStart(kind, p) - 1)).toBe(p - 1);
      expect(periodOf(kind, periodEnd(kind, p) + 1)).toBe(p + 1);
    }
  });
});
