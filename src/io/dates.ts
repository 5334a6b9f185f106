// Readers for the date forms found in real sales ledgers (SPEC §1): ISO dates with or without a
// time, dd.mm.yyyy (1C exports), dd/mm/yyyy and mm/dd/yyyy (Excel text dates), yyyymmdd and
// Excel serial numbers. Pure functions over strings; a day is an integer day number (days since
// 1970-01-01 UTC, i.e. Date.UTC(y, m - 1, d) / 86400000).
//
// Formats accepted by makeDateParser (surrounding whitespace, incl. U+00A0/U+202F, is trimmed):
//  - 'iso' and 'ymd' are one and the same parser: yyyy-mm-dd, yyyy/mm/dd or yyyy.mm.dd (the same
//    separator twice; 1- or 2-digit month and day), optionally followed by a time after 'T' or
//    spaces. 'ymd' is kept only as a name for --date-format; detection always reports 'iso'.
//  - 'dmy': d.m.yyyy, d/m/yyyy, d-m-yyyy (1- or 2-digit day and month, 4-digit year), optionally
//    followed by spaces and a time. 'mdy': the same with month first. Two-digit years are refused.
//  - 'yyyymmdd': exactly 8 digits.
//  - 'excel-serial': 1..2958465 with an optional fractional part after '.' or ',' (the time,
//    ignored); 1900 date system. Serial 60 is Excel's fictitious 1900-02-29 and is refused
//    (undefined): it names no real day. Serials 1..59 are 1900-01-01..1900-02-28, 61 is 1900-03-01.
// A time, when present, must look like one: H:MM or HH:MM[:SS[.fff]] (hour 0..24), then optionally
// spaces and 'Z', a '+hh[:mm]'/'-hh[:mm]' offset or AM/PM. The time never moves the day (no zones).
// Years outside 1..9999 are refused by every parser.

export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'ymd' | 'yyyymmdd' | 'excel-serial';

export type DateDetection =
  | { format: DateFormat }
  | { ambiguous: true; candidates: DateFormat[]; example: string }
  | { unknown: true; example: string };

// Calendar arithmetic lives in the core; readers share it.
import { dayFromYmd, formatDay, ymdFromDay } from '../core/calendar.js';

export { dayFromYmd, formatDay, ymdFromDay };

// ---------------------------------------------------------------------------------------------
// Hot-path scanning. `cur` is a cursor shared by the helpers below; every parser sets it first
// (JS is single-threaded and none of these functions re-enter one another mid-scan).

let cur = 0;

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x202f || c === 0xfeff;
}

/** Trims s into [cur, return value). */
function trimInto(s: string): number {
  let i = 0;
  let n = s.length;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  while (n > i && isSpace(s.charCodeAt(n - 1))) n--;
  cur = i;
  return n;
}

