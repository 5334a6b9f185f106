import { describe, it, expect } from 'vitest';
import { dayFromYmd, daysInMonth, formatDay, isLeapYear, ymdFromDay } from '../../src/core/calendar.js';
import { day } from '../helpers/ledger.js';

describe('calendar: day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(2000, 3, 1)).toBe(day('2000-03-01'));
    expect(dayFromYmd(2024, 2, 29)).toBe(day('2024-02-29'));
  });

  it('agrees with Date.UTC on every day from 1899 to 2101 and round-trips', () => {
    const start = day('1899-01-01');
    const end = day('2101-12-31');
    const wrong: string[] = [];
    for (let d = start; d <= end; d++) {
      const date = new Date(d * 86_400_000);
      const ymd = ymdFromDay(d);
      if (ymd.y !== date.getUTCFullYear() || ymd.m !== date.getUTCMonth() + 1 || ymd.d !== date.getUTCDate()) wrong.push(`ymdFromDay(${d})`);
      if (dayFromYmd(ymd.y, ymd.m, ymd.d) !== d) wrong.push(`dayFromYmd(${ymd.y}, ${ymd.m}, ${ymd.d})`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('refuses dates that do not exist', () => {
    expect(dayFromYmd(2023, 2, 29)).toBeUndefined();
    expect(dayFromYmd(1900, 2, 29)).toBeUndefined();
    expect(dayFromYmd(2000, 2, 29)).toBe(day('2000-02-29'));
    expect(dayFromYmd(2024, 4, 31)).toBeUndefined();
    expect(dayFromYmd(2024, 13, 1)).toBeUndefined();
    expect(dayFromYmd(2024, 0, 1)).toBeUndefined();
    expect(dayFromYmd(2024, 1, 0)).toBeUndefined();
    expect(dayFromYmd(2024, 1.5, 1)).toBeUndefined();
  });

  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('formats days as YYYY-MM-DD', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(day('2026-10-31'))).toBe('2026-10-31');
    expect(formatDay(day('2024-02-29'))).toBe('2024-02-29');
    expect(formatDay(day('0999-01-05'))).toBe('0999-01-05');
  });
});
