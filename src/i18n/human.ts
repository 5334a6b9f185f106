// Numbers and dates as a person reads them in the terminal and in workbook texts. One place, so
// a language (src/i18n) can change them all: each catalogue holds a Human made by makeHuman.
//
// The digits always come from one formatter (Intl en-US) and only the separators are swapped,
// so the same figure reads 1,234,567.89 in English and 1 234 567,89 in Russian and Kazakh with
// exactly the same digits and rounding: a language never changes a number.
import { formatDay, ymdFromDay } from '../core/calendar.js';

export interface NumberStyle {
  /** Thousands separator: "," in English, a no-break space (U+00A0) in Russian and Kazakh. */
  group: string;
  /** Decimal mark. */
  decimal: string;
  /** Dates: ISO (2026-10-31) or day.month.year (31.10.2026). */
  dates: 'iso' | 'dmy';
}

export interface Human {
  readonly style: NumberStyle;
  /** Two decimals (none for a whole amount), thousands grouped; '' for null. */
  money(x: number | null): string;
  /** Rounded to a whole number, thousands grouped. */
  integer(x: number | null): string;
  /** Up to two decimals, thousands grouped. */
  number(x: number | null): string;
  /** A fraction as percent: 0.125 → 12.5%. */
  percent(x: number | null, digits?: number): string;
  /** A day number as a date. */
  day(day: number | null): string;
  /** A 'YYYY-MM-DD' text as a date in this style; other text unchanged. */
  isoDay(text: string): string;
  /** x.toFixed(digits) with this decimal mark (no grouping): CV, weeks. */
  fixed(x: number, digits: number): string;
  /** x.toPrecision(digits) with this decimal mark: model parameters. */
  precision(x: number, digits: number): string;
}

/** Made on first use: the first Intl formatter loads ICU's data (~10 ms), which CSV and JSON never need. */
function lazyFormat(options: Intl.NumberFormatOptions): { format(x: number): string } {
  let formatter: Intl.NumberFormat | undefined;
  return { format: (x) => (formatter ??= new Intl.NumberFormat('en-US', options)).format(x) };
}

const money = lazyFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = lazyFormat({ maximumFractionDigits: 0 });
const decimal = lazyFormat({ maximumFractionDigits: 2 });

export function makeHuman(style: NumberStyle): Human {
  const english = style.group === ',' && style.decimal === '.';
  // en-US digits with this style's separators.
  const swap = (text: string): string => (english ? text : text.replace(/[,.]/g, (ch) => (ch === ',' ? style.group : style.decimal)));
  const point = (text: string): string => (style.decimal === '.' ? text : text.replace('.', style.decimal));
  const dmy = (y: number, m: number, d: number): string => `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y).padStart(4, '0')}`;
  return {
    style,
    // Whole amounts without a needless .00; any other amount with its two decimals.
    money: (x) => (x === null ? '' : swap((Math.round(x * 100) % 100 === 0 ? integer : money).format(x === 0 ? 0 : x))),
    integer: (x) => (x === null ? '' : swap(integer.format(x))),
    number: (x) => (x === null ? '' : swap(decimal.format(x))),
    percent: (x, digits = 1) => (x === null ? '' : `${point((x * 100).toFixed(digits))}%`),
    day: (d) => {
      if (d === null) return '';
      if (style.dates === 'iso') return formatDay(d);
      const { y, m, d: dd } = ymdFromDay(d);
      return dmy(y, m, dd);
    },
    isoDay: (text) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      return m === null || style.dates === 'iso' ? text : `${m[3]}.${m[2]}.${m[1]}`;
    },
    fixed: (x, digits) => point(x.toFixed(digits)),
    precision: (x, digits) => point(x.toPrecision(digits)),
  };
}