function digitAt(s: string, i: number, end: number): number {
  if (i >= end) return -1;
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** One or two digits at cur (advancing cur), or -1. */
function read12(s: string, end: number): number {
  const a = digitAt(s, cur, end);
  if (a < 0) return -1;
  cur++;
  const b = digitAt(s, cur, end);
  if (b < 0) return a;
  cur++;
  return a * 10 + b;
}

/** Exactly two digits at cur (advancing cur), or -1. */
function read2(s: string, end: number): number {
  const a = digitAt(s, cur, end);
  const b = digitAt(s, cur + 1, end);
  if (a < 0 || b < 0) return -1;
  cur += 2;
  return a * 10 + b;
}

/** Exactly four digits at cur (advancing cur), or -1. */
function read4(s: string, end: number): number {
  const a = digitAt(s, cur, end);
  const b = digitAt(s, cur + 1, end);
  const c = digitAt(s, cur + 2, end);
  const d = digitAt(s, cur + 3, end);
  if ((a | b | c | d) < 0) return -1;
  cur += 4;
  return a * 1000 + b * 100 + c * 10 + d;
}

function isDateSep(c: number): boolean {
  return c === 46 /* . */ || c === 47 /* / */ || c === 45; /* - */
}

/** True when s[i, end) is a time part: ('T' | spaces) H:MM[:SS[.fff]] [spaces] [Z | ±hh[:mm] | AM | PM]. */
function timeTailOk(s: string, i: number, end: number, allowT: boolean): boolean {
  const c0 = s.charCodeAt(i);
  if (c0 === 84 /* T */) {
    if (!allowT) return false;
    i++;
  } else if (c0 === 32 || c0 === 9 || c0 === 0xa0) {
    while (i < end && isSpace(s.charCodeAt(i))) i++;
  } else {
    return false;
  }
  cur = i;
  const h = read12(s, end);
  if (h < 0 || h > 24 || s.charCodeAt(cur) !== 58 /* : */) return false;
  cur++;
  const mi = read2(s, end);
  if (mi < 0 || mi > 59) return false;
  if (cur < end && s.charCodeAt(cur) === 58) {
    cur++;
    const sec = read2(s, end);
    if (sec < 0 || sec > 60) return false;
    const c = s.charCodeAt(cur);
    if (cur < end && (c === 46 || c === 44)) {
      cur++;
      const start = cur;
      while (digitAt(s, cur, end) >= 0) cur++;
      if (cur === start) return false;
    }
  }
  while (cur < end && isSpace(s.charCodeAt(cur))) cur++;
  if (cur === end) return true;
  const c = s.charCodeAt(cur);
  if (c === 90 || c === 122 /* Z z */) return cur + 1 === end;
  if (c === 43 || c === 45 /* + - */) {
    cur++;
    if (read2(s, end) < 0) return false;
    if (cur < end && s.charCodeAt(cur) === 58) cur++;
    if (cur < end && read2(s, end) < 0) return false;
    return cur === end;
  }
  if (c === 65 || c === 97 || c === 80 || c === 112 /* A a P p */) {
    const m = s.charCodeAt(cur + 1);
    return (m === 77 || m === 109) && cur + 2 === end;
  }
  return false;
}

function validYear(y: number): boolean {
  return y >= 1 && y <= 9999;
}

function parseIsoText(s: string): number | undefined {
  const end = trimInto(s);
  const y = read4(s, end);
  if (y < 0 || !validYear(y)) return undefined;
  const sep = s.charCodeAt(cur);
  if (cur >= end || !isDateSep(sep)) return undefined;
  cur++;
  const m = read12(s, end);
  if (m < 0 || s.charCodeAt(cur) !== sep || cur >= end) return undefined;
  cur++;
  const d = read12(s, end);
  if (d < 0) return undefined;
  if (cur < end && !timeTailOk(s, cur, end, true)) return undefined;
  return dayFromYmd(y, m, d);
}

function parseDayMonthYear(s: string, dayFirst: boolean): number | undefined {
  const end = trimInto(s);
  const p = read12(s, end);
  if (p < 0) return undefined;
  const sep = s.charCodeAt(cur);
  if (cur >= end || !isDateSep(sep)) return undefined;
  cur++;
  const q = read12(s, end);
  if (q < 0 || s.charCodeAt(cur) !== sep || cur >= end) return undefined;
  cur++;
  const y = read4(s, end);
  if (y < 0 || !validYear(y)) return undefined;
  if (cur < end && !timeTailOk(s, cur, end, false)) return undefined;
  return dayFirst ? dayFromYmd(y, q, p) : dayFromYmd(y, p, q);
}

function parseDmyText(s: string): number | undefined {
  return parseDayMonthYear(s, true);
}

function parseMdyText(s: string): number | undefined {
  return parseDayMonthYear(s, false);
}

function parseYyyymmddText(s: string): number | undefined {
  const end = trimInto(s);
  if (end - cur !== 8) return undefined;
  const y = read4(s, end);
  const m = read2(s, end);
  const d = read2(s, end);
  if (y < 0 || m < 0 || d < 0 || !validYear(y)) return undefined;
  return dayFromYmd(y, m, d);
}

const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31
const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01 (counting the fictitious 1900-02-29)

/** The integer part of an Excel serial at s (digits, then an optional [.,]digits fraction); -1 if not one. */
function readSerial(s: string): number {
  const end = trimInto(s);
  let v = 0;
  const start = cur;
  let dgt: number;
  while ((dgt = digitAt(s, cur, end)) >= 0) {
    v = v * 10 + dgt;
    cur++;
  }
  if (cur === start) return -1;
  if (cur < end) {
    const c = s.charCodeAt(cur);
    if (c !== 46 && c !== 44) return -1;
    cur++;
    const fs = cur;
    while (digitAt(s, cur, end) >= 0) cur++;
    if (cur === fs || cur !== end) return -1;
  }
  return v;
}

function dayFromSerial(v: number): number | undefined {
  if (v < 1 || v > EXCEL_MAX_SERIAL || v === 60) return undefined;
  return v < 60 ? v - EXCEL_EPOCH_OFFSET + 1 : v - EXCEL_EPOCH_OFFSET;
}

function parseSerialText(s: string): number | undefined {
  const v = readSerial(s);
  return v < 0 ? undefined : dayFromSerial(v);
}

/** A parser for one format: text -> day number, or undefined when the text is not a readable date. */
export function makeDateParser(format: DateFormat): (text: string) => number | undefined {
  switch (format) {
    case 'iso':
    case 'ymd':
      return parseIsoText;
    case 'dmy':
      return parseDmyText;
    case 'mdy':
      return parseMdyText;
    case 'yyyymmdd':
      return parseYyyymmddText;
    case 'excel-serial':
      return parseSerialText;
  }
}

// ---------------------------------------------------------------------------------------------
// xlsx cells in a date column

/** Plausible serials of a bare number cell: 1954-10-03 .. 2119-01-10, as detection takes them. */
const SERIAL_CELL_MIN = 20000;
const SERIAL_CELL_MAX = 80000;
const MS_PER_DAY = 86_400_000;
/** 1900-01-01: exceljs turns a time-of-day cell (a serial below 1) into a 1899-12-30 instant. */
const FIRST_DATE_CELL_MS = Date.UTC(1900, 0, 1);

/**
 * Day of a number cell in a date column: yyyymmdd as a number (years 1900..2200) or an Excel
 * serial in 20000..80000. Any other number (an amount, an id, a time of day) is not a date.
 */
export function dayFromNumberCell(n: number): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (n >= 19000101 && n <= 22001231) return Number.isInteger(n) ? parseYyyymmddText(String(n)) : undefined;
  return n >= SERIAL_CELL_MIN && n < SERIAL_CELL_MAX + 1 ? dayFromSerial(Math.floor(n)) : undefined;
}

