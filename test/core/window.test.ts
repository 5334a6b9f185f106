// SPEC §2: the window is a run of whole periods.
import { describe, it, expect } from 'vitest';
import { resolveWindow } from '../../src/core/window.js';
import { KamError } from '../../src/core/problems.js';
import type { PeriodKind } from '../../src/core/periods.js';
import { day, iso } from '../helpers/ledger.js';

interface W {
  asOf?: string;
  from?: string;
  to?: string;
  includePartial?: boolean;
  period?: PeriodKind;
}

function win(first: string, last: string, w: W = {}) {
  return resolveWindow(day(first), day(last), {
    asOf: w.asOf === undefined ? undefined : day(w.asOf),
    from: w.from === undefined ? undefined : day(w.from),
    to: w.to === undefined ? undefined : day(w.to),
    includePartial: w.includePartial ?? false,
    period: w.period ?? 'month',
  });
}

function span(w: ReturnType<typeof win>): [string, string] {
  return [iso(w.startDay), iso(w.endDay)];
}

describe('window: whole months covered by the ledger', () => {
  it('a ledger from the 1st to the last day of a month keeps every month, with no note', () => {
    const w = win('2024-01-01', '2024-03-31');
    expect(span(w)).toEqual(['2024-01-01', '2024-03-31']);
    expect(w.periods).toBe(3);
    expect(w.labels).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(w.notes).toEqual([]);
    expect(iso(w.asOf)).toBe('2024-03-31');
  });

  it('a partial last month is left out, and noted', () => {
    const w = win('2024-01-01', '2024-04-15');
    expect(span(w)).toEqual(['2024-01-01', '2024-03-31']);
    expect(w.periods).toBe(3);
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0]).toMatchObject({ code: 'partial-period-dropped', value: '2024-04', details: { edge: 'trailing', from: '2024-04-01', to: '2024-04-15' } });
  });

  it('a month ending one day short is partial (Feb 28 of a leap year), Feb 29 is whole', () => {
    expect(win('2024-01-01', '2024-02-28').labels).toEqual(['2024-01']);
    expect(win('2024-01-01', '2024-02-29').labels).toEqual(['2024-01', '2024-02']);
    expect(win('2023-01-01', '2023-02-28').labels).toEqual(['2023-01', '2023-02']);
  });

  it('--include-partial keeps the partial last month, and notes it as kept', () => {
    const w = win('2024-01-01', '2024-04-15', { includePartial: true });
    expect(w.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    // rows up to the as-of day only: the window ends on the as-of day
    expect(span(w)).toEqual(['2024-01-01', '2024-04-15']);
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0]).toMatchObject({ code: 'partial-period-kept', value: '2024-04' });
  });

  it('a partial first month is left out, and noted', () => {
    const w = win('2024-01-10', '2024-04-30');
    expect(w.labels).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(span(w)).toEqual(['2024-02-01', '2024-04-30']);
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0]).toMatchObject({ code: 'partial-period-dropped', value: '2024-01', details: { edge: 'leading', from: '2024-01-10', to: '2024-01-31' } });
  });

  it('both edges partial: both left out, both noted; both kept with --include-partial', () => {
    const w = win('2024-01-10', '2024-04-29');
    expect(w.labels).toEqual(['2024-02', '2024-03']);
    expect(w.notes.map((n) => [n.code, n.value])).toEqual([
      ['partial-period-dropped', '2024-01'],
      ['partial-period-dropped', '2024-04'],
    ]);
    const kept = win('2024-01-10', '2024-04-29', { includePartial: true });
    expect(kept.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(iso(kept.startDay)).toBe('2024-01-01');
    expect(kept.notes.map((n) => n.code)).toEqual(['partial-period-kept', 'partial-period-kept']);
  });

  it('a ledger inside one month holds no whole period: empty-window error', () => {
    expect(() => win('2024-01-05', '2024-01-20')).toThrow(KamError);
    try {
      win('2024-01-05', '2024-01-20');
    } catch (e) {
      expect((e as KamError).problem.code).toBe('empty-window');
    }
    expect(win('2024-01-05', '2024-01-20', { includePartial: true }).labels).toEqual(['2024-01']);
  });
});

