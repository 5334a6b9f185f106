// Periods are numbered by a single integer index per kind, so a window is a plain
// range [first, last] and a client's series is an array indexed by (period - first).
import { daysFromCivil, formatDay, ymdFromDay } from './calendar.js';

export type PeriodKind = 'month' | 'quarter' | 'week';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'week'];

export function periodOf(kind: PeriodKind, day: number): number {
  switch (kind) {
    case 'week':
      // Weeks start on Monday; day 0 (1970-01-01) was a Thursday, so Monday of week 0 is day -3.
      return Math.floor((day + 3) / 7);
    case 'month': {
      const { y, m } = ymdFromDay(day);
      return y * 12 + (m - 1);
    }
    case 'quarter': {
      const { y, m } = ymdFromDay(day);
      return y * 4 + Math.floor((m - 1) / 3);
    }
  }
}

/**
 * Index (from 0) of the period holding each day of [startDay, endDay], as a lookup table: the
 * analysis asks this for every client-day, and a table beats the calendar arithmetic.
 */
export function periodIndexer(kind: PeriodKind, startDay: number, endDay: number): (day: number) => number {
  const first = periodOf(kind, startDay);
  const table = new Int32Array(Math.max(0, endDay - startDay + 1));
  for (let day = startDay; day <= endDay; day++) table[day - startDay] = periodOf(kind, day) - first;
  return (day) => table[day - startDay]!;
}

export function periodStart(kind: PeriodKind, index: number): number {
  switch (kind) {
    case 'week':
      return index * 7 - 3;
    case 'month':
      return daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
    case 'quarter':
      return daysFromCivil(Math.floor(index / 4), (index % 4) * 3 + 1, 1);
  }
}

export function periodEnd(kind: PeriodKind, index: number): number {
  return periodStart(kind, index + 1) - 1;
}

/** A label a person reads and a script can sort: 2024-03, 2024-Q1, 2024-03-04 (the Monday). */
export function periodLabel(kind: PeriodKind, index: number): string {
  switch (kind) {
    case 'week':
      return formatDay(periodStart(kind, index));
    case 'month': {
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      return `${y}-${m < 10 ? '0' : ''}${m}`;
    }
    case 'quarter':
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
}