/**
 * Day of a date cell. exceljs hands date cells over as the UTC instant of the wall-clock date
 * and time; one before 1900 is a time of day without a date.
 */
export function dayFromDateCell(d: Date): number | undefined {
  const t = d.getTime();
  return Number.isNaN(t) || t < FIRST_DATE_CELL_MS ? undefined : Math.floor(t / MS_PER_DAY);
}

// ---------------------------------------------------------------------------------------------
// Detection

/** The first non-digit character of the trimmed text (the separator of a d/m/y date), or ''. */
function firstSeparator(s: string): string {
  const end = trimInto(s);
  while (digitAt(s, cur, end) >= 0) cur++;
  return cur < end ? s.charAt(cur) : '';
}

const DETECTORS: readonly { format: DateFormat; accepts: (s: string) => boolean }[] = [
  { format: 'iso', accepts: (s) => parseIsoText(s) !== undefined },
  { format: 'dmy', accepts: (s) => parseDmyText(s) !== undefined },
  // Nobody writes mm.dd.yyyy: a '.'-separated date never counts for mdy.
  { format: 'mdy', accepts: (s) => parseMdyText(s) !== undefined && firstSeparator(s) !== '.' },
  {
    format: 'yyyymmdd',
    accepts: (s) => {
      const day = parseYyyymmddText(s);
      if (day === undefined) return false;
      const { y } = ymdFromDay(day);
      return y >= 1900 && y <= 2200;
    },
  },
  {
    // Only 20000..80000 (1954-10-03 .. 2119-01-10): smaller or larger plain numbers are more
    // likely amounts or ids than dates.
    format: 'excel-serial',
    accepts: (s) => {
      const v = readSerial(s);
      return v >= 20000 && v <= 80000;
    },
  },
];

