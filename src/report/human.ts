// Numbers and dates as a person reads them in the terminal. One place, so a language setting
// can change them all.
import { formatDay } from '../core/calendar.js';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function humanMoney(x: number | null): string {
  return x === null ? '' : money.format(x === 0 ? 0 : x);
}

export function humanInteger(x: number | null): string {
  return x === null ? '' : integer.format(x);
}

export function humanNumber(x: number | null): string {
  return x === null ? '' : decimal.format(x);
}

export function humanPercent(x: number | null, digits = 1): string {
  return x === null ? '' : `${(x * 100).toFixed(digits)}%`;
}

export function humanDay(day: number | null): string {
  return day === null ? '' : formatDay(day);
}