describe('window: --as-of', () => {
  it('an as-of day past the last row makes the silence up to it real: the month is whole', () => {
    const w = win('2024-01-01', '2024-04-10', { asOf: '2024-04-30' });
    expect(w.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(w.notes).toEqual([]);
  });

  it('an as-of day inside the ledger cuts the window there, dropping its partial month', () => {
    const w = win('2024-01-01', '2024-06-30', { asOf: '2024-03-20' });
    expect(w.labels).toEqual(['2024-01', '2024-02']);
    expect(iso(w.asOf)).toBe('2024-03-20');
    expect(w.notes[0]).toMatchObject({ code: 'partial-period-dropped', value: '2024-03' });
  });

  it('an as-of day on the last day of a month keeps that month', () => {
    expect(win('2024-01-01', '2024-06-30', { asOf: '2024-03-31' }).labels).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});

describe('window: --from/--to take whole periods', () => {
  it('from and to anywhere inside their months give the whole months', () => {
    const w = win('2023-01-01', '2024-12-31', { from: '2024-02-15', to: '2024-04-03' });
    expect(w.labels).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(span(w)).toEqual(['2024-02-01', '2024-04-30']);
    expect(w.notes).toEqual([]);
  });

  it('from/to win over partial coverage: no dropping, no note', () => {
    const w = win('2024-01-10', '2024-04-15', { from: '2024-01-20', to: '2024-04-02' });
    expect(w.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(w.notes).toEqual([]);
  });

  it('--from alone: the end still drops a partial last month', () => {
    const w = win('2024-01-01', '2024-06-10', { from: '2024-03-31' });
    expect(w.labels).toEqual(['2024-03', '2024-04', '2024-05']);
  });

  it('--to alone: the start still drops a partial first month', () => {
    const w = win('2024-01-02', '2024-06-30', { to: '2024-03-01' });
    expect(w.labels).toEqual(['2024-02', '2024-03']);
  });

  it('--to past the as-of day stops at the as-of day’s period, and notes it', () => {
    const w = win('2024-01-01', '2024-06-30', { to: '2024-08-31' });
    expect(w.labels[w.labels.length - 1]).toBe('2024-06');
    expect(iso(w.endDay)).toBe('2024-06-30');
    expect(w.notes.map((n) => n.code)).toContain('window-capped');
  });

  it('--to past a mid-month as-of day: the partial as-of month is left out like any partial last month', () => {
    // as of 2024-06-15, --to 2024-08-31: June holds half a month of rows (1–15), so it is partial;
    // "whole periods always" — keeping it would halve June and inflate every CV, as the cap is there to avoid.
    const w = win('2024-01-01', '2024-06-30', { asOf: '2024-06-15', to: '2024-08-31' });
    expect(w.labels[w.labels.length - 1]).toBe('2024-05');
    expect(iso(w.endDay)).toBe('2024-05-31');
    const kept = win('2024-01-01', '2024-06-30', { asOf: '2024-06-15', to: '2024-08-31', includePartial: true });
    expect(kept.labels[kept.labels.length - 1]).toBe('2024-06');
    expect(iso(kept.endDay)).toBe('2024-06-15');
  });

  it('whole quarters and weeks too', () => {
    const q = win('2023-01-01', '2024-12-31', { from: '2024-02-15', to: '2024-05-01', period: 'quarter' });
    expect(q.labels).toEqual(['2024-Q1', '2024-Q2']);
    expect(span(q)).toEqual(['2024-01-01', '2024-06-30']);
    // 2024-01-03 is a Wednesday, 2024-01-16 a Tuesday
    const w = win('2023-01-01', '2024-12-31', { from: '2024-01-03', to: '2024-01-16', period: 'week' });
    expect(span(w)).toEqual(['2024-01-01', '2024-01-21']);
    expect(w.periods).toBe(3);
  });
});

describe('window: weeks start on Monday', () => {
  it('a ledger starting on a Wednesday drops that week; one ending on a Sunday keeps its week', () => {
    // 2024-01-03 Wednesday … 2024-01-28 Sunday
    const w = win('2024-01-03', '2024-01-28', { period: 'week' });
    expect(span(w)).toEqual(['2024-01-08', '2024-01-28']);
    expect(w.labels).toEqual(['2024-01-08', '2024-01-15', '2024-01-22']);
    expect(w.notes.map((n) => [n.code, n.value])).toEqual([['partial-period-dropped', '2024-01-01']]);
  });

  it('a ledger ending on a Saturday drops its last week', () => {
    // 2024-01-01 Monday … 2024-01-27 Saturday
    const w = win('2024-01-01', '2024-01-27', { period: 'week' });
    expect(span(w)).toEqual(['2024-01-01', '2024-01-21']);
  });
});

describe('window: quarters', () => {
  it('quarters are whole: a ledger to mid-November keeps Q1–Q3', () => {
    const w = win('2024-01-01', '2024-11-15', { period: 'quarter' });
    expect(w.labels).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(span(w)).toEqual(['2024-01-01', '2024-09-30']);
    expect(w.notes[0]).toMatchObject({ code: 'partial-period-dropped', value: '2024-Q4' });
  });

  it('a ledger starting on Feb 1 drops Q1', () => {
    const w = win('2024-02-01', '2024-12-31', { period: 'quarter' });
    expect(w.labels).toEqual(['2024-Q2', '2024-Q3', '2024-Q4']);
  });
});