/**
 * Decides the date format of a column from sample cells. Each candidate counts the samples it
 * reads (dmy and mdy both read 01/02/2023; only dmy reads 13/02/2023; only mdy reads 02/13/2023;
 * only dmy reads any '.'-separated date); the candidate reading the most samples wins. When dmy
 * and mdy tie for the most, the column is ambiguous and the caller should ask for --date-format.
 * When no candidate reads any sample the format is unknown. Empty samples are ignored.
 */
export function detectDateFormat(samples: readonly string[]): DateDetection {
  const texts = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (texts.length === 0) return { unknown: true, example: '' };
  const counts = DETECTORS.map((det) => {
    let n = 0;
    for (const t of texts) if (det.accepts(t)) n++;
    return n;
  });
  const best = Math.max(...counts);
  if (best === 0) return { unknown: true, example: texts[0] ?? '' };
  const winners = DETECTORS.filter((_, i) => counts[i] === best);
  if (winners.length === 1) return { format: winners[0]!.format };
  const example = texts.find((t) => winners.every((w) => w.accepts(t))) ?? texts[0] ?? '';
  return { ambiguous: true, candidates: winners.map((w) => w.format), example };
}

const FORMAT_OPTIONS: Readonly<Record<string, DateFormat>> = {
  iso: 'iso',
  'yyyy-mm-dd': 'iso',
  ymd: 'ymd',
  'yyyy/mm/dd': 'ymd',
  'yyyy.mm.dd': 'ymd',
  dmy: 'dmy',
  'dd.mm.yyyy': 'dmy',
  'dd/mm/yyyy': 'dmy',
  'dd-mm-yyyy': 'dmy',
  mdy: 'mdy',
  'mm/dd/yyyy': 'mdy',
  'mm-dd-yyyy': 'mdy',
  'mm.dd.yyyy': 'mdy',
  yyyymmdd: 'yyyymmdd',
  'excel-serial': 'excel-serial',
  serial: 'excel-serial',
  excel: 'excel-serial',
};

/** --date-format: a format name or a pattern such as 'dd.mm.yyyy' (case-insensitive). */
export function parseDateFormatOption(text: string): DateFormat | undefined {
  const key = text.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(FORMAT_OPTIONS, key) ? FORMAT_OPTIONS[key] : undefined;
}

/**
 * --as-of/--from/--to: 'today' (case-insensitive), yyyy-mm-dd (also yyyy/mm/dd, yyyy.mm.dd),
 * dd.mm.yyyy, or yyyymmdd. dd/mm/yyyy and mm/dd/yyyy are refused: they cannot be told apart.
 */
export function parseDayArgument(text: string, today: number): number | undefined {
  const t = text.trim();
  if (t.toLowerCase() === 'today') return today;
  const iso = parseIsoText(t);
  if (iso !== undefined) return iso;
  if (firstSeparator(t) === '.') {
    const dmy = parseDmyText(t);
    if (dmy !== undefined) return dmy;
  }
  return parseYyyymmddText(t);
}
