import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  dayFromYmd,
  detectDateFormat,
  formatDay,
  makeDateParser,
  parseDateFormatOption,
  parseDayArgument,
  ymdFromDay,
  type DateFormat,
} from '../../src/io/dates.js';

// Reference day number computed with Date, independent of the code under test.
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

const iso = makeDateParser('iso');
const ymd = makeDateParser('ymd');
const dmy = makeDateParser('dmy');
const mdy = makeDateParser('mdy');
const compact = makeDateParser('yyyymmdd');
const serial = makeDateParser('excel-serial');

describe('calendar', () => {
  it('day 0 is 1970-01-01 and days count in UTC days', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(-1)).toBe('1969-12-31');
  });

  it('validates the day of month, including leap years', () => {
    expect(dayFromYmd(2024, 2, 29)).toBe(utc(2024, 2, 29)); // divisible by 4
    expect(dayFromYmd(2023, 2, 29)).toBeUndefined();
    expect(dayFromYmd(2000, 2, 29)).toBe(utc(2000, 2, 29)); // divisible by 400
    expect(dayFromYmd(1900, 2, 29)).toBeUndefined(); // divisible by 100, not 400
    expect(dayFromYmd(2023, 2, 30)).toBeUndefined();
    expect(dayFromYmd(2023, 4, 31)).toBeUndefined();
    expect(dayFromYmd(2023, 4, 30)).toBe(utc(2023, 4, 30));
    expect(dayFromYmd(2023, 12, 31)).toBe(utc(2023, 12, 31));
    expect(dayFromYmd(2023, 13, 1)).toBeUndefined();
    expect(dayFromYmd(2023, 0, 1)).toBeUndefined();
    expect(dayFromYmd(2023, 1, 0)).toBeUndefined();
    expect(dayFromYmd(2023, 1.5, 1)).toBeUndefined();
  });

  it('knows the length of every month', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((len, i) => {
      expect(dayFromYmd(2023, i + 1, len)).toBe(utc(2023, i + 1, len));
      expect(dayFromYmd(2023, i + 1, len + 1)).toBeUndefined();
    });
  });

  it('formatDay/ymdFromDay/dayFromYmd round-trip for every day 1900..2200 and agree with Date.UTC', () => {
    const first = utc(1900, 1, 1);
    const last = utc(2200, 12, 31);
    for (let day = first; day <= last; day++) {
      const { y, m, d } = ymdFromDay(day);
      if (dayFromYmd(y, m, d) !== day) throw new Error(`dayFromYmd(ymdFromDay(${day})) != ${day}`);
      const text = formatDay(day);
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (text !== expected) throw new Error(`formatDay(${day}) = ${text}, expected ${expected}`);
      if (iso(text) !== day) throw new Error(`iso(${text}) != ${day}`);
    }
  });

  it('dayFromYmd accepts exactly the dates Date.UTC does not roll over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const t = new Date(0);
        t.setUTCFullYear(y, m - 1, d);
        const real = t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
        const got = dayFromYmd(y, m, d);
        expect(got).toBe(real ? t.getTime() / 86_400_000 : undefined);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('iso / ymd parser', () => {
  it('reads yyyy-mm-dd with and without a time part', () => {
    expect(iso('2023-01-05')).toBe(utc(2023, 1, 5));
    expect(iso('  2023-01-05  ')).toBe(utc(2023, 1, 5)); // surrounding spaces are trimmed
    expect(iso('\u00a02023-01-05\u202f')).toBe(utc(2023, 1, 5));
    expect(iso('2010-12-01 08:26:00')).toBe(utc(2010, 12, 1)); // Online Retail style
    expect(iso('2010-12-01 8:26')).toBe(utc(2010, 12, 1));
    expect(iso('2023-01-05T23:59:59.999Z')).toBe(utc(2023, 1, 5)); // the time never moves the day
    expect(iso('2023-01-05T10:00:00+06:00')).toBe(utc(2023, 1, 5));
    expect(iso('2023-01-05T10:00-0500')).toBe(utc(2023, 1, 5));
    expect(iso('2023-1-5')).toBe(utc(2023, 1, 5));
  });

  it('reads yyyy/mm/dd and yyyy.mm.dd, and ymd is the same parser', () => {
    expect(iso('2023/01/05')).toBe(utc(2023, 1, 5));
    expect(iso('2023.01.05')).toBe(utc(2023, 1, 5));
    expect(ymd('2023.01.05 10:00')).toBe(utc(2023, 1, 5));
  });

  it('refuses non-dates and malformed tails', () => {
    for (const bad of [
      '',
      '   ',
      '2023-02-29', // not a leap year
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '2023-01/05', // mixed separators
      '2023-01-05x',
      '2023-01-05 garbage',
      '2023-01-05 25:00', // hour out of range
      '2023-01-05 10:7', // minutes need two digits
      '2023-01-05 10:60',
      '2023-01-05 10:00:61',
      '2023-01-05T', // 'T' with no time
      '2023-01-005',
      '23-01-05',
      '0000-01-01',
      '20230105',
      '05.01.2023',
    ]) {
      expect(iso(bad), bad).toBeUndefined();
    }
  });

  it('knows Feb 29 of leap and common years', () => {
    expect(iso('2024-02-29')).toBe(utc(2024, 2, 29));
    expect(iso('2000-02-29')).toBe(utc(2000, 2, 29));
    expect(iso('2100-02-29')).toBeUndefined();
  });
});

describe('dmy / mdy parsers', () => {
  it('reads the 1C and Excel forms', () => {
    expect(dmy('05.01.2023')).toBe(utc(2023, 1, 5));
    expect(dmy('5.1.2023')).toBe(utc(2023, 1, 5));
    expect(dmy('05/01/2023')).toBe(utc(2023, 1, 5));
    expect(dmy('05-01-2023')).toBe(utc(2023, 1, 5));
    expect(dmy('01.12.2023 0:00:00')).toBe(utc(2023, 12, 1)); // 1C datetime
    expect(dmy(' 29.02.2024 ')).toBe(utc(2024, 2, 29));
    expect(mdy('01/05/2023')).toBe(utc(2023, 1, 5));
    expect(mdy('12/1/2010 8:26')).toBe(utc(2010, 12, 1)); // Excel text date
    expect(mdy('12/1/2010 8:26 AM')).toBe(utc(2010, 12, 1));
    expect(mdy('2/29/2024')).toBe(utc(2024, 2, 29));
  });

  it('refuses impossible dates and other shapes', () => {
    for (const bad of [
      '31.04.2023',
      '31.11.2023',
      '29.02.2023',
      '30.02.2024',
      '00.01.2023',
      '13.13.2023',
      '05.01.23', // two-digit years are refused
      '05.01/2023',
      '05.01.2023T10:00', // 'T' only after ISO dates
      '05.01.2023 noon',
      '123.01.2023',
      '05.01.20233',
      '2023-01-05',
    ]) {
      expect(dmy(bad), bad).toBeUndefined();
    }
    expect(mdy('13/01/2023')).toBeUndefined();
    expect(mdy('02/29/2023')).toBeUndefined();
  });
});

describe('yyyymmdd and excel-serial parsers', () => {
  it('reads 8-digit dates and refuses others', () => {
    expect(compact('20230105')).toBe(utc(2023, 1, 5));
    expect(compact(' 20240229 ')).toBe(utc(2024, 2, 29));
    expect(compact('20230229')).toBeUndefined();
    expect(compact('20231301')).toBeUndefined();
    expect(compact('2023015')).toBeUndefined();
    expect(compact('202301055')).toBeUndefined();
    expect(compact('2023010a')).toBeUndefined();
  });

  it("follows Excel's 1900 system, fictitious 1900-02-29 included", () => {
    expect(serial('1')).toBe(utc(1900, 1, 1));
    expect(serial('59')).toBe(utc(1900, 2, 28));
    expect(serial('60')).toBeUndefined(); // Excel's 1900-02-29 does not exist
    expect(serial('61')).toBe(utc(1900, 3, 1));
    expect(serial('25569')).toBe(0); // 1970-01-01
    expect(serial('45000')).toBe(utc(2023, 3, 15));
    expect(serial('45000.75')).toBe(utc(2023, 3, 15)); // the fraction is the time of day
    expect(serial('45000,5')).toBe(utc(2023, 3, 15)); // decimal comma from a 1C export
    expect(serial('2958465')).toBe(utc(9999, 12, 31));
  });

  it('refuses serials out of range and non-numbers', () => {
    for (const bad of ['0', '2958466', '-5', '+45000', '45000.', '4.5e4', 'abc', '', '45 000', '45000.5.5']) {
      expect(serial(bad), bad).toBeUndefined();
    }
  });
});

describe('parsers round-trip random days', () => {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const dayArb = fc.integer({ min: utc(1900, 3, 1), max: utc(2200, 12, 31) });
  const sepArb = fc.constantFrom('.', '/', '-');

  it('dmy, mdy, iso, yyyymmdd and serial text parse back to the day', () => {
    fc.assert(
      fc.property(dayArb, sepArb, fc.boolean(), fc.boolean(), fc.nat({ max: 86399 }), (day, sep, padded, withTime, secs) => {
        const { y, m, d } = ymdFromDay(day);
        const dd = padded ? pad(d, 2) : String(d);
        const mm = padded ? pad(m, 2) : String(m);
        const time = withTime ? ` ${Math.floor(secs / 3600)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}` : '';
        expect(dmy(`${dd}${sep}${mm}${sep}${pad(y, 4)}${time}`)).toBe(day);
        expect(mdy(`${mm}${sep}${dd}${sep}${pad(y, 4)}${time}`)).toBe(day);
        expect(iso(`${pad(y, 4)}${sep}${mm}${sep}${dd}${withTime ? time.replace(' ', 'T') : ''}`)).toBe(day);
        expect(compact(`${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`)).toBe(day);
        const fraction = withTime ? `.${pad(secs, 5)}` : '';
        expect(serial(`${day + 25569}${fraction}`)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('detectDateFormat', () => {
  const formatOf = (samples: string[]): DateFormat | undefined => {
    const r = detectDateFormat(samples);
    return 'format' in r ? r.format : undefined;
  };

  it('tells dmy from mdy by a field above 12', () => {
    expect(formatOf(['01/02/2023', '13/02/2023'])).toBe('dmy'); // first field 13 -> day first
    expect(formatOf(['01/02/2023', '02/13/2023'])).toBe('mdy'); // second field 13 -> month first
    expect(formatOf(['1-2-2023', '25-12-2023'])).toBe('dmy');
  });

  it('reports ambiguity when every sample fits both orders', () => {
    const r = detectDateFormat(['01/02/2023', '03/04/2023', ' ', '12/12/2023']);
    expect(r).toEqual({ ambiguous: true, candidates: ['dmy', 'mdy'], example: '01/02/2023' });
  });

  it("takes '.'-separated dates as dmy even when every field is 12 or less", () => {
    expect(formatOf(['01.02.2023', '03.04.2023'])).toBe('dmy');
  });

  it('recognises iso, yyyymmdd and excel serials', () => {
    expect(formatOf(['2023-01-05', '2023-01-06 10:00:00'])).toBe('iso');
    expect(formatOf(['2023/01/05'])).toBe('iso');
    expect(formatOf(['20230105', '20231231'])).toBe('yyyymmdd');
    expect(formatOf(['45000', '45001.25', '44999,5'])).toBe('excel-serial');
  });

  it('keeps plausible ranges for yyyymmdd and serials', () => {
    // 8 digits outside 1900..2200 are not yyyymmdd; numbers below 20000 are not serials.
    expect(detectDateFormat(['22230105'])).toEqual({ unknown: true, example: '22230105' });
    expect(detectDateFormat(['18991231'])).toEqual({ unknown: true, example: '18991231' });
    expect(detectDateFormat(['19999', '100'])).toEqual({ unknown: true, example: '19999' });
    expect(detectDateFormat(['80001'])).toEqual({ unknown: true, example: '80001' });
  });

  it('lets the format that reads the most samples win', () => {
    expect(formatOf(['2023-01-05', '05.01.2023', '06.01.2023', 'n/a'])).toBe('dmy');
    expect(formatOf(['2023-01-05', '2023-01-06', '06.01.2023'])).toBe('iso');
    // a mix where one row has a day above 12 and two rows a month-second above 12
    expect(formatOf(['13/01/2023', '01/13/2023', '01/14/2023'])).toBe('mdy');
  });

  it('reports unknown with an example when nothing reads', () => {
    expect(detectDateFormat(['', 'hello', 'world'])).toEqual({ unknown: true, example: 'hello' });
    expect(detectDateFormat([])).toEqual({ unknown: true, example: '' });
  });
});

describe('options', () => {
  it('parses --date-format names and patterns', () => {
    expect(parseDateFormatOption('dd.mm.yyyy')).toBe('dmy');
    expect(parseDateFormatOption('DD/MM/YYYY')).toBe('dmy');
    expect(parseDateFormatOption('mm/dd/yyyy')).toBe('mdy');
    expect(parseDateFormatOption('yyyy-mm-dd')).toBe('iso');
    expect(parseDateFormatOption('yyyymmdd')).toBe('yyyymmdd');
    expect(parseDateFormatOption('serial')).toBe('excel-serial');
    expect(parseDateFormatOption(' iso ')).toBe('iso');
    for (const name of ['iso', 'dmy', 'mdy', 'ymd', 'yyyymmdd', 'excel-serial'] as const) {
      expect(parseDateFormatOption(name)).toBe(name);
    }
    expect(parseDateFormatOption('dd.mm.yy')).toBeUndefined();
    expect(parseDateFormatOption('toString')).toBeUndefined(); // no prototype leaks
    expect(parseDateFormatOption('')).toBeUndefined();
  });

  it('parses --as-of/--from/--to days', () => {
    const today = utc(2024, 6, 30);
    expect(parseDayArgument('today', today)).toBe(today);
    expect(parseDayArgument('TODAY', today)).toBe(today);
    expect(parseDayArgument('2024-01-31', today)).toBe(utc(2024, 1, 31));
    expect(parseDayArgument('31.01.2024', today)).toBe(utc(2024, 1, 31));
    expect(parseDayArgument('20240131', today)).toBe(utc(2024, 1, 31));
    expect(parseDayArgument('01/02/2024', today)).toBeUndefined(); // ambiguous order is refused
    expect(parseDayArgument('2024-02-30', today)).toBeUndefined();
    expect(parseDayArgument('yesterday', today)).toBeUndefined();
    expect(parseDayArgument('', today)).toBeUndefined();
  });
});
